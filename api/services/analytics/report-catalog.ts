// Every report the analytics API serves, by area. A report is one module (hiring/, crm/, forecast/) that
// computes a table from recorded facts and names the people behind each number; docs/metrics.md defines it.
import type { ReportDefinition } from './report-types';
import { HIRING_REPORTS } from './hiring';
import { CRM_REPORTS } from './crm';
import { FORECAST_REPORTS } from './forecast';

export const REPORTS: readonly ReportDefinition[] = [...HIRING_REPORTS, ...CRM_REPORTS, ...FORECAST_REPORTS];

export function findReport(id: string): ReportDefinition | undefined {
  return REPORTS.find((r) => r.id === id);
}
