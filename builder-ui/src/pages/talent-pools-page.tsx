// Talent pools (#/pools): the organization's hand-kept lists of people with their member counts; create,
// rename and delete (a pool a campaign, an event or a segment uses is refused with the reason). A name opens
// the pool's members.
import { useState, type FormEvent } from 'react';
import { apiDelete, apiPost, apiRequest } from '../api';
import { ErrorNotice } from '../components/error-notice';
import { PageHeader } from '../components/page-header';
import { formatDateTime } from '../format';
import { hrefFor } from '../hash-route';
import { useApiResource } from '../use-api-resource';
import type { TalentPool } from '../crm/crm-types';
import { useAsyncAction } from '../crm/use-async-action';
import { useCrmRole } from '../crm/use-crm-role';
import '../crm/crm.css';

function PoolForm({ pool, onDone, onCancel }: { pool?: TalentPool; onDone: () => void; onCancel: () => void }) {
  const [name, setName] = useState(pool?.name ?? '');
  const [description, setDescription] = useState(pool?.description ?? '');
  const { run, isBusy: isSaving, error } = useAsyncAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const body = { name: name.trim(), description: description.trim() || null };
      if (pool) await apiRequest('PATCH', `/api/talent-pools/${encodeURIComponent(pool.id)}`, body);
      else await apiPost('/api/talent-pools', body);
      onDone();
    });
  };
  return (
    <form className="card inline-form" onSubmit={submit} data-testid="pool-form">
      <label className="field">
        <span>Pool name</span>
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} autoFocus placeholder="e.g. Silver medalists 2025" data-testid="pool-name" />
      </label>
      <label className="field field-grow">
        <span>Description</span>
        <input value={description} onChange={(e) => setDescription(e.target.value)} maxLength={2000} placeholder="Who belongs here, and why" data-testid="pool-description" />
      </label>
      <div className="form-actions">
        <button type="button" className="button button-ghost" onClick={onCancel} disabled={isSaving}>Cancel</button>
        <button type="submit" className="button button-primary" disabled={!name.trim() || isSaving} data-testid="pool-save">
          {isSaving ? 'Saving…' : pool ? 'Save' : 'Create pool'}
        </button>
      </div>
      <ErrorNotice error={error} title={pool ? 'Could not rename the pool' : 'Could not create the pool'} />
    </form>
  );
}

export function TalentPoolsPage() {
  const pools = useApiResource<TalentPool[]>('/api/talent-pools?limit=200');
  const { canEdit } = useCrmRole();
  const [editing, setEditing] = useState<TalentPool | 'new' | null>(null);
  const [deleting, setDeleting] = useState<TalentPool | null>(null);
  const deletion = useAsyncAction();
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const rows = (pools.data ?? []).filter((p) => !needle || p.name.toLowerCase().includes(needle));

  const remove = (pool: TalentPool) => deletion.run(async () => {
    await apiDelete(`/api/talent-pools/${encodeURIComponent(pool.id)}`);
    setDeleting(null);
    await pools.reload();
  });
  const done = () => {
    setEditing(null);
    void pools.reload();
  };

  return (
    <section className="crm-page" data-testid="pools-page">
      <PageHeader
        title="Talent pools"
        subtitle="Hand-kept lists of people: silver medalists, event attendees, referrals. Campaigns and segments can aim at a pool."
        actions={canEdit && <button type="button" className="button button-primary" onClick={() => setEditing('new')} disabled={editing !== null} data-testid="new-pool-button">New pool</button>}
      />
      {editing && <PoolForm key={editing === 'new' ? 'new' : editing.id} pool={editing === 'new' ? undefined : editing} onDone={done} onCancel={() => setEditing(null)} />}
      <div className="inline-form" role="search">
        <label className="field field-grow">
          <span>Find a pool</span>
          <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="Pool name" data-testid="pool-filter" />
        </label>
      </div>
      <ErrorNotice error={pools.error} title="Could not load the talent pools" onRetry={() => void pools.reload()} />
      {deleting && (
        <div className="notice crm-confirm" role="alertdialog" aria-label="Delete the pool" data-testid="pool-delete-confirm">
          <span>Delete <b>{deleting.name}</b>? Its {deleting.memberCount.toLocaleString('en')} members stay in the database; only the list goes.</span>
          <button type="button" className="button button-small" onClick={() => void remove(deleting)} data-testid="pool-delete-confirm-button">Delete pool</button>
          <button type="button" className="button button-small button-ghost" onClick={() => { setDeleting(null); deletion.setError(null); }}>Cancel</button>
          <ErrorNotice error={deletion.error} title="Could not delete the pool" />
        </div>
      )}
      <div className="card table-card">
        <table className="data-table" data-testid="pool-table">
          <thead>
            <tr><th>Pool</th><th className="numeric">Members</th><th>Created</th>{canEdit && <th><span className="visually-hidden">Actions</span></th>}</tr>
          </thead>
          <tbody>
            {pools.isLoading && <tr><td colSpan={4} className="table-empty">Loading talent pools…</td></tr>}
            {!pools.isLoading && !pools.error && rows.length === 0 && (
              <tr><td colSpan={4} className="table-empty">{needle ? 'No pool has that name.' : 'No talent pools yet. Create one, or add people to a pool from candidate search.'}</td></tr>
            )}
            {rows.map((pool) => (
              <tr key={pool.id} data-testid="pool-row" data-pool-id={pool.id}>
                <td>
                  <a className="cell-title" href={hrefFor(`/pools/${encodeURIComponent(pool.id)}`)}>{pool.name}</a>
                  {pool.description && <div className="cell-meta">{pool.description}</div>}
                </td>
                <td className="numeric" data-testid="pool-member-count">{pool.memberCount.toLocaleString('en')}</td>
                <td>{formatDateTime(pool.createdAt)}</td>
                {canEdit && (
                  <td className="cell-actions">
                    <button type="button" className="button button-small button-ghost" onClick={() => setEditing(pool)} aria-label={`Rename ${pool.name}`}>Rename</button>
                    <button type="button" className="button button-small button-ghost" onClick={() => { setDeleting(pool); deletion.setError(null); }} aria-label={`Delete ${pool.name}`} data-testid="pool-delete">Delete</button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
