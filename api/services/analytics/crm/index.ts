// CRM reports: campaigns, segments, events, bench health (docs/metrics.md "CRM").
import type { ReportDefinition } from '../report-types';

export const CRM_REPORTS: ReportDefinition[] = [];
