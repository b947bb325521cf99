// The dashboards' shared filters as they live in the address (#/analytics/<dashboard>?from=…&jobIds=a,b), so
// a dashboard can be shared as a link; the period presets; and, for each report, the query it is sent: only
// the filters that report reads (the API refuses a filter a report does not read rather than ignore it).
import type { ReportCatalogEntry } from './analytics-types';

/** The CRM audiences: only the CRM reports read them, so the bar offers them only where such a report is shown. */
export const CRM_FILTERS = ['campaignIds', 'segmentIds', 'eventIds'] as const;
export type CrmFilter = (typeof CRM_FILTERS)[number];
export const LIST_FILTERS = ['jobIds', 'departments', 'recruiterIds', 'sources', ...CRM_FILTERS] as const;
export type ListFilter = (typeof LIST_FILTERS)[number];

export type DashboardFilters = {
  /** YYYY-MM-DD, or '' for the server's default (90 days before the end). */
  from: string;
  /** YYYY-MM-DD, exclusive, or '' for the as-of date. */
  to: string;
  /** YYYY-MM-DD, or '' for now. */
  asOf: string;
  interval: '' | 'week' | 'month';
  jobIds: string[];
  departments: string[];
  recruiterIds: string[];
  sources: string[];
  campaignIds: string[];
  segmentIds: string[];
  eventIds: string[];
  /** The grouping chosen per report (report id → groupBy), among the report's own. */
  groupBy: Record<string, string>;
};

export const FILTER_LABELS: Record<string, string> = {
  from: 'From', to: 'To', asOf: 'As of', interval: 'Interval', groupBy: 'Group by',
  jobIds: 'Jobs', departments: 'Departments', recruiterIds: 'Recruiters', sources: 'Sources',
  campaignIds: 'Campaigns', segmentIds: 'Segments', eventIds: 'Events',
};

const GROUP_BY_PREFIX = 'groupBy.';
const isDate = (s: string | null) => (s && /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : '');
const list = (s: string | null) => (s ?? '').split(',').map((v) => v.trim()).filter(Boolean);

export function readFilters(query: URLSearchParams): DashboardFilters {
  const interval = query.get('interval');
  const groupBy: Record<string, string> = {};
  query.forEach((value, key) => { if (key.startsWith(GROUP_BY_PREFIX) && value) groupBy[key.slice(GROUP_BY_PREFIX.length)] = value; });
  const lists = Object.fromEntries(LIST_FILTERS.map((key) => [key, list(query.get(key))])) as Record<ListFilter, string[]>;
  return {
    from: isDate(query.get('from')), to: isDate(query.get('to')), asOf: isDate(query.get('asOf')),
    interval: interval === 'week' || interval === 'month' ? interval : '',
    ...lists,
    groupBy,
  };
}

/** The address query of the filters: empty values are left out, so the defaults stay the server's. */
export function writeFilters(filters: DashboardFilters): string {
  const query = new URLSearchParams();
  for (const key of ['from', 'to', 'asOf', 'interval'] as const) if (filters[key]) query.set(key, filters[key]);
  for (const key of LIST_FILTERS) if (filters[key].length) query.set(key, filters[key].join(','));
  for (const [report, value] of Object.entries(filters.groupBy).sort()) if (value) query.set(`${GROUP_BY_PREFIX}${report}`, value);
  return query.toString();
}

/** The API query of one report: the shared filters it reads, and its own grouping. */
export function reportQuery(report: Pick<ReportCatalogEntry, 'id' | 'filters' | 'groupBys'>, filters: DashboardFilters): URLSearchParams {
  const reads = new Set(report.filters);
  const query = new URLSearchParams();
  for (const key of ['from', 'to', 'asOf', 'interval'] as const) if (filters[key] && reads.has(key)) query.set(key, filters[key]);
  for (const key of LIST_FILTERS) if (filters[key].length && reads.has(key)) query.set(key, filters[key].join(','));
  const groupBy = filters.groupBy[report.id];
  if (groupBy && reads.has('groupBy') && report.groupBys.includes(groupBy as never)) query.set('groupBy', groupBy);
  return query;
}

/** The CRM filters at least one of these reports reads: the bar shows a picker for those alone. */
export function crmFiltersRead(reports: Pick<ReportCatalogEntry, 'filters'>[]): CrmFilter[] {
  return CRM_FILTERS.filter((key) => reports.some((r) => r.filters.includes(key)));
}

/** The filters set on the dashboard that this report does not read (shown on its card, not sent). */
export function unreadFilters(report: Pick<ReportCatalogEntry, 'filters'>, filters: DashboardFilters): string[] {
  const set = [...(['from', 'to', 'asOf', 'interval'] as const).filter((k) => filters[k]), ...LIST_FILTERS.filter((k) => filters[k].length)];
  return set.filter((k) => !report.filters.includes(k));
}

export type PeriodPreset = { key: string; label: string; from: (today: Date) => string };

const ymd = (d: Date) => d.toISOString().slice(0, 10);
const daysBefore = (today: Date, days: number) => ymd(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - days)));

/** Presets set `from` and leave `to` open (up to the as-of date). Dates are UTC, as the reports'. */
export const PERIOD_PRESETS: PeriodPreset[] = [
  { key: '30d', label: 'Last 30 days', from: (today) => daysBefore(today, 30) },
  { key: '90d', label: 'Last 90 days', from: (today) => daysBefore(today, 90) },
  { key: 'quarter', label: 'This quarter', from: (today) => ymd(new Date(Date.UTC(today.getUTCFullYear(), Math.floor(today.getUTCMonth() / 3) * 3, 1))) },
  { key: '12m', label: 'Last 12 months', from: (today) => ymd(new Date(Date.UTC(today.getUTCFullYear() - 1, today.getUTCMonth(), today.getUTCDate()))) },
];

/** The preset the filters match, if any (presets count back from the as-of date when one is set). */
export function activePreset(filters: DashboardFilters, now = new Date()): string | null {
  if (filters.to) return null;
  const today = filters.asOf ? new Date(`${filters.asOf}T00:00:00Z`) : now;
  if (!filters.from) return '90d';
  return PERIOD_PRESETS.find((p) => p.from(today) === filters.from)?.key ?? null;
}

/** `query.jobIds.0` → `jobIds`: the filter a refused report names. */
export function filterOfPath(path: string): string | null {
  const key = path.replace(/^query\.?/, '').split('.')[0] ?? '';
  return key || null;
}
