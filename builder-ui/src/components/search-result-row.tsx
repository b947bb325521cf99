// One search result: the candidate (linking to their profile) with the words
// searched for marked in the name, headline and skills; a checkbox when the list can be acted on.
import type { ReactNode } from 'react';
import type { CandidateSearchHit } from '../api-types';
import { formatDateTime } from '../format';

/** The plain words of a web-search query: phrases split, negated words and "or" left out. */
export function highlightTerms(q: string | undefined): string[] {
  if (!q) return [];
  return q
    .replace(/"/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !w.startsWith('-') && w.toLowerCase() !== 'or')
    .map((w) => w.replace(/[^\p{L}\p{N}.+#-]/gu, ''))
    .filter((w) => w.length > 1);
}

function highlight(text: string, terms: string[]): ReactNode {
  if (!terms.length || !text) return text;
  const pattern = new RegExp(`(${terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'gi');
  return text.split(pattern).map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : part));
}

type SearchResultRowProps = { hit: CandidateSearchHit; terms: string[]; selection?: { isSelected: boolean; onToggle: () => void } };

export function SearchResultRow({ hit, terms, selection }: SearchResultRowProps) {
  const place = [hit.city, hit.countryCode].filter(Boolean).join(', ');
  return (
    <tr className="search-hit" data-testid="search-hit" data-candidate-id={hit.id}>
      {selection && (
        <td className="select-cell">
          <input type="checkbox" checked={selection.isSelected} onChange={selection.onToggle} aria-label={`Select ${hit.firstName} ${hit.lastName}`} data-testid="search-hit-select" />
        </td>
      )}
      <td>
        <a className="cell-title" href={`#/candidates/${encodeURIComponent(hit.id)}`} data-testid="search-hit-link">
          {highlight(`${hit.firstName} ${hit.lastName}`, terms)}
        </a>
        <div className="cell-meta">{highlight(hit.headline ?? '', terms)}</div>
      </td>
      <td>
        {hit.skills.slice(0, 8).map((s) => <span key={s} className="chip">{highlight(s, terms)}</span>)}
        {hit.tags.map((tag) => <span key={tag} className="chip chip-tag">{tag}</span>)}
      </td>
      <td>
        {hit.yearsExperience == null ? '—' : `${hit.yearsExperience} yrs`}
        <div className="cell-meta">{place}</div>
      </td>
      <td>
        {hit.source ?? '—'}
        <div className="cell-meta">{formatDateTime(hit.createdAt)}</div>
      </td>
    </tr>
  );
}
