// The organization's contact policy (admins): consent required for marketing, quiet hours in each person's
// time zone, a frequency cap across every campaign and process, stop on reply, and the zone for people
// without one. It holds for every marketing email at the moment it is sent.
import { useEffect, useState, type FormEvent } from 'react';
import { apiPut } from '../api';
import { ErrorNotice } from '../components/error-notice';
import { useApiResource } from '../use-api-resource';
import { CONSENT_PURPOSES } from '../../../api/services/setup/consent-texts';
import type { ContactPolicy } from './crm-types';
import { useAsyncAction } from './use-async-action';

const DEFAULT_QUIET_HOURS = { start: '20:00', end: '08:00' };
const DEFAULT_CAP = { max: 2, perDays: 7 };

export function ContactPolicySettings() {
  const saved = useApiResource<ContactPolicy>('/api/org/contact-policy');
  const [policy, setPolicy] = useState<ContactPolicy | null>(null);
  const { run, isBusy: isSaving, error } = useAsyncAction();
  const [isSaved, setIsSaved] = useState(false);
  useEffect(() => {
    if (saved.data) setPolicy(saved.data);
  }, [saved.data]);
  const set = (patch: Partial<ContactPolicy>) => {
    setIsSaved(false);
    setPolicy((p) => (p ? { ...p, ...patch } : p));
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!policy) return;
    void run(async () => {
      setPolicy(await apiPut<ContactPolicy>('/api/org/contact-policy', policy));
      setIsSaved(true);
    });
  };
  return (
    <form className="card crm-section" onSubmit={save} data-testid="contact-policy-form">
      <h2 className="card-title">Contact policy</h2>
      <p className="muted">Applies to every marketing email of every campaign and pipeline, checked when it is sent. Campaigns can only add to it.</p>
      <ErrorNotice error={saved.error} title="Could not load the contact policy" onRetry={() => void saved.reload()} />
      {policy && (
        <>
          <label className="field">
            <span>Marketing needs the person's consent for</span>
            <select value={policy.requireConsentPurpose ?? ''} onChange={(e) => set({ requireConsentPurpose: e.target.value || null })} data-testid="policy-consent">
              <option value="">No consent required</option>
              {CONSENT_PURPOSES.map((p) => <option key={p} value={p}>{p.replace(/_/g, ' ')}</option>)}
            </select>
          </label>
          <label className="checkbox-row">
            <input type="checkbox" checked={!!policy.quietHours} onChange={(e) => set({ quietHours: e.target.checked ? DEFAULT_QUIET_HOURS : null })} data-testid="policy-has-quiet-hours" />
            Quiet hours in the person's time zone (emails wait until they end)
          </label>
          {policy.quietHours && (
            <div className="policy-row">
              <label className="field"><span>From</span><input type="time" value={policy.quietHours.start} onChange={(e) => set({ quietHours: { ...policy.quietHours!, start: e.target.value } })} data-testid="policy-quiet-start" /></label>
              <label className="field"><span>Until</span><input type="time" value={policy.quietHours.end} onChange={(e) => set({ quietHours: { ...policy.quietHours!, end: e.target.value } })} data-testid="policy-quiet-end" /></label>
            </div>
          )}
          <label className="checkbox-row">
            <input type="checkbox" checked={!!policy.frequencyCap} onChange={(e) => set({ frequencyCap: e.target.checked ? DEFAULT_CAP : null })} data-testid="policy-has-cap" />
            A frequency cap across all campaigns (extra emails wait)
          </label>
          {policy.frequencyCap && (
            <div className="policy-row">
              <label className="field"><span>At most</span><input type="number" min={1} max={100} className="input-days" value={policy.frequencyCap.max} onChange={(e) => set({ frequencyCap: { ...policy.frequencyCap!, max: Number(e.target.value) } })} data-testid="policy-cap-max" /></label>
              <label className="field"><span>marketing emails per (days)</span><input type="number" min={1} max={365} className="input-days" value={policy.frequencyCap.perDays} onChange={(e) => set({ frequencyCap: { ...policy.frequencyCap!, perDays: Number(e.target.value) } })} data-testid="policy-cap-days" /></label>
            </div>
          )}
          <label className="checkbox-row">
            <input type="checkbox" checked={policy.stopOnReply} onChange={(e) => set({ stopOnReply: e.target.checked })} data-testid="policy-stop-on-reply" />
            Stop marketing to someone who replies (every campaign they are in)
          </label>
          <label className="field">
            <span>Time zone for people without one</span>
            <input value={policy.defaultTimeZone} onChange={(e) => set({ defaultTimeZone: e.target.value })} required data-testid="policy-time-zone" />
          </label>
          <ErrorNotice error={error} title="Could not save the contact policy" />
          <div className="form-actions">
            {isSaved && <span className="muted" role="status" data-testid="policy-saved">Saved.</span>}
            <button type="submit" className="button button-primary" disabled={isSaving} data-testid="policy-save">{isSaving ? 'Saving…' : 'Save policy'}</button>
          </div>
        </>
      )}
    </form>
  );
}
