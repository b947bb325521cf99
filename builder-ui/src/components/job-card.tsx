// One job: title, department, interview stages in order, applicant count, and the inline
// "Add applicant" form.
import { useState } from 'react';
import type { JobSummary } from '../api-types';
import { hrefFor } from '../hash-route';
import { AddApplicantForm } from './add-applicant-form';
import { StatusBadge } from './status-badge';

export type ApplicantConfirmation = { jobId: string; message: string };

export function JobCard({ job, onApplicantAdded }: { job: JobSummary; onApplicantAdded: (confirmation: ApplicantConfirmation) => void }) {
  const [isAdding, setIsAdding] = useState(false);
  const stages = [...job.stages].sort((left, right) => left.position - right.position);
  return (
    <article className="card job-card" data-testid="job-card" data-job-id={job.id}>
      <header className="job-card-header">
        <div>
          <h2 className="job-title">{job.title}</h2>
          <div className="cell-meta">{job.department ?? 'No department'}</div>
        </div>
        <StatusBadge status={job.status} />
      </header>
      <ol className="stage-chips" aria-label="Stages">
        {stages.map((stage) => (
          <li key={stage.key} className="stage-chip">{stage.name}</li>
        ))}
      </ol>
      <footer className="job-card-footer">
        <span data-testid="job-application-count">
          <strong>{job.applicationCount}</strong> applicant{job.applicationCount === 1 ? '' : 's'}
        </span>
        {job.pipelineId ? (
          <a className="subtle-link" href={hrefFor(`/pipelines/${encodeURIComponent(job.pipelineId)}`)}>Pipeline</a>
        ) : (
          <span className="muted">No pipeline</span>
        )}
        {!isAdding && (
          <button type="button" className="button button-small" onClick={() => setIsAdding(true)} data-testid="add-applicant-button">
            Add applicant
          </button>
        )}
      </footer>
      {isAdding && (
        <AddApplicantForm
          job={job}
          onCancel={() => setIsAdding(false)}
          onAdded={(application, candidateName) => {
            setIsAdding(false);
            onApplicantAdded({ jobId: job.id, message: `${candidateName} added to ${job.title} (application ${application.id}).` });
          }}
        />
      )}
    </article>
  );
}
