// Coloured pill for task, run, job and version statuses; the tone is picked from the word so
// new statuses the API adds still render sensibly.
type StatusBadgeProps = { status: string; testId?: string };

const TONE_BY_STATUS: Record<string, string> = {
  OPEN: 'info',
  RUNNING: 'info',
  ACTIVE: 'success',
  PUBLISHED: 'success',
  COMPLETED: 'success',
  SUCCEEDED: 'success',
  HIRED: 'success',
  WAITING: 'warning',
  PAUSED: 'warning',
  DRAFT: 'neutral',
  CLOSED: 'neutral',
  ARCHIVED: 'neutral',
  FAILED: 'danger',
  TERMINATED: 'danger',
  CANCELLED: 'danger',
  CANCELED: 'danger',
  TIMED_OUT: 'danger',
  OVERDUE: 'danger',
};

export function StatusBadge({ status, testId }: StatusBadgeProps) {
  const tone = TONE_BY_STATUS[status.toUpperCase()] ?? 'neutral';
  return (
    <span className={`badge badge-${tone}`} data-testid={testId} data-status={status}>
      {status}
    </span>
  );
}
