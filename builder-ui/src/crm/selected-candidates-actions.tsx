// What a recruiter can do with candidates picked in a list (search results): add them to a talent pool, or
// add a tag to all of them at once. Each action says what it did ("3 added, 1 was in the pool already").
import { useState } from 'react';
import { apiPost } from '../api';
import { ErrorNotice } from '../components/error-notice';
import { useApiResource } from '../use-api-resource';
import type { TalentPool } from './crm-types';
import { splitList } from './segment-rows';
import { useAsyncAction } from './use-async-action';

type ActionsProps = { candidateIds: string[]; onDone: () => void };

export function SelectedCandidatesActions({ candidateIds, onDone }: ActionsProps) {
  const pools = useApiResource<TalentPool[]>('/api/talent-pools?limit=200');
  const [poolId, setPoolId] = useState('');
  const [tags, setTags] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const { run, isBusy, error } = useAsyncAction();
  const count = candidateIds.length;
  const act = (work: () => Promise<string>) => run(async () => {
    setNotice(await work());
    onDone();
  });
  const addToPool = () => act(async () => {
    const result = await apiPost<{ added: number; alreadyMembers: number }>(`/api/talent-pools/${encodeURIComponent(poolId)}/members`, { candidateIds });
    const name = pools.data?.find((p) => p.id === poolId)?.name ?? 'the pool';
    return `Added ${result.added} to ${name}${result.alreadyMembers ? ` (${result.alreadyMembers} already in it)` : ''}.`;
  });
  const addTags = () => act(async () => {
    const add = splitList(tags);
    const result = await apiPost<{ changed: number; unchanged: number }>('/api/tags/bulk', { candidateIds, add });
    setTags('');
    return `Tagged ${result.changed} with ${add.join(', ')}${result.unchanged ? ` (${result.unchanged} had ${add.length > 1 ? 'them' : 'it'} already)` : ''}.`;
  });
  return (
    <div className="selection-actions" data-testid="selection-actions">
      <span className="selection-count" aria-live="polite">{count ? `${count} selected` : 'Select people to add them to a pool or tag them.'}</span>
      <label className="visually-hidden" htmlFor="selection-pool">Talent pool</label>
      <select id="selection-pool" value={poolId} onChange={(e) => setPoolId(e.target.value)} disabled={!count} data-testid="selection-pool">
        <option value="">Pick a pool…</option>
        {(pools.data ?? []).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
      </select>
      <button type="button" className="button button-small" disabled={!count || !poolId || isBusy} onClick={() => void addToPool()} data-testid="selection-add-to-pool">Add to pool</button>
      <label className="visually-hidden" htmlFor="selection-tags">Tags to add</label>
      <input id="selection-tags" value={tags} onChange={(e) => setTags(e.target.value)} placeholder="tag, another" disabled={!count} data-testid="selection-tags" />
      <button type="button" className="button button-small" disabled={!count || !splitList(tags).length || isBusy} onClick={() => void addTags()} data-testid="selection-add-tags">Add tags</button>
      {notice && <span className="selection-notice" role="status" data-testid="selection-notice">{notice}</span>}
      <ErrorNotice error={error} title="Could not change the selected people" />
    </div>
  );
}
