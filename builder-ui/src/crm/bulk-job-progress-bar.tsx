// A bulk job's progress bar: the share done, "1,250 of 5,000 rows", failures, and the outcome once finished.
// Its height never changes between states, so the page does not jump as the job moves on.
import { bulkJobProgress } from './bulk-job-progress';
import type { BulkJob } from './crm-types';

type BulkJobProgressBarProps = { job: BulkJob; unit?: string; label: string };

export function BulkJobProgressBar({ job, unit, label }: BulkJobProgressBarProps) {
  const progress = bulkJobProgress(job, unit);
  return (
    <div className={`bulk-progress is-${progress.phase}`} data-testid="bulk-job-progress" data-phase={progress.phase} data-percent={progress.percent} data-job-id={job.id}>
      <div className="bulk-progress-heading">
        <span id={`bulk-progress-${job.id}`}>{label}</span>
        <span className="bulk-progress-percent">{progress.percent} %</span>
      </div>
      <div className="bulk-progress-track" role="progressbar" aria-labelledby={`bulk-progress-${job.id}`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={progress.percent} aria-valuetext={progress.label}>
        <div className="bulk-progress-fill" style={{ width: `${progress.percent}%` }} />
      </div>
      <div className="bulk-progress-meta" aria-live="polite">
        <span data-testid="bulk-job-progress-label">{progress.label}</span>
        {progress.failedLabel && <span className="bulk-progress-failed">{progress.failedLabel}</span>}
      </div>
    </div>
  );
}
