// Can we email this person, and how engaged are they? The engagement score and when they were last contacted,
// engaged and replied; whether a marketing email would go now (and if not, why, or until when); suppression;
// and their subscriptions by topic, which a recruiter can change on their behalf (asked on the phone).
import { apiPut } from '../api';
import { ErrorNotice } from '../components/error-notice';
import { formatDateTime, formatRelative } from '../format';
import { useApiResource } from '../use-api-resource';
import { policyReasonLabel } from './campaign-funnel';
import { EngagementScore } from './crm-person-cells';
import type { ContactStatus } from './crm-types';
import { useReloadOnChange } from './use-reload-on-change';
import { useAsyncAction } from './use-async-action';

function outcomeText(marketing: ContactStatus['marketing']): string {
  if (marketing.outcome === 'SEND') return 'Marketing email goes out now';
  if (marketing.outcome === 'DEFERRED') return `Marketing waits (${policyReasonLabel(marketing.reason ?? '')}) until ${formatDateTime(marketing.until)}`;
  return `No marketing email: ${policyReasonLabel(marketing.reason ?? '')}`;
}

/** `version` changes when the person changed elsewhere on the page: the status is read again. */
export function CandidateContactCard({ candidateId, canEdit, version }: { candidateId: string; canEdit: boolean; version: number }) {
  const path = `/api/candidates/${encodeURIComponent(candidateId)}/contact-status`;
  const status = useApiResource<ContactStatus>(path);
  useReloadOnChange(version, status.reload);
  const { run, error } = useAsyncAction();
  const s = status.data;
  const change = (body: Record<string, unknown>) => run(async () => {
      await apiPut(`/api/candidates/${encodeURIComponent(candidateId)}/preferences`, body);
      await status.reload();
  });
  const when = (iso: string | null) => (iso ? <span title={formatDateTime(iso)}>{formatRelative(iso)}</span> : 'never');
  return (
    <div className="card" data-testid="contact-card">
      <h2 className="card-title">Engagement and contact</h2>
      <ErrorNotice error={status.error} title="Could not load the contact status" onRetry={() => void status.reload()} />
      {!s && !status.error && <p className="muted">Loading…</p>}
      {s && (
        <>
          <dl className="definition-grid">
            <dt>Engagement</dt>
            <dd data-testid="contact-engagement"><EngagementScore score={s.engagementScore} /></dd>
            <dt>Last contacted</dt>
            <dd>{when(s.lastContactedAt)}</dd>
            <dt>Last engaged</dt>
            <dd>{when(s.lastEngagedAt)}</dd>
            <dt>Last replied</dt>
            <dd>{when(s.lastRepliedAt)}</dd>
            <dt>Email now</dt>
            <dd data-testid="contact-marketing" data-outcome={s.marketing.outcome} className={s.marketing.outcome === 'SEND' ? '' : 'contact-held'}>{outcomeText(s.marketing)}</dd>
            {s.transactional.outcome !== 'SEND' && (<><dt>Other email</dt><dd className="contact-held">Not even about applications: {policyReasonLabel(s.transactional.reason ?? '')}</dd></>)}
            {s.suppression && (<><dt>Suppressed</dt><dd className="contact-held">{s.suppression.reason}, since {formatDateTime(s.suppression.since)}</dd></>)}
          </dl>
          <h3 className="report-heading">Subscriptions</h3>
          <label className="checkbox-row">
            <input type="checkbox" checked={s.preferences.isSubscribedToAll} disabled={!canEdit} onChange={(e) => void change({ isSubscribedToAll: e.target.checked })} data-testid="preference-all" />
            All marketing email {s.preferences.isSubscribedToAll ? '' : '(unsubscribed)'}
          </label>
          <div className="choice-group preference-topics" role="group" aria-label="Topics">
            {s.preferences.topics.map((t) => (
              <label key={t.topic} className={`choice${t.isSubscribed && s.preferences.isSubscribedToAll ? ' is-checked' : ''}`}>
                <input type="checkbox" checked={t.isSubscribed} disabled={!canEdit || !s.preferences.isSubscribedToAll} onChange={(e) => void change({ topics: { [t.topic]: e.target.checked } })} data-testid="preference-topic" data-topic={t.topic} />
                {t.topic}
              </label>
            ))}
          </div>
          <p className="muted">Opens are not shown as engagement: privacy proxies open mail by themselves.</p>
          <ErrorNotice error={error} title="Could not change the subscriptions" />
        </>
      )}
    </div>
  );
}
