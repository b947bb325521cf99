// Every job of api/platform/periodic-jobs.ts, started with the API (api/system.ts).
import type { PeriodicJob } from '../platform/periodic-jobs';
import { CAMPAIGN_AUTO_ENROLL_JOB } from './campaigns/auto-enroll-job';
import { EVENT_NO_SHOWS_JOB } from './events/mark-no-shows';
import { JOB_ALERT_DIGESTS_JOB } from './job-alerts/send-job-alert-digests';
import { RETENTION_SWEEP_JOB } from './data-rights/sweep-retention';
import { ENGAGEMENT_SCORE_DECAY_JOB } from './engagement/decay-engagement-scores';

export const PERIODIC_JOBS: readonly PeriodicJob[] = [
  CAMPAIGN_AUTO_ENROLL_JOB,
  EVENT_NO_SHOWS_JOB,
  JOB_ALERT_DIGESTS_JOB,
  RETENTION_SWEEP_JOB,
  ENGAGEMENT_SCORE_DECAY_JOB,
];
