// The dashboards: which reports each shows, in order. Built from the catalog (GET /api/analytics/reports),
// so a report listed here but not (yet) in the catalog, or not readable by the caller, is skipped, and
// "All reports" shows every report the catalog has, including ones no dashboard lists yet.
import type { ReportCatalogEntry } from './analytics-types';

export type Dashboard = {
  key: string;
  title: string;
  subtitle: string;
  reportIds: string[] | 'all';
  /** Roles that see it; the CRM's relationships are the org-wide roles' (the API refuses others too). */
  roles?: readonly string[];
};

const ORG_WIDE_ROLES = ['ADMIN', 'RECRUITER', 'COORDINATOR'];

export const DASHBOARDS: Dashboard[] = [
  { key: 'hiring', title: 'Hiring', subtitle: 'Applications, how candidates move through the stages, time to hire, sources and offers.', reportIds: ['applications', 'pass-through', 'time-to-hire', 'stage-durations', 'sources', 'offers'] },
  { key: 'team', title: 'Recruiting team', subtitle: 'Interviewers\' load and feedback, and inbox tasks against their deadlines.', reportIds: ['interviewers', 'task-sla'] },
  { key: 'crm', title: 'CRM', subtitle: 'Campaigns, their engagement over time, events and the bench of silver medalists.', reportIds: ['campaigns', 'campaign-trend', 'events', 'bench-health'], roles: ORG_WIDE_ROLES },
  { key: 'forecast', title: 'Forecast', subtitle: 'Expected hires from the open pipeline.', reportIds: ['hiring-forecast'] },
  { key: 'all', title: 'All reports', subtitle: 'Every report you may read.', reportIds: 'all' },
];

/** `role` unknown (a pasted API token): every dashboard, and the catalog still holds only what it may read. */
export function dashboardsFor(role: string | null): Dashboard[] {
  return DASHBOARDS.filter((d) => !role || !d.roles || d.roles.includes(role));
}

export function findDashboard(key: string | undefined): Dashboard {
  return DASHBOARDS.find((d) => d.key === key) ?? DASHBOARDS[0]!;
}

/** The dashboard's reports the catalog has, in the dashboard's order, and the ids it does not have. */
export function dashboardReports(dashboard: Dashboard, catalog: ReportCatalogEntry[]): { reports: ReportCatalogEntry[]; missing: string[] } {
  if (dashboard.reportIds === 'all') {
    const order = ['hiring', 'forecast', 'crm'];
    return { reports: [...catalog].sort((a, b) => order.indexOf(a.area) - order.indexOf(b.area)), missing: [] };
  }
  const byId = new Map(catalog.map((r) => [r.id, r]));
  return {
    reports: dashboard.reportIds.flatMap((id) => byId.get(id) ?? []),
    missing: dashboard.reportIds.filter((id) => !byId.has(id)),
  };
}
