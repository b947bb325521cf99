// Jobs through the real API and PostgreSQL: the full model round-trips, the
// approval lifecycle (N of M, rejection back to draft, a new round), inbox
// tasks for approvers, audit events with before/after, stage edits that keep
// applications, and bad input refused with a field path and nothing written.
import { hashToken, newToken } from '../../../api/auth';
import { withTransaction } from '../../../api/platform/db/transaction';
import { decideJobApprovalForTask } from '../../../api/services/jobs/job-approval-decision';
import { apiClient, createTestOrg, startTestSystem, type TestOrg, type TestSystem } from '../../support/harness';

let t: TestSystem;
let org: TestOrg;
let recruiter: ReturnType<typeof apiClient>;
const approvers: { id: string; call: ReturnType<typeof apiClient> }[] = [];

async function addUser(role: 'ADMIN' | 'HIRING_MANAGER', name: string) {
  const user = await t.prisma.user.create({ data: { orgId: org.orgId, email: `${name}@${org.slug}.test`, name, role } });
  const token = newToken();
  await t.prisma.apiToken.create({ data: { orgId: org.orgId, userId: user.id, name, tokenHash: hashToken(token) } });
  return { id: user.id, call: apiClient(t.url, token) };
}

beforeAll(async () => {
  t = await startTestSystem({ parts: { api: true, worker: false } });
  org = await createTestOrg(t.prisma);
  recruiter = apiClient(t.url, org.tokens.recruiter);
  for (const name of ['vp', 'cfo', 'hr']) approvers.push(await addUser('ADMIN', name));
});
afterAll(() => t?.stop());

const fullJob = (over: Record<string, unknown> = {}) => ({
  title: 'Senior Backend Engineer', department: 'Engineering', requisitionId: `REQ-${Math.random().toString(36).slice(2, 8)}`,
  jobLocations: [{ city: 'Berlin', region: 'BE', postalCode: '10115', countryCode: 'DE' }], remotePolicy: 'HYBRID', remoteCountries: ['DE'],
  employmentType: 'FULL_TIME', salary: { min: 70000, max: 90000, currency: 'EUR', unit: 'YEAR' }, description: '## Role\n\nBuild the platform.',
  openings: 2, requiredApprovals: 2, members: [{ userId: org.userIds.recruiter, role: 'RECRUITER' }, { userId: org.userIds.interviewer, role: 'INTERVIEWER' }],
  questions: [{ key: 'work_permit', label: 'Can you work in Germany?', type: 'YES_NO', knockout: { answer: false } }],
  ...over,
});

const audit = (jobId: string) => t.prisma.auditEvent.findMany({ where: { orgId: org.orgId, entityType: 'Job', entityId: jobId }, orderBy: { at: 'asc' } });

test('old callers: { title, department } creates an OPEN job with the default stages', async () => {
  const res = await recruiter('POST', '/api/jobs', { title: 'Data Engineer', department: 'Data' });
  expect(res.status).toBe(201);
  const row = await t.prisma.job.findUniqueOrThrow({ where: { id: res.body.id }, include: { stages: true } });
  expect(row).toMatchObject({ status: 'OPEN', slug: 'data-engineer', requiredApprovals: 0 });
  expect(row.postedAt).not.toBeNull();
  expect(row.stages.map((s) => s.key).sort()).toEqual(['applied', 'hired', 'interview', 'offer', 'rejected', 'screen']);
  // The same title gets its own address.
  expect((await recruiter('POST', '/api/jobs', { title: 'Data Engineer' })).body.slug).toBe('data-engineer-2');
});

test('approval lifecycle: draft, N of M approvals with inbox tasks, open, close, audit', async () => {
  const created = await recruiter('POST', '/api/jobs', fullJob());
  expect(created.status).toBe(201);
  const jobId = created.body.id as string;
  expect(created.body).toMatchObject({ status: 'DRAFT', salary: { min: 70000, max: 90000, currency: 'EUR', unit: 'YEAR' }, locations: ['Berlin, BE, DE'] });
  const stored = await t.prisma.job.findUniqueOrThrow({ where: { id: jobId }, include: { jobLocations: true, members: true, questions: true } });
  expect(stored.salaryMin?.toString()).toBe('70000');
  expect(stored.jobLocations).toEqual([expect.objectContaining({ city: 'Berlin', countryCode: 'DE' })]);
  expect(stored.members).toHaveLength(2);
  expect(stored.questions[0]).toMatchObject({ key: 'work_permit', type: 'YES_NO', knockout: { answer: false } });

  // Too few approvers, an unknown approver: refused, nothing written.
  expect((await recruiter('POST', `/api/jobs/${jobId}/submit`, { approverIds: [approvers[0]!.id] })).body.error.details[0].path).toBe('body.approverIds');
  expect((await recruiter('POST', `/api/jobs/${jobId}/submit`, { approverIds: [approvers[0]!.id, 'nobody'] })).body.error.details[0].path).toBe('body.approverIds.1');
  expect(await t.prisma.jobApproval.count({ where: { jobId } })).toBe(0);

  // Round 1: one rejection sends it back to DRAFT and cancels the other approver's task.
  const ids = approvers.map((a) => a.id);
  expect((await recruiter('POST', `/api/jobs/${jobId}/submit`, { approverIds: ids })).body.status).toBe('PENDING_APPROVAL');
  const tasks = await t.prisma.task.findMany({ where: { orgId: org.orgId, kind: 'APPROVE', jobId } });
  expect(tasks.map((x) => x.assigneeId).sort()).toEqual([...ids].sort());
  expect((await approvers[0]!.call('GET', '/api/tasks?assignee=me')).body.tasks.map((x: { id: string }) => x.id)).toContain(tasks.find((x) => x.assigneeId === approvers[0]!.id)!.id);
  expect((await recruiter('PATCH', `/api/jobs/${jobId}`, { title: 'Sneaky edit' })).status).toBe(409);
  expect((await recruiter('POST', `/api/jobs/${jobId}/approval`, { approved: true })).status).toBe(403);
  expect((await approvers[0]!.call('POST', `/api/jobs/${jobId}/approval`, { approved: false, comment: 'Budget not signed' })).body.status).toBe('DRAFT');
  expect((await approvers[1]!.call('POST', `/api/jobs/${jobId}/approval`, { approved: true })).status).toBe(409);
  const round1 = await t.prisma.task.findMany({ where: { id: { in: tasks.map((x) => x.id) } } });
  expect(round1.map((x) => x.status).sort()).toEqual(['CANCELLED', 'CANCELLED', 'COMPLETED']);

  // Round 2: two of three approve -> OPEN with postedAt; the third task is cancelled.
  await recruiter('POST', `/api/jobs/${jobId}/submit`, { approverIds: ids });
  expect((await approvers[0]!.call('POST', `/api/jobs/${jobId}/approval`, { approved: true })).body.status).toBe('PENDING_APPROVAL');
  expect((await approvers[0]!.call('POST', `/api/jobs/${jobId}/approval`, { approved: true })).status).toBe(409);
  const opened = await approvers[2]!.call('POST', `/api/jobs/${jobId}/approval`, { approved: true });
  expect(opened.body.status).toBe('OPEN');
  const approvals = await t.prisma.jobApproval.findMany({ where: { jobId, round: 2 } });
  expect(approvals.map((a) => a.decision).sort()).toEqual(['APPROVED', 'APPROVED', 'PENDING']);
  const pendingTask = await t.prisma.task.findUniqueOrThrow({ where: { id: approvals.find((a) => a.decision === 'PENDING')!.taskId! } });
  expect(pendingTask.status).toBe('CANCELLED');
  const openRow = await t.prisma.job.findUniqueOrThrow({ where: { id: jobId } });
  expect(openRow.postedAt).not.toBeNull();

  // Editing an open job is audited with only the changed fields.
  expect((await recruiter('PATCH', `/api/jobs/${jobId}`, { title: 'Staff Backend Engineer', salary: { min: 80000, max: 100000, currency: 'EUR', unit: 'YEAR' } })).status).toBe(200);
  expect((await recruiter('POST', `/api/jobs/${jobId}/close`, { reason: 'filled' })).body.status).toBe('CLOSED');
  expect((await recruiter('POST', `/api/jobs/${jobId}/close`, {})).status).toBe(409);

  const events = await audit(jobId);
  expect(events.map((e) => e.action)).toEqual([
    'job.created', 'job.submitted', 'job.approval_decided', 'job.approval_rejected', 'job.submitted',
    'job.approval_decided', 'job.approval_decided', 'job.opened', 'job.updated', 'job.closed',
  ]);
  expect(events.every((e) => e.actorType === 'USER' && e.actorId)).toBe(true);
  const updated = events.find((e) => e.action === 'job.updated')!;
  expect(updated.before).toEqual({ title: 'Senior Backend Engineer', salary: { min: 70000, max: 90000, currency: 'EUR', unit: 'YEAR' } });
  expect(updated.after).toEqual({ title: 'Staff Backend Engineer', salary: { min: 80000, max: 100000, currency: 'EUR', unit: 'YEAR' } });
  expect(events.find((e) => e.action === 'job.closed')).toMatchObject({ before: { status: 'OPEN' }, after: expect.objectContaining({ status: 'CLOSED', reason: 'filled' }) });
  expect((await recruiter('GET', `/api/jobs/${jobId}/audit`)).body).toHaveLength(events.length);
});

test('stages from a template; stage edits keep applications and refuse removing a stage in use', async () => {
  const template = await recruiter('POST', '/api/stage-templates', {
    name: 'Engineering loop', isDefault: true,
    stages: [{ key: 'applied', name: 'Applied', kind: 'APPLIED' }, { key: 'tech', name: 'Tech interview', kind: 'INTERVIEW' }, { key: 'hired', name: 'Hired', kind: 'HIRED' }],
  });
  expect(template.status).toBe(201);
  expect((await recruiter('POST', '/api/stage-templates', { name: 'Engineering loop', stages: [{ key: 'a', name: 'A', kind: 'APPLIED' }] })).body.error.details[0].path).toBe('body.name');
  const job = await recruiter('POST', '/api/jobs', { title: 'Platform Engineer' });
  expect(job.body).toMatchObject({ stageTemplateId: template.body.id });
  expect(job.body.stages.map((s: { key: string }) => s.key)).toEqual(['applied', 'tech', 'hired']);

  const candidate = await t.prisma.candidate.create({ data: { orgId: org.orgId, firstName: 'Ada', lastName: 'L', email: `ada-${Date.now()}@example.com` } });
  const techStage = job.body.stages[1];
  await t.prisma.application.create({ data: { orgId: org.orgId, jobId: job.body.id, candidateId: candidate.id, stageId: techStage.id } });

  const refused = await recruiter('PATCH', `/api/jobs/${job.body.id}`, { stages: [{ key: 'applied', name: 'Applied', kind: 'APPLIED' }, { key: 'hired', name: 'Hired', kind: 'HIRED' }] });
  expect(refused.status).toBe(409);
  expect(refused.body.error.details[0]).toMatchObject({ path: 'body.stages' });

  const reordered = await recruiter('PATCH', `/api/jobs/${job.body.id}`, { stages: [{ key: 'applied', name: 'Applied', kind: 'APPLIED' }, { key: 'screen', name: 'Phone screen', kind: 'SCREEN' }, { key: 'tech', name: 'Technical', kind: 'INTERVIEW' }, { key: 'hired', name: 'Hired', kind: 'HIRED' }] });
  expect(reordered.status).toBe(200);
  const stages = await t.prisma.stage.findMany({ where: { jobId: job.body.id }, orderBy: { position: 'asc' } });
  expect(stages.map((s) => `${s.key}:${s.name}`)).toEqual(['applied:Applied', 'screen:Phone screen', 'tech:Technical', 'hired:Hired']);
  expect(stages[2]!.id).toBe(techStage.id);
  await t.prisma.stageTemplate.update({ where: { id: template.body.id }, data: { isDefault: false } });
});

test('bad input: 4xx with the field path, nothing written', async () => {
  const before = await t.prisma.job.count({ where: { orgId: org.orgId } });
  const cases: [unknown, number, string][] = [
    [{ title: 'x', salary: { min: 9, max: 1, currency: 'EUR', unit: 'YEAR' } }, 400, 'body.salary.max'],
    [{ title: 'x', members: [{ userId: 'ghost', role: 'RECRUITER' }] }, 400, 'body.members.0.userId'],
    [{ title: 'x', status: 'OPEN', requiredApprovals: 1 }, 400, 'body.status'],
    [{ title: 'x', pipelineId: 'nope' }, 404, 'id'],
    [{ title: 'x', stageTemplateId: 'nope' }, 404, 'id'],
    [{ title: 'x', hiringTeam: [] }, 400, 'body'],
  ];
  for (const [body, status, path] of cases) {
    const res = await recruiter('POST', '/api/jobs', body);
    expect([res.status, res.body.error.details[0].path]).toEqual([status, path]);
  }
  const dup = fullJob({ requiredApprovals: 0 });
  expect((await recruiter('POST', '/api/jobs', dup)).status).toBe(201);
  const conflict = await recruiter('POST', '/api/jobs', { ...dup, title: 'Other' });
  expect([conflict.status, conflict.body.error.details[0].path]).toEqual([409, 'body.requisitionId']);
  expect(await t.prisma.job.count({ where: { orgId: org.orgId } })).toBe(before + 1);
  // A member user of another organization is as unknown as a missing one.
  const other = await createTestOrg(t.prisma);
  expect((await recruiter('POST', '/api/jobs', { title: 'x', members: [{ userId: other.userIds.recruiter, role: 'RECRUITER' }] })).status).toBe(400);
  expect((await apiClient(t.url, org.tokens.interviewer)('POST', '/api/jobs', { title: 'x' })).status).toBe(403);
  expect(await t.prisma.job.count({ where: { orgId: org.orgId } })).toBe(before + 1);
});

test("another organization's job is 404 everywhere; hiring managers see only their jobs", async () => {
  const other = await createTestOrg(t.prisma);
  const foreign = await apiClient(t.url, other.tokens.recruiter)('POST', '/api/jobs', { title: 'Foreign' });
  for (const [method, path, body] of [['GET', '', undefined], ['PATCH', '', { title: 'x' }], ['POST', '/submit', {}], ['POST', '/close', {}], ['POST', '/approval', { approved: true }], ['GET', '/audit', undefined]] as const) {
    expect([method, path, (await recruiter(method, `/api/jobs/${foreign.body.id}${path}`, body)).status]).toEqual([method, path, 404]);
  }
  expect((await t.prisma.job.findUniqueOrThrow({ where: { id: foreign.body.id } })).title).toBe('Foreign');

  const manager = await addUser('HIRING_MANAGER', 'hm');
  const mine = await recruiter('POST', '/api/jobs', { title: 'Managed', members: [{ userId: manager.id, role: 'HIRING_MANAGER' }] });
  const notMine = await recruiter('POST', '/api/jobs', { title: 'Not managed' });
  const list = (await manager.call('GET', '/api/jobs')).body.map((j: { id: string }) => j.id);
  expect(list).toEqual([mine.body.id]);
  // Refused either way: 404 from the jobs route itself, 403 where the role layer's job scope answers first.
  expect([403, 404]).toContain((await manager.call('GET', `/api/jobs/${notMine.body.id}`)).status);
  expect((await manager.call('GET', `/api/jobs/${mine.body.id}`)).body.members[0]).toMatchObject({ userId: manager.id, role: 'HIRING_MANAGER' });
});

test('an approval decided from its inbox task moves the job the same way; concurrent decisions count once', async () => {
  const job = await recruiter('POST', '/api/jobs', { title: 'Inbox Approved', requiredApprovals: 2 });
  const ids = approvers.slice(0, 2).map((a) => a.id);
  await recruiter('POST', `/api/jobs/${job.body.id}/submit`, { approverIds: ids });
  const tasks = await t.prisma.task.findMany({ where: { jobId: job.body.id, kind: 'APPROVE', status: 'OPEN' } });
  const auth = (userId: string) => ({ isAuthenticated: true, orgId: org.orgId, userId, role: 'ADMIN' as const });
  // What the inbox's decision route does for a task that is not a job approval: nothing here.
  expect(await withTransaction(t.system.db.pool, (c) => decideJobApprovalForTask(c, auth(ids[0]!), 'not-a-job-task', true))).toBeNull();

  // The first approver decides twice at once: one counts, the other is refused.
  const both = await Promise.all([0, 1].map(() => approvers[0]!.call('POST', `/api/jobs/${job.body.id}/approval`, { approved: true })));
  expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
  expect(await t.prisma.jobApproval.count({ where: { jobId: job.body.id, decision: 'APPROVED' } })).toBe(1);

  // The second approver decides from the inbox (POST /api/tasks/:id/decision): the job opens.
  const second = tasks.find((x) => x.assigneeId === ids[1])!;
  const decided = await approvers[1]!.call('POST', `/api/tasks/${second.id}/decision`, { approved: true, comment: 'ok from inbox' });
  expect(decided.status).toBe(202);
  expect(decided.body.job).toEqual({ jobId: job.body.id, status: 'OPEN' });
  expect((await t.prisma.job.findUniqueOrThrow({ where: { id: job.body.id } })).status).toBe('OPEN');
  expect(await t.prisma.jobApproval.findFirstOrThrow({ where: { taskId: second.id } })).toMatchObject({ decision: 'APPROVED', comment: 'ok from inbox' });
});

test('a draft that needs no approval opens on submit; reopening a closed job keeps its first datePosted', async () => {
  const job = await recruiter('POST', '/api/jobs', { title: 'Draft First', status: 'DRAFT' });
  expect(job.body.status).toBe('DRAFT');
  const refused = await recruiter('POST', `/api/jobs/${job.body.id}/submit`, { approverIds: [approvers[0]!.id] });
  expect([refused.status, refused.body.error.details[0].path]).toEqual([400, 'body.approverIds']);
  const opened = await recruiter('POST', `/api/jobs/${job.body.id}/submit`, {});
  expect(opened.body.status).toBe('OPEN');
  const firstPosted = (await t.prisma.job.findUniqueOrThrow({ where: { id: job.body.id } })).postedAt!;
  expect((await recruiter('POST', `/api/jobs/${job.body.id}/submit`, {})).status).toBe(409);
  await recruiter('POST', `/api/jobs/${job.body.id}/close`, {});
  expect((await recruiter('POST', `/api/jobs/${job.body.id}/submit`, {})).body.status).toBe('OPEN');
  const row = await t.prisma.job.findUniqueOrThrow({ where: { id: job.body.id } });
  expect([row.postedAt!.toISOString(), row.closedAt]).toEqual([firstPosted.toISOString(), null]);
});
