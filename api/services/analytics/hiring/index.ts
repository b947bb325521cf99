// Hiring reports: volume, speed, conversion, sources, offers, rejections, interviewers, task SLAs
// (docs/metrics.md "Hiring").
import type { ReportDefinition } from '../report-types';
import { applicationsReport } from './applications';

export const HIRING_REPORTS: ReportDefinition[] = [applicationsReport];
