// The job board API against PostgreSQL: stages in order with counts, the first
// page of cards per stage with what a card shows (open tasks, scorecards, days
// in stage), keyset "load more" that neither skips nor repeats, the filters,
// and who may read it (other organization 404, a hiring manager of another
// job 403, interviewers 403, a bad cursor 400).
import crypto from 'node:crypto';
import { hashToken, newToken } from '../../api/auth';
import { apiClient, createTestOrg, startTestSystem, type TestOrg, type TestSystem } from '../support/harness';

let t: TestSystem;
let org: TestOrg;
let recruiter: ReturnType<typeof apiClient>;
let jobId = '';
let otherJobId = '';
const applicationIds: string[] = [];

async function addUser(orgId: string, role: 'HIRING_MANAGER') {
  const user = await t.prisma.user.create({ data: { orgId, role, email: `hm-${crypto.randomBytes(4).toString('hex')}@example.test`, name: 'Hiring Manager' } });
  const token = newToken();
  await t.prisma.apiToken.create({ data: { orgId, userId: user.id, name: role, tokenHash: hashToken(token) } });
  return { id: user.id, call: apiClient(t.url, token) };
}

beforeAll(async () => {
  t = await startTestSystem({ parts: { api: true, worker: false } });
  org = await createTestOrg(t.prisma);
  recruiter = apiClient(t.url, org.tokens.recruiter);
  const job = await recruiter('POST', '/api/jobs', { title: 'Board Engineer', department: 'Engineering' });
  expect(job.status).toBe(201);
  jobId = job.body.id;
  otherJobId = (await recruiter('POST', '/api/jobs', { title: 'Other job' })).body.id;
  const stages = await t.prisma.stage.findMany({ where: { jobId }, orderBy: { position: 'asc' } });
  const [applied, screen] = [stages[0]!, stages[1]!];
  // Seven applicants in "applied", a day apart (so the keyset order is known), two in "screen".
  const base = Date.parse('2026-01-01T09:00:00.000Z');
  for (let i = 0; i < 9; i++) {
    const candidate = await t.prisma.candidate.create({
      data: {
        orgId: org.orgId, kind: 'APPLICANT', firstName: i === 8 ? 'Zelda' : 'Ada', lastName: `Board${i}`, email: `board${i}.${crypto.randomUUID()}@example.com`,
        headline: i === 0 ? 'Staff Engineer at Initech' : null, tags: i === 0 ? ['referral', 'senior'] : [],
      },
    });
    const application = await t.prisma.application.create({
      data: { orgId: org.orgId, jobId, candidateId: candidate.id, stageId: i < 7 ? applied.id : screen.id, source: i % 2 ? 'linkedin' : 'careers_page', appliedAt: new Date(base + i * 86_400_000) },
    });
    applicationIds.push(application.id);
  }
  // Card extras on the first applicant: an open and a completed task, two scorecards (avg 3.5).
  const first = applicationIds[0]!;
  const firstCandidate = (await t.prisma.application.findUniqueOrThrow({ where: { id: first } })).candidateId;
  for (const [i, status] of (['OPEN', 'COMPLETED'] as const).entries()) {
    await t.prisma.task.create({ data: { orgId: org.orgId, kind: 'TODO', title: `Task ${i}`, status, applicationId: first, candidateId: firstCandidate, idempotencyKey: `board-${crypto.randomUUID()}` } });
  }
  await t.prisma.scorecard.create({ data: { orgId: org.orgId, applicationId: first, score: 3, recommendation: 'yes' } });
  await t.prisma.scorecard.create({ data: { orgId: org.orgId, applicationId: first, score: 4, recommendation: 'strong_yes' } });
  // The eighth applicant entered "screen" through a recorded transition three days ago.
  await t.prisma.stageTransition.create({ data: { orgId: org.orgId, applicationId: applicationIds[7]!, fromStageId: applied.id, toStageId: screen.id, actorType: 'USER', at: new Date(Date.now() - 3 * 86_400_000) } });
});
afterAll(() => t?.stop());

test('stages in order with counts and the first page of cards, oldest first', async () => {
  const board = await recruiter('GET', `/api/jobs/${jobId}/board?limit=3`);
  expect(board.status).toBe(200);
  expect(board.body.job).toMatchObject({ id: jobId, title: 'Board Engineer' });
  expect(board.body.sources).toEqual(['careers_page', 'linkedin']);
  expect(board.body.stages.map((s: { key: string; count: number }) => [s.key, s.count])).toEqual([
    ['applied', 7], ['screen', 2], ['interview', 0], ['offer', 0], ['hired', 0], ['rejected', 0],
  ]);
  const [applied, screen, interview] = board.body.stages;
  expect(applied.cards.map((c: { applicationId: string }) => c.applicationId)).toEqual(applicationIds.slice(0, 3));
  expect(applied.nextCursor).toEqual(expect.any(String));
  expect(screen.cards).toHaveLength(2);
  expect(screen.nextCursor).toBeNull();
  expect(interview).toMatchObject({ cards: [], nextCursor: null, kind: 'INTERVIEW', name: 'Interview' });

  const card = applied.cards[0];
  expect(card).toMatchObject({
    candidateName: 'Ada Board0', headline: 'Staff Engineer at Initech', source: 'careers_page', tags: ['referral', 'senior'], status: 'ACTIVE',
    openTaskCount: 1, scorecards: { count: 2, averageScore: 3.5, recommendation: 'strong_yes' }, appliedAt: '2026-01-01T09:00:00.000Z',
  });
  expect(applied.cards[1]).toMatchObject({ openTaskCount: 0, scorecards: null });
  // Time in stage counts from the move into it, or from applying when it never moved.
  const moved = screen.cards.find((c: { applicationId: string }) => c.applicationId === applicationIds[7]);
  expect(Date.now() - Date.parse(moved.enteredStageAt)).toBeGreaterThan(3 * 86_400_000 - 60_000);
  expect(card.enteredStageAt).toBe(card.appliedAt);
});

test('load more walks a column by keyset without skipping or repeating', async () => {
  const first = await recruiter('GET', `/api/jobs/${jobId}/board?limit=3`);
  const seen: string[] = first.body.stages[0].cards.map((c: { applicationId: string }) => c.applicationId);
  let cursor: string | null = first.body.stages[0].nextCursor;
  let pages = 0;
  while (cursor) {
    const page = await recruiter('GET', `/api/jobs/${jobId}/board/stages/applied?limit=3&cursor=${encodeURIComponent(cursor)}`);
    expect(page.status).toBe(200);
    seen.push(...page.body.cards.map((c: { applicationId: string }) => c.applicationId));
    cursor = page.body.nextCursor;
    pages++;
  }
  expect(pages).toBe(2);
  expect(seen).toEqual(applicationIds.slice(0, 7));
  // Without a cursor the stage route starts at the top.
  const top = await recruiter('GET', `/api/jobs/${jobId}/board/stages/screen`);
  expect(top.body.cards.map((c: { applicationId: string }) => c.applicationId)).toEqual(applicationIds.slice(7));
});

test('filters narrow both the counts and the cards', async () => {
  const byName = await recruiter('GET', `/api/jobs/${jobId}/board?q=${encodeURIComponent('zel')}`);
  expect(byName.body.stages.map((s: { count: number }) => s.count)).toEqual([0, 1, 0, 0, 0, 0]);
  expect(byName.body.stages[1].cards[0].candidateName).toBe('Zelda Board8');
  const bySource = await recruiter('GET', `/api/jobs/${jobId}/board?source=linkedin`);
  expect(bySource.body.stages[0].count).toBe(3);
  // A LIKE wildcard typed by the user is a literal character, not "match anything".
  expect((await recruiter('GET', `/api/jobs/${jobId}/board?q=%25`)).body.stages[0].count).toBe(0);

  await t.prisma.application.update({ where: { id: applicationIds[1]! }, data: { status: 'REJECTED' } });
  const active = await recruiter('GET', `/api/jobs/${jobId}/board?status=active`);
  expect(active.body.stages[0].count).toBe(6);
  const rejected = await recruiter('GET', `/api/jobs/${jobId}/board?status=rejected`);
  expect(rejected.body.stages[0].cards.map((c: { applicationId: string }) => c.applicationId)).toEqual([applicationIds[1]]);
  await t.prisma.application.update({ where: { id: applicationIds[1]! }, data: { status: 'ACTIVE' } });
});

test('bad input is 400 with the field path; unknown stage 404', async () => {
  const badCursor = await recruiter('GET', `/api/jobs/${jobId}/board/stages/applied?cursor=not-a-cursor`);
  expect(badCursor.status).toBe(400);
  expect(badCursor.body.error.details).toEqual([expect.objectContaining({ path: 'query.cursor' })]);
  const forged = Buffer.from(JSON.stringify({ a: 'yesterday', i: 'x' })).toString('base64url');
  expect((await recruiter('GET', `/api/jobs/${jobId}/board/stages/applied?cursor=${forged}`)).status).toBe(400);
  const badStatus = await recruiter('GET', `/api/jobs/${jobId}/board?status=archived`);
  expect(badStatus.status).toBe(400);
  expect(badStatus.body.error.details[0].path).toBe('query.status');
  expect((await recruiter('GET', `/api/jobs/${jobId}/board?limit=1000`)).status).toBe(400);
  const unknownStage = await recruiter('GET', `/api/jobs/${jobId}/board/stages/nope`);
  expect(unknownStage.status).toBe(404);
  expect(unknownStage.body.error.details[0].path).toBe('params.stageKey');
});

test('another organization gets 404; hiring managers only their jobs; interviewers 403', async () => {
  const other = await createTestOrg(t.prisma);
  const outsider = apiClient(t.url, other.tokens.admin);
  expect((await outsider('GET', `/api/jobs/${jobId}/board`)).status).toBe(404);
  expect((await outsider('GET', `/api/jobs/${jobId}/board/stages/applied`)).status).toBe(404);

  const hm = await addUser(org.orgId, 'HIRING_MANAGER');
  await t.prisma.jobMember.create({ data: { jobId, userId: hm.id, role: 'HIRING_MANAGER' } });
  expect((await hm.call('GET', `/api/jobs/${jobId}/board`)).status).toBe(200);
  expect((await hm.call('GET', `/api/jobs/${otherJobId}/board`)).status).toBe(403);
  expect((await hm.call('GET', `/api/jobs/${otherJobId}/board/stages/applied`)).status).toBe(403);

  expect((await apiClient(t.url, org.tokens.interviewer)('GET', `/api/jobs/${jobId}/board`)).status).toBe(403);
});

test("a hiring manager on the panel sees no scorecard summary until they have written their own", async () => {
  const manager = await addUser(org.orgId, 'HIRING_MANAGER');
  await t.prisma.jobMember.create({ data: { jobId, userId: manager.id, role: 'HIRING_MANAGER' } });
  const first = applicationIds[0]!;
  const interview = await t.prisma.interview.create({ data: { orgId: org.orgId, applicationId: first, title: 'Panel', status: 'SCHEDULED', durationMinutes: 60, interviewerIds: [manager.id] } });
  await t.prisma.interviewParticipant.create({ data: { interviewId: interview.id, userId: manager.id } });
  const cardOf = async () => {
    const board = await manager.call('GET', `/api/jobs/${jobId}/board`);
    expect(board.status).toBe(200);
    return board.body.stages.flatMap((st: { cards: { applicationId: string }[] }) => st.cards).find((c: { applicationId: string }) => c.applicationId === first);
  };
  expect((await cardOf()).scorecards).toBeNull();
  expect((await recruiter('GET', `/api/jobs/${jobId}/board`)).body.stages[0].cards[0].scorecards).toMatchObject({ count: 2 });
  await t.prisma.scorecard.create({ data: { orgId: org.orgId, applicationId: first, interviewerId: manager.id, score: 2, recommendation: 'no' } });
  expect((await cardOf()).scorecards).toMatchObject({ count: 3, averageScore: 3 });
  await t.prisma.scorecard.deleteMany({ where: { applicationId: first, interviewerId: manager.id } });
  await t.prisma.interview.delete({ where: { id: interview.id } });
});

test('GET /api/users lists the organization for pickers, minimal fields, org-wide roles only', async () => {
  const users = await recruiter('GET', '/api/users');
  expect(users.status).toBe(200);
  expect(users.body.map((u: { id: string }) => u.id)).toEqual(expect.arrayContaining(Object.values(org.userIds)));
  expect(Object.keys(users.body[0]).sort()).toEqual(['deactivated', 'email', 'id', 'name', 'role']);
  const other = await createTestOrg(t.prisma);
  expect(users.body.some((u: { id: string }) => Object.values(other.userIds).includes(u.id))).toBe(false);
  expect((await apiClient(t.url, org.tokens.interviewer)('GET', '/api/users')).status).toBe(403);
});
