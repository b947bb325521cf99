// Parts of the campaign form: the audience (a segment or a pool, with how many people it holds now) and the
// campaign's own contact policy beside the organization's, which always applies too.
import type { ReactNode } from 'react';
import { useApiResource } from '../use-api-resource';
import type { CampaignForm } from './campaign-form';
import type { ContactPolicy, Segment, SegmentWithMembers, TalentPool } from './crm-types';

type FieldsProps = { form: CampaignForm; set: (patch: Partial<CampaignForm>) => void; errorOf: (field: keyof CampaignForm) => ReactNode; isLocked?: boolean };

function SegmentCount({ segmentId }: { segmentId: string }) {
  const segment = useApiResource<SegmentWithMembers>(`/api/segments/${encodeURIComponent(segmentId)}?limit=1`);
  if (segment.error) return <span className="muted">count unavailable</span>;
  return <span data-testid="campaign-audience-count">{segment.data ? `${segment.data.count.toLocaleString('en')} people now` : 'Counting…'}</span>;
}

export function AudiencePicker({ form, set, errorOf, isLocked }: FieldsProps) {
  const segments = useApiResource<Segment[]>('/api/segments');
  const pools = useApiResource<TalentPool[]>('/api/talent-pools?limit=200');
  const pool = pools.data?.find((p) => p.id === form.poolId);
  return (
    <fieldset className="crm-section card" disabled={isLocked}>
      <legend className="card-title">Audience</legend>
      <div className="segmented audience-kind" role="radiogroup" aria-label="Audience kind">
        {(['segment', 'pool'] as const).map((kind) => (
          <label key={kind} className={`segmented-option${form.audienceKind === kind ? ' is-active' : ''}`}>
            <input type="radio" className="visually-hidden" name="audience-kind" checked={form.audienceKind === kind} onChange={() => set({ audienceKind: kind })} data-testid={`campaign-audience-${kind}`} />
            {kind === 'segment' ? 'A segment (people join as they match)' : 'A talent pool (a fixed list)'}
          </label>
        ))}
      </div>
      {form.audienceKind === 'segment' ? (
        <label className="field">
          <span>Segment</span>
          <select value={form.segmentId} onChange={(e) => set({ segmentId: e.target.value })} required data-testid="campaign-segment">
            <option value="">Pick a segment…</option>
            {(segments.data ?? []).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
          {errorOf('segmentId')}
        </label>
      ) : (
        <label className="field">
          <span>Talent pool</span>
          <select value={form.poolId} onChange={(e) => set({ poolId: e.target.value })} required data-testid="campaign-pool">
            <option value="">Pick a pool…</option>
            {(pools.data ?? []).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
          {errorOf('poolId')}
        </label>
      )}
      <p className="muted audience-count">
        {form.audienceKind === 'segment' && form.segmentId && <SegmentCount key={form.segmentId} segmentId={form.segmentId} />}
        {form.audienceKind === 'pool' && pool && <span data-testid="campaign-audience-count">{pool.memberCount.toLocaleString('en')} people now</span>}
        {'\u00a0'}
      </p>
      {isLocked && <p className="muted">Pause the campaign to change its audience or pipeline.</p>}
    </fieldset>
  );
}

function describeOrgPolicy(policy: ContactPolicy | undefined): string {
  if (!policy) return 'The organization\'s contact policy applies as well.';
  const parts = [
    policy.frequencyCap ? `at most ${policy.frequencyCap.max} marketing email${policy.frequencyCap.max === 1 ? '' : 's'} per ${policy.frequencyCap.perDays} days` : 'no frequency cap',
    policy.quietHours ? `quiet ${policy.quietHours.start}–${policy.quietHours.end} in each person's time zone` : 'no quiet hours',
    policy.requireConsentPurpose ? `consent "${policy.requireConsentPurpose}" required` : 'no consent required',
    policy.stopOnReply ? 'stops on reply' : 'does not stop on reply',
  ];
  return `The organization's policy holds too: ${parts.join(', ')}.`;
}

export function CampaignPolicyFields({ form, set, errorOf }: FieldsProps) {
  const orgPolicy = useApiResource<ContactPolicy>('/api/org/contact-policy');
  return (
    <fieldset className="crm-section card">
      <legend className="card-title">Contact policy (only stricter than the organization's)</legend>
      <p className="muted" data-testid="org-policy-summary">{describeOrgPolicy(orgPolicy.data)}</p>
      <label className="checkbox-row">
        <input type="checkbox" checked={form.hasCap} onChange={(e) => set({ hasCap: e.target.checked })} data-testid="campaign-has-cap" />
        A frequency cap of this campaign's own
      </label>
      {form.hasCap && (
        <div className="policy-row">
          <label className="field"><span>At most</span><input type="number" min={1} max={100} value={form.capMax} onChange={(e) => set({ capMax: e.target.value })} className="input-days" data-testid="campaign-cap-max" /></label>
          <label className="field"><span>emails per (days)</span><input type="number" min={1} max={365} value={form.capPerDays} onChange={(e) => set({ capPerDays: e.target.value })} className="input-days" data-testid="campaign-cap-days" /></label>
        </div>
      )}
      {errorOf('hasCap')}
      <label className="checkbox-row">
        <input type="checkbox" checked={form.hasQuietHours} onChange={(e) => set({ hasQuietHours: e.target.checked })} data-testid="campaign-has-quiet-hours" />
        Quiet hours of this campaign's own (in each person's time zone)
      </label>
      {form.hasQuietHours && (
        <div className="policy-row">
          <label className="field"><span>From</span><input type="time" value={form.quietStart} onChange={(e) => set({ quietStart: e.target.value })} data-testid="campaign-quiet-start" /></label>
          <label className="field"><span>Until</span><input type="time" value={form.quietEnd} onChange={(e) => set({ quietEnd: e.target.value })} data-testid="campaign-quiet-end" /></label>
        </div>
      )}
      {errorOf('hasQuietHours')}
    </fieldset>
  );
}
