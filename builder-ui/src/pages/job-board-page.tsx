// The kanban board of one job (#/jobs/:id; the fit ranking is the tab beside it): a column per
// stage with its count, a card per application, filters (keyword, source, active / rejected /
// hired), "load more" per column, and drag-and-drop between columns. Moves show at once and roll
// back with the server's reason when refused; a rejected stage asks for the rejection reason first.
import { useEffect, useState } from 'react';
import { ErrorNotice } from '../components/error-notice';
import { JobBoardColumn } from '../components/job-board-column';
import { JobRejectDialog, type RejectChoice } from '../components/job-reject-dialog';
import { JobStatusBadge } from '../components/job-status-badge';
import { JobViewTabs } from '../components/job-view-tabs';
import { PageHeader } from '../components/page-header';
import { hrefFor } from '../hash-route';
import { findCard } from '../jobs/board-state';
import { JOB_EDITOR_ROLES, type BoardFilters } from '../jobs/job-types';
import { useCurrentUser } from '../jobs/use-current-user';
import { useJobBoard } from '../jobs/use-job-board';
import '../jobs/jobs.css';

/** Roles that may move applications between stages (POST /api/applications/:id/stage). */
const MOVERS = ['ADMIN', 'RECRUITER', 'COORDINATOR'];
const STATUS_OPTIONS: [BoardFilters['status'], string][] = [['all', 'All'], ['active', 'Active'], ['rejected', 'Rejected'], ['hired', 'Hired']];
const KEYWORD_DEBOUNCE_MS = 300;

export function JobBoardPage({ jobId }: { jobId: string }) {
  const [keyword, setKeyword] = useState('');
  const [filters, setFilters] = useState<BoardFilters>({ q: '', source: '', status: 'all' });
  const { board, error, isLoading, loadingStage, toasts, loadMore, move, dismissToast } = useJobBoard(jobId, filters);
  const user = useCurrentUser();
  const canMove = !!user && MOVERS.includes(user.role);
  const [pendingReject, setPendingReject] = useState<{ applicationId: string; toStageKey: string } | null>(null);

  useEffect(() => {
    const timer = window.setTimeout(() => setFilters((f) => (f.q === keyword ? f : { ...f, q: keyword })), KEYWORD_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [keyword]);

  const requestMove = (applicationId: string, toStageKey: string) => {
    const target = board?.stages.find((s) => s.key === toStageKey);
    if (!target) return;
    if (target.kind === 'REJECTED') setPendingReject({ applicationId, toStageKey });
    else void move({ kind: 'stage', applicationId, toStageKey });
  };

  const confirmReject = (choice: RejectChoice) => {
    if (!pendingReject) return;
    setPendingReject(null);
    if ('reasonText' in choice) void move({ kind: 'stage', ...pendingReject, reason: choice.reasonText });
    else void move({ kind: 'reject', ...pendingReject, reasonId: choice.reasonId, note: choice.note || undefined, notifyCandidate: choice.notifyCandidate });
  };

  const rejecting = pendingReject && board ? findCard(board, pendingReject.applicationId) : null;
  const total = board?.stages.reduce((sum, s) => sum + s.count, 0) ?? 0;
  return (
    <section className="board-page" data-testid="job-board-page" data-job-id={jobId}>
      <PageHeader
        backHref={hrefFor('/jobs')}
        backLabel="Jobs"
        title={<>{board?.job.title ?? 'Job'} {board && <JobStatusBadge status={board.job.status} />}</>}
        subtitle={board ? `${board.job.department ?? 'No department'} · ${total} application${total === 1 ? '' : 's'}${filters.q || filters.source || filters.status !== 'all' ? ' match the filters' : ''}` : undefined}
        actions={<>
          <JobViewTabs jobId={jobId} active="board" />
          <a className="button" href={hrefFor(`/jobs/${encodeURIComponent(jobId)}/edit`)} data-testid="board-edit-job">{user && !JOB_EDITOR_ROLES.includes(user.role) ? 'Job details' : 'Edit job'}</a>
        </>}
      />
      <div className="inline-form board-filters" role="search">
        <label className="field field-grow">
          <span>Search candidates</span>
          <input type="search" value={keyword} onChange={(e) => setKeyword(e.target.value)} placeholder="Name, email or headline" data-testid="board-filter-keyword" />
        </label>
        <label className="field">
          <span>Source</span>
          <select value={filters.source} onChange={(e) => setFilters({ ...filters, source: e.target.value })} data-testid="board-filter-source">
            <option value="">All sources</option>
            {(board?.sources ?? []).map((s) => <option key={s} value={s}>{s.replace(/_/g, ' ')}</option>)}
          </select>
        </label>
        <div className="segmented" role="group" aria-label="Status">
          {STATUS_OPTIONS.map(([value, label]) => (
            <button key={value} type="button" aria-pressed={filters.status === value} className={`segmented-option${filters.status === value ? ' is-active' : ''}`}
              onClick={() => setFilters({ ...filters, status: value })} data-testid="board-filter-status" data-status={value}>
              {label}
            </button>
          ))}
        </div>
      </div>
      <ErrorNotice error={error} title="Could not load the board" />
      {isLoading && !board && <p className="muted">Loading the board…</p>}
      {board && (
        <div className="board-columns" data-testid="board-columns">
          {board.stages.map((stage) => (
            <JobBoardColumn key={stage.key} stage={stage} stages={board.stages} canMove={canMove} isLoadingMore={loadingStage === stage.key}
              onLoadMore={() => void loadMore(stage.key)} onMoveRequest={requestMove} />
          ))}
        </div>
      )}
      {rejecting && pendingReject && (
        <JobRejectDialog candidateName={rejecting.card.candidateName} stageName={board!.stages.find((s) => s.key === pendingReject.toStageKey)!.name}
          onConfirm={confirmReject} onCancel={() => setPendingReject(null)} />
      )}
      <div className="board-toasts" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} className={`board-toast board-toast-${toast.tone}`} role={toast.tone === 'error' ? 'alert' : 'status'} data-testid="board-toast" data-tone={toast.tone}>
            {toast.message}
            <button type="button" className="button button-small button-ghost" aria-label="Dismiss" onClick={() => dismissToast(toast.id)}>✕</button>
          </div>
        ))}
      </div>
    </section>
  );
}
