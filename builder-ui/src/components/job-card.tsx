// One job in the jobs list: title (opens the board), department and locations, status, how many
// applications sit in each stage, the hiring team, and the inline "Add applicant" form.
import { useState } from 'react';
import type { JobListItem } from '../jobs/job-types';
import { hrefFor } from '../hash-route';
import { AddApplicantForm } from './add-applicant-form';
import { JobStatusBadge } from './job-status-badge';

export type ApplicantConfirmation = { jobId: string; message: string };

const TEAM_ROLES = [['RECRUITER', 'Recruiter'], ['HIRING_MANAGER', 'Hiring manager']] as const;

type JobCardProps = { job: JobListItem; canEdit: boolean; onApplicantAdded: (confirmation: ApplicantConfirmation) => void };

export function JobCard({ job, canEdit, onApplicantAdded }: JobCardProps) {
  const [isAdding, setIsAdding] = useState(false);
  const stages = [...job.stages].sort((left, right) => left.position - right.position);
  const boardHref = hrefFor(`/jobs/${encodeURIComponent(job.id)}`);
  return (
    <article className="card job-card" data-testid="job-card" data-job-id={job.id}>
      <header className="job-card-header">
        <div>
          <h2 className="job-title"><a href={boardHref} data-testid="job-board-link">{job.title}</a></h2>
          <div className="cell-meta">
            {[job.department ?? 'No department', ...(job.locations ?? [])].join(' · ')}
          </div>
        </div>
        <JobStatusBadge status={job.status} />
      </header>
      <ol className="stage-chips" aria-label="Applications per stage">
        {stages.map((stage) => (
          <li key={stage.key} className="stage-chip" data-testid="job-stage-count" data-stage={stage.key} data-count={stage.applicationCount ?? 0}>
            {stage.name} <strong>{stage.applicationCount ?? 0}</strong>
          </li>
        ))}
      </ol>
      <dl className="job-team">
        {TEAM_ROLES.map(([role, label]) => {
          const names = (job.members ?? []).filter((m) => m.role === role).map((m) => m.name);
          return (
            <div key={role}>
              <dt>{label}</dt>
              <dd>{names.length ? names.join(', ') : <span className="muted">—</span>}</dd>
            </div>
          );
        })}
      </dl>
      <footer className="job-card-footer">
        <span data-testid="job-application-count">
          <strong>{job.applicationCount}</strong> applicant{job.applicationCount === 1 ? '' : 's'}
        </span>
        <a className="subtle-link" href={boardHref}>Board</a>
        {canEdit && <a className="subtle-link" href={hrefFor(`/jobs/${encodeURIComponent(job.id)}/edit`)} data-testid="job-edit-link">Edit</a>}
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
