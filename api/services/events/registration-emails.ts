// The emails a registration gets, transactional (the person asked for them):
// the confirmation with the place or online link, a calendar invite and the
// link to manage (add to calendar, cancel); the waitlist notice; "a place opened
// up" when promoted from the waitlist; the new time or place when the event
// changes (the invite again, a higher SEQUENCE); and the notice that the event
// was cancelled (with the invite's CANCEL). One Message per registration and
// kind (per version of the event for changes), so a retry or a second
// registration never mails twice. The wording is the organization's template
// of the kind (EventEmailTemplate) or the built-in one (event-email-template.ts).
import type { Services } from '../services';
import { senderFromAddress } from '../../../activities/sender-address';
import { eventIcs } from './event-ics';
import { eventPath, publicBaseUrl, type TEventRow } from './event-record';
import { linkKeyOf, signLink } from './signed-link';
import { deliverCandidateEmail } from './candidate-email-deps';
import { DEFAULT_EVENT_EMAIL_TEMPLATES, eventEmailContext, renderEventEmail, type TEventEmailKind } from './event-email-template';

export type TRegistrationEmailKind = TEventEmailKind;

export interface TRegistrationEmail {
  orgSlug: string;
  event: TEventRow;
  registrationId: string;
  candidateId: string;
  status: 'REGISTERED' | 'WAITLISTED' | 'ATTENDED' | 'NO_SHOW' | 'CANCELLED';
  kind?: TRegistrationEmailKind;
  /** The person registered again through the public form: the confirmation once more (at most once a day). */
  isResend?: boolean;
}

export { eventWhen } from './event-when';

/** The registrant's own page (status, add to calendar, cancel): the signed link is their credential. */
export const registrationPath = (token: string) => `/event-registrations/${token}`;

export async function sendRegistrationEmail(services: Services, r: TRegistrationEmail) {
  const kind: TRegistrationEmailKind = r.kind ?? (r.status === 'WAITLISTED' ? 'waitlisted' : 'registered');
  // The organization's own wording of this kind, if it wrote one (checked when stored), else the built-in text.
  const { rows: [who] } = await services.pool.query<{ firstName: string; lastName: string; email: string | null; orgName: string; subject: string | null; body: string | null }>(
    `SELECT c."firstName", c."lastName", c.email, o.name AS "orgName", t.subject, t.body
       FROM "Candidate" c JOIN "Organization" o ON o.id = c."orgId" LEFT JOIN "EventEmailTemplate" t ON t."orgId" = c."orgId" AND t.kind = $2
      WHERE c.id = $1`, [r.candidateId, kind],
  );
  if (!who?.email) return null;
  const base = publicBaseUrl(services.config);
  const key = linkKeyOf(services.config);
  const manageUrl = base + registrationPath(signLink(key, 'event-registration', r.registrationId));
  const pageUrl = base + eventPath(r.orgSlug, r.event.slug);
  const e = r.event;
  const context = eventEmailContext({ event: e, person: who, orgName: who.orgName, manageUrl, pageUrl, checkInCode: signLink(key, 'event-check-in', r.registrationId) });
  const template = who.subject !== null && who.body !== null ? { subject: who.subject, body: who.body } : DEFAULT_EVENT_EMAIL_TEMPLATES[kind];
  const { subject, text } = renderEventEmail(template, context);
  const sender = senderFromAddress(services.config.MAIL_FROM);
  const hasInvite = kind === 'registered' || kind === 'promoted' || kind === 'event_changed' || (kind === 'event_cancelled' && r.status !== 'WAITLISTED');
  const calendar = hasInvite
    ? {
        method: kind === 'event_cancelled' ? ('CANCEL' as const) : ('REQUEST' as const),
        content: eventIcs({
          method: kind === 'event_cancelled' ? 'CANCEL' : 'REQUEST', event: e, pageUrl, host: new URL(base).hostname, isForRegistrant: true,
          organizer: { name: who.orgName, email: sender.email }, attendee: { name: `${who.firstName} ${who.lastName}`.trim(), email: who.email }, now: new Date(),
        }),
      }
    : undefined;
  return deliverCandidateEmail(services, {
    orgId: e.orgId, candidateId: r.candidateId, category: 'TRANSACTIONAL', topic: 'events', idempotencyKey: `event-registration:${r.registrationId}:${kind}${kind === 'event_changed' ? `:${e.updatedAt.getTime()}` : ''}${r.isResend ? `:again:${new Date().toISOString().slice(0, 10)}` : ''}`,
    content: { rendered: { subject, text } }, calendar,
  });
}
