// What happens to an application after it arrives, acted out through the same
// services the inbox and the interview pages call: screens submitted, interviews
// booked with a panel, scorecards, offer approvals, a hire, rejections with the
// organization's reasons. Each step waits until the pipeline has asked for it
// (its task is open and the run is parked there), so runs, emails, stage moves
// and audit rows all happen as in production.
import type { Services } from '../../api/services/services';
import { submitFeedback, ZFeedbackRequest } from '../../api/services/tasks';
import { completeTask, decideApproval, ZCompleteTask, ZDecideApproval } from '../../api/services/task-actions';
import { scheduleInterview, ZScheduleInterview } from '../../api/services/interviews/interview-booking';
import { submitInterviewScorecard, ZInterviewScorecard } from '../../api/services/interviews/scorecards';
import { decideApplication, ZApplicationDecision } from '../../api/services/decisions/decide-application';
import type { TResumeFixture } from '../../api/seed/resume-profile';
import { authOf, type TDemoOrg, type TDemoUser } from './demo-org';
import type { TDemoJob } from './demo-jobs';
import { waitForRunEnd, waitForTaskAt } from './run-waits';

/** Where an application's story stops. */
export type TStory =
  | 'screen' // parked at the recruiter screen
  | 'screen_rejected' // screen score below 3: the pipeline sends the rejection
  | 'advanced' // application review passed: in the interview stage
  | 'interview_upcoming' // an interview booked for the coming days
  | 'interviewed' // interview held, the panel's scorecards in
  | 'rejected_with_reason' // turned down by the recruiter after the interview, with a reason
  | 'to_schedule' // standard pipeline: waiting for the coordinator to book the loop
  | 'declined_after_interview' // standard pipeline: the hiring manager's scorecard says no
  | 'offer' // standard pipeline: waiting for the offer approval
  | 'hired';

// Cycled by the application's place in its job, so even a small seed shows every step.
const REVIEW_STORIES: TStory[] = ['screen', 'advanced', 'interview_upcoming', 'screen', 'interviewed', 'screen_rejected', 'screen', 'rejected_with_reason', 'screen', 'interview_upcoming', 'advanced', 'screen', 'interviewed', 'screen_rejected', 'screen'];
const STANDARD_STORIES: TStory[] = ['screen', 'to_schedule', 'interview_upcoming', 'screen', 'interviewed', 'screen_rejected', 'offer', 'screen', 'to_schedule', 'declined_after_interview', 'screen', 'interview_upcoming', 'interviewed', 'screen_rejected', 'screen'];
// A filled role: everyone but the hire was turned down, so nothing is left waiting on a closed job.
const CLOSED_STORIES: TStory[] = ['screen_rejected', 'declined_after_interview', 'screen_rejected'];

export function storyFor(job: TDemoJob, localIndex: number): TStory {
  if (localIndex < job.hires) return 'hired';
  const stories = job.isClosedAfterApplicants ? CLOSED_STORIES : job.pipeline === 'standard-hiring' ? STANDARD_STORIES : REVIEW_STORIES;
  return stories[(localIndex - job.hires) % stories.length]!;
}

export interface TStoryContext {
  services: Services;
  org: TDemoOrg;
  job: TDemoJob;
  applicationId: string;
  resume: TResumeFixture;
  /** Deterministic 0..1 values for this application. */
  random: () => number;
}

const DAY = 24 * 3600_000;

/** A working-day slot `days` from now (negative: in the past), on the hour. */
function slot(days: number, hourUtc: number): Date {
  const at = new Date(Date.now() + days * DAY);
  while (at.getUTCDay() === 0 || at.getUTCDay() === 6) at.setTime(at.getTime() + (days < 0 ? -DAY : DAY));
  at.setUTCHours(hourUtc, 0, 0, 0);
  return at;
}

const firstName = (resume: TResumeFixture) => resume.name.split(' ')[0]!;

function screenNotes(resume: TResumeFixture, isStrong: boolean): string {
  const latest = resume.jobs[0]!;
  const skills = resume.skills.slice(0, 3).join(', ');
  return isStrong
    ? `Phone screen: ${latest.title} at ${latest.company}, about ${Math.floor(resume.expectedYears)} years in total. Strong on ${skills}; clear on why this role. Notice period one month.`
    : `Phone screen: ${latest.title} at ${latest.company}. Experience is mostly outside what this role needs (${skills}); salary expectations above the range.`;
}

async function screen(ctx: TStoryContext, isStrong: boolean) {
  const task = await waitForTaskAt(ctx.services.prisma, ctx.applicationId, 'screen');
  const score = isStrong ? (ctx.random() < 0.5 ? 4 : 3) : (ctx.random() < 0.5 ? 2 : 1);
  const recommendation = isStrong ? (score === 4 ? 'strong_yes' : 'yes') : (score === 2 ? 'no' : 'strong_no');
  await submitFeedback(ctx.services, ctx.org.orgId, task.assigneeId ?? ctx.org.recruiter.id, task.id, ZFeedbackRequest.parse({ score, recommendation, notes: screenNotes(ctx.resume, isStrong) }));
}

/** A panel interview with the job's interviewers; in the past, each of them has submitted a scorecard. */
async function interview(ctx: TStoryContext, days: number, isPositive: boolean) {
  const { services, org, job } = ctx;
  const booked = await scheduleInterview(services, org.orgId, org.coordinator.id, ZScheduleInterview.parse({
    applicationId: ctx.applicationId, title: `${job.title}: panel interview`, startsAt: slot(days, 9 + Math.floor(ctx.random() * 7)), durationMinutes: 60,
    participants: job.panel.map((p, i) => ({ userId: p.id, role: i === 0 ? 'CHAIR' : 'REQUIRED' })),
    meetingUrl: `https://meet.example.com/acme-${ctx.applicationId.slice(-8)}`, scorecardTemplateId: job.scorecardTemplateId ?? undefined, allowConflicts: true,
  }));
  if (days > 0) return booked.id;
  const template = await services.prisma.scorecardTemplate.findUnique({ where: { id: job.scorecardTemplateId ?? '' } });
  const attributes = (template?.attributes ?? []) as Array<{ key: string }>;
  for (const interviewer of job.panel) {
    const rating = () => Math.max(1, Math.min(4, (isPositive ? 3 : 2) + (ctx.random() < 0.3 ? 1 : ctx.random() < 0.3 ? -1 : 0)));
    await submitInterviewScorecard(services, authOf(org.orgId, interviewer), booked.id, ZInterviewScorecard.parse({
      recommendation: isPositive ? (ctx.random() < 0.4 ? 'strong_yes' : 'yes') : (ctx.random() < 0.5 ? 'no' : 'yes'),
      ratings: Object.fromEntries(attributes.map((a) => [a.key, { rating: rating() }])),
      notes: isPositive
        ? `${firstName(ctx.resume)} walked through their work at ${ctx.resume.jobs[0]!.company} in depth and asked sharp questions about the team.`
        : `${firstName(ctx.resume)} was friendly and well prepared, but struggled to go deep on the problems this role faces day to day.`,
    }));
  }
  return booked.id;
}

/** The standard pipeline's coordinator step: booking the loop completes the scheduling task, and the run carries on. */
async function bookLoop(ctx: TStoryContext, days: number, isPositive: boolean) {
  await waitForTaskAt(ctx.services.prisma, ctx.applicationId, 'schedule');
  await interview(ctx, days, isPositive);
}

async function hiringManagerVerdict(ctx: TStoryContext, isPositive: boolean) {
  const task = await waitForTaskAt(ctx.services.prisma, ctx.applicationId, 'interview_feedback');
  const manager: TDemoUser = ctx.org.users.find((u) => u.id === task.assigneeId) ?? ctx.job.hiringManager;
  await submitFeedback(ctx.services, ctx.org.orgId, manager.id, task.id, ZFeedbackRequest.parse({
    score: isPositive ? 4 : 2, recommendation: isPositive ? 'strong_yes' : 'no',
    notes: isPositive ? 'The panel is unanimous and so am I: let us make an offer.' : 'Good conversations, but not the level we need for this role right now.',
  }));
}

async function standardStory(ctx: TStoryContext, story: TStory) {
  await screen(ctx, story !== 'screen_rejected');
  if (story === 'screen_rejected') return waitForRunEnd(ctx.services.prisma, ctx.applicationId);
  if (story === 'to_schedule') return waitForTaskAt(ctx.services.prisma, ctx.applicationId, 'schedule');
  const isUpcoming = story === 'interview_upcoming';
  await bookLoop(ctx, isUpcoming ? 1 + Math.floor(ctx.random() * 6) : -(1 + Math.floor(ctx.random() * 5)), story !== 'declined_after_interview');
  if (isUpcoming || story === 'interviewed') return waitForTaskAt(ctx.services.prisma, ctx.applicationId, 'interview_feedback');
  await hiringManagerVerdict(ctx, story !== 'declined_after_interview');
  if (story === 'declined_after_interview') return waitForRunEnd(ctx.services.prisma, ctx.applicationId);
  const approval = await waitForTaskAt(ctx.services.prisma, ctx.applicationId, 'offer_approval');
  if (story === 'offer') return approval;
  const approver = ctx.org.users.find((u) => u.id === approval.assigneeId) ?? ctx.org.admin;
  await decideApproval(ctx.services, authOf(ctx.org.orgId, approver), approval.id, ZDecideApproval.parse({ approved: true, comment: 'Within the band; approved.' }));
  const answer = await waitForTaskAt(ctx.services.prisma, ctx.applicationId, 'offer_response');
  await completeTask(ctx.services, authOf(ctx.org.orgId, ctx.org.recruiter), answer.id, ZCompleteTask.parse({ accepted: true, outcome: { note: 'Signed the offer letter; starts on the first of next month.' } }));
  return waitForRunEnd(ctx.services.prisma, ctx.applicationId);
}

async function reviewStory(ctx: TStoryContext, story: TStory) {
  if (story === 'screen') return waitForTaskAt(ctx.services.prisma, ctx.applicationId, 'screen');
  await screen(ctx, story !== 'screen_rejected');
  // Either way the application-review pipeline ends: in the interview stage, or rejected with an email.
  await waitForRunEnd(ctx.services.prisma, ctx.applicationId);
  if (story === 'screen_rejected' || story === 'advanced') return;
  const isUpcoming = story === 'interview_upcoming';
  await interview(ctx, isUpcoming ? 1 + Math.floor(ctx.random() * 6) : -(1 + Math.floor(ctx.random() * 5)), story !== 'rejected_with_reason');
  if (story !== 'rejected_with_reason') return;
  const reasonId = ctx.org.rejectionReasons.get(ctx.random() < 0.5 ? 'Not enough relevant experience' : 'Skills gap for the role')!;
  await decideApplication(ctx.services, authOf(ctx.org.orgId, ctx.org.recruiter), ctx.applicationId, ZApplicationDecision.parse({
    decision: 'reject', reasonId, note: 'The panel agreed the system design depth is not there yet; worth another look in a year.',
  }));
}

export async function tellStory(ctx: TStoryContext, story: TStory): Promise<void> {
  if (ctx.job.pipeline === 'standard-hiring') {
    if (story === 'screen') await waitForTaskAt(ctx.services.prisma, ctx.applicationId, 'screen');
    else await standardStory(ctx, story);
  } else {
    await reviewStory(ctx, story);
  }
}
