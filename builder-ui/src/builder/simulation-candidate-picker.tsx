// Who the simulation runs for: a sample person (name editable) or a real
// candidate of the organization, found by name or email (GET /api/candidates).
import { useEffect, useRef, useState } from 'react';
import { apiGet } from '../api';
import { describeError } from '../components/error-notice';

/** What GET /api/candidates answers with. */
export type CandidateMatch = { id: string; firstName: string; lastName: string; email: string | null };

export type SimulationCandidate =
  | { kind: 'sample'; firstName: string; lastName: string }
  | { kind: 'real'; candidate: CandidateMatch | null };

type CandidatePickerProps = { value: SimulationCandidate; onChange(value: SimulationCandidate): void };

const SEARCH_DELAY_MS = 250;

export function SimulationCandidatePicker({ value, onChange }: CandidatePickerProps) {
  const [sample, setSample] = useState({ firstName: 'Sam', lastName: 'Sample' });
  const choose = (kind: SimulationCandidate['kind']) => onChange(kind === 'sample' ? { kind, ...sample } : { kind, candidate: null });
  return (
    <fieldset className="sim-section" data-testid="simulation-candidate">
      <legend>Candidate</legend>
      <div className="segmented" role="radiogroup">
        {(['sample', 'real'] as const).map((kind) => (
          <button key={kind} type="button" role="radio" aria-checked={value.kind === kind} className={`segmented-option${value.kind === kind ? ' is-active' : ''}`} onClick={() => choose(kind)} data-testid={`simulation-candidate-${kind}`}>
            {kind === 'sample' ? 'Sample person' : 'Real candidate'}
          </button>
        ))}
      </div>
      {value.kind === 'sample' ? (
        <div className="sim-row">
          {(['firstName', 'lastName'] as const).map((key) => (
            <label key={key} className="field field-grow">
              <span>{key === 'firstName' ? 'First name' : 'Last name'}</span>
              <input
                value={value[key]} maxLength={100} data-testid={`simulation-sample-${key}`}
                onChange={(e) => {
                  const next = { ...sample, [key]: e.target.value };
                  setSample(next);
                  onChange({ kind: 'sample', ...next });
                }}
              />
            </label>
          ))}
        </div>
      ) : value.candidate ? (
        <div className="sim-picked" data-testid="simulation-picked-candidate" data-candidate-id={value.candidate.id}>
          <span>
            <strong>{value.candidate.firstName} {value.candidate.lastName}</strong>
            {value.candidate.email && <span className="muted"> · {value.candidate.email}</span>}
          </span>
          <button type="button" className="button button-small button-ghost" onClick={() => onChange({ kind: 'real', candidate: null })}>Change</button>
        </div>
      ) : (
        <CandidateSearch onPick={(candidate) => onChange({ kind: 'real', candidate })} />
      )}
    </fieldset>
  );
}

function CandidateSearch({ onPick }: { onPick(candidate: CandidateMatch): void }) {
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<CandidateMatch[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  // Typing fires many searches; only the answer to the newest one is shown.
  const latest = useRef(0);

  useEffect(() => {
    const request = ++latest.current;
    const timer = window.setTimeout(async () => {
      try {
        const found = await apiGet<CandidateMatch[]>(`/api/candidates?limit=10&q=${encodeURIComponent(query.trim())}`);
        if (request === latest.current) {
          setMatches(found);
          setError(null);
        }
      } catch (caught) {
        if (request === latest.current) setError(caught);
      }
    }, SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [query]);

  return (
    <div className="sim-search">
      <label className="field">
        <span>Name or email</span>
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="e.g. Ada or @example.com" data-testid="simulation-candidate-search" autoFocus />
      </label>
      {error !== null && <p className="field-error" role="alert">Could not search candidates: {describeError(error)}</p>}
      {matches && matches.length === 0 && <p className="muted sim-hint">No candidate matches “{query}”.</p>}
      {matches && matches.length > 0 && (
        <ul className="sim-search-results" data-testid="simulation-candidate-results">
          {matches.map((c) => (
            <li key={c.id}>
              <button type="button" onClick={() => onPick(c)} data-testid="simulation-candidate-option" data-candidate-id={c.id}>
                <strong>{c.firstName} {c.lastName}</strong>
                {c.email && <span className="muted">{c.email}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
