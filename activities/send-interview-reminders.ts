// Side effect of the interviewCalendar workflow's timer: a reminder to the
// candidate and each interviewer shortly before the interview, once per
// version (reminder:<interviewId>:<sequence>:<email>); the sent times are kept
// on the interview and its participants, and a reschedule clears them.
import type { ActivityDeps } from './dependencies';
import type { TInterviewCalendarInput } from '../workflows/interview-calendar';
import { loadInterviewInvite, sendOnce } from './send-interview-invites';

export function sendInterviewReminders(deps: ActivityDeps) {
  return async (input: TInterviewCalendarInput): Promise<{ sent: number }> => {
    const loaded = await loadInterviewInvite(deps, input.interviewId);
    if (!loaded || loaded.interview.icsSequence !== input.sequence || loaded.invite.method === 'CANCEL') return { sent: 0 };
    const { interview, candidate, participants } = loaded;
    if (interview.status !== 'SCHEDULED' && interview.status !== 'RESCHEDULED') return { sent: 0 };
    let sent = 0;
    const base = { orgId: interview.orgId, subject: `Reminder: ${loaded.invite.summary}` };
    const text = (zone: string) => `A reminder: ${loaded.invite.summary} starts ${new Intl.DateTimeFormat('en-GB', { timeZone: zone, dateStyle: 'full', timeStyle: 'short' }).format(interview.startsAt!)} (${zone}).${interview.meetingUrl ? `\nJoin: ${interview.meetingUrl}` : ''}`;
    if (candidate.email && !interview.candidateReminderSentAt) {
      await sendOnce(deps, { ...base, candidateId: candidate.id, key: `reminder:${interview.id}:${input.sequence}:${candidate.email.toLowerCase()}`, to: candidate.email, text: text('UTC') });
      await deps.prisma.interview.updateMany({ where: { id: interview.id, icsSequence: input.sequence }, data: { candidateReminderSentAt: new Date() } });
      sent++;
    }
    for (const p of participants.filter((x) => !x.reminderSentAt)) {
      await sendOnce(deps, { ...base, candidateId: null, key: `reminder:${interview.id}:${input.sequence}:${p.user.email.toLowerCase()}`, to: p.user.email, text: text(p.user.timeZone) });
      await deps.prisma.interviewParticipant.update({ where: { interviewId_userId: { interviewId: interview.id, userId: p.userId } }, data: { reminderSentAt: new Date() } });
      sent++;
    }
    return { sent };
  };
}
