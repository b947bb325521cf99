// The fit ranking of one job (#/jobs/:id/fit[?kind=applicants|prospects|all][&limit=]): people ranked by
// the explainable score of GET /api/jobs/:id/fit (docs/metrics.md#fit-ranking), each with its points and
// reasons, what the job is ranked against, "load more" by offset, and from a prospect "Add to job". The kind
// is in the address; a hiring manager is offered applicants only (the API refuses them the rest with a 403,
// shown as it comes). A job that names nothing to rank against says what to add in the job editor.
import { ErrorNotice } from '../components/error-notice';
import { JobFitRow } from '../components/job-fit-row';
import { JobStatusBadge } from '../components/job-status-badge';
import { JobViewTabs } from '../components/job-view-tabs';
import { PageHeader } from '../components/page-header';
import { hrefFor } from '../hash-route';
import { describeRequirements, hasFitRequirements } from '../jobs/fit-reasons';
import { FIT_PROSPECT_ROLES, HAND_OFF_ROLES, JOB_EDITOR_ROLES, type FitKind, type FitRanking, type JobDetail } from '../jobs/job-types';
import { useCurrentUser } from '../jobs/use-current-user';
import { FIT_PAGE_SIZE, useJobFit } from '../jobs/use-job-fit';
import { useApiResource } from '../use-api-resource';
import '../jobs/jobs.css';

const KINDS: { kind: FitKind; label: string; one: string; many: string; empty: string }[] = [
  { kind: 'applicants', label: 'Applicants', one: 'applicant', many: 'applicants', empty: 'No one has applied to this job yet.' },
  { kind: 'prospects', label: 'Prospects', one: 'prospect', many: 'prospects', empty: 'No one else in the organization shares a skill with this job.' },
  { kind: 'all', label: 'All', one: 'person', many: 'people', empty: 'No applicants, and no one else in the organization shares a skill with this job.' },
];

function kindFrom(params: URLSearchParams): FitKind {
  const kind = params.get('kind');
  return KINDS.find((k) => k.kind === kind)?.kind ?? 'applicants';
}

function pageSizeFrom(params: URLSearchParams): number {
  const limit = Number(params.get('limit'));
  return Number.isInteger(limit) && limit >= 1 && limit <= 200 ? limit : FIT_PAGE_SIZE;
}

function RankedAgainst({ ranking }: { ranking: FitRanking }) {
  const lines = describeRequirements(ranking.requirements);
  const notScored = ranking.candidates[0]?.notScored ?? [];
  return (
    <div className="fit-requirements" data-testid="fit-requirements">
      <span className="fit-requirements-title">Ranked against</span>
      <dl>
        {lines.map((line) => (
          <div key={line.label}><dt>{line.label}</dt><dd>{line.value}</dd></div>
        ))}
      </dl>
      {notScored.length > 0 && (
        <p className="muted fit-not-scored" data-testid="fit-not-scored">Not scored: {notScored.map((n) => n.reason).join('; ')}.</p>
      )}
    </div>
  );
}

function NoRequirements({ jobId, canEdit }: { jobId: string; canEdit: boolean }) {
  return (
    <div className="empty-state" data-testid="fit-no-requirements">
      <h2>Nothing to rank against yet</h2>
      <p>
        The ranking reads the job's title and description for the skills it names (for example &ldquo;TypeScript, PostgreSQL and
        Kafka&rdquo;; those after a &ldquo;Nice to have&rdquo; heading count as a plus), the years of experience it asks (&ldquo;5+
        years&rdquo;), and its locations or remote policy.
      </p>
      <p>
        {canEdit
          ? <a className="button" href={hrefFor(`/jobs/${encodeURIComponent(jobId)}/edit`)} data-testid="fit-edit-job">Add them in the job editor</a>
          : 'Ask the job\'s recruiter to add them in the job editor.'}
      </p>
    </div>
  );
}

export function JobFitPage({ jobId, params }: { jobId: string; params: URLSearchParams }) {
  const kind = kindFrom(params);
  const shown = KINDS.find((k) => k.kind === kind)!;
  const pageSize = pageSizeFrom(params);
  const user = useCurrentUser();
  const job = useApiResource<JobDetail>(`/api/jobs/${encodeURIComponent(jobId)}`);
  const { ranking, error, isLoading, isLoadingMore, loadMoreError, reload, loadMore, markApplicant } = useJobFit(jobId, kind, pageSize);
  // Until the role is known only Applicants is offered, so a hiring manager never sees the others flash by.
  const kinds = user && FIT_PROSPECT_ROLES.includes(user.role) ? KINDS : KINDS.filter((k) => k.kind === 'applicants');
  const canHandOff = !!user && HAND_OFF_ROLES.includes(user.role);
  const canEdit = !user || JOB_EDITOR_ROLES.includes(user.role);
  const kindHref = (next: FitKind) => hrefFor(`/jobs/${encodeURIComponent(jobId)}/fit?kind=${next}${params.has('limit') ? `&limit=${pageSize}` : ''}`);
  const hasRequirements = ranking ? hasFitRequirements(ranking.requirements) : true;

  return (
    <section className="fit-page" data-testid="job-fit-page" data-job-id={jobId} data-kind={kind} data-viewer-role={user?.role ?? ''}>
      <PageHeader
        backHref={hrefFor('/jobs')}
        backLabel="Jobs"
        title={<>{job.data?.title ?? 'Job'} {job.data && <JobStatusBadge status={job.data.status} />}</>}
        subtitle={ranking && hasRequirements ? `${ranking.total} ${ranking.total === 1 ? shown.one : shown.many} ranked by fit` : undefined}
        actions={<JobViewTabs jobId={jobId} active="fit" />}
      />
      <div className="inline-form fit-toolbar">
        <div className="segmented" role="group" aria-label="Who to rank" data-testid="fit-kinds">
          {kinds.map((k) => (
            <a key={k.kind} className={`segmented-option${k.kind === kind ? ' is-active' : ''}`} href={kindHref(k.kind)} aria-current={k.kind === kind ? 'true' : undefined}
              data-testid="fit-kind" data-kind={k.kind}>
              {k.label}
            </a>
          ))}
        </div>
        {ranking && hasRequirements && <RankedAgainst ranking={ranking} />}
      </div>
      <ErrorNotice error={error} title="Could not rank candidates" onRetry={() => void reload()} />
      {isLoading && !ranking && !error && <p className="muted">Ranking…</p>}
      {ranking && !hasRequirements && <NoRequirements jobId={jobId} canEdit={canEdit} />}
      {ranking && hasRequirements && ranking.candidates.length === 0 && (
        <div className="empty-state" data-testid="fit-empty"><p>{shown.empty}</p></div>
      )}
      {ranking && hasRequirements && ranking.candidates.length > 0 && (
        <>
          <ol className="fit-list" data-testid="fit-list" data-count={ranking.candidates.length}>
            {ranking.candidates.map((candidate, index) => (
              <JobFitRow key={candidate.candidateId} jobId={jobId} rank={index + 1} candidate={candidate} canHandOff={canHandOff} onHandedOff={markApplicant} />
            ))}
          </ol>
          <ErrorNotice error={loadMoreError} title="Could not load more" />
          {ranking.nextOffset !== null && (
            <div className="fit-more">
              <button type="button" className="button" onClick={() => void loadMore()} disabled={isLoadingMore} data-testid="fit-load-more">
                {isLoadingMore ? 'Loading…' : `Load more (${ranking.total - ranking.candidates.length} left)`}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
