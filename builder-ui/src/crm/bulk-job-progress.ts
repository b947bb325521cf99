// How long work reads on screen (imports, enrollments): a percentage for the bar, "1,250 of 5,000" with
// what failed, and whether to keep polling. Pure, so the bar and its tests agree.
import type { BulkJob } from './crm-types';

export type BulkJobPhase = 'queued' | 'running' | 'succeeded' | 'failed';

export type BulkJobProgress = {
  phase: BulkJobPhase;
  /** 0..100, whole numbers; a finished job is 100 even when it had nothing to do. */
  percent: number;
  /** "1,250 of 5,000 rows" / "Waiting to start…" / "Done: 5,000 rows". */
  label: string;
  /** "12 failed" when some did, else null. */
  failedLabel: string | null;
  isFinished: boolean;
};

const n = (value: number) => value.toLocaleString('en');

export function bulkJobPhase(job: Pick<BulkJob, 'status'>): BulkJobPhase {
  switch (job.status) {
    case 'SUCCEEDED':
      return 'succeeded';
    case 'FAILED':
      return 'failed';
    case 'RUNNING':
      return 'running';
    default:
      return 'queued';
  }
}

export function bulkJobProgress(job: Pick<BulkJob, 'status' | 'processed' | 'total' | 'failed' | 'progress' | 'error'>, unit = 'rows'): BulkJobProgress {
  const phase = bulkJobPhase(job);
  const isFinished = phase === 'succeeded' || phase === 'failed';
  const ratio = Math.max(0, Math.min(1, job.progress));
  // Never 100 % while the job still runs: the last batch is not written yet.
  const percent = phase === 'succeeded' ? 100 : Math.min(phase === 'running' ? 99 : 100, Math.floor(ratio * 100));
  const failedLabel = job.failed > 0 ? `${n(job.failed)} failed` : null;
  let label: string;
  if (phase === 'queued') label = 'Waiting to start…';
  else if (phase === 'failed') label = `Stopped after ${n(job.processed)} of ${n(job.total)} ${unit}${job.error ? `: ${job.error}` : ''}`;
  else if (phase === 'succeeded') label = `Done: ${n(job.total || job.processed)} ${unit}`;
  else label = job.total > 0 ? `${n(job.processed)} of ${n(job.total)} ${unit}` : `${n(job.processed)} ${unit} so far`;
  return { phase, percent, label, failedLabel, isFinished };
}

/** A rate as people read it: "42 %", "0.5 %", "—" when there is nothing to divide by. */
export function formatRate(part: number, whole: number): string {
  if (!whole) return '—';
  const value = (part / whole) * 100;
  if (value === 0) return '0 %';
  if (value < 1) return `${value.toFixed(1)} %`;
  return `${Math.round(value)} %`;
}
