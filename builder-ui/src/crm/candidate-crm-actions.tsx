// A profile's CRM actions: "Move to a job" (the CRM -> ATS hand-off: an application in the job's first stage
// or a chosen one, the hiring run starts, nurture campaigns stop; the history stays on the same profile), and
// for admins "Export data" (everything held about the person, as JSON) and "Erase" (anonymize everywhere;
// typed confirmation, cannot be undone).
import { useState, type FormEvent } from 'react';
import { apiPost, downloadFile } from '../api';
import type { CandidateProfile } from '../api-types';
import { ErrorNotice } from '../components/error-notice';
import { hrefFor } from '../hash-route';
import { useApiResource } from '../use-api-resource';
import type { HandOff } from './crm-types';
import { useAsyncAction } from './use-async-action';

const CLOSED_STAGE_KINDS = new Set(['HIRED', 'REJECTED']);
/** GET /api/jobs, as far as the hand-off reads it. */
type OpenJob = { id: string; title: string; stages: { id: string; name: string; kind: string }[] };

function HandOffForm({ candidateId, onDone, onCancel }: { candidateId: string; onDone: (result: HandOff) => void; onCancel: () => void }) {
  const jobs = useApiResource<OpenJob[]>('/api/jobs?status=OPEN');
  const [jobId, setJobId] = useState('');
  const [stageId, setStageId] = useState('');
  const [note, setNote] = useState('');
  const { run, isBusy: isSaving, error } = useAsyncAction();
  const job = jobs.data?.find((j) => j.id === jobId);
  const stages = (job?.stages ?? []).filter((s) => !CLOSED_STAGE_KINDS.has(s.kind));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => onDone(await apiPost<HandOff>(`/api/candidates/${encodeURIComponent(candidateId)}/hand-off`, { jobId, ...(stageId ? { stageId } : {}), ...(note.trim() ? { note: note.trim() } : {}) })));
  };
  return (
    <form className="card hand-off-form" onSubmit={submit} data-testid="hand-off-form">
      <h2 className="card-title">Move to a job</h2>
      <p className="muted">They become an applicant: the job's hiring pipeline starts for them, and their nurture campaigns stop. Everything so far stays on this profile.</p>
      <div className="form-grid">
        <label className="field">
          <span>Open job</span>
          <select value={jobId} onChange={(e) => { setJobId(e.target.value); setStageId(''); }} required data-testid="hand-off-job">
            <option value="">Pick a job…</option>
            {(jobs.data ?? []).map((j) => <option key={j.id} value={j.id}>{j.title}</option>)}
          </select>
        </label>
        <label className="field">
          <span>Stage</span>
          <select value={stageId} onChange={(e) => setStageId(e.target.value)} disabled={!job} data-testid="hand-off-stage">
            <option value="">The first stage</option>
            {stages.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </label>
      </div>
      <label className="field"><span>Note for the hiring team (optional)</span><textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} maxLength={5000} data-testid="hand-off-note" /></label>
      <ErrorNotice error={error ?? jobs.error} title="Could not move them to the job" />
      <div className="form-actions">
        <button type="button" className="button button-ghost" onClick={onCancel} disabled={isSaving}>Cancel</button>
        <button type="submit" className="button button-primary" disabled={!jobId || isSaving} data-testid="hand-off-submit">{isSaving ? 'Moving…' : 'Make them an applicant'}</button>
      </div>
    </form>
  );
}

function EraseForm({ profile, onDone, onCancel }: { profile: CandidateProfile; onDone: () => void; onCancel: () => void }) {
  const [typed, setTyped] = useState('');
  const { run, isBusy: isErasing, error } = useAsyncAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await apiPost(`/api/candidates/${encodeURIComponent(profile.id)}/erase`, { confirmation: typed });
      onDone();
    });
  };
  return (
    <form className="card erase-form" onSubmit={submit} role="alertdialog" aria-labelledby="erase-title" data-testid="erase-form">
      <h2 className="card-title" id="erase-title">Erase {profile.firstName} {profile.lastName}</h2>
      <p>Their name, contact details, resume files, messages, notes and answers are removed everywhere, from every merged record; their runs stop; their address is blocked. The audit log keeps that an erasure happened, without personal data. <strong>This cannot be undone.</strong></p>
      <label className="field"><span>Type ERASE to confirm</span><input value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" data-testid="erase-confirmation" /></label>
      <ErrorNotice error={error} title="Could not erase" />
      <div className="form-actions">
        <button type="button" className="button button-ghost" onClick={onCancel} disabled={isErasing}>Cancel</button>
        <button type="submit" className="button button-danger" disabled={typed !== 'ERASE' || isErasing} data-testid="erase-submit">{isErasing ? 'Erasing…' : 'Erase for good'}</button>
      </div>
    </form>
  );
}

type ActionsProps = { profile: CandidateProfile; canEdit: boolean; isAdmin: boolean; onChanged: () => void };

export function CandidateCrmActions({ profile, canEdit, isAdmin, onChanged }: ActionsProps) {
  const [open, setOpen] = useState<'hand-off' | 'erase' | null>(null);
  const [handOff, setHandOff] = useState<HandOff | null>(null);
  const [error, setError] = useState<unknown>(null);
  const isErased = !!profile.anonymizedAt;
  if (isErased || profile.mergedIntoId) return null;
  return (
    <>
      <div className="profile-actions" data-testid="profile-crm-actions">
        {canEdit && <button type="button" className="button button-primary" onClick={() => setOpen(open === 'hand-off' ? null : 'hand-off')} aria-expanded={open === 'hand-off'} data-testid="hand-off-button">Move to a job</button>}
        {isAdmin && <button type="button" className="button" onClick={() => void downloadFile(`/api/candidates/${encodeURIComponent(profile.id)}/export`, `candidate-${profile.id}.json`).catch(setError)} data-testid="export-button">Export data</button>}
        {isAdmin && <button type="button" className="button button-ghost button-danger-text" onClick={() => setOpen(open === 'erase' ? null : 'erase')} aria-expanded={open === 'erase'} data-testid="erase-button">Erase</button>}
      </div>
      <ErrorNotice error={error} title="Could not export" />
      {handOff && (
        <div className="notice notice-success" role="status" data-testid="hand-off-done">
          Now an applicant{handOff.run ? '; the hiring pipeline is starting' : ' (the job\'s pipeline has no published version: no run started)'}{handOff.campaignRunsExited ? `; ${handOff.campaignRunsExited} campaign run${handOff.campaignRunsExited === 1 ? '' : 's'} told to stop` : ''}.{' '}
          <a href={hrefFor(`/jobs/${encodeURIComponent(handOff.jobId)}`)}>Open the job's board</a>
          <button type="button" className="button button-small button-ghost" onClick={() => setHandOff(null)}>Dismiss</button>
        </div>
      )}
      {open === 'hand-off' && <HandOffForm candidateId={profile.id} onCancel={() => setOpen(null)} onDone={(result) => { setOpen(null); setHandOff(result); onChanged(); }} />}
      {open === 'erase' && <EraseForm profile={profile} onCancel={() => setOpen(null)} onDone={() => { setOpen(null); onChanged(); }} />}
    </>
  );
}
