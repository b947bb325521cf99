// Where the person stands in the CRM: their talent pools (add them to another), the campaigns they are or
// were in (status, why they left) and the events they registered for (attended or not).
import { useState } from 'react';
import { apiPost } from '../api';
import type { CandidateProfile, TimelinePage } from '../api-types';
import { ErrorNotice } from '../components/error-notice';
import { StatusBadge } from '../components/status-badge';
import { formatDateTime } from '../format';
import { hrefFor } from '../hash-route';
import { useApiResource } from '../use-api-resource';
import { exitReasonLabel } from './campaign-funnel';
import { crmHistoryOfTimeline } from './crm-history';
import type { TalentPool } from './crm-types';
import { useReloadOnChange } from './use-reload-on-change';
import { useAsyncAction } from './use-async-action';

const HISTORY_ENTRIES = 100;

/** `version` changes when the person changed elsewhere on the page: their history is read again. */
export function CandidateCrmHistory({ profile, canEdit, version, onChanged }: { profile: CandidateProfile; canEdit: boolean; version: number; onChanged: () => void }) {
  const timeline = useApiResource<TimelinePage>(`/api/candidates/${encodeURIComponent(profile.id)}/timeline?limit=${HISTORY_ENTRIES}`);
  useReloadOnChange(version, timeline.reload);
  const isLoaded = !!timeline.data;
  const pools = useApiResource<TalentPool[]>(canEdit ? '/api/talent-pools?limit=200' : null);
  const [poolId, setPoolId] = useState('');
  const { run, error } = useAsyncAction();
  const { enrollments, registrations } = crmHistoryOfTimeline(timeline.data?.entries ?? []);
  const memberOf = new Set((profile.pools ?? []).map((p) => p.id));
  const addToPool = () => run(async () => {
      await apiPost(`/api/talent-pools/${encodeURIComponent(poolId)}/members`, { candidateIds: [profile.id] });
      setPoolId('');
      onChanged();
  });
  return (
    <div className="card" data-testid="crm-history-card">
      <h2 className="card-title">Pools, campaigns and events</h2>
      <h3 className="report-heading">Talent pools</h3>
      <div data-testid="profile-pools">
        {(profile.pools ?? []).length === 0 && <span className="muted">In no pool.</span>}
        {(profile.pools ?? []).map((p) => <a key={p.id} className="chip chip-tag" href={hrefFor(`/pools/${encodeURIComponent(p.id)}`)} title={`Added ${formatDateTime(p.addedAt)}`}>{p.name}</a>)}
      </div>
      {canEdit && (
        <div className="inline-form profile-add-pool">
          <label className="visually-hidden" htmlFor="profile-pool">Talent pool</label>
          <select id="profile-pool" value={poolId} onChange={(e) => setPoolId(e.target.value)} data-testid="profile-pool-select">
            <option value="">Add to a pool…</option>
            {(pools.data ?? []).filter((p) => !memberOf.has(p.id)).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
          <button type="button" className="button button-small" disabled={!poolId} onClick={() => void addToPool()} data-testid="profile-pool-add">Add</button>
        </div>
      )}
      <ErrorNotice error={error} title="Could not add to the pool" />
      <h3 className="report-heading">Campaigns</h3>
      <ErrorNotice error={timeline.error} title="Could not load campaigns and events" />
      {enrollments.length === 0 ? <p className="muted">{isLoaded ? 'Never enrolled.' : 'Loading…'}</p> : (
        <table className="compact-table" data-testid="profile-enrollments">
          <tbody>
            {enrollments.map((e) => (
              <tr key={e.runId} data-testid="profile-enrollment" data-status={e.status}>
                <td><a href={hrefFor(`/campaigns/${encodeURIComponent(e.campaignId)}`)}>{e.campaignName}</a><div className="cell-meta">since {formatDateTime(e.enrolledAt)}</div></td>
                <td><StatusBadge status={e.status} />{e.status === 'EXITED' && <div className="cell-meta">{exitReasonLabel(e.exitReason)}</div>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3 className="report-heading">Events</h3>
      {registrations.length === 0 ? <p className="muted">{isLoaded ? 'No event registrations.' : 'Loading…'}</p> : (
        <table className="compact-table" data-testid="profile-registrations">
          <tbody>
            {registrations.map((r, i) => (
              <tr key={`${r.eventId}-${i}`} data-testid="profile-registration" data-status={r.status}>
                <td><a href={hrefFor(`/events/${encodeURIComponent(r.eventId)}`)}>{r.eventName}</a>{r.startsAt && <div className="cell-meta">{formatDateTime(r.startsAt)}</div>}</td>
                <td><StatusBadge status={r.status} />{r.checkedInAt && <div className="cell-meta">checked in {formatDateTime(r.checkedInAt)}</div>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
