// The inbox's tabs (open, snoozed, completed, cancelled, with counts) and
// filters (whose tasks, job, due window, kind), all kept in the address
// (#/inbox?state=open&assignee=me&due=overdue) so a filtered inbox is a link.
import type { InboxCounts, InboxState } from '../api-types';
import { hrefFor, navigate } from '../hash-route';
import { useApiResource } from '../use-api-resource';
import { formatCount } from '../format';

export type InboxFilter = { state: InboxState; assignee: string; jobId: string; due: string; kind: string };

const STATES: InboxState[] = ['open', 'snoozed', 'completed', 'cancelled'];
type Option = [value: string, label: string];
const ASSIGNEE_OPTIONS: Option[] = [['', 'Everyone'], ['me', 'Me'], ['unassigned', 'Unclaimed role tasks']];
const DUE_OPTIONS: Option[] = [['', 'Any time'], ['overdue', 'Overdue'], ['today', 'By end of today'], ['week', 'Within a week']];
const KIND_OPTIONS: Option[] = [['', 'All types'], ...['REVIEW', 'FEEDBACK', 'SCHEDULE', 'DECIDE', 'APPROVE', 'TODO'].map((k): Option => [k, k.toLowerCase()])];

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

/**
 * The address of a filter. Outside the recruiting team the assignee is always "me" and stays out of the address:
 * it is also what the page assumes while it still asks who is signed in, and a filter chosen in that moment must
 * not pin a recruiter's inbox to their own tasks.
 */
export const addressOf = (filter: InboxFilter, isTeamRole: boolean) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (!value || (key === 'state' && value === 'open') || (key === 'assignee' && !isTeamRole)) continue;
    params.set(key, value);
  }
  const text = params.toString();
  return `/inbox${text ? `?${text}` : ''}`;
};

/** One filter of the inbox: choosing a value moves to the address with it. */
function FilterSelect({ label, name, filter, options, isTeamRole }: { label: string; name: 'assignee' | 'jobId' | 'due' | 'kind'; filter: InboxFilter; options: Option[]; isTeamRole: boolean }) {
  return (
    <label className="field">
      <span>{label}</span>
      <select value={filter[name]} onChange={(event) => navigate(addressOf({ ...filter, [name]: event.target.value }, isTeamRole))} data-testid={`inbox-${name === 'jobId' ? 'job' : name}`}>
        {options.map(([value, text]) => <option key={value} value={value}>{text}</option>)}
      </select>
    </label>
  );
}

type InboxFiltersProps = { filter: InboxFilter; counts: InboxCounts | null; isTeamRole: boolean };

export function InboxFilters({ filter, counts, isTeamRole }: InboxFiltersProps) {
  const jobs = useApiResource<Array<{ id: string; title: string }>>('/api/jobs');
  const countOf = (state: InboxState) => {
    const n = state === 'open' ? counts?.open : state === 'snoozed' ? counts?.snoozed : undefined;
    return n === undefined ? undefined : formatCount(n, counts!.isCapped);
  };
  return (
    <>
      <div className="segmented" role="tablist" aria-label="Task state">
        {STATES.map((state) => (
          <a
            key={state}
            role="tab"
            href={hrefFor(addressOf({ ...filter, state }, isTeamRole))}
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
          <FilterSelect label="Assigned to" name="assignee" filter={filter} options={ASSIGNEE_OPTIONS} isTeamRole={isTeamRole} />
        )}
        <FilterSelect label="Job" name="jobId" filter={filter} isTeamRole={isTeamRole} options={[['', 'All jobs'], ...(jobs.data ?? []).map((j): [string, string] => [j.id, j.title])]} />
        <FilterSelect label="Due" name="due" filter={filter} options={DUE_OPTIONS} isTeamRole={isTeamRole} />
        <FilterSelect label="Type" name="kind" filter={filter} options={KIND_OPTIONS} isTeamRole={isTeamRole} />
      </div>
    </>
  );
}
