// The dashboards' filters in the address and in each report's query: what goes into the address comes back
// out the same (the CRM audiences included), and each report of the catalog the API serves is sent only the
// filters it reads, checked with the API's own query schema and its rule for refusing an unread filter.
import { listReports } from '../../../api/services/analytics/run-report';
import { FILTER_NAMES, ZReportQuery } from '../../../api/services/analytics/report-filters';
import type { ReportCatalogEntry } from '../../../builder-ui/src/analytics/analytics-types';
import { crmFiltersRead, readFilters, reportQuery, unreadFilters, writeFilters, type DashboardFilters } from '../../../builder-ui/src/analytics/dashboard-filters';
import { dashboardReports, findDashboard } from '../../../builder-ui/src/analytics/dashboards';

/** The catalog as GET /api/analytics/reports sends it to a recruiter. */
const catalog: ReportCatalogEntry[] = JSON.parse(JSON.stringify(listReports({ orgId: 'org', userId: 'user', role: 'RECRUITER' })));

const everything: DashboardFilters = {
  from: '2026-09-01', to: '2026-12-01', asOf: '2026-11-30', interval: 'week',
  jobIds: ['job1', 'job2'], departments: ['Engineering'], recruiterIds: ['user1'], sources: ['referral', 'careers'],
  campaignIds: ['camp1', 'camp2'], segmentIds: ['seg1'], eventIds: ['event1', 'event2'],
  groupBy: {},
};

test('every filter, the CRM audiences included, survives the round trip through the address', () => {
  const text = writeFilters(everything);
  expect(text).toContain('campaignIds=camp1%2Ccamp2');
  expect(text).toContain('segmentIds=seg1');
  expect(text).toContain('eventIds=event1%2Cevent2');
  expect(readFilters(new URLSearchParams(text))).toEqual(everything);
});

test('CRM audiences typed into the address: blanks dropped, absent ones empty, none written back', () => {
  const filters = readFilters(new URLSearchParams('campaignIds=%20camp1%20,,camp2&eventIds='));
  expect([filters.campaignIds, filters.segmentIds, filters.eventIds]).toEqual([['camp1', 'camp2'], [], []]);
  expect(writeFilters(filters)).toBe('campaignIds=camp1%2Ccamp2');
});

test('each CRM filter goes only to the reports that read it, and the API accepts every query', () => {
  const sentTo = (key: string) => catalog.filter((r) => reportQuery(r, everything).has(key)).map((r) => r.id).sort();
  expect(sentTo('campaignIds')).toEqual(['campaign-trend', 'campaigns']);
  expect(sentTo('segmentIds')).toEqual(['segments']);
  expect(sentTo('eventIds')).toEqual(['events']);
  expect(reportQuery(catalog.find((r) => r.id === 'campaigns')!, everything).toString()).toBe('from=2026-09-01&to=2026-12-01&asOf=2026-11-30&campaignIds=camp1%2Ccamp2');
  for (const report of catalog) {
    const query = ZReportQuery.parse(Object.fromEntries(reportQuery(report, everything)));
    // The API's refusal rule (run-report.ts): a filter given that the report does not read.
    expect([report.id, FILTER_NAMES.filter((name) => query[name] !== undefined && !report.filters.includes(name))]).toEqual([report.id, []]);
    expect([report.id, unreadFilters(report, everything).filter((name) => report.filters.includes(name))]).toEqual([report.id, []]);
  }
  // The campaign and event reports say which audiences they leave aside.
  expect(unreadFilters(catalog.find((r) => r.id === 'events')!, everything)).toEqual(['interval', 'jobIds', 'departments', 'recruiterIds', 'sources', 'campaignIds', 'segmentIds']);
});

test('the bar offers the CRM pickers only where a report of the dashboard reads them', () => {
  const pickers = (key: string) => crmFiltersRead(dashboardReports(findDashboard(key), catalog).reports);
  expect(pickers('crm')).toEqual(['campaignIds', 'eventIds']);
  expect(pickers('all')).toEqual(['campaignIds', 'segmentIds', 'eventIds']);
  expect(pickers('hiring')).toEqual([]);
  expect(pickers('team')).toEqual([]);
  expect(pickers('forecast')).toEqual([]);
});
