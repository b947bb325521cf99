// Follows one bulk job (an import or an enrollment) until it finishes: asks GET /api/bulk-jobs/:id twice a
// second while it runs, then stops. The job the starting request answered with shows at once; a failed poll
// keeps the last known state on screen and tries again.
import { useEffect, useState } from 'react';
import { apiGet } from '../api';
import { bulkJobProgress } from './bulk-job-progress';
import type { BulkJob } from './crm-types';

const POLL_MS = 500;

export function useBulkJob(started: BulkJob | null): { job: BulkJob | null; error: unknown } {
  const [job, setJob] = useState<BulkJob | null>(started);
  const [error, setError] = useState<unknown>(null);
  const [polls, setPolls] = useState(0);
  useEffect(() => {
    setJob(started);
    setError(null);
  }, [started]);
  const jobId = job?.id ?? null;
  const isFinished = !job || bulkJobProgress(job).isFinished;
  useEffect(() => {
    if (!jobId || isFinished) return;
    let isCancelled = false;
    const timer = window.setTimeout(() => {
      apiGet<BulkJob>(`/api/bulk-jobs/${encodeURIComponent(jobId)}`)
        .then((next) => {
          if (isCancelled) return;
          setJob(next);
          setError(null);
        })
        .catch((caught: unknown) => {
          if (!isCancelled) setError(caught);
        })
        .finally(() => {
          if (!isCancelled) setPolls((count) => count + 1);
        });
    }, POLL_MS);
    return () => {
      isCancelled = true;
      window.clearTimeout(timer);
    };
  }, [jobId, isFinished, polls]);
  return { job, error };
}
