// Saved searches beside the search page: mine and those shared in the
// organization; open one (its filters go to the address), save the current
// search under a name, delete my own.
import { useState, type FormEvent } from 'react';
import { apiDelete, apiPost } from '../api';
import type { CandidateSearchQuery, SavedSearch } from '../api-types';
import { hrefFor } from '../hash-route';
import { useApiResource } from '../use-api-resource';
import { ErrorNotice } from './error-notice';
import { paramsFromSearchQuery } from './search-filters';

export function SearchSavedSearches({ current }: { current: CandidateSearchQuery }) {
  const saved = useApiResource<SavedSearch[]>('/api/saved-searches');
  const [name, setName] = useState('');
  const [isShared, setIsShared] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await apiPost('/api/saved-searches', { name, query: current, isShared });
      setName('');
      await saved.reload();
    } catch (caught) {
      setError(caught);
    }
  };
  const remove = async (id: string) => {
    setError(null);
    try {
      await apiDelete(`/api/saved-searches/${encodeURIComponent(id)}`);
      await saved.reload();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <div className="card" data-testid="saved-searches">
      <h2 className="card-title">Saved searches</h2>
      <ErrorNotice error={saved.error ?? error} />
      {saved.data?.length === 0 && <p className="muted">None yet.</p>}
      <ul className="saved-search-list">
        {(saved.data ?? []).map((s) => (
          <li key={s.id} data-testid="saved-search">
            <a href={hrefFor(`/search?${paramsFromSearchQuery(s.query)}`)}>{s.name}</a>
            {s.isShared && <span className="badge badge-info">shared</span>}
            {s.isMine && (
              <button type="button" className="button button-small button-ghost" onClick={() => void remove(s.id)} aria-label={`Delete ${s.name}`}>
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      <form onSubmit={save} className="saved-search-form">
        <label className="field">
          <span>Save this search as</span>
          <input value={name} onChange={(event) => setName(event.target.value)} maxLength={100} placeholder="Senior Go engineers in DE" data-testid="saved-search-name" />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={isShared} onChange={(event) => setIsShared(event.target.checked)} /> Share with the team
        </label>
        <button type="submit" className="button button-small" disabled={!name.trim()} data-testid="saved-search-save">Save</button>
      </form>
    </div>
  );
}
