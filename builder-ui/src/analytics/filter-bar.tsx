// The dashboards' shared filter bar: period (from, to, presets), as-of date, interval, jobs, departments,
// recruiters and sources, and the CRM audiences (campaigns, segments, events) where a report on the dashboard
// reads them, each listed only then (the hiring dashboards stay uncluttered and load no CRM lists). Every change goes to the address at once (the dashboard reloads
// from it), so what is on screen is what a shared link shows. A filter a report refused shows the reason
// beside it.
import { useEffect, useState, type ReactNode } from 'react';
import type { OrgUser } from '../api-types';
import type { Campaign, RecruitingEvent, Segment } from '../crm/crm-types';
import { useApiResource } from '../use-api-resource';
import { activePreset, PERIOD_PRESETS, type CrmFilter, type DashboardFilters, type ListFilter } from './dashboard-filters';

type JobOption = { id: string; title: string; department: string | null; status: string };
type Option = { value: string; label: string };

type FilterBarProps = {
  filters: DashboardFilters;
  onChange: (next: DashboardFilters) => void;
  /** Refusals by filter name (from, jobIds, ...), each message naming the report that refused. */
  errors: Map<string, string[]>;
  /** Only the org-wide roles may list the organization's users (GET /api/users). */
  canListUsers: boolean;
  /** The CRM filters a report of the dashboard reads: a picker each (their lists are the org-wide roles' too). */
  crmFilters: readonly CrmFilter[];
};

function FieldErrors({ errors, field }: { errors: Map<string, string[]>; field: string }) {
  return <>{errors.get(field)?.map((m, i) => <span key={i} className="field-error" data-testid="filter-error" data-field={field}>{m}</span>)}</>;
}

function MultiSelect({ label, testId, options, selected, onChange, hasFailed = false, children }: { label: string; testId: string; options: Option[]; selected: string[]; onChange: (v: string[]) => void; hasFailed?: boolean; children?: ReactNode }) {
  const names = options.filter((o) => selected.includes(o.value)).map((o) => o.label);
  const unknown = selected.filter((v) => !options.some((o) => o.value === v));
  const summary = selected.length === 0 ? 'All' : names.length === 1 && unknown.length === 0 ? names[0] : `${selected.length} selected`;
  const toggle = (value: string) => onChange(selected.includes(value) ? selected.filter((v) => v !== value) : [...selected, value]);
  return (
    <div className="field filter-field">
      <span>{label}</span>
      <details className="multi-select" data-testid={testId}>
        <summary aria-label={`${label}: ${summary}`}>{summary}</summary>
        <div className="multi-select-options" role="group" aria-label={label}>
          {hasFailed && <span className="field-error" data-testid={`${testId}-failed`}>Could not load the list: reload the page to try again.</span>}
          {!hasFailed && options.length === 0 && unknown.length === 0 && <span className="muted">Nothing to choose from.</span>}
          {[...options, ...unknown.map((v) => ({ value: v, label: `${v} (unknown)` }))].map((o) => (
            <label key={o.value} className={`choice${selected.includes(o.value) ? ' is-checked' : ''}`}>
              <input type="checkbox" checked={selected.includes(o.value)} onChange={() => toggle(o.value)} data-testid={`${testId}-option`} data-value={o.value} />
              {o.label}
            </label>
          ))}
          {selected.length > 0 && <button type="button" className="button button-small button-ghost" onClick={() => onChange([])}>Clear</button>}
        </div>
      </details>
      {children}
    </div>
  );
}

const statusSuffix = (status: string, live: string) => (status === live ? '' : ` (${status.toLowerCase()})`);

export function FilterBar({ filters, onChange, errors, canListUsers, crmFilters }: FilterBarProps) {
  const jobs = useApiResource<JobOption[]>('/api/jobs');
  const users = useApiResource<OrgUser[]>(canListUsers ? '/api/users' : null);
  // The lists' largest pages (campaigns and events: 200, recently changed and newest first; segments: 500);
  // an id chosen beyond them still shows, as unknown.
  const campaigns = useApiResource<Campaign[]>(crmFilters.includes('campaignIds') ? '/api/campaigns?limit=200' : null);
  const segments = useApiResource<Segment[]>(crmFilters.includes('segmentIds') ? '/api/segments' : null);
  const events = useApiResource<{ events: RecruitingEvent[] }>(crmFilters.includes('eventIds') ? '/api/events?limit=200' : null);
  const [sourcesDraft, setSourcesDraft] = useState(filters.sources.join(', '));
  useEffect(() => setSourcesDraft(filters.sources.join(', ')), [filters.sources]);

  const set = <K extends keyof DashboardFilters>(key: K, value: DashboardFilters[K]) => onChange({ ...filters, [key]: value });
  const setList = (key: ListFilter) => (value: string[]) => set(key, value);
  const jobOptions = (jobs.data ?? []).map((j) => ({ value: j.id, label: j.status === 'OPEN' ? j.title : `${j.title} (${j.status.toLowerCase()})` }));
  const departments = [...new Set((jobs.data ?? []).flatMap((j) => (j.department ? [j.department] : [])))].sort().map((d) => ({ value: d, label: d }));
  const recruiters = (users.data ?? []).filter((u) => u.role !== 'INTERVIEWER').map((u) => ({ value: u.id, label: u.name }));
  const crmOptions: Record<CrmFilter, Option[]> = {
    campaignIds: [...(campaigns.data ?? [])].sort((a, b) => a.name.localeCompare(b.name)).map((c) => ({ value: c.id, label: `${c.name}${statusSuffix(c.status, 'ACTIVE')}` })),
    segmentIds: (segments.data ?? []).map((s) => ({ value: s.id, label: s.name })),
    eventIds: (events.data?.events ?? []).map((e) => ({ value: e.id, label: `${e.name}, ${e.startsAt.slice(0, 10)}${statusSuffix(e.status, 'PUBLISHED')}` })),
  };
  const crmPickers: Record<CrmFilter, { label: string; testId: string; hasFailed: boolean }> = {
    campaignIds: { label: 'Campaigns', testId: 'filter-campaigns', hasFailed: Boolean(campaigns.error) },
    segmentIds: { label: 'Segments', testId: 'filter-segments', hasFailed: Boolean(segments.error) },
    eventIds: { label: 'Events', testId: 'filter-events', hasFailed: Boolean(events.error) },
  };
  const preset = activePreset(filters);
  const applySources = () => {
    const next = sourcesDraft.split(',').map((s) => s.trim()).filter(Boolean);
    if (next.join(',') !== filters.sources.join(',')) set('sources', next);
  };
  return (
    <form className="analytics-filters card" aria-label="Report filters" data-testid="analytics-filters" onSubmit={(e) => { e.preventDefault(); applySources(); }}>
      <div className="filter-row">
        <div className="field filter-field">
          <span>Period</span>
          <div className="segmented" role="group" aria-label="Period presets">
            {PERIOD_PRESETS.map((p) => (
              <button key={p.key} type="button" className={`segmented-option${preset === p.key ? ' is-active' : ''}`} aria-pressed={preset === p.key}
                onClick={() => onChange({ ...filters, from: p.from(filters.asOf ? new Date(`${filters.asOf}T00:00:00Z`) : new Date()), to: '' })} data-testid="period-preset" data-preset={p.key}>
                {p.label}
              </button>
            ))}
          </div>
        </div>
        <label className="field filter-field">
          <span>From</span>
          <input type="date" value={filters.from} onChange={(e) => set('from', e.target.value)} data-testid="filter-from" aria-invalid={errors.has('from')} />
          <FieldErrors errors={errors} field="from" />
        </label>
        <label className="field filter-field">
          <span>To (not included)</span>
          <input type="date" value={filters.to} onChange={(e) => set('to', e.target.value)} data-testid="filter-to" aria-invalid={errors.has('to')} />
          <FieldErrors errors={errors} field="to" />
        </label>
        <label className="field filter-field">
          <span>As of</span>
          <input type="date" value={filters.asOf} onChange={(e) => set('asOf', e.target.value)} data-testid="filter-as-of" aria-invalid={errors.has('asOf')} title="Facts recorded after this date are ignored: a past report reads the same tomorrow" />
          <FieldErrors errors={errors} field="asOf" />
        </label>
        <label className="field filter-field">
          <span>Interval</span>
          <select value={filters.interval || 'month'} onChange={(e) => set('interval', e.target.value === 'month' ? '' : (e.target.value as 'week'))} data-testid="filter-interval">
            <option value="month">Month</option>
            <option value="week">Week</option>
          </select>
          <FieldErrors errors={errors} field="interval" />
        </label>
      </div>
      <div className="filter-row">
        <MultiSelect label="Jobs" testId="filter-jobs" options={jobOptions} hasFailed={Boolean(jobs.error)} selected={filters.jobIds} onChange={setList('jobIds')}><FieldErrors errors={errors} field="jobIds" /></MultiSelect>
        <MultiSelect label="Departments" testId="filter-departments" options={departments} hasFailed={Boolean(jobs.error)} selected={filters.departments} onChange={setList('departments')}><FieldErrors errors={errors} field="departments" /></MultiSelect>
        {canListUsers && <MultiSelect label="Recruiters" testId="filter-recruiters" options={recruiters} hasFailed={Boolean(users.error)} selected={filters.recruiterIds} onChange={setList('recruiterIds')}><FieldErrors errors={errors} field="recruiterIds" /></MultiSelect>}
        <label className="field filter-field">
          <span>Sources</span>
          <input type="text" value={sourcesDraft} placeholder="All (e.g. referral, careers)" onChange={(e) => setSourcesDraft(e.target.value)} onBlur={applySources} data-testid="filter-sources" />
          <FieldErrors errors={errors} field="sources" />
        </label>
        {crmFilters.map((key) => (
          <MultiSelect key={key} label={crmPickers[key].label} testId={crmPickers[key].testId} options={crmOptions[key]} selected={filters[key]} onChange={setList(key)} hasFailed={crmPickers[key].hasFailed}><FieldErrors errors={errors} field={key} /></MultiSelect>
        ))}
        {(errors.get('query') ?? errors.get('groupBy')) && <div className="field filter-field"><FieldErrors errors={errors} field="query" /><FieldErrors errors={errors} field="groupBy" /></div>}
      </div>
    </form>
  );
}
