// Create or edit a campaign (#/campaigns/new, #/campaigns/:id/edit): a name, the audience, the nurture
// pipeline (a published NURTURE graph; "Create a nurture pipeline" makes one that starts on enrollment and
// opens it in the builder, and this form waits in the tab for the way back), the sender, the preference
// topic, and the campaign's own contact policy. Server errors show next to their fields.
import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { apiPost, apiRequest } from '../api';
import type { OrgUser, PipelineSummary } from '../api-types';
import { ErrorNotice } from '../components/error-notice';
import { PageHeader } from '../components/page-header';
import { hrefFor, navigate } from '../hash-route';
import { useApiResource } from '../use-api-resource';
import { DEFAULT_TOPICS } from '../../../api/services/messaging/contact-policy';
import { prospectNurtureGraph } from '../../../workflows/graph/examples/prospect-nurture';
import { AudiencePicker, CampaignPolicyFields } from '../crm/campaign-form-fields';
import {
  createCampaignBody, EMPTY_CAMPAIGN_FORM, formFieldOfErrorPath, formOfCampaign, readCampaignDraft, storeCampaignDraft, updateCampaignBody, type CampaignForm,
} from '../crm/campaign-form';
import type { Campaign } from '../crm/crm-types';
import { errorsByField, fieldErrorsOf } from '../crm/field-errors';
import { useAsyncAction } from '../crm/use-async-action';
import '../crm/crm.css';

function PipelinePicker({ form, set, errorOf, isLocked }: { form: CampaignForm; set: (p: Partial<CampaignForm>) => void; errorOf: (f: keyof CampaignForm) => ReactNode; isLocked: boolean }) {
  const pipelines = useApiResource<PipelineSummary[]>('/api/pipelines');
  const nurture = (pipelines.data ?? []).filter((p) => p.kind === 'NURTURE');
  const { run, isBusy, error } = useAsyncAction();
  const picked = nurture.find((p) => p.id === form.pipelineId);
  const createPipeline = () => run(async () => {
    const created = await apiPost<{ id: string }>('/api/pipelines', { name: `${form.name.trim() || 'Campaign'} sequence`, kind: 'NURTURE', graph: prospectNurtureGraph() });
    storeCampaignDraft({ ...form, pipelineId: created.id });
    navigate(`/pipelines/${encodeURIComponent(created.id)}`);
  });
  return (
    <fieldset className="crm-section card" disabled={isLocked}>
      <legend className="card-title">Nurture pipeline</legend>
      <div className="inline-form">
        <label className="field field-grow">
          <span>Pipeline (what each enrolled person goes through)</span>
          <select value={form.pipelineId} onChange={(e) => set({ pipelineId: e.target.value })} required data-testid="campaign-pipeline">
            <option value="">Pick a nurture pipeline…</option>
            {nurture.map((p) => <option key={p.id} value={p.id}>{p.name}{p.latestVersion ? ` (v${p.latestVersion.version})` : ' (not published)'}</option>)}
          </select>
        </label>
        <button type="button" className="button" onClick={() => void createPipeline()} disabled={isBusy} data-testid="campaign-create-pipeline">Create a nurture pipeline</button>
      </div>
      {errorOf('pipelineId')}
      {picked && !picked.latestVersion && (
        <p className="field-error">This pipeline has no published version yet: <a href={hrefFor(`/pipelines/${encodeURIComponent(picked.id)}`)}>open it in the builder</a> and publish it.</p>
      )}
      <p className="muted">A new pipeline starts from the prospect nurture sequence (an introduction on a weekday morning, a follow-up two weeks later, then a task to reach out by hand) and ends as soon as the person applies, replies, unsubscribes or is hired. Edit and publish it in the builder, then come back here: this form waits.</p>
      <ErrorNotice error={error ?? pipelines.error} title="Could not create the pipeline" />
    </fieldset>
  );
}

export function CampaignEditorPage({ campaignId }: { campaignId: string | null }) {
  const existing = useApiResource<Campaign>(campaignId ? `/api/campaigns/${encodeURIComponent(campaignId)}` : null);
  const users = useApiResource<OrgUser[]>('/api/users');
  const [form, setForm] = useState<CampaignForm>(() => (campaignId ? EMPTY_CAMPAIGN_FORM : readCampaignDraft() ?? EMPTY_CAMPAIGN_FORM));
  const { run, isBusy: isSaving, error } = useAsyncAction();
  useEffect(() => {
    if (existing.data) setForm(formOfCampaign(existing.data));
  }, [existing.data]);
  const set = (patch: Partial<CampaignForm>) => setForm((f) => ({ ...f, ...patch }));
  const isLocked = existing.data?.status === 'ACTIVE';

  const fieldErrors = useMemo(() => errorsByField(error, formFieldOfErrorPath), [error]);
  const errorOf = (field: keyof CampaignForm) => fieldErrorsOf(fieldErrors, field, 'campaign-field-error');

  const save = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      let id = campaignId;
      if (campaignId && existing.data) {
        const patch = updateCampaignBody(form, existing.data);
        if (patch) await apiRequest<Campaign>('PATCH', `/api/campaigns/${encodeURIComponent(campaignId)}`, patch);
      } else {
        id = (await apiPost<Campaign>('/api/campaigns', createCampaignBody(form))).id;
        storeCampaignDraft(null);
      }
      navigate(`/campaigns/${encodeURIComponent(id!)}`);
    });
  };

  return (
    <section className="crm-page" data-testid="campaign-editor-page">
      <PageHeader backHref={campaignId ? `#/campaigns/${encodeURIComponent(campaignId)}` : '#/campaigns'} backLabel={campaignId ? 'Campaign' : 'Campaigns'} title={campaignId ? `Edit ${existing.data?.name ?? 'campaign'}` : 'New campaign'} />
      <ErrorNotice error={existing.error} title="Could not load the campaign" />
      <form className="crm-form" onSubmit={save} noValidate={false}>
        <fieldset className="crm-section card">
          <legend className="card-title">Campaign</legend>
          <div className="form-grid">
            <label className="field">
              <span>Name</span>
              <input value={form.name} onChange={(e) => set({ name: e.target.value })} required maxLength={200} placeholder="e.g. Backend engineers, spring" data-testid="campaign-name" />
              {errorOf('name')}
            </label>
            <label className="field">
              <span>Preference topic (people can opt out of it)</span>
              <input value={form.topic} onChange={(e) => set({ topic: e.target.value })} list="campaign-topics" required maxLength={50} data-testid="campaign-topic" />
              <datalist id="campaign-topics">{DEFAULT_TOPICS.map((t) => <option key={t} value={t} />)}</datalist>
              {errorOf('topic')}
            </label>
            <label className="field">
              <span>Sent as (replies go to this person)</span>
              <select value={form.senderUserId} onChange={(e) => set({ senderUserId: e.target.value })} data-testid="campaign-sender">
                <option value="">The organization's sender</option>
                {(users.data ?? []).filter((u) => u.role !== 'INTERVIEWER').map((u) => <option key={u.id} value={u.id}>{u.name} ({u.email})</option>)}
              </select>
              {errorOf('senderUserId')}
            </label>
            <label className="checkbox-row campaign-auto-enroll">
              <input type="checkbox" checked={form.isAutoEnroll} onChange={(e) => set({ isAutoEnroll: e.target.checked })} data-testid="campaign-auto-enroll" />
              Enroll new audience members on their own while active
            </label>
          </div>
        </fieldset>
        <AudiencePicker form={form} set={set} errorOf={errorOf} isLocked={isLocked} />
        <PipelinePicker form={form} set={set} errorOf={errorOf} isLocked={isLocked} />
        <CampaignPolicyFields form={form} set={set} errorOf={errorOf} />
        <ErrorNotice error={error} title="Could not save the campaign" />
        <div className="form-actions crm-form-save">
          <a className="button button-ghost" href={campaignId ? `#/campaigns/${encodeURIComponent(campaignId)}` : '#/campaigns'} onClick={() => storeCampaignDraft(null)}>Cancel</a>
          <button type="submit" className="button button-primary" disabled={isSaving} data-testid="campaign-save">{isSaving ? 'Saving…' : campaignId ? 'Save changes' : 'Create campaign'}</button>
        </div>
      </form>
    </section>
  );
}
