// One talent pool (#/pools/:id): its members, most recently added first, a page at a time; select people to
// take them out; add everyone a saved segment finds now (one request, however many people). People join a
// pool one by one from candidate search ("Add to pool") or from a profile.
import { useState } from 'react';
import { apiPost } from '../api';
import { ErrorNotice } from '../components/error-notice';
import { PageHeader } from '../components/page-header';
import { formatDateTime } from '../format';
import { useApiResource } from '../use-api-resource';
import type { CrmPerson, CrmPersonPage, Segment, TalentPool } from '../crm/crm-types';
import { EngagementScore, InterestBadge, PersonCell, placeOf } from '../crm/crm-person-cells';
import { useAsyncAction } from '../crm/use-async-action';
import { useCrmRole } from '../crm/use-crm-role';
import { useKeysetList } from '../crm/use-keyset-list';
import { useRowSelection } from '../crm/use-row-selection';
import '../crm/crm.css';

function AddSegmentToPool({ poolId, onAdded }: { poolId: string; onAdded: (message: string) => void }) {
  const segments = useApiResource<Segment[]>('/api/segments');
  const [segmentId, setSegmentId] = useState('');
  const { run, isBusy: isAdding, error } = useAsyncAction();
  const add = () => run(async () => {
    const result = await apiPost<{ matched: number; added: number; alreadyMembers: number }>(`/api/talent-pools/${encodeURIComponent(poolId)}/members/bulk`, { segmentId });
    onAdded(`Added ${result.added.toLocaleString('en')} people (${result.alreadyMembers.toLocaleString('en')} were in the pool already).`);
  });
  return (
    <div className="inline-form">
      <label className="field">
        <span>Add everyone a segment finds now</span>
        <select value={segmentId} onChange={(e) => setSegmentId(e.target.value)} data-testid="pool-add-segment">
          <option value="">Pick a segment…</option>
          {(segments.data ?? []).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
      </label>
      <button type="button" className="button" disabled={!segmentId || isAdding} onClick={() => void add()} data-testid="pool-add-segment-button">
        {isAdding ? 'Adding…' : 'Add to pool'}
      </button>
      <ErrorNotice error={error ?? segments.error} title="Could not add the segment's people" />
    </div>
  );
}

export function TalentPoolPage({ poolId }: { poolId: string }) {
  const path = `/api/talent-pools/${encodeURIComponent(poolId)}`;
  const pool = useApiResource<TalentPool>(path);
  const members = useKeysetList<CrmPerson, CrmPersonPage>(`${path}/members?limit=50`, (page) => page.members);
  const selection = useRowSelection(members.items.map((m) => m.id));
  const { canEdit } = useCrmRole();
  const [notice, setNotice] = useState<string | null>(null);
  const removal = useAsyncAction();

  const refresh = async (message: string) => {
    setNotice(message);
    selection.clear();
    await Promise.all([pool.reload(), members.reload()]);
  };
  const removeSelected = () => removal.run(async () => {
    const result = await apiPost<{ removed: number }>(`${path}/members/remove`, { candidateIds: selection.selectedIds });
    await refresh(`Removed ${result.removed.toLocaleString('en')} people from the pool.`);
  });

  return (
    <section className="crm-page" data-testid="pool-page">
      <PageHeader
        backHref="#/pools"
        backLabel="Talent pools"
        title={pool.data?.name ?? 'Talent pool'}
        subtitle={pool.data ? `${pool.data.memberCount.toLocaleString('en')} members${pool.data.description ? ` · ${pool.data.description}` : ''}` : '\u00a0'}
      />
      <ErrorNotice error={pool.error} title="Could not load the pool" onRetry={() => void pool.reload()} />
      {notice && (
        <div className="notice notice-success" role="status" data-testid="pool-notice">
          {notice}
          <button type="button" className="button button-small button-ghost" onClick={() => setNotice(null)}>Dismiss</button>
        </div>
      )}
      {canEdit && <AddSegmentToPool poolId={poolId} onAdded={(message) => void refresh(message)} />}
      <div className="selection-bar" aria-live="polite">
        <span>{selection.selectedIds.length ? `${selection.selectedIds.length} selected` : 'Select people to take them out of the pool.'}</span>
        {canEdit && (
          <button type="button" className="button button-small" disabled={!selection.selectedIds.length} onClick={() => void removeSelected()} data-testid="pool-remove-members">
            Remove from pool
          </button>
        )}
      </div>
      <ErrorNotice error={removal.error ?? members.error} title="Could not change the members" />
      <div className="card table-card">
        <table className="data-table" data-testid="pool-members">
          <thead>
            <tr>
              <th className="select-cell"><input type="checkbox" aria-label="Select every member shown" checked={selection.isAllSelected} onChange={selection.toggleAll} /></th>
              <th>Person</th><th>Location</th><th>Tags</th><th>Interest</th><th>Engagement</th><th>Added</th>
            </tr>
          </thead>
          <tbody>
            {members.items.map((m) => (
              <tr key={m.id} data-testid="pool-member" data-candidate-id={m.id}>
                <td className="select-cell"><input type="checkbox" aria-label={`Select ${m.firstName} ${m.lastName}`} checked={selection.isSelected(m.id)} onChange={() => selection.toggle(m.id)} /></td>
                <td><PersonCell person={m} /></td>
                <td>{placeOf(m)}</td>
                <td>{m.tags.map((tag) => <span key={tag} className="chip chip-tag">{tag}</span>)}</td>
                <td><InterestBadge level={m.interestLevel} /></td>
                <td><EngagementScore score={m.engagementScore} /></td>
                <td>{formatDateTime(m.addedAt)}</td>
              </tr>
            ))}
            {!members.isLoading && !members.error && members.items.length === 0 && (
              <tr><td colSpan={7} className="table-empty">Nobody in this pool yet. Add people from candidate search, or everyone a segment finds.</td></tr>
            )}
            {members.isLoading && <tr><td colSpan={7} className="table-empty">Loading members…</td></tr>}
          </tbody>
        </table>
      </div>
      {members.hasMore && !members.isLoading && (
        <button type="button" className="button load-more" onClick={() => void members.loadMore()} data-testid="pool-load-more">Load more</button>
      )}
    </section>
  );
}
