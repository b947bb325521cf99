// The segment editor's live count: a moment after the conditions stop changing, asks the server how many
// people the query finds (POST /api/segments/count) and who the first of them are (POST
// /api/segments/members), keeping the last answer on screen meanwhile. A refused query names the row at
// fault (the error path's condition index, mapped through the rows the query was built from).
import { useEffect, useRef, useState } from 'react';
import { ApiError, apiPost } from '../api';
import type { CrmPerson, CrmPersonPage } from './crm-types';
import { rowOfErrorPath, type RowsAsQuery } from './segment-rows';

export const LIVE_COUNT_DELAY_MS = 350;
const PREVIEW_SIZE = 8;

export type LiveSegmentCount = {
  count: number | null;
  preview: CrmPerson[];
  isCounting: boolean;
  error: unknown;
  /** The row the server refused, when its error names one. */
  errorRowId: string | null;
  /** The query the shown count is for (JSON), to tell a fresh answer from a stale one. */
  countedQueryKey: string | null;
};

export function useLiveSegmentCount({ query, rowIds }: RowsAsQuery, delayMs = LIVE_COUNT_DELAY_MS): LiveSegmentCount {
  const queryKey = JSON.stringify(query);
  const [state, setState] = useState<LiveSegmentCount>({ count: null, preview: [], isCounting: true, error: null, errorRowId: null, countedQueryKey: null });
  const latest = useRef(0);
  const rowIdsRef = useRef(rowIds);
  rowIdsRef.current = rowIds;

  useEffect(() => {
    const request = ++latest.current;
    const ids = rowIdsRef.current;
    setState((s) => ({ ...s, isCounting: true }));
    const timer = window.setTimeout(() => {
      const body = JSON.parse(queryKey) as unknown;
      Promise.all([
        apiPost<{ count: number }>('/api/segments/count', { query: body }),
        apiPost<CrmPersonPage>('/api/segments/members', { query: body, limit: PREVIEW_SIZE }),
      ])
        .then(([counted, page]) => {
          if (request !== latest.current) return;
          setState({ count: counted.count, preview: page.members, isCounting: false, error: null, errorRowId: null, countedQueryKey: queryKey });
        })
        .catch((caught: unknown) => {
          if (request !== latest.current) return;
          const detail = caught instanceof ApiError ? caught.details.find((d) => rowOfErrorPath(d.path, ids)) : undefined;
          setState((s) => ({ ...s, isCounting: false, error: caught, errorRowId: detail ? rowOfErrorPath(detail.path, ids) : null, countedQueryKey: null }));
        });
    }, delayMs);
    return () => window.clearTimeout(timer);
  }, [queryKey, delayMs]);

  return state;
}
