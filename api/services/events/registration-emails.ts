// The emails a registration gets, transactional (the person asked for them):
// the confirmation with the place or online link, a calendar invite and the
// link to manage (add to calendar, cancel); the waitlist notice; "a place opened
// up" when promoted from the waitlist; the new time or place when the event
// changes (the invite again, a higher SEQUENCE); and the notice that the event
// was cancelled (with the invite's CANCEL). One Message per registration and
// kind (per version of the event for changes), so a retry or a second
// registration never mails twice.
import type { Services } from '../services';
import { senderFromAddress } from '../../../activities/sender-address';
import { eventIcs } from './event-ics';
import { eventPath, publicBaseUrl, type TEventRow } from './event-record';
import { EVENT_KIND_LABELS, type TEventKind } from './event-input';
import { linkKeyOf, signLink } from './signed-link';
import { deliverCandidateEmail } from './candidate-email-deps';

export type TRegistrationEmailKind = 'registered' | 'waitlisted' | 'promoted' | 'event_changed' | 'event_cancelled';

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

/** "Tuesday 14 July 2026, 18:00–20:00 (Europe/Berlin)": the event's own clock, which is where people will be. */
export function eventWhen(event: Pick<TEventRow, 'startsAt' | 'endsAt' | 'timeZone'>): string {
  const day = new Intl.DateTimeFormat('en-GB', { timeZone: event.timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: event.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const sameDay = event.endsAt && day.format(event.endsAt) === day.format(event.startsAt);
  const end = !event.endsAt ? '' : sameDay ? `–${time.format(event.endsAt)}` : ` – ${day.format(event.endsAt)}, ${time.format(event.endsAt)}`;
  return `${day.format(event.startsAt)}, ${time.format(event.startsAt)}${end} (${event.timeZone})`;
}

/** The registrant's own page (status, add to calendar, cancel): the signed link is their credential. */
export const registrationPath = (token: string) => `/event-registrations/${token}`;

export async function sendRegistrationEmail(services: Services, r: TRegistrationEmail) {
  const kind: TRegistrationEmailKind = r.kind ?? (r.status === 'WAITLISTED' ? 'waitlisted' : 'registered');
  const { rows: [who] } = await services.pool.query<{ firstName: string; lastName: string; email: string | null; orgName: string }>(
    `SELECT c."firstName", c."lastName", c.email, o.name AS "orgName" FROM "Candidate" c JOIN "Organization" o ON o.id = c."orgId" WHERE c.id = $1`, [r.candidateId],
  );
  if (!who?.email) return null;
  const base = publicBaseUrl(services.config);
  const key = linkKeyOf(services.config);
  const manageUrl = base + registrationPath(signLink(key, 'event-registration', r.registrationId));
  const pageUrl = base + eventPath(r.orgSlug, r.event.slug);
  const e = r.event;
  const label = EVENT_KIND_LABELS[e.kind as TEventKind] ?? 'Event';
  const place = [e.location, e.isOnline ? `Online: ${e.onlineUrl}` : null].filter(Boolean).join('\n');
  const details = `${e.name}\n${label} · ${eventWhen(e)}\n${place}`;
  const hi = `Hi ${who.firstName},\n\n`;
  const sign = `\n\nSee you there,\n${who.orgName}`;
  const checkInCode = signLink(key, 'event-check-in', r.registrationId);
  const texts: Record<TRegistrationEmailKind, { subject: string; body: string }> = {
    registered: {
      subject: `You're registered: ${e.name}`,
      body: `${hi}you are registered for\n\n${details}\n\nAdd it to your calendar or cancel your place: ${manageUrl}\nYour check-in code: ${checkInCode}${sign}`,
    },
    promoted: {
      subject: `A place opened up: ${e.name}`,
      body: `${hi}good news: a place opened up and you are now registered for\n\n${details}\n\nAdd it to your calendar or cancel your place: ${manageUrl}\nYour check-in code: ${checkInCode}${sign}`,
    },
    waitlisted: {
      subject: `You're on the waitlist: ${e.name}`,
      body: `${hi}${e.name} is full, so you are on the waitlist. If a place opens up you will get it automatically and we will email you.\n\n${details}\n\nLeave the waitlist: ${manageUrl}\n\nBest,\n${who.orgName}`,
    },
    event_changed: {
      subject: `Updated: ${e.name}`,
      body: `${hi}${e.name} has changed. This is where and when it happens now:\n\n${details}\n\nYour calendar entry is updated with this email. Can't make it any more? Cancel your place: ${manageUrl}${sign}`,
    },
    event_cancelled: {
      subject: `Cancelled: ${e.name}`,
      body: `${hi}we are sorry: ${e.name} (${eventWhen(e)}) has been cancelled. Your registration is void; there is nothing you need to do.\n\nEvent page: ${pageUrl}\n\nBest,\n${who.orgName}`,
    },
  };
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
    content: { rendered: { subject: texts[kind].subject, text: texts[kind].body } }, calendar,
  });
}
