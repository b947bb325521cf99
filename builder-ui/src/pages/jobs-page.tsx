// Jobs: open requisitions with their interview stages and applicant counts; applicants can be
// added by hand here, which starts the job's pipeline for them.
import { useState } from 'react';
import type { JobSummary } from '../api-types';
import { ErrorNotice } from '../components/error-notice';
import { JobCard, type ApplicantConfirmation } from '../components/job-card';
import { PageHeader } from '../components/page-header';
import { hrefFor } from '../hash-route';
import { useApiResource } from '../use-api-resource';

export function JobsPage() {
  const jobs = useApiResource<JobSummary[]>('/api/jobs');
  const [confirmation, setConfirmation] = useState<ApplicantConfirmation | null>(null);
  const rows = jobs.data ?? [];

  const onApplicantAdded = (added: ApplicantConfirmation) => {
    setConfirmation(added);
    void jobs.reload();
  };

  return (
    <section data-testid="jobs-page">
      <PageHeader title="Jobs" subtitle="Open roles, their interview stages and applicants." />
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
      {!jobs.isLoading && rows.length === 0 && !jobs.error && <div className="empty-state">No jobs yet.</div>}
      <div className="job-grid">
        {rows.map((job) => (
          <JobCard key={job.id} job={job} onApplicantAdded={onApplicantAdded} />
        ))}
      </div>
    </section>
  );
}
