// The inbox's tabs (open, snoozed, completed, cancelled, with counts) and
// filters (whose tasks, job, due window, kind), all kept in the address
// (#/inbox?state=open&assignee=me&due=overdue) so a filtered inbox is a link.
import type { InboxCounts, InboxState } from '../api-types';
import { hrefFor, navigate } from '../hash-route';
import { useApiResource } from '../use-api-resource';

export type InboxFilter = { state: InboxState; assignee: string; jobId: string; due: string; kind: string };

const STATES: InboxState[] = ['open', 'snoozed', 'completed', 'cancelled'];
const KINDS = ['REVIEW', 'FEEDBACK', 'SCHEDULE', 'DECIDE', 'APPROVE', 'TODO'];

export function inboxFilterFromParams(params: URLSearchParams, isTeamRole: boolean): InboxFilter {
  const state = params.get('state') as InboxState | null;
  return {
    state: state && STATES.includes(state) ? state : 'open',
    // The recruiting team starts on everyone's tasks; everyone else only ever has their own.
    assignee: isTeamRole ? params.get('assignee') ?? '' : 'me',
    jobId: params.get('jobId') ?? '',
    due: params.get('due') ?? '',
    kind: params.get('kind') ?? '',
  };
}

export function inboxApiQuery(filter: InboxFilter): string {
  const params = new URLSearchParams({ state: filter.state, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC', limit: '50' });
  for (const key of ['assignee', 'jobId', 'due', 'kind'] as const) if (filter[key]) params.set(key, filter[key]);
  return params.toString();
}

const addressOf = (filter: InboxFilter) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value && !(key === 'state' && value === 'open')) params.set(key, value);
  const text = params.toString();
  return `/inbox${text ? `?${text}` : ''}`;
};

type InboxFiltersProps = { filter: InboxFilter; counts: InboxCounts | null; isTeamRole: boolean };

export function InboxFilters({ filter, counts, isTeamRole }: InboxFiltersProps) {
  const jobs = useApiResource<Array<{ id: string; title: string }>>('/api/jobs');
  const change = (key: keyof InboxFilter) => (event: { target: { value: string } }) => navigate(addressOf({ ...filter, [key]: event.target.value }));
  const countOf = (state: InboxState) => (state === 'open' ? counts?.open : state === 'snoozed' ? counts?.snoozed : undefined);
  return (
    <>
      <div className="segmented" role="tablist" aria-label="Task state">
        {STATES.map((state) => (
          <a
            key={state}
            role="tab"
            href={hrefFor(addressOf({ ...filter, state }))}
            className={state === filter.state ? 'segmented-option is-active' : 'segmented-option'}
            aria-selected={state === filter.state}
            data-testid={`inbox-tab-${state}`}
          >
            {state[0]!.toUpperCase() + state.slice(1)}
            {countOf(state) !== undefined && ` (${countOf(state)})`}
          </a>
        ))}
      </div>
      <div className="inbox-filters" data-testid="inbox-filters">
        {isTeamRole && (
          <label className="field">
            <span>Assigned to</span>
            <select value={filter.assignee} onChange={change('assignee')} data-testid="inbox-assignee">
              <option value="">Everyone</option>
              <option value="me">Me</option>
              <option value="unassigned">Unclaimed role tasks</option>
            </select>
          </label>
        )}
        <label className="field">
          <span>Job</span>
          <select value={filter.jobId} onChange={change('jobId')} data-testid="inbox-job">
            <option value="">All jobs</option>
            {(jobs.data ?? []).map((j) => <option key={j.id} value={j.id}>{j.title}</option>)}
          </select>
        </label>
        <label className="field">
          <span>Due</span>
          <select value={filter.due} onChange={change('due')} data-testid="inbox-due">
            <option value="">Any time</option>
            <option value="overdue">Overdue</option>
            <option value="today">By end of today</option>
            <option value="week">Within a week</option>
          </select>
        </label>
        <label className="field">
          <span>Type</span>
          <select value={filter.kind} onChange={change('kind')} data-testid="inbox-kind">
            <option value="">All types</option>
            {KINDS.map((k) => <option key={k} value={k}>{k.toLowerCase()}</option>)}
          </select>
        </label>
      </div>
    </>
  );
}
