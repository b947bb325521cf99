// One version of an interview's calendar: emails its invite (REQUEST, or CANCEL
// once cancelled) to the candidate and the interviewers, then sleeps on a
// durable timer until the reminder time and sends the reminders. A reschedule
// or cancel starts the next version's workflow; this one then finds its
// sequence superseded when it wakes and does nothing.
import { proxyActivities, sleep } from '@temporalio/workflow';
import type { Activities } from '../activities/create-activities';

export const REMINDER_LEAD_MS = 24 * 3_600_000;

const { sendInterviewInvites, sendInterviewReminders } = proxyActivities<Pick<Activities, 'sendInterviewInvites' | 'sendInterviewReminders'>>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '2 seconds', maximumInterval: '5 minutes', backoffCoefficient: 2 },
});

export interface TInterviewCalendarInput {
  interviewId: string;
  sequence: number;
}

export async function interviewCalendar(input: TInterviewCalendarInput): Promise<void> {
  const sent = await sendInterviewInvites(input);
  if (!sent.isCurrent || sent.method === 'CANCEL' || sent.startsAt === null) return;
  const wait = sent.startsAt - REMINDER_LEAD_MS - Date.now();
  if (wait > 0) await sleep(wait);
  if (Date.now() < sent.startsAt) await sendInterviewReminders(input);
}
