// Candidate search (#/search?q=…): keywords and filters from the address, one
// page of results at a time ("More results" continues with the API's keyset
// cursor), rows open the profile; saved searches on the side; selected rows
// go to a talent pool or get a tag.
import { useCallback, useEffect, useState } from 'react';
import { apiPost } from '../api';
import type { CandidateSearchHit, CandidateSearchQuery, CandidateSearchResult } from '../api-types';
import { ErrorNotice } from '../components/error-notice';
import { PageHeader } from '../components/page-header';
import { paramsFromSearchQuery, SearchFilters, searchQueryFromParams } from '../components/search-filters';
import { highlightTerms, SearchResultRow } from '../components/search-result-row';
import { SearchSavedSearches } from '../components/search-saved-searches';
import { navigate } from '../hash-route';
import { SelectedCandidatesActions } from '../crm/selected-candidates-actions';
import { useCrmRole } from '../crm/use-crm-role';
import { useRowSelection } from '../crm/use-row-selection';
import '../crm/crm.css';
import './recruiter-pages.css';

const PAGE_SIZE = 25;

export function SearchPage({ params }: { params: URLSearchParams }) {
  const queryKey = params.toString();
  const query = searchQueryFromParams(new URLSearchParams(queryKey));
  const [hits, setHits] = useState<CandidateSearchHit[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [isLoading, setIsLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);

  const run = useCallback(async (cursor: string | null) => {
    setIsLoading(true);
    try {
      const request = { ...searchQueryFromParams(new URLSearchParams(queryKey)), limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) };
      const result = await apiPost<CandidateSearchResult>('/api/search/candidates', request);
      setHits((previous) => (cursor ? [...previous, ...result.candidates] : result.candidates));
      setNextCursor(result.nextCursor);
      setError(null);
    } catch (caught) {
      if (!cursor) setHits([]);
      setError(caught);
    } finally {
      setIsLoading(false);
    }
  }, [queryKey]);

  useEffect(() => {
    void run(null);
  }, [run]);

  const onSearch = (next: CandidateSearchQuery) => {
    const text = paramsFromSearchQuery(next);
    // The same search again (the address would not change): run it anyway.
    if (text === paramsFromSearchQuery(query)) void run(null);
    else navigate(`/search${text ? `?${text}` : ''}`);
  };
  const terms = highlightTerms(query.q);
  // Recruiters and admins act on the people found: add them to a talent pool, tag them.
  const { canEdit } = useCrmRole();
  const selection = useRowSelection(hits.map((hit) => hit.id));
  const columnCount = canEdit ? 5 : 4;

  return (
    <section data-testid="search-page">
      <PageHeader title="Candidates" subtitle="Search profiles and resumes; the address keeps your filters, so you can share a search as a link." />
      <div className="search-layout">
        <aside>
          <SearchSavedSearches current={query} />
        </aside>
        <div>
          <SearchFilters query={query} onSearch={onSearch} />
          <ErrorNotice error={error} title="Search failed" />
          {canEdit && <SelectedCandidatesActions candidateIds={selection.selectedIds} onDone={selection.clear} />}
          <div className="card table-card">
            <table className="data-table" data-testid="search-results">
              <thead>
                <tr>
                  {canEdit && <th className="select-cell"><input type="checkbox" aria-label="Select every candidate shown" checked={selection.isAllSelected} onChange={selection.toggleAll} data-testid="search-select-all" /></th>}
                  <th>Candidate</th>
                  <th>Skills · Tags</th>
                  <th>Experience · Location</th>
                  <th>Source · Added</th>
                </tr>
              </thead>
              <tbody>
                {hits.map((hit) => (
                  <SearchResultRow key={hit.id} hit={hit} terms={terms} selection={canEdit ? { isSelected: selection.isSelected(hit.id), onToggle: () => selection.toggle(hit.id) } : undefined} />
                ))}
                {!isLoading && hits.length === 0 && !error && (
                  <tr><td colSpan={columnCount} className="table-empty" data-testid="search-empty">No candidates match.</td></tr>
                )}
                {isLoading && <tr><td colSpan={columnCount} className="table-empty">Searching…</td></tr>}
              </tbody>
            </table>
          </div>
          {nextCursor && !isLoading && (
            <button type="button" className="button" onClick={() => void run(nextCursor)} data-testid="search-more">More results</button>
          )}
        </div>
      </div>
    </section>
  );
}
