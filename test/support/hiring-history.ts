// A known hiring history with fixed dates (all in 2026, 10:00 UTC unless said), written as the product writes
// it (a transition per move, the rejection reason on the application, offers sent and answered, interviews
// with participants and scorecards, inbox tasks), for the hiring reports' hand-computed expectations.
//
// Jobs: Backend Engineer (Engineering, opened 2025-12-01, recruiter Rita), Account Executive (Sales, opened
// 2026-01-01, recruiter Ravi). Stages of each: applied, screen, interview, offer, hired, rejected.
//   Ada    Backend  linkedin/backend  applied 01-05 → screen 01-08 → interview 01-15 → offer 02-01 → hired 02-10
//   Grace  Backend  careers           applied 01-10 → screen 01-12 → rejected 02-15 (Skills)        draft offer, never sent
//   Linus  Backend  linkedin/backend  applied 02-01 → screen 02-02 → interview 02-10 → offer 02-20 → rejected 03-06 (Offer declined)
//   Hedy   Sales    referral          applied 01-20 → screen 01-21 → interview 01-25 → offer 02-05 → hired 03-10
//   Alan   Sales    careers/sales     applied 02-10 → rejected 02-12 (Skills)
//   Joan   Sales    linkedin/sales    applied 03-15
//   Mary   Sales    careers           applied 03-01 → screen 03-03 → offer 03-20
// Offers: Ada sent 02-01 accepted 02-04; Linus sent 02-20 declined 03-05; Hedy sent 02-05 accepted 03-09;
// Mary sent 03-20, pending. Interviews: see below; tasks: see below.
import type { PrismaClient } from '../../generated/prisma/client';
import { addOrgUser } from './org-users';
import type { TestOrg } from './harness';

const at = (s: string) => new Date(s.includes('T') ? s : `2026-${s}T10:00:00Z`);
const KINDS = ['APPLIED', 'SCREEN', 'INTERVIEW', 'OFFER', 'HIRED', 'REJECTED'] as const;
type Kind = typeof KINDS[number];

export interface HiringHistory {
  jobs: { backend: string; sales: string };
  users: { rita: string; ravi: string; ivan: string; iris: string };
  reasons: { skills: string; declined: string };
  applications: Record<string, string>;
}

export async function buildHiringHistory(prisma: PrismaClient, org: TestOrg): Promise<HiringHistory> {
  const orgId = org.orgId;
  const rita = await addOrgUser(prisma, org, 'RECRUITER', 'rita', 'Rita Recruiter');
  const ravi = await addOrgUser(prisma, org, 'RECRUITER', 'ravi', 'Ravi Recruiter');
  const ivan = await addOrgUser(prisma, org, 'INTERVIEWER', 'ivan', 'Ivan Interviewer');
  const iris = await addOrgUser(prisma, org, 'INTERVIEWER', 'iris', 'Iris Interviewer');
  const skills = await prisma.rejectionReason.create({ data: { orgId, label: 'Skills', category: 'REJECTED' } });
  const declined = await prisma.rejectionReason.create({ data: { orgId, label: 'Offer declined', category: 'WITHDREW' } });

  const stagesOf: Record<string, Record<Kind, string>> = {};
  async function job(title: string, department: string, openedAt: string, recruiterId: string) {
    const j = await prisma.job.create({ data: { orgId, title, department, status: 'OPEN', openedAt: at(openedAt) } });
    await prisma.jobMember.create({ data: { jobId: j.id, userId: recruiterId, role: 'RECRUITER' } });
    const stages = {} as Record<Kind, string>;
    for (const [position, kind] of KINDS.entries()) {
      stages[kind] = (await prisma.stage.create({ data: { jobId: j.id, key: kind.toLowerCase(), name: kind.toLowerCase(), kind, position } })).id;
    }
    stagesOf[j.id] = stages;
    return j.id;
  }
  const backend = await job('Backend Engineer', 'Engineering', '2025-12-01T10:00:00Z', rita.id);
  const sales = await job('Account Executive', 'Sales', '01-01', ravi.id);

  const applications: Record<string, string> = {};
  async function application(name: string, jobId: string, source: string, campaign: string | null, moves: [Kind, string][], reasonId?: string) {
    const candidate = await prisma.candidate.create({ data: { orgId, firstName: name, lastName: 'Test', email: `${name.toLowerCase()}@hiring-history.test` } });
    const stages = stagesOf[jobId]!;
    const last = moves[moves.length - 1]!;
    const status = last[0] === 'HIRED' ? 'HIRED' : last[0] === 'REJECTED' ? 'REJECTED' : 'ACTIVE';
    const app = await prisma.application.create({
      data: {
        orgId, jobId, candidateId: candidate.id, stageId: stages[last[0]], appliedAt: at(moves[0]![1]), source, status,
        utm: campaign ? { utm_source: source, utm_campaign: campaign } : {},
        rejectionReasonId: reasonId ?? null, rejectedAt: status === 'REJECTED' ? at(last[1]) : null, hiredAt: status === 'HIRED' ? at(last[1]) : null,
      },
    });
    let from: string | null = null;
    for (const [kind, when] of moves) {
      await prisma.stageTransition.create({ data: { orgId, applicationId: app.id, fromStageId: from, toStageId: stages[kind], actorType: 'USER', at: at(when), reason: kind === 'REJECTED' ? 'rejected' : null } });
      from = stages[kind];
    }
    applications[name] = app.id;
    return app.id;
  }
  await application('Ada', backend, 'linkedin', 'backend', [['APPLIED', '01-05'], ['SCREEN', '01-08'], ['INTERVIEW', '01-15'], ['OFFER', '02-01'], ['HIRED', '02-10']]);
  await application('Grace', backend, 'careers', null, [['APPLIED', '01-10'], ['SCREEN', '01-12'], ['REJECTED', '02-15']], skills.id);
  await application('Linus', backend, 'linkedin', 'backend', [['APPLIED', '02-01'], ['SCREEN', '02-02'], ['INTERVIEW', '02-10'], ['OFFER', '02-20'], ['REJECTED', '03-06']], declined.id);
  await application('Hedy', sales, 'referral', null, [['APPLIED', '01-20'], ['SCREEN', '01-21'], ['INTERVIEW', '01-25'], ['OFFER', '02-05'], ['HIRED', '03-10']]);
  await application('Alan', sales, 'careers', 'sales', [['APPLIED', '02-10'], ['REJECTED', '02-12']], skills.id);
  await application('Joan', sales, 'linkedin', 'sales', [['APPLIED', '03-15']]);
  await application('Mary', sales, 'careers', null, [['APPLIED', '03-01'], ['SCREEN', '03-03'], ['OFFER', '03-20']]);

  const offer = (name: string, status: 'DRAFT' | 'SENT' | 'ACCEPTED' | 'DECLINED', sentAt: string | null, respondedAt: string | null) => prisma.offer.create({
    data: { orgId, applicationId: applications[name]!, status, salaryAmount: '90000', currency: 'EUR', sentAt: sentAt ? at(sentAt) : null, respondedAt: respondedAt ? at(respondedAt) : null },
  });
  await offer('Ada', 'ACCEPTED', '02-01', '02-04');
  await offer('Grace', 'DRAFT', null, null);
  await offer('Linus', 'DECLINED', '02-20', '03-05');
  await offer('Hedy', 'ACCEPTED', '02-05', '03-09');
  await offer('Mary', 'SENT', '03-20', null);

  // Interviews: I1 Ada 01-15 10-11 (Ivan: scorecard +2 h, Iris: +24 h); I2 Linus 02-12 10:00-11:30 (Ivan:
  // scorecard 03-02 11:30, +432 h); I3 Hedy 01-27 14-15 (Iris: none); I4 Hedy 02-03, Ivan, cancelled 02-01.
  async function interview(name: string, startsAt: string, endsAt: string, interviewers: string[], cards: [string, string][], cancelledAt?: string) {
    const i = await prisma.interview.create({
      data: { orgId, applicationId: applications[name]!, title: `Interview with ${name}`, status: cancelledAt ? 'CANCELLED' : 'COMPLETED', startsAt: at(startsAt), endsAt: at(endsAt), cancelledAt: cancelledAt ? at(cancelledAt) : null },
    });
    for (const userId of interviewers) await prisma.interviewParticipant.create({ data: { interviewId: i.id, userId } });
    for (const [userId, submittedAt] of cards) {
      await prisma.scorecard.create({ data: { orgId, applicationId: applications[name]!, interviewId: i.id, interviewerId: userId, score: 3, recommendation: 'yes', submittedAt: at(submittedAt) } });
    }
  }
  await interview('Ada', '2026-01-15T10:00:00Z', '2026-01-15T11:00:00Z', [ivan.id, iris.id], [[ivan.id, '2026-01-15T13:00:00Z'], [iris.id, '2026-01-16T11:00:00Z']]);
  await interview('Linus', '2026-02-12T10:00:00Z', '2026-02-12T11:30:00Z', [ivan.id], [[ivan.id, '2026-03-02T11:30:00Z']]);
  await interview('Hedy', '2026-01-27T14:00:00Z', '2026-01-27T15:00:00Z', [iris.id], []);
  await interview('Hedy', '2026-02-03T10:00:00Z', '2026-02-03T11:00:00Z', [ivan.id], [], '02-01');

  // Tasks: T1 REVIEW Ada (Rita) due 01-07 done 01-06 (24 h); T2 REVIEW Linus (Rita) due 02-03 done 02-05 (96 h);
  // T3 FEEDBACK Hedy (Iris) due 01-29 open; T4 DECIDE Hedy (Ravi) created 02-05 due 02-20 done 03-05 (672 h);
  // T5 TODO no application (Ravi) created 03-01 due 03-10 done 03-09 (192 h); T6 REVIEW Grace cancelled.
  const task = (key: string, kind: 'REVIEW' | 'FEEDBACK' | 'DECIDE' | 'TODO', name: string | null, assigneeId: string, createdAt: string, dueAt: string, completedAt: string | null, status: 'OPEN' | 'COMPLETED' | 'CANCELLED' = completedAt ? 'COMPLETED' : 'OPEN') => prisma.task.create({
    data: {
      orgId, kind, title: `${kind} ${name ?? 'note'}`, status, assigneeId, applicationId: name ? applications[name]! : null, idempotencyKey: `${orgId}:${key}`,
      createdAt: at(createdAt), dueAt: at(dueAt), completedAt: completedAt ? at(completedAt) : null,
    },
  });
  await task('t1', 'REVIEW', 'Ada', rita.id, '01-05', '01-07', '01-06');
  await task('t2', 'REVIEW', 'Linus', rita.id, '02-01', '02-03', '02-05');
  await task('t3', 'FEEDBACK', 'Hedy', iris.id, '2026-01-27T15:00:00Z', '2026-01-29T15:00:00Z', null);
  await task('t4', 'DECIDE', 'Hedy', ravi.id, '02-05', '02-20', '03-05');
  await task('t5', 'TODO', null, ravi.id, '03-01', '03-10', '03-09');
  await task('t6', 'REVIEW', 'Grace', rita.id, '01-10', '01-20', null, 'CANCELLED');

  return { jobs: { backend, sales }, users: { rita: rita.id, ravi: ravi.id, ivan: ivan.id, iris: iris.id }, reasons: { skills: skills.id, declined: declined.id }, applications };
}
