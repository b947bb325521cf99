// The relationship side of a profile (recruiting team): prospect or applicant, how interested they are, where
// they came from and who referred them, and their LinkedIn, GitHub and website. Recruiters edit it in place
// (PATCH /api/candidates/:id); a link the server refuses shows its reason beside the field.
import { useState, type FormEvent } from 'react';
import { apiRequest } from '../api';
import type { CandidateProfile, OrgUser } from '../api-types';
import { ErrorNotice } from '../components/error-notice';
import { useApiResource } from '../use-api-resource';
import { INTEREST_LEVELS } from '../../../api/services/crm/interest-level';
import { InterestBadge } from './crm-person-cells';
import { errorsByField, fieldErrorsOf } from './field-errors';
import { INTEREST_LEVEL_LABELS } from './crm-types';
import { useAsyncAction } from './use-async-action';

type Props = { profile: CandidateProfile; canEdit: boolean; onSaved: () => void };
const LINKS = [['linkedin', 'LinkedIn'], ['github', 'GitHub'], ['website', 'Website']] as const;

function RelationshipForm({ profile, onSaved, onCancel }: { profile: CandidateProfile; onSaved: () => void; onCancel: () => void }) {
  const users = useApiResource<OrgUser[]>('/api/users');
  const [interestLevel, setInterestLevel] = useState(profile.crm?.interestLevel ?? '');
  const [source, setSource] = useState(profile.source ?? '');
  const [referrerId, setReferrerId] = useState(profile.crm?.referrer?.id ?? '');
  const [links, setLinks] = useState({ linkedin: profile.links?.linkedin ?? '', github: profile.links?.github ?? '', website: profile.links?.website ?? '' });
  const { run, isBusy: isSaving, error } = useAsyncAction();
  // `body.links.github` → `links.github`: each link has its own field.
  const byField = errorsByField(error, (path) => path.replace(/^body\./, '').split('.').slice(0, 2).join('.'));
  const fieldError = (field: string) => fieldErrorsOf(byField, field, 'relationship-field-error');

  const save = (event: FormEvent) => {
    event.preventDefault();
    const patch: Record<string, unknown> = {};
    if (interestLevel !== (profile.crm?.interestLevel ?? '')) patch.interestLevel = interestLevel || null;
    if (source.trim() !== (profile.source ?? '')) patch.source = source.trim() || null;
    if (referrerId !== (profile.crm?.referrer?.id ?? '')) patch.referrerId = referrerId || null;
    const changedLinks = Object.fromEntries(LINKS.filter(([key]) => links[key].trim() !== (profile.links?.[key] ?? '')).map(([key]) => [key, links[key].trim() || null]));
    if (Object.keys(changedLinks).length) patch.links = changedLinks;
    if (!Object.keys(patch).length) return onCancel();
    void run(async () => {
      await apiRequest('PATCH', `/api/candidates/${encodeURIComponent(profile.id)}`, patch);
      onSaved();
    });
  };
  return (
    <form onSubmit={save} data-testid="relationship-form">
      <label className="field">
        <span>Interest level</span>
        <select value={interestLevel} onChange={(e) => setInterestLevel(e.target.value)} data-testid="relationship-interest">
          <option value="">Not assessed</option>
          {INTEREST_LEVELS.map((level) => <option key={level} value={level}>{INTEREST_LEVEL_LABELS[level]}</option>)}
        </select>
      </label>
      <label className="field"><span>Source</span><input value={source} onChange={(e) => setSource(e.target.value)} maxLength={100} placeholder="e.g. referral, linkedin, event" data-testid="relationship-source" />{fieldError('source')}</label>
      <label className="field">
        <span>Referred by</span>
        <select value={referrerId} onChange={(e) => setReferrerId(e.target.value)} data-testid="relationship-referrer">
          <option value="">Nobody</option>
          {(users.data ?? []).map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
        </select>
        {fieldError('referrerId')}
      </label>
      {LINKS.map(([key, label]) => (
        <label key={key} className="field">
          <span>{label}</span>
          <input type="url" value={links[key]} onChange={(e) => setLinks({ ...links, [key]: e.target.value })} placeholder="https://…" data-testid={`relationship-${key}`} />
          {fieldError(`links.${key}`)}
        </label>
      ))}
      <ErrorNotice error={error} title="Could not save" />
      <div className="form-actions">
        <button type="button" className="button button-ghost" onClick={onCancel} disabled={isSaving}>Cancel</button>
        <button type="submit" className="button button-primary" disabled={isSaving} data-testid="relationship-save">{isSaving ? 'Saving…' : 'Save'}</button>
      </div>
    </form>
  );
}

export function CandidateRelationshipCard({ profile, canEdit, onSaved }: Props) {
  const [isEditing, setIsEditing] = useState(false);
  const crm = profile.crm;
  const links = LINKS.flatMap(([key, label]) => (profile.links?.[key] ? [{ label, url: profile.links[key]! }] : []));
  return (
    <div className="card" data-testid="relationship-card">
      <div className="card-title-row">
        <h2 className="card-title">Relationship</h2>
        {canEdit && !isEditing && <button type="button" className="button button-small" onClick={() => setIsEditing(true)} data-testid="relationship-edit">Edit</button>}
      </div>
      {isEditing ? <RelationshipForm profile={profile} onCancel={() => setIsEditing(false)} onSaved={() => { setIsEditing(false); onSaved(); }} /> : (
        <dl className="definition-grid">
          <dt>Kind</dt>
          <dd data-testid="relationship-kind">{profile.kind === 'APPLICANT' ? 'Applicant' : 'Prospect (never applied)'}</dd>
          <dt>Interest</dt>
          <dd data-testid="relationship-interest-value"><InterestBadge level={crm?.interestLevel ?? null} /></dd>
          <dt>Source</dt>
          <dd>{profile.source ?? '—'}</dd>
          <dt>Referred by</dt>
          <dd>{crm?.referrer?.name ?? '—'}</dd>
          <dt>Links</dt>
          <dd>{links.length ? links.map((l) => <a key={l.label} className="link-chip" href={l.url} target="_blank" rel="noopener noreferrer nofollow">{l.label}</a>) : '—'}</dd>
        </dl>
      )}
    </div>
  );
}
