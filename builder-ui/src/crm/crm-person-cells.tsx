// Table cells shared by the CRM's lists of people (pool members, segment previews): who they are (linking to
// the profile), how interested and how engaged they are.
import { formatPersonName } from '../format';
import { INTEREST_LEVEL_LABELS, type CrmPerson } from './crm-types';

export function PersonCell({ person }: { person: Pick<CrmPerson, 'id' | 'firstName' | 'lastName' | 'email' | 'headline'> }) {
  return (
    <>
      <a className="cell-title" href={`#/candidates/${encodeURIComponent(person.id)}`} data-testid="crm-person-link">{formatPersonName(person)}</a>
      <div className="cell-meta">{[person.headline, person.email].filter(Boolean).join(' · ')}</div>
    </>
  );
}

export function InterestBadge({ level }: { level: string | null }) {
  if (!level) return <span className="muted">—</span>;
  return <span className={`interest-badge interest-${level.toLowerCase()}`}>{INTEREST_LEVEL_LABELS[level] ?? level}</span>;
}

/** The engagement score (0-100) as a number and a small bar. */
export function EngagementScore({ score }: { score: number }) {
  const width = Math.max(0, Math.min(100, score));
  return (
    <span className="engagement-score" title="Engagement score: clicks, replies, event visits and applications, fading over 30 days (opens barely count)">
      <span className="engagement-score-bar" aria-hidden="true"><span style={{ width: `${width}%` }} /></span>
      {Math.round(score)}
    </span>
  );
}

export function placeOf(person: Pick<CrmPerson, 'city' | 'countryCode'>): string {
  return [person.city, person.countryCode].filter(Boolean).join(', ') || '—';
}
