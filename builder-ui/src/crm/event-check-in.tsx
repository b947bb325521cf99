// Check-in at the door: type a name or an email, press the big "Check in" of the right person; someone not on
// the list is checked in by email or registered on the spot as a walk-in. Each answer says who was checked in
// (or that they already were), so a double tap is harmless.
import { useState, type FormEvent } from 'react';
import { apiPost } from '../api';
import { ErrorNotice } from '../components/error-notice';
import { StatusBadge } from '../components/status-badge';
import { formatPersonName } from '../format';
import type { CheckInResult, EventRegistration } from './crm-types';
import { matchRegistrations } from './use-event-registrations';

const MAX_MATCHES = 8;
const CHECKABLE = new Set(['REGISTERED', 'WAITLISTED', 'NO_SHOW']);

type CheckInPanelProps = { eventId: string; registrations: EventRegistration[]; isOpen: boolean; onCheckedIn: () => void };

export function EventCheckIn({ eventId, registrations, isOpen, onCheckedIn }: CheckInPanelProps) {
  const [search, setSearch] = useState('');
  const [walkIn, setWalkIn] = useState({ firstName: '', lastName: '', email: '' });
  const [isWalkInOpen, setIsWalkInOpen] = useState(false);
  const [confirmation, setConfirmation] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const matches = matchRegistrations(registrations, search).slice(0, MAX_MATCHES);
  const looksLikeEmail = /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(search.trim());

  const checkIn = async (busy: string, body: Record<string, unknown>, name: string): Promise<boolean> => {
    setBusyId(busy);
    setError(null);
    setConfirmation(null);
    try {
      const result = await apiPost<CheckInResult>(`/api/events/${encodeURIComponent(eventId)}/check-in`, body);
      setConfirmation(result.isAlreadyCheckedIn ? `${name} was already checked in.` : `${name} is checked in${result.isWalkIn ? ' (walk-in)' : ''}.`);
      setSearch('');
      onCheckedIn();
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    } finally {
      setBusyId(null);
    }
  };
  const submitWalkIn = (event: FormEvent) => {
    event.preventDefault();
    void checkIn('walk-in', { walkIn: { firstName: walkIn.firstName.trim(), lastName: walkIn.lastName.trim(), email: walkIn.email.trim() } }, `${walkIn.firstName} ${walkIn.lastName}`).then((isDone) => isDone && setWalkIn({ firstName: '', lastName: '', email: '' }));
  };

  return (
    <div className="card check-in-panel" data-testid="check-in-panel">
      <h2 className="card-title">Check-in</h2>
      <p className="muted">{isOpen ? 'Open from a day before the start until a week after the end.' : 'Publish the event to check people in.'}</p>
      <label className="field">
        <span>Find a registrant by name or email</span>
        <input type="search" className="check-in-search" value={search} onChange={(e) => { setSearch(e.target.value); setConfirmation(null); }} placeholder="e.g. Ada or ada@example.com" autoComplete="off" data-testid="check-in-search" />
      </label>
      {confirmation && <div className="notice notice-success" role="status" data-testid="check-in-confirmation">{confirmation}</div>}
      <ErrorNotice error={error} title="Check-in refused" />
      <ul className="check-in-matches" aria-label="Matching registrants">
        {matches.map((r) => (
          <li key={r.id} className="check-in-match" data-testid="check-in-match" data-registration-id={r.id}>
            <div>
              <div className="cell-title">{formatPersonName(r.candidate)}</div>
              <div className="cell-meta">{r.candidate.email} · <StatusBadge status={r.status} /></div>
            </div>
            {r.status === 'ATTENDED' ? <span className="check-in-done">Checked in</span> : (
              <button type="button" className="button button-primary check-in-button" disabled={!isOpen || busyId !== null || !CHECKABLE.has(r.status)}
                onClick={() => void checkIn(r.id, { registrationId: r.id }, formatPersonName(r.candidate))} data-testid="check-in-button">
                {busyId === r.id ? 'Checking in…' : 'Check in'}
              </button>
            )}
          </li>
        ))}
        {search.trim() && matches.length === 0 && (
          <li className="muted check-in-none">
            Nobody on the list matches.{' '}
            {looksLikeEmail && <button type="button" className="button button-small" disabled={!isOpen || busyId !== null} onClick={() => void checkIn('email', { email: search.trim() }, search.trim())}>Check in {search.trim()}</button>}
          </li>
        )}
      </ul>
      <button type="button" className="button button-ghost" aria-expanded={isWalkInOpen} onClick={() => setIsWalkInOpen(!isWalkInOpen)} data-testid="walk-in-toggle">
        {isWalkInOpen ? 'Close the walk-in form' : 'Register a walk-in'}
      </button>
      {isWalkInOpen && (
        <form className="walk-in-form" onSubmit={submitWalkIn} data-testid="walk-in-form">
          <label className="field"><span>First name</span><input value={walkIn.firstName} onChange={(e) => setWalkIn({ ...walkIn, firstName: e.target.value })} required maxLength={100} data-testid="walk-in-first-name" /></label>
          <label className="field"><span>Last name</span><input value={walkIn.lastName} onChange={(e) => setWalkIn({ ...walkIn, lastName: e.target.value })} required maxLength={100} data-testid="walk-in-last-name" /></label>
          <label className="field"><span>Email</span><input type="email" value={walkIn.email} onChange={(e) => setWalkIn({ ...walkIn, email: e.target.value })} required maxLength={254} data-testid="walk-in-email" /></label>
          <button type="submit" className="button button-primary" disabled={!isOpen || busyId !== null} data-testid="walk-in-submit">Register and check in</button>
        </form>
      )}
    </div>
  );
}
