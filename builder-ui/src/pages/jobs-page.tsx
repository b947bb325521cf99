// Jobs: every requisition the caller may see, filtered by status and department and searched by
// title, with applications per stage and the hiring team; "New job" opens the editor, a title opens
// the job's board, and applicants can be added by hand (which starts the job's pipeline for them).
import { useMemo, useState } from 'react';
import { ErrorNotice } from '../components/error-notice';
import { JobCard, type ApplicantConfirmation } from '../components/job-card';
import { PageHeader } from '../components/page-header';
import { hrefFor } from '../hash-route';
import { JOB_EDITOR_ROLES, JOB_STATUS_LABELS, type JobListItem, type JobStatus } from '../jobs/job-types';
import { useCurrentUser } from '../jobs/use-current-user';
import { useApiResource } from '../use-api-resource';
import '../jobs/jobs.css';

const STATUS_FILTERS: ('ALL' | JobStatus)[] = ['ALL', 'OPEN', 'PENDING_APPROVAL', 'DRAFT', 'CLOSED'];

export function JobsPage() {
  const jobs = useApiResource<JobListItem[]>('/api/jobs');
  const user = useCurrentUser();
  const canEdit = !!user && JOB_EDITOR_ROLES.includes(user.role);
  const [confirmation, setConfirmation] = useState<ApplicantConfirmation | null>(null);
  const [status, setStatus] = useState<'ALL' | JobStatus>('ALL');
  const [department, setDepartment] = useState('');
  const [search, setSearch] = useState('');
  const all = jobs.data ?? [];
  const departments = useMemo(() => [...new Set(all.map((j) => j.department).filter((d): d is string => !!d))].sort(), [all]);
  const needle = search.trim().toLowerCase();
  const rows = all.filter((job) =>
    (status === 'ALL' || job.status === status) && (!department || job.department === department) && (!needle || job.title.toLowerCase().includes(needle)));

  const onApplicantAdded = (added: ApplicantConfirmation) => {
    setConfirmation(added);
    void jobs.reload();
  };

  return (
    <section data-testid="jobs-page">
      <PageHeader
        title="Jobs"
        subtitle="Requisitions, their stages and applicants."
        actions={canEdit && <a className="button button-primary" href={hrefFor('/jobs/new')} data-testid="new-job-button">New job</a>}
      />
      <div className="inline-form job-filters" role="search">
        <div className="segmented" role="group" aria-label="Status">
          {STATUS_FILTERS.map((value) => {
            const count = value === 'ALL' ? all.length : all.filter((j) => j.status === value).length;
            return (
              <button key={value} type="button" className={`segmented-option${status === value ? ' is-active' : ''}`} aria-pressed={status === value}
                onClick={() => setStatus(value)} data-testid="job-status-filter" data-status={value}>
                {value === 'ALL' ? 'All' : JOB_STATUS_LABELS[value]} <span className="muted">{count}</span>
              </button>
            );
          })}
        </div>
        <label className="field field-grow">
          <span>Search by title</span>
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="e.g. Backend" data-testid="job-search" />
        </label>
        <label className="field">
          <span>Department</span>
          <select value={department} onChange={(e) => setDepartment(e.target.value)} data-testid="job-department-filter">
            <option value="">All departments</option>
            {departments.map((d) => <option key={d} value={d}>{d}</option>)}
          </select>
        </label>
      </div>
      {confirmation && (
        <div className="notice notice-success" role="status" data-testid="applicant-added">
          {confirmation.message} <a href={hrefFor('/runs')}>See runs</a>
          <button type="button" className="button button-small button-ghost" onClick={() => setConfirmation(null)}>
            Dismiss
          </button>
        </div>
      )}
      <ErrorNotice error={jobs.error} title="Could not load jobs" onRetry={() => void jobs.reload()} />
      {jobs.isLoading && <p className="muted">Loading jobs…</p>}
      {!jobs.isLoading && rows.length === 0 && !jobs.error && (
        <div className="empty-state">{all.length === 0 ? 'No jobs yet. Create one with "New job".' : 'No job matches these filters.'}</div>
      )}
      <div className="job-grid">
        {rows.map((job) => (
          <JobCard key={job.id} job={job} canEdit={canEdit} onApplicantAdded={onApplicantAdded} />
        ))}
      </div>
    </section>
  );
}
