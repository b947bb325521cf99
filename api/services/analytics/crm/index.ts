// CRM reports: campaigns, segments, events, bench health (docs/metrics.md "CRM").
import type { ReportDefinition } from '../report-types';
import { benchHealthReport } from './bench-health';
import { campaignTrendReport } from './campaign-trend';
import { campaignsReport } from './campaigns';
import { eventsReport } from './events';
import { segmentsReport } from './segments';

export const CRM_REPORTS: ReportDefinition[] = [campaignsReport, campaignTrendReport, segmentsReport, eventsReport, benchHealthReport];
