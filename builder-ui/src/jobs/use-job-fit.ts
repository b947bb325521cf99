// The Fit view's data (GET /api/jobs/:id/fit): the first page for the chosen kind, "load more" appending the
// next page by offset, and a prospect marked as an applicant once handed off, without reranking the list
// under the recruiter's eyes. A response for an older request (the kind changed meanwhile) is dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import { apiGet } from '../api';
import type { FitKind, FitRanking } from './job-types';

export const FIT_PAGE_SIZE = 25;

export function useJobFit(jobId: string, kind: FitKind, pageSize = FIT_PAGE_SIZE) {
  const [ranking, setRanking] = useState<FitRanking | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isLoading, setIsLoading] = useState(true);
  const [isLoadingMore, setIsLoadingMore] = useState(false);
  const [loadMoreError, setLoadMoreError] = useState<unknown>(null);
  const latest = useRef(0);
  const path = `/api/jobs/${encodeURIComponent(jobId)}/fit?kind=${kind}&limit=${pageSize}`;

  const reload = useCallback(async () => {
    const request = ++latest.current;
    setIsLoading(true);
    setLoadMoreError(null);
    try {
      const loaded = await apiGet<FitRanking>(path);
      if (request !== latest.current) return;
      setRanking(loaded);
      setError(null);
    } catch (caught) {
      if (request !== latest.current) return;
      setRanking(null);
      setError(caught);
    } finally {
      if (request === latest.current) setIsLoading(false);
    }
  }, [path]);

  // Another kind (or page size) is another list: do not show the previous one under the new switch.
  useEffect(() => {
    setRanking(null);
    void reload();
  }, [reload]);

  const loadMore = async () => {
    const offset = ranking?.nextOffset;
    if (offset == null) return;
    const request = latest.current;
    setIsLoadingMore(true);
    try {
      const page = await apiGet<FitRanking>(`${path}&offset=${offset}`);
      if (request !== latest.current) return;
      setRanking((current) => (current ? { ...page, candidates: [...current.candidates, ...page.candidates] } : current));
      setLoadMoreError(null);
    } catch (caught) {
      if (request === latest.current) setLoadMoreError(caught);
    } finally {
      setIsLoadingMore(false);
    }
  };

  const markApplicant = (candidateId: string, applicationId: string) =>
    setRanking((current) => current && {
      ...current,
      candidates: current.candidates.map((c) => (c.candidateId === candidateId ? { ...c, applicationId, applicationStatus: 'ACTIVE' } : c)),
    });

  return { ranking, error, isLoading, isLoadingMore, loadMoreError, reload, loadMore, markApplicant };
}
