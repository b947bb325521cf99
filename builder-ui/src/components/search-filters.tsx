// The candidate search form: keywords and filters, kept in the page address
// (#/search?q=…&skills=…) so a search can be shared as a link. Converts between
// the address and the search API's request both ways.
import { useEffect, useState, type FormEvent } from 'react';
import type { CandidateSearchQuery } from '../api-types';
import { useApiResource } from '../use-api-resource';

type JobOption = { id: string; title: string; stages: Array<{ id: string; name: string }> };
const STATUSES = ['ACTIVE', 'REJECTED', 'WITHDRAWN', 'HIRED'] as const;

const list = (value: string | null) => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const numberOf = (value: string | null) => (value && Number.isFinite(Number(value)) ? Number(value) : undefined);

export function searchQueryFromParams(params: URLSearchParams): CandidateSearchQuery {
  const query: CandidateSearchQuery = {};
  const q = params.get('q')?.trim();
  if (q) query.q = q;
  if (list(params.get('skills')).length) query.skills = list(params.get('skills'));
  if (list(params.get('tags')).length) query.tags = list(params.get('tags'));
  const minYears = numberOf(params.get('minYears'));
  const maxYears = numberOf(params.get('maxYears'));
  if (minYears !== undefined) query.minYears = minYears;
  if (maxYears !== undefined) query.maxYears = maxYears;
  const country = params.get('country')?.trim();
  if (country) query.location = { countryCode: country, ...(params.get('city')?.trim() ? { city: params.get('city')!.trim() } : {}) };
  for (const key of ['jobId', 'stageId', 'source'] as const) {
    const value = params.get(key)?.trim();
    if (value) query[key] = value;
  }
  const status = params.get('status');
  if (status && (STATUSES as readonly string[]).includes(status)) query.status = status as CandidateSearchQuery['status'];
  if (params.get('sort') === 'relevance' && query.q) query.sort = 'relevance';
  return query;
}

export function paramsFromSearchQuery(query: CandidateSearchQuery): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.skills?.length) params.set('skills', query.skills.join(','));
  if (query.minYears !== undefined) params.set('minYears', String(query.minYears));
  if (query.maxYears !== undefined) params.set('maxYears', String(query.maxYears));
  if (query.location) {
    params.set('country', query.location.countryCode);
    if (query.location.city) params.set('city', query.location.city);
  }
  if (query.tags?.length) params.set('tags', query.tags.join(','));
  for (const key of ['jobId', 'stageId', 'source', 'status', 'sort'] as const) {
    if (query[key]) params.set(key, String(query[key]));
  }
  return params.toString();
}

type FormState = Record<'q' | 'skills' | 'minYears' | 'maxYears' | 'country' | 'city' | 'tags' | 'jobId' | 'stageId' | 'source' | 'status' | 'sort', string>;

function formStateOf(query: CandidateSearchQuery): FormState {
  return {
    q: query.q ?? '', skills: query.skills?.join(', ') ?? '', minYears: query.minYears?.toString() ?? '', maxYears: query.maxYears?.toString() ?? '',
    country: query.location?.countryCode ?? '', city: query.location?.city ?? '', tags: query.tags?.join(', ') ?? '', jobId: query.jobId ?? '',
    stageId: query.stageId ?? '', source: query.source ?? '', status: query.status ?? '', sort: query.sort ?? 'recent',
  };
}

type SearchFiltersProps = { query: CandidateSearchQuery; onSearch: (query: CandidateSearchQuery) => void };

export function SearchFilters({ query, onSearch }: SearchFiltersProps) {
  const [form, setForm] = useState<FormState>(() => formStateOf(query));
  const jobs = useApiResource<JobOption[]>('/api/jobs');
  // A new address (back button, a saved search, a shared link) resets the form to it.
  const queryKey = paramsFromSearchQuery(query);
  useEffect(() => setForm(formStateOf(searchQueryFromParams(new URLSearchParams(queryKey)))), [queryKey]);

  const set = (key: keyof FormState) => (event: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: event.target.value, ...(key === 'jobId' ? { stageId: '' } : {}) }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(searchQueryFromParams(new URLSearchParams(Object.entries(form).filter(([, v]) => v.trim() !== ''))));
  };
  const stages = jobs.data?.find((j) => j.id === form.jobId)?.stages ?? [];

  return (
    <form onSubmit={submit} data-testid="search-form">
      <div className="search-bar">
        <input type="search" value={form.q} onChange={set('q')} placeholder='Keywords: go kafka, "site reliability", -php' aria-label="Keywords" data-testid="search-q" />
        <select value={form.sort} onChange={set('sort')} aria-label="Sort" data-testid="search-sort">
          <option value="recent">Most recent</option>
          <option value="relevance" disabled={!form.q.trim()}>Best match</option>
        </select>
        <button type="submit" className="button button-primary" data-testid="search-submit">Search</button>
      </div>
      <div className="card search-filters" data-testid="search-filters">
        <label className="field"><span>Skills (all of)</span><input value={form.skills} onChange={set('skills')} placeholder="go, kubernetes" data-testid="search-skills" /></label>
        <div className="field-row">
          <label className="field"><span>Min years</span><input type="number" min={0} max={80} value={form.minYears} onChange={set('minYears')} data-testid="search-min-years" /></label>
          <label className="field"><span>Max years</span><input type="number" min={0} max={80} value={form.maxYears} onChange={set('maxYears')} data-testid="search-max-years" /></label>
        </div>
        <div className="field-row">
          <label className="field"><span>Country</span><input value={form.country} onChange={set('country')} placeholder="DE" maxLength={2} data-testid="search-country" /></label>
          <label className="field"><span>City</span><input value={form.city} onChange={set('city')} disabled={!form.country} /></label>
        </div>
        <label className="field"><span>Tags (all of)</span><input value={form.tags} onChange={set('tags')} placeholder="silver-medalist" /></label>
        <label className="field">
          <span>Job</span>
          <select value={form.jobId} onChange={set('jobId')} data-testid="search-job">
            <option value="">Any job</option>
            {(jobs.data ?? []).map((j) => <option key={j.id} value={j.id}>{j.title}</option>)}
          </select>
        </label>
        <label className="field">
          <span>Stage</span>
          <select value={form.stageId} onChange={set('stageId')} disabled={!form.jobId}>
            <option value="">Any stage</option>
            {stages.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </label>
        <label className="field"><span>Source</span><input value={form.source} onChange={set('source')} placeholder="referral, linkedin…" /></label>
        <label className="field">
          <span>Application status</span>
          <select value={form.status} onChange={set('status')}>
            <option value="">Any</option>
            {STATUSES.map((s) => <option key={s} value={s}>{s.toLowerCase()}</option>)}
          </select>
        </label>
        <button type="submit" className="button button-small">Apply filters</button>
      </div>
    </form>
  );
}
