// One run: who, which pipeline version, where it is now, the steps so far, and a link to the
// workflow in the Temporal Web UI for the full event history.
import { useEffect, useState } from 'react';
import type { RunDetail } from '../api-types';
import { ErrorNotice } from '../components/error-notice';
import { PageHeader } from '../components/page-header';
import { RunStepTimeline } from '../components/run-step-timeline';
import { StatusBadge } from '../components/status-badge';
import { formatDateTime, formatDuration, formatPersonName } from '../format';
import { hrefFor } from '../hash-route';
import { useApiResource } from '../use-api-resource';

const ACTIVE_RUN_POLL_MS = 3_000;

export function RunDetailPage({ runId }: { runId: string }) {
  // Poll only while the run can still change; a finished run's history is final.
  const [isPolling, setIsPolling] = useState(true);
  const run = useApiResource<RunDetail>(`/api/runs/${encodeURIComponent(runId)}`, isPolling ? ACTIVE_RUN_POLL_MS : undefined);
  const data = run.data;
  const isRunActive = data ? data.endedAt === null : false;

  useEffect(() => {
    if (data) setIsPolling(data.endedAt === null);
  }, [data]);

  if (!data) {
    return (
      <section data-testid="run-detail-page">
        <PageHeader title="Run" backHref={hrefFor('/runs')} backLabel="Runs" />
        {run.isLoading && <p className="muted">Loading run…</p>}
        <ErrorNotice error={run.error} title="Could not load the run" onRetry={() => void run.reload()} />
      </section>
    );
  }

  return (
    <section data-testid="run-detail-page">
      <PageHeader
        title={formatPersonName(data.candidate)}
        subtitle={`${data.version.pipeline.name} · v${data.version.version}`}
        backHref={hrefFor('/runs')}
        backLabel="Runs"
        actions={
          <a className="button" href={data.temporalUrl} target="_blank" rel="noopener noreferrer" data-testid="temporal-link">
            Open in Temporal Web UI ↗
          </a>
        }
      />
      <ErrorNotice error={run.error} title="Could not refresh the run" onRetry={() => void run.reload()} />
      <div className="run-layout">
        <div className="card">
          <h2 className="card-title">Timeline</h2>
          <RunStepTimeline steps={data.steps} currentNodeId={data.currentNodeId} isRunActive={isRunActive} />
        </div>
        <div className="card side-card">
          <h2 className="card-title">Run</h2>
          <dl className="definition-grid">
            <dt>Status</dt>
            <dd><StatusBadge status={data.status} testId="run-status" /></dd>
            <dt>Candidate</dt>
            <dd>{data.candidate.email}</dd>
            <dt>Current step</dt>
            <dd>{data.currentNodeId ? <code>{data.currentNodeId}</code> : '—'}</dd>
            <dt>Started</dt>
            <dd>{formatDateTime(data.startedAt)}</dd>
            <dt>Ended</dt>
            <dd>{formatDateTime(data.endedAt)}</dd>
            <dt>Duration</dt>
            <dd>{formatDuration(data.startedAt, data.endedAt)}</dd>
            <dt>Workflow id</dt>
            <dd><code className="wrap-anywhere">{data.workflowId}</code></dd>
          </dl>
        </div>
      </div>
    </section>
  );
}
