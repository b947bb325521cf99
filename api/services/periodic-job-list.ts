// Every job of api/platform/periodic-jobs.ts, started with the API (api/system.ts).
import type { PeriodicJob } from '../platform/periodic-jobs';

export const PERIODIC_JOBS: readonly PeriodicJob[] = [];
