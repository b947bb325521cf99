// The board page's data: the board for the current filters, "load more" per column, and card moves
// that show at once and roll back (with the server's reason) when the server refuses them.
import { useCallback, useEffect, useRef, useState } from 'react';
import { apiGet, apiPost } from '../api';
import { describeError } from '../components/error-notice';
import { appendPage, findCard, moveCard } from './board-state';
import type { BoardFilters, BoardStagePage, JobBoard } from './job-types';

export type BoardMove =
  | { kind: 'stage'; applicationId: string; toStageKey: string; reason?: string }
  | { kind: 'reject'; applicationId: string; toStageKey: string; reasonId: string; note?: string; notifyCandidate: boolean };

export type BoardToast = { id: number; tone: 'error' | 'success'; message: string };

const STATUS_OF_KIND: Record<string, 'REJECTED' | 'HIRED'> = { REJECTED: 'REJECTED', HIRED: 'HIRED' };

function filterQuery(filters: BoardFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra);
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.source) params.set('source', filters.source);
  if (filters.status !== 'all') params.set('status', filters.status);
  const query = params.toString();
  return query ? `?${query}` : '';
}

export function useJobBoard(jobId: string, filters: BoardFilters) {
  const [board, setBoard] = useState<JobBoard | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isLoading, setIsLoading] = useState(true);
  const [loadingStage, setLoadingStage] = useState<string | null>(null);
  const [toasts, setToasts] = useState<BoardToast[]>([]);
  const latest = useRef(0);
  const boardPath = `/api/jobs/${encodeURIComponent(jobId)}/board`;
  const query = filterQuery(filters);

  const toast = useCallback((tone: BoardToast['tone'], message: string) => {
    const id = Date.now() + Math.random();
    setToasts((current) => [...current, { id, tone, message }]);
    window.setTimeout(() => setToasts((current) => current.filter((t) => t.id !== id)), tone === 'error' ? 8_000 : 4_000);
  }, []);

  const reload = useCallback(async () => {
    const request = ++latest.current;
    try {
      const loaded = await apiGet<JobBoard>(`${boardPath}${query}`);
      if (request !== latest.current) return;
      setBoard(loaded);
      setError(null);
    } catch (caught) {
      if (request === latest.current) setError(caught);
    } finally {
      if (request === latest.current) setIsLoading(false);
    }
  }, [boardPath, query]);

  useEffect(() => void reload(), [reload]);

  const loadMore = async (stageKey: string) => {
    const cursor = board?.stages.find((s) => s.key === stageKey)?.nextCursor;
    if (!cursor) return;
    setLoadingStage(stageKey);
    try {
      const page = await apiGet<BoardStagePage>(`${boardPath}/stages/${encodeURIComponent(stageKey)}${filterQuery(filters, { cursor })}`);
      setBoard((current) => (current ? appendPage(current, stageKey, page.cards, page.nextCursor) : current));
    } catch (caught) {
      toast('error', `Could not load more: ${describeError(caught)}`);
    } finally {
      setLoadingStage(null);
    }
  };

  const move = async (request: BoardMove) => {
    if (!board) return;
    const from = findCard(board, request.applicationId);
    const target = board.stages.find((s) => s.key === request.toStageKey);
    if (!from || !target || from.stage.key === target.key) return;
    const original = from.card;
    const moved = { ...original, status: STATUS_OF_KIND[target.kind] ?? 'ACTIVE', enteredStageAt: new Date().toISOString() } as const;
    setBoard((current) => (current ? moveCard(current, request.applicationId, target.key, moved) : current));
    try {
      const path = `/api/applications/${encodeURIComponent(request.applicationId)}`;
      if (request.kind === 'reject') {
        await apiPost(`${path}/decision`, { decision: 'reject', reasonId: request.reasonId, notifyCandidate: request.notifyCandidate, ...(request.note ? { note: request.note } : {}) });
      } else {
        await apiPost(`${path}/stage`, { stage: target.key, ...(request.reason ? { reason: request.reason } : {}) });
      }
      toast('success', `${original.candidateName} moved to ${target.name}.`);
    } catch (caught) {
      // Put the card back where it was, whatever else moved meanwhile.
      setBoard((current) => (current ? moveCard(current, request.applicationId, from.stage.key, original) : current));
      toast('error', `${original.candidateName} was not moved to ${target.name}: ${describeError(caught)}`);
    }
  };

  return { board, error, isLoading, loadingStage, toasts, reload, loadMore, move, dismissToast: (id: number) => setToasts((c) => c.filter((t) => t.id !== id)) };
}
