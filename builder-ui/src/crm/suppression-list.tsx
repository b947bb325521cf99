// The suppression list: addresses never emailed, whatever the message (bounced, complained, erased, added by
// hand). Look one up, add one, take one off (admins; an erased person's block stays for good).
import { useState, type FormEvent } from 'react';
import { apiDelete, apiPost } from '../api';
import { ErrorNotice } from '../components/error-notice';
import { formatDateTime } from '../format';
import { hrefFor } from '../hash-route';
import type { Suppression } from './crm-types';
import { useKeysetList } from './use-keyset-list';
import { useAsyncAction } from './use-async-action';

export function SuppressionList({ canRemove }: { canRemove: boolean }) {
  const [lookup, setLookup] = useState('');
  const [address, setAddress] = useState('');
  const [note, setNote] = useState('');
  const { run, error } = useAsyncAction();
  const path = `/api/suppressions?limit=50${lookup ? `&address=${encodeURIComponent(lookup)}` : ''}`;
  const list = useKeysetList<Suppression, { suppressions: Suppression[]; nextCursor: string | null }>(path, (page) => page.suppressions);
  const act = (work: () => Promise<unknown>) => run(async () => {
    await work();
    await list.reload();
  });
  const add = (event: FormEvent) => {
    event.preventDefault();
    void act(async () => {
      await apiPost('/api/suppressions', { address: address.trim(), ...(note.trim() ? { note: note.trim() } : {}) });
      setAddress('');
      setNote('');
    });
  };
  return (
    <div className="card crm-section" data-testid="suppression-list">
      <h2 className="card-title">Suppression list</h2>
      <form className="inline-form" onSubmit={(e) => { e.preventDefault(); setLookup((e.currentTarget.elements.namedItem('lookup') as HTMLInputElement).value.trim()); }} role="search">
        <label className="field field-grow"><span>Look up an address (exact)</span><input type="search" name="lookup" placeholder="name@example.com" data-testid="suppression-lookup" /></label>
        <button type="submit" className="button">Look up</button>
        {lookup && <button type="button" className="button button-ghost" onClick={() => setLookup('')}>Show all</button>}
      </form>
      <form className="inline-form" onSubmit={add}>
        <label className="field"><span>Suppress an address</span><input type="email" value={address} onChange={(e) => setAddress(e.target.value)} required maxLength={320} data-testid="suppression-address" /></label>
        <label className="field field-grow"><span>Note (why; not shown to anyone else)</span><input value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} /></label>
        <button type="submit" className="button" disabled={!address.trim()} data-testid="suppression-add">Suppress</button>
      </form>
      <ErrorNotice error={error ?? list.error} title="The suppression list refused" />
      <table className="data-table" data-testid="suppression-table">
        <thead><tr><th>Address</th><th>Reason</th><th>Since</th><th><span className="visually-hidden">Actions</span></th></tr></thead>
        <tbody>
          {list.items.map((s) => (
            <tr key={s.id} data-testid="suppression-row" data-reason={s.reason}>
              <td>{s.address ?? <span className="muted">(erased: kept as a hash)</span>}{s.candidateId && <div className="cell-meta"><a href={hrefFor(`/candidates/${encodeURIComponent(s.candidateId)}`)}>profile</a></div>}</td>
              <td>{s.reason}</td>
              <td>{formatDateTime(s.createdAt)}</td>
              <td className="cell-actions">{canRemove && s.reason !== 'erased' && <button type="button" className="button button-small button-ghost" onClick={() => void act(() => apiDelete(`/api/suppressions/${encodeURIComponent(s.id)}`))} aria-label={`Remove ${s.address ?? 'this'} from the suppression list`}>Remove</button>}</td>
            </tr>
          ))}
          {!list.isLoading && list.items.length === 0 && <tr><td colSpan={4} className="table-empty">{lookup ? 'This address is not suppressed.' : 'Nobody is suppressed.'}</td></tr>}
          {list.isLoading && <tr><td colSpan={4} className="table-empty">Loading…</td></tr>}
        </tbody>
      </table>
      {list.hasMore && !list.isLoading && <button type="button" className="button load-more" onClick={() => void list.loadMore()}>Load more</button>}
    </div>
  );
}
