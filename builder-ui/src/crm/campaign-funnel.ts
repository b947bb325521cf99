// The campaign dashboard's numbers in reading order, each with its rate and what the rate is of: enrolled,
// active, sent, opened (flagged: privacy proxies open mail by themselves), clicked, replied, converted,
// unsubscribed. People are counted once however many emails they got; rates of engagement are of the people
// the campaign reached (received at least one email), conversion of the people enrolled.
import { formatRate } from './bulk-job-progress';
import type { CampaignStatsView } from './crm-types';

export type FunnelTile = {
  key: 'enrolled' | 'active' | 'sent' | 'opened' | 'clicked' | 'replied' | 'converted' | 'unsubscribed';
  label: string;
  value: number;
  /** "42 % of reached", or null for a tile without a rate. */
  rate: string | null;
  /** A caveat shown under the number. */
  note: string | null;
};

const ofReached = (part: number, reached: number) => `${formatRate(part, reached)} of reached`;

export function campaignFunnel(stats: CampaignStatsView): FunnelTile[] {
  const { enrollments: e, messages: m, people: p } = stats;
  return [
    { key: 'enrolled', label: 'Enrolled', value: e.enrolled, rate: null, note: null },
    { key: 'active', label: 'Active', value: e.active, rate: `${formatRate(e.active, e.enrolled)} of enrolled`, note: e.pending ? `${e.pending.toLocaleString('en')} starting` : null },
    { key: 'sent', label: 'Sent', value: m.sent, rate: null, note: `to ${p.reached.toLocaleString('en')} ${p.reached === 1 ? 'person' : 'people'}` },
    { key: 'opened', label: 'Opened', value: p.opened, rate: ofReached(p.opened, p.reached), note: 'unreliable: privacy proxies open mail' },
    { key: 'clicked', label: 'Clicked', value: p.clicked, rate: ofReached(p.clicked, p.reached), note: null },
    { key: 'replied', label: 'Replied', value: p.replied, rate: ofReached(p.replied, p.reached), note: null },
    { key: 'converted', label: 'Converted', value: p.converted, rate: `${formatRate(p.converted, e.enrolled)} of enrolled`, note: p.hired ? `${p.hired.toLocaleString('en')} hired` : 'applied after enrolling' },
    { key: 'unsubscribed', label: 'Unsubscribed', value: p.unsubscribed, rate: ofReached(p.unsubscribed, p.reached), note: null },
  ];
}

const EXIT_REASON_LABELS: Record<string, string> = {
  'candidate.applied': 'Applied',
  'candidate.replied': 'Replied',
  'candidate.unsubscribed': 'Unsubscribed',
  'candidate.hired': 'Hired',
  'candidate.withdrew': 'Withdrew',
  'operator.exit': 'Stopped by a recruiter or archived',
};

/** Why runs ended early, most frequent first, in words. */
export function exitReasons(stats: CampaignStatsView): { reason: string; label: string; count: number }[] {
  return Object.entries(stats.enrollments.exitedBy)
    .map(([reason, count]) => ({ reason, label: EXIT_REASON_LABELS[reason] ?? reason, count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

export const exitReasonLabel = (reason: string | null) => (reason ? EXIT_REASON_LABELS[reason] ?? reason : '—');

/** The contact policy's reasons (api/services/messaging/contact-policy.ts) in words. */
const POLICY_REASON_LABELS: Record<string, string> = {
  erased: 'Erased', suppressed: 'Address suppressed', unsubscribed: 'Unsubscribed', no_consent: 'No consent', replied: 'Replied (stop on reply)',
  quiet_hours: 'Quiet hours', frequency_cap: 'Frequency cap',
};
export const policyReasonLabel = (reason: string) => POLICY_REASON_LABELS[reason] ?? reason.replace(/_/g, ' ');

/** Messages the contact policy held back (suppressed for good, or deferred to later), by reason. */
export function heldMessages(stats: CampaignStatsView): { status: 'suppressed' | 'deferred'; reason: string; label: string; count: number }[] {
  const rows = (status: 'suppressed' | 'deferred', by: Record<string, number>) =>
    Object.entries(by).map(([reason, count]) => ({ status, reason, label: policyReasonLabel(reason), count }));
  return [...rows('suppressed', stats.messages.suppressedBy), ...rows('deferred', stats.messages.deferredBy)].sort((a, b) => b.count - a.count);
}
