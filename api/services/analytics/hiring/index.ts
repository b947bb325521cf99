// Hiring reports: volume, speed, conversion, sources, offers, rejections, interviewers, task SLAs
// (docs/metrics.md "Hiring").
import type { ReportDefinition } from '../report-types';
import { applicationsReport } from './applications';
import { interviewersReport } from './interviewers';
import { offersReport } from './offers';
import { passThroughReport } from './pass-through';
import { rejectionReasonsReport } from './rejection-reasons';
import { sourcesReport } from './sources';
import { stageDurationsReport } from './stage-durations';
import { taskSlaReport } from './task-sla';
import { timeInStageReport } from './time-in-stage';
import { timeToHireReport } from './time-to-hire';

export const HIRING_REPORTS: ReportDefinition[] = [
  applicationsReport, passThroughReport, timeToHireReport, timeInStageReport, stageDurationsReport,
  offersReport, sourcesReport, rejectionReasonsReport, interviewersReport, taskSlaReport,
];
