// Analytics dashboards (#/analytics/<dashboard>?<filters>): Hiring, Recruiting team, CRM, Forecast and All
// reports, each a list of report ids drawn from the catalog (GET /api/analytics/reports), so reports that
// appear later show up without UI changes and ids the catalog lacks are skipped. One filter bar for all of
// them; the filters live in the address so a dashboard can be shared as a link.
import { useCallback, useMemo, useState } from 'react';
import type { ApiErrorDetail } from '../api-types';
import { ErrorNotice } from '../components/error-notice';
import { PageHeader } from '../components/page-header';
import { hrefFor, navigate } from '../hash-route';
import { useCurrentUser } from '../jobs/use-current-user';
import { useApiResource } from '../use-api-resource';
import type { ReportCatalogEntry } from '../analytics/analytics-types';
import { crmFiltersRead, readFilters, writeFilters, filterOfPath, type DashboardFilters } from '../analytics/dashboard-filters';
import { dashboardReports, dashboardsFor, findDashboard } from '../analytics/dashboards';
import { FilterBar } from '../analytics/filter-bar';
import { ReportCard } from '../analytics/report-card';
import '../crm/crm.css';
import '../analytics/analytics.css';

const ORG_WIDE_ROLES = ['ADMIN', 'RECRUITER', 'COORDINATOR'];

export function AnalyticsPage({ dashboardKey, params }: { dashboardKey: string | undefined; params: URLSearchParams }) {
  const role = useCurrentUser()?.role ?? null;
  const catalog = useApiResource<ReportCatalogEntry[]>('/api/analytics/reports');
  const dashboards = dashboardsFor(role);
  const dashboard = findDashboard(dashboardKey);
  const paramsText = params.toString();
  const filters = useMemo(() => readFilters(new URLSearchParams(paramsText)), [paramsText]);
  const [refusals, setRefusals] = useState<Record<string, ApiErrorDetail[]>>({});

  const go = (key: string, next: DashboardFilters) => {
    const query = writeFilters(next);
    navigate(`/analytics/${key}${query ? `?${query}` : ''}`);
  };
  const onRefused = useCallback((reportId: string, details: ApiErrorDetail[] | null) => {
    setRefusals((before) => {
      if (!details && !before[reportId]) return before;
      const next = { ...before };
      if (details) next[reportId] = details;
      else delete next[reportId];
      return next;
    });
  }, []);

  const { reports, missing } = dashboardReports(dashboard, catalog.data ?? []);
  const titles = new Map((catalog.data ?? []).map((r) => [r.id, r.title]));
  // One line per refusal, naming every report that refused it (they share the filters, so they agree).
  const refusedBy = new Map<string, { field: string; text: string; reports: string[] }>();
  for (const [reportId, details] of Object.entries(refusals)) {
    if (!reports.some((r) => r.id === reportId)) continue;
    for (const d of details) {
      const field = filterOfPath(d.path) ?? 'query';
      const text = `${d.path.replace(/^query\./, '')} ${d.message}`;
      const entry = refusedBy.get(`${field}\n${text}`) ?? { field, text, reports: [] };
      entry.reports.push(titles.get(reportId) ?? reportId);
      refusedBy.set(`${field}\n${text}`, entry);
    }
  }
  const errorsByFilter = new Map<string, string[]>();
  for (const { field, text, reports: by } of refusedBy.values()) errorsByFilter.set(field, [...(errorsByFilter.get(field) ?? []), `${text} (${by.join(', ')})`]);
  const isHidden = role !== null && dashboard.roles && !dashboard.roles.includes(role);
  return (
    <section className="analytics-page" data-testid="analytics-page" data-dashboard={dashboard.key}>
      <PageHeader title="Analytics" subtitle="Numbers computed from what Trellis recorded, as of a date you choose; every number opens the people behind it." />
      <nav className="segmented analytics-tabs" aria-label="Dashboards">
        {dashboards.map((d) => (
          <a key={d.key} className={`segmented-option${d.key === dashboard.key ? ' is-active' : ''}`} aria-current={d.key === dashboard.key ? 'page' : undefined}
            href={hrefFor(`/analytics/${d.key}${paramsText ? `?${paramsText}` : ''}`)} data-testid="dashboard-tab" data-dashboard={d.key}>
            {d.title}
          </a>
        ))}
      </nav>
      <p className="muted analytics-subtitle">{dashboard.subtitle}</p>
      <FilterBar filters={filters} onChange={(next) => go(dashboard.key, next)} errors={errorsByFilter} canListUsers={!role || ORG_WIDE_ROLES.includes(role)}
        crmFilters={isHidden ? [] : crmFiltersRead(reports)} />
      <ErrorNotice error={catalog.error} title="Could not load the reports" onRetry={() => void catalog.reload()} />
      {isHidden && <div className="empty-state" data-testid="dashboard-forbidden">This dashboard is for recruiters, coordinators and admins.</div>}
      {!isHidden && catalog.data && reports.length === 0 && (
        <div className="empty-state" data-testid="dashboard-empty">
          <h2>No report of this dashboard is available yet</h2>
          {missing.length > 0 && <p className="muted">It will show {missing.join(', ')} once they exist.</p>}
        </div>
      )}
      {!isHidden && (
        <div className="report-grid">
          {reports.map((report) => (
            <ReportCard key={report.id} report={report} filters={filters} onRefused={onRefused}
              onGroupBy={(reportId, groupBy) => go(dashboard.key, { ...filters, groupBy: { ...filters.groupBy, [reportId]: groupBy } })} />
          ))}
        </div>
      )}
    </section>
  );
}
