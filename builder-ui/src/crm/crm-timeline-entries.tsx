// How the CRM's timeline entries read on a profile (api/services/candidates/timeline-crm-sources.ts): clicks,
// replies, unsubscribes and bounces; event registrations, attendance and no-shows; pool adds; campaign
// enrollments and their ends; and on an email, what became of it (opened — flagged unreliable —, clicked,
// replied, bounced, or held by the contact policy).
import type { ReactNode } from 'react';
import type { TimelineEntry } from '../api-types';
import { formatDateTime } from '../format';
import { hrefFor } from '../hash-route';
import { exitReasonLabel, policyReasonLabel } from './campaign-funnel';

const text = (value: unknown): string => (typeof value === 'string' ? value : value == null ? '' : String(value));
const campaignLink = (d: Record<string, unknown>) => (d.campaignId ? <a href={hrefFor(`/campaigns/${encodeURIComponent(text(d.campaignId))}`)}>{text(d.campaignName) || 'a campaign'}</a> : null);
const eventLink = (d: Record<string, unknown>) => <a href={hrefFor(`/events/${encodeURIComponent(text(d.eventId))}`)}>{text(d.eventName) || 'an event'}</a>;
const fromCampaign = (d: Record<string, unknown>) => (d.campaignId ? <> · {campaignLink(d)}</> : null);

export function describeCrmEntry(entry: TimelineEntry): { title: ReactNode; detail?: ReactNode } | null {
  const d = entry.data;
  switch (entry.kind) {
    case 'engagement.clicked':
      return { title: <>Clicked a link in <b>{text(d.subject) || 'an email'}</b>{fromCampaign(d)}</>, detail: d.url ? <span className="wrap-anywhere">{text(d.url)}</span> : undefined };
    case 'engagement.replied':
      return { title: <>Replied to <b>{text(d.subject) || 'an email'}</b>{fromCampaign(d)}</> };
    case 'engagement.unsubscribed':
      return { title: <>Unsubscribed from marketing email{fromCampaign(d)}</> };
    case 'engagement.bounced':
      return { title: <>An email bounced{d.subject ? <>: <b>{text(d.subject)}</b></> : null}</>, detail: 'The address is suppressed.' };
    case 'engagement.complained':
      return { title: 'Marked an email as spam', detail: 'The address is suppressed.' };
    case 'event.registered':
      return { title: <>Registered for {eventLink(d)}</>, detail: [d.startsAt ? formatDateTime(text(d.startsAt)) : '', d.status && d.status !== 'REGISTERED' ? `now ${text(d.status).toLowerCase().replace('_', '-')}` : '', d.source ? `via ${text(d.source).replace(/_/g, ' ')}` : ''].filter(Boolean).join(' · ') || undefined };
    case 'event.attended':
      return { title: <>Attended {eventLink(d)}</> };
    case 'event.no_show':
      return { title: <>Did not come to {eventLink(d)}</> };
    case 'pool.added':
      return { title: <>Added to the pool <a href={hrefFor(`/pools/${encodeURIComponent(text(d.poolId))}`)}>{text(d.poolName)}</a></>, detail: d.actorName ? `by ${text(d.actorName)}` : undefined };
    case 'campaign.enrolled':
      return { title: <>Enrolled in {campaignLink(d)}</> };
    case 'campaign.exited':
      return { title: <>Left {campaignLink(d)}</>, detail: exitReasonLabel(text(d.exitReason) || null) };
    case 'campaign.completed':
      return { title: <>Finished {campaignLink(d)}</> };
    case 'campaign.stopped':
      return { title: <>{campaignLink(d)} stopped for them</>, detail: text(d.status).toLowerCase() || undefined };
    default:
      return null;
  }
}

/** What became of an email: engagement facts and policy holds, as small labels. */
export function MessageEngagement({ data }: { data: Record<string, unknown> }) {
  const labels: { key: string; label: string; tone: string; title?: string }[] = [];
  if (data.policyReason) labels.push({ key: 'held', label: `${data.deferredUntil ? 'Waiting' : 'Not sent'}: ${policyReasonLabel(text(data.policyReason))}`, tone: 'warning', title: data.deferredUntil ? `until ${formatDateTime(text(data.deferredUntil))}` : undefined });
  if (data.openedAt) labels.push({ key: 'opened', label: 'Opened (unreliable)', tone: 'neutral', title: 'Privacy proxies open mail by themselves: an open may be no person at all' });
  if (data.clickedAt) labels.push({ key: 'clicked', label: 'Clicked', tone: 'info' });
  if (data.repliedAt) labels.push({ key: 'replied', label: 'Replied', tone: 'success' });
  if (data.bouncedAt) labels.push({ key: 'bounced', label: 'Bounced', tone: 'danger' });
  if (!labels.length && !data.campaignId) return null;
  return (
    <span className="message-engagement" data-testid="message-engagement">
      {data.campaignId ? <span className="muted">{campaignLink(data)}</span> : null}
      {labels.map((l) => <span key={l.key} className={`badge badge-${l.tone}`} title={l.title} data-engagement={l.key}>{l.label}</span>)}
    </span>
  );
}
