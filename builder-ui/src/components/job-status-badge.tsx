// A job's status as recruiters say it: Draft, Pending approval, Open, Closed.
import { JOB_STATUS_LABELS, type JobStatus } from '../jobs/job-types';

const TONE: Record<JobStatus, string> = { DRAFT: 'neutral', PENDING_APPROVAL: 'warning', OPEN: 'success', CLOSED: 'neutral' };

export function JobStatusBadge({ status }: { status: string }) {
  const known = status in JOB_STATUS_LABELS ? (status as JobStatus) : null;
  return (
    <span className={`badge badge-${known ? TONE[known] : 'neutral'}`} data-testid="job-status" data-status={status}>
      {known ? JOB_STATUS_LABELS[known] : status}
    </span>
  );
}
