// The retention policy (admins): after how many months without activity or renewed consent people are
// anonymized, and how many days before that they get an email with a one-click renewal link. "Preview"
// asks what the policy would do today, without doing it.
import { useEffect, useState, type FormEvent } from 'react';
import { apiPost, apiPut } from '../api';
import { ErrorNotice } from '../components/error-notice';
import { useApiResource } from '../use-api-resource';
import type { RetentionPolicy } from './crm-types';
import { useAsyncAction } from './use-async-action';

const DEFAULT_POLICY: RetentionPolicy = { isEnabled: false, months: 24, renewalNoticeDays: 30, purpose: 'talent_pool' };
type Preview = { notify: number; erase: number; wait: number };

export function RetentionSettings() {
  const saved = useApiResource<RetentionPolicy | null>('/api/org/retention');
  const [policy, setPolicy] = useState<RetentionPolicy>(DEFAULT_POLICY);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [isSaved, setIsSaved] = useState(false);
  const { run, error } = useAsyncAction();
  useEffect(() => {
    if (saved.data) setPolicy(saved.data);
  }, [saved.data]);
  const set = (patch: Partial<RetentionPolicy>) => {
    setIsSaved(false);
    setPreview(null);
    setPolicy((p) => ({ ...p, ...patch }));
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      setPolicy(await apiPut<RetentionPolicy>('/api/org/retention', policy));
      setIsSaved(true);
    });
  };
  const n = (value: number) => value.toLocaleString('en');
  return (
    <form className="card crm-section" onSubmit={save} data-testid="retention-form">
      <h2 className="card-title">Retention</h2>
      <p className="muted">People with no activity and no renewed consent for this long are anonymized by the daily sweep (never active applicants or hires). Before that they are emailed a link that renews their consent in one click.</p>
      <ErrorNotice error={saved.error} title="Could not load the retention policy" />
      <label className="checkbox-row">
        <input type="checkbox" checked={policy.isEnabled} onChange={(e) => set({ isEnabled: e.target.checked })} data-testid="retention-enabled" />
        Anonymize inactive people automatically
      </label>
      <div className="policy-row">
        <label className="field"><span>After (months)</span><input type="number" min={1} max={240} className="input-days" value={policy.months} onChange={(e) => set({ months: Number(e.target.value) })} data-testid="retention-months" /></label>
        <label className="field"><span>Renewal notice (days before)</span><input type="number" min={1} max={365} className="input-days" value={policy.renewalNoticeDays} onChange={(e) => set({ renewalNoticeDays: Number(e.target.value) })} data-testid="retention-notice-days" /></label>
      </div>
      <ErrorNotice error={error} title="The retention policy was refused" />
      {preview && (
        <p className="notice crm-info-notice" role="status" data-testid="retention-preview">
          Today this policy would email {n(preview.notify)} {preview.notify === 1 ? 'person' : 'people'} a renewal link and anonymize {n(preview.erase)}; {n(preview.wait)} are waiting out their notice.
        </p>
      )}
      <div className="form-actions">
        {isSaved && <span className="muted" role="status">Saved.</span>}
        <button type="button" className="button" onClick={() => void run(async () => setPreview(await apiPost<Preview>('/api/org/retention/preview', policy)))} data-testid="retention-preview-button">Preview</button>
        <button type="submit" className="button button-primary" data-testid="retention-save">Save retention</button>
      </div>
    </form>
  );
}
