// One campaign (#/campaigns/:id): what it is (audience, pipeline, sender, topic, policy), what keeps it from
// running, its life (activate, pause, resume, archive), "Enroll audience" with a progress bar and the
// report, the dashboard (refreshed every few seconds) and the enrollments.
import { useEffect, useState } from 'react';
import { apiPost } from '../api';
import { ErrorNotice } from '../components/error-notice';
import { PageHeader } from '../components/page-header';
import { StatusBadge } from '../components/status-badge';
import { formatDateTime } from '../format';
import { hrefFor } from '../hash-route';
import { useApiResource } from '../use-api-resource';
import { BulkJobProgressBar } from '../crm/bulk-job-progress-bar';
import { bulkJobProgress } from '../crm/bulk-job-progress';
import { CampaignDashboard } from '../crm/campaign-dashboard';
import { CampaignEnrollments } from '../crm/campaign-enrollments';
import type { BulkJob, Campaign, CampaignEnrollmentReport, CampaignStatsView, CampaignStatusChange } from '../crm/crm-types';
import { EnrollmentReportView } from '../crm/enrollment-report';
import { useBulkJob } from '../crm/use-bulk-job';
import { useCrmRole } from '../crm/use-crm-role';
import '../crm/crm.css';

const STATS_POLL_MS = 3000;
type Action = 'activate' | 'pause' | 'resume' | 'archive';
const ACTIONS_BY_STATUS: Record<string, Action[]> = { DRAFT: ['activate', 'archive'], ACTIVE: ['pause', 'archive'], PAUSED: ['resume', 'archive'], ARCHIVED: [] };
const ACTION_LABELS: Record<Action, string> = { activate: 'Activate', pause: 'Pause', resume: 'Resume', archive: 'Archive' };

function policySummary(policy: unknown): string {
  const p = (policy ?? {}) as { frequencyCap?: { max: number; perDays: number }; quietHours?: { start: string; end: string } };
  const parts = [p.frequencyCap && `at most ${p.frequencyCap.max} per ${p.frequencyCap.perDays} days`, p.quietHours && `quiet ${p.quietHours.start}–${p.quietHours.end}`].filter(Boolean);
  return parts.length ? `${parts.join(', ')}, on top of the organization's` : "the organization's";
}

export function CampaignPage({ campaignId }: { campaignId: string }) {
  const path = `/api/campaigns/${encodeURIComponent(campaignId)}`;
  const campaign = useApiResource<Campaign>(path);
  const stats = useApiResource<CampaignStatsView>(`${path}/stats`, STATS_POLL_MS);
  const lastEnrollment = useApiResource<BulkJob[]>(`/api/bulk-jobs?kind=campaign_enroll&subjectId=${encodeURIComponent(campaignId)}&limit=1`);
  const { canEdit } = useCrmRole();
  const [startedJob, setStartedJob] = useState<BulkJob | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const { job, error: jobError } = useBulkJob(startedJob ?? lastEnrollment.data?.[0] ?? null);
  const isJobRunning = !!job && !bulkJobProgress(job).isFinished;

  // When an enrollment finishes, the numbers and the list change at once rather than at the next poll.
  const finishedJobId = job && !isJobRunning ? job.id : null;
  const { reload: reloadCampaign } = campaign;
  const { reload: reloadStats } = stats;
  useEffect(() => {
    if (!finishedJobId) return;
    void reloadCampaign();
    void reloadStats();
  }, [finishedJobId, reloadCampaign, reloadStats]);
  // The enrollment list is read again whenever the numbers move (someone enrolled, parked, exited).
  const enrollmentsVersion = stats.data ? JSON.stringify([stats.data.enrollments, stats.data.people.replied]) : '';

  const act = async (label: string, work: () => Promise<void>) => {
    setBusy(label);
    setActionError(null);
    try {
      await work();
    } catch (caught) {
      setActionError(caught);
    } finally {
      setBusy(null);
    }
  };
  const changeStatus = (action: Action) => act(action, async () => {
    if (action === 'archive' && !window.confirm('Archive this campaign for good? Runs not started end at once; live runs exit where they wait.')) return;
    const change = await apiPost<CampaignStatusChange>(`${path}/${action}`, {});
    if (change.enrollment) setStartedJob(change.enrollment);
    await Promise.all([campaign.reload(), stats.reload()]);
  });
  const enroll = () => act('enroll', async () => setStartedJob(await apiPost<BulkJob>(`${path}/enroll`, {})));

  const c = campaign.data;
  return (
    <section className="crm-page" data-testid="campaign-page">
      <PageHeader
        backHref="#/campaigns"
        backLabel="Campaigns"
        title={<>{c?.name ?? 'Campaign'} {c && <StatusBadge status={c.status} testId="campaign-status" />}</>}
        subtitle={c ? `${c.audience.kind === 'segment' ? 'Segment' : 'Pool'} “${c.audience.name}” · topic ${c.topic}` : '\u00a0'}
        actions={c && canEdit && (
          <>
            {c.status !== 'ARCHIVED' && <a className="button" href={hrefFor(`/campaigns/${encodeURIComponent(campaignId)}/edit`)} data-testid="campaign-edit">Edit</a>}
            {(ACTIONS_BY_STATUS[c.status] ?? []).map((action) => (
              <button key={action} type="button" className={`button${action === 'activate' || action === 'resume' ? ' button-primary' : ''}`} disabled={busy !== null || (action === 'activate' && c.issues.length > 0)}
                onClick={() => void changeStatus(action)} data-testid={`campaign-${action}`}>{busy === action ? `${ACTION_LABELS[action]}…` : ACTION_LABELS[action]}</button>
            ))}
            {c.status === 'ACTIVE' && (
              <button type="button" className="button button-primary" disabled={busy !== null || isJobRunning} onClick={() => void enroll()} data-testid="campaign-enroll">
                {isJobRunning ? 'Enrolling…' : 'Enroll audience'}
              </button>
            )}
          </>
        )}
      />
      <ErrorNotice error={campaign.error} title="Could not load the campaign" onRetry={() => void campaign.reload()} />
      <ErrorNotice error={actionError} title="The campaign refused" />
      {c && c.issues.length > 0 && c.status !== 'ARCHIVED' && (
        <div className="notice job-locked-notice" role="note" data-testid="campaign-issues">
          <strong>Before this campaign can run:</strong>
          <ul className="notice-details">{c.issues.map((issue) => <li key={issue}>{issue}</li>)}</ul>
          <a href={hrefFor(`/pipelines/${encodeURIComponent(c.pipeline.id)}`)}>Open the pipeline in the builder</a>
        </div>
      )}
      {job && (
        <div className="card enrollment-card" data-testid="campaign-enrollment-job">
          <BulkJobProgressBar job={job} unit="people" label={isJobRunning ? 'Enrolling the audience' : `Last enrollment, ${formatDateTime(job.finishedAt ?? job.createdAt)}`} />
          {job.status === 'SUCCEEDED' && job.report != null && <EnrollmentReportView report={job.report as CampaignEnrollmentReport} />}
          <ErrorNotice error={jobError} title="Could not follow the enrollment" />
        </div>
      )}
      {c && (
        <dl className="definition-grid card campaign-facts" data-testid="campaign-facts">
          <dt>Pipeline</dt>
          <dd><a href={hrefFor(`/pipelines/${encodeURIComponent(c.pipeline.id)}`)}>{c.pipeline.name}</a> {c.pipeline.publishedVersion ? `v${c.pipeline.publishedVersion.version}` : <span className="muted">not published</span>}</dd>
          <dt>Sent as</dt>
          <dd>{c.sender ? `${c.sender.name} <${c.sender.email}>` : "The organization's sender"}; replies reach them</dd>
          <dt>Contact policy</dt>
          <dd>{policySummary(c.contactPolicy)}</dd>
          <dt>New audience members</dt>
          <dd>{c.isAutoEnroll ? 'Enroll on their own while the campaign is active' : 'Wait for "Enroll audience"'}</dd>
          <dt>Activated</dt>
          <dd>{c.activatedAt ? formatDateTime(c.activatedAt) : '—'}</dd>
        </dl>
      )}
      <ErrorNotice error={stats.error} title="Could not load the numbers" />
      {stats.data && c && <CampaignDashboard stats={stats.data} pipelineId={c.pipeline.id} />}
      {!stats.data && !stats.error && <p className="muted dashboard-placeholder">Loading the numbers…</p>}
      <CampaignEnrollments campaignId={campaignId} canEdit={canEdit} version={enrollmentsVersion} />
    </section>
  );
}
