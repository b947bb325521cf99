// Side effect of the interviewCalendar workflow: the invite of one interview
// version, emailed to the candidate and each interviewer with the ICS as a
// text/calendar part. One Message per recipient and version, keyed
// invite:<interviewId>:<sequence>:<email>, so retries and replays send once.
import type { ActivityDeps } from './dependencies';
import { buildInvite, type TInvite } from '../api/scheduling/ics-invite';
import type { TInterviewCalendarInput } from '../workflows/interview-calendar';

export interface TInterviewVersion {
  /** False when a newer version (reschedule, cancel) replaced this one: nothing was sent. */
  isCurrent: boolean;
  method: TInvite['method'] | null;
  startsAt: number | null;
}

function parseAddress(from: string): { name: string; email: string } {
  const m = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(from);
  return m ? { name: m[1]!.replace(/^"|"$/g, '') || m[2]!, email: m[2]! } : { name: from, email: from };
}

/** The interview as an invite (for its current sequence), with who receives it. */
export async function loadInterviewInvite(deps: ActivityDeps, interviewId: string) {
  const interview = await deps.prisma.interview.findUnique({
    where: { id: interviewId },
    include: {
      participants: { include: { user: { select: { id: true, name: true, email: true, timeZone: true } } } },
      application: { select: { candidate: { select: { id: true, firstName: true, lastName: true, email: true } }, job: { select: { title: true } } } },
    },
  });
  if (!interview || !interview.startsAt || !interview.endsAt || !interview.icsUid) return null;
  const organizerUser = interview.organizerId ? await deps.prisma.user.findUnique({ where: { id: interview.organizerId }, select: { name: true, email: true } }) : null;
  const candidate = interview.application.candidate;
  const candidateName = [candidate.firstName, candidate.lastName].filter(Boolean).join(' ') || candidate.email || 'Candidate';
  const roleOf = { REQUIRED: 'required', OPTIONAL: 'optional', CHAIR: 'chair' } as const;
  const attendees = [
    ...(candidate.email ? [{ name: candidateName, email: candidate.email, role: 'required' as const }] : []),
    ...interview.participants.map((p) => ({ name: p.user.name, email: p.user.email, role: roleOf[p.role] })),
  ];
  const summary = `${interview.title}: ${candidateName} (${interview.application.job.title})`;
  const invite: TInvite = {
    uid: interview.icsUid,
    sequence: interview.icsSequence,
    method: interview.status === 'CANCELLED' ? 'CANCEL' : 'REQUEST',
    start: interview.startsAt,
    end: interview.endsAt,
    summary,
    ...(interview.location ? { location: interview.location } : {}),
    ...(interview.meetingUrl ? { url: interview.meetingUrl, description: `Join: ${interview.meetingUrl}` } : {}),
    organizer: organizerUser ? { name: organizerUser.name, email: organizerUser.email } : parseAddress(deps.mailFrom),
    attendees,
    // The version's own time: the same DTSTAMP on every retry of this version.
    dtstamp: interview.updatedAt,
  };
  return { interview, candidate, invite, participants: interview.participants };
}

export async function sendOnce(deps: ActivityDeps, m: { orgId: string; candidateId: string | null; key: string; to: string; subject: string; text: string; calendar?: { method: TInvite['method']; content: string } }): Promise<void> {
  const { prisma, mailer } = deps;
  const existing = await prisma.message.findUnique({ where: { idempotencyKey: m.key } });
  if (existing?.status === 'SENT') return;
  const message = await prisma.message.upsert({
    where: { idempotencyKey: m.key },
    create: { orgId: m.orgId, candidateId: m.candidateId, idempotencyKey: m.key, status: 'SENDING', fromAddress: deps.mailFrom, toAddress: m.to, subject: m.subject, bodyText: m.text, attempts: 1 },
    update: { attempts: { increment: 1 }, status: 'SENDING' },
  });
  const host = parseAddress(deps.mailFrom).email.split('@')[1] ?? 'trellis.localhost';
  const sent = await mailer.send({ from: deps.mailFrom, to: m.to, subject: m.subject, text: m.text, messageId: `<${message.id}@${host}>`, calendar: m.calendar });
  await prisma.message.update({ where: { id: message.id }, data: { status: 'SENT', sentAt: new Date(), providerMessageId: sent.providerMessageId } });
}

const when = (at: Date, timeZone: string) =>
  `${new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'full', timeStyle: 'short' }).format(at)} (${timeZone})`;

export function sendInterviewInvites(deps: ActivityDeps) {
  return async (input: TInterviewCalendarInput): Promise<TInterviewVersion> => {
    const loaded = await loadInterviewInvite(deps, input.interviewId);
    if (!loaded || loaded.interview.icsSequence !== input.sequence) return { isCurrent: false, method: null, startsAt: null };
    const { interview, invite, candidate } = loaded;
    const content = buildInvite(invite);
    const isCancel = invite.method === 'CANCEL';
    const verb = isCancel ? 'Cancelled' : input.sequence > 0 ? 'Updated invitation' : 'Invitation';
    const zones = new Map<string, string>(loaded.participants.map((p) => [p.user.email, p.user.timeZone]));
    for (const attendee of invite.attendees) {
      const zone = zones.get(attendee.email) ?? 'UTC';
      const text = isCancel
        ? `${invite.summary} on ${when(interview.startsAt!, zone)} is cancelled.${interview.cancelReason ? `\n\nReason: ${interview.cancelReason}` : ''}`
        : `${invite.summary}\n\nWhen: ${when(interview.startsAt!, zone)}\n${interview.location ? `Where: ${interview.location}\n` : ''}${interview.meetingUrl ? `Join: ${interview.meetingUrl}\n` : ''}\nThe calendar invite is attached.`;
      await sendOnce(deps, {
        orgId: interview.orgId, candidateId: attendee.email === candidate.email ? candidate.id : null,
        key: `invite:${interview.id}:${input.sequence}:${attendee.email.toLowerCase()}`, to: attendee.email,
        subject: `${verb}: ${invite.summary}`, text, calendar: { method: invite.method, content },
      });
    }
    return { isCurrent: true, method: invite.method, startsAt: interview.startsAt!.getTime() };
  };
}
