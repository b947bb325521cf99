// The human residue of a hiring process that no pipeline writes: notes on
// candidates' profiles (through the notes service, mentions included) and the
// recruiter's own to-dos (some already overdue) with their audit rows, written
// once per application.
import type { Services } from '../../api/services/services';
import { addCandidateNote, ZAddCandidateNote } from '../../api/services/candidates/add-candidate-note';
import { authOf } from './demo-org';
import type { TDemoOrg, TDemoUser } from './demo-org';
import type { TApplicantPlan } from './demo-applicants';

const DAY = 24 * 3600_000;
const PAST_SCREEN = new Set(['advanced', 'interview_upcoming', 'interviewed', 'rejected_with_reason', 'to_schedule', 'declined_after_interview', 'offer', 'hired']);
const STILL_ACTIVE = new Set(['screen', 'advanced', 'interview_upcoming', 'interviewed', 'to_schedule', 'offer']);

const TODOS: Array<{ title: (first: string) => string; dueInDays: number }> = [
  { title: (first) => `Call ${first} about notice period and start date`, dueInDays: -2 },
  { title: (first) => `Send ${first} the take-home exercise`, dueInDays: 2 },
  { title: (first) => `Check references for ${first}`, dueInDays: -1 },
  { title: (first) => `Follow up with ${first} on salary expectations`, dueInDays: 4 },
];

export async function writeFollowUps(services: Services, org: TDemoOrg, plan: TApplicantPlan, ids: { applicationId: string; candidateId: string }): Promise<{ notes: number; todos: number }> {
  const { prisma } = services;
  const first = plan.resume.name.split(' ')[0]!;
  const notes: Array<{ author: TDemoUser; body: string; mentionedUserIds?: string[] }> = [];
  if (PAST_SCREEN.has(plan.story)) {
    notes.push({ author: org.recruiter, body: `Spoke with ${first} for 30 minutes. Currently ${plan.resume.jobs[0]!.title} at ${plan.resume.jobs[0]!.company}; open to ${plan.job.title.toLowerCase()} roles, prefers ${plan.resume.jobs[0]!.location}.` });
  }
  if (plan.story === 'offer' || plan.story === 'hired') {
    notes.push({
      author: plan.job.hiringManager, mentionedUserIds: [org.recruiter.id],
      body: `Best candidate we have seen for ${plan.job.title}. @${org.recruiter.name} please move quickly; they have another process running.`,
    });
  }
  const todo = STILL_ACTIVE.has(plan.story) && plan.index % 7 === 3 ? TODOS[Math.floor(plan.index / 7) % TODOS.length]! : undefined;
  for (const note of notes) {
    await addCandidateNote(services.pool, authOf(org.orgId, note.author), ids.candidateId, ZAddCandidateNote.parse({ body: note.body, applicationId: ids.applicationId, mentionedUserIds: note.mentionedUserIds }));
  }
  if (todo) {
    await prisma.$transaction(async (tx) => {
      const task = await tx.task.create({
        data: {
          orgId: org.orgId, kind: 'TODO', title: todo.title(first), assigneeId: org.recruiter.id, candidateId: ids.candidateId, applicationId: ids.applicationId,
          dueAt: new Date(Date.now() + todo.dueInDays * DAY), idempotencyKey: `seed:todo:${ids.applicationId}`,
        },
      });
      await tx.auditEvent.create({ data: { orgId: org.orgId, actorType: 'USER', actorId: org.recruiter.id, action: 'task.created', entityType: 'Task', entityId: task.id, after: { kind: 'TODO', title: task.title, dueAt: task.dueAt } } });
    }, { maxWait: 15_000, timeout: 20_000 });
  }
  return { notes: notes.length, todos: todo ? 1 : 0 };
}
