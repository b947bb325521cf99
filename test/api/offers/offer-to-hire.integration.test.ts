// Offer to hire on the real stack: a draft offer, an N-of-M approval chain
// decided from the inbox (a rejection sends it back to draft with the reason;
// the resubmitted round approves with 2 of 3), the offer letter in the SMTP
// sink exactly once, the candidate's acceptance hiring the application and
// ending the run whose pipeline exits on "candidate.hired". Also: the inbox drives the
// pipeline's own approval and offer-answer nodes.
import { apiClient, createTestOrg, startTestSystem, waitFor, type TestOrg, type TestSystem } from '../../support/harness';
import { applicant, createHiringJob } from '../../support/fixtures';
import { hashToken, newToken } from '../../../api/auth';
import type { TGraph } from '../../../workflows/graph/schema';

let t: TestSystem;
let org: TestOrg;
let recruiter: ReturnType<typeof apiClient>;
let admin: ReturnType<typeof apiClient>;
let manager: ReturnType<typeof apiClient>;
let managerId: string;

beforeAll(async () => {
  t = await startTestSystem();
  org = await createTestOrg(t.prisma);
  recruiter = apiClient(t.url, org.tokens.recruiter);
  admin = apiClient(t.url, org.tokens.admin);
  const user = await t.prisma.user.create({ data: { orgId: org.orgId, email: `hm@${org.slug}.test`, name: 'Hannah Manager', role: 'HIRING_MANAGER' } });
  const token = newToken();
  await t.prisma.apiToken.create({ data: { orgId: org.orgId, userId: user.id, name: 'hm', tokenHash: hashToken(token) } });
  manager = apiClient(t.url, token);
  managerId = user.id;
});
afterAll(() => t?.stop());

const waitForHired: TGraph = {
  nodes: [
    { id: 'applied', type: 'trigger.application_received', typeVersion: 1, config: {} },
    { id: 'wait', type: 'events.wait_for_any', typeVersion: 1, config: { events: [{ name: 'candidate.replied', port: 'replied' }], timeout: { days: 30 } } },
    { id: 'end', type: 'action.end', typeVersion: 1, config: {} },
  ],
  edges: [
    { source: 'applied', sourcePort: 'out', target: 'wait' },
    { source: 'wait', sourcePort: 'replied', target: 'end' },
    { source: 'wait', sourcePort: 'timeout', target: 'end' },
  ],
  // The run ends wherever it waits once the candidate is hired.
  settings: { exitOn: ['candidate.hired'] },
};

const myApprovalTask = async (call: ReturnType<typeof apiClient>, applicationId: string) =>
  waitFor('approval task in the inbox', async () => (await call('GET', '/api/tasks?kind=APPROVE&assignee=me')).body.tasks.find((x: any) => x.applicationId === applicationId));

test('draft -> 2-of-3 approval (one round refused) -> offer email once -> accepted -> hired', async () => {
  const { jobId } = await createHiringJob(recruiter, waitForHired);
  // The hiring manager of this job approves its offers.
  await t.prisma.jobMember.create({ data: { jobId, userId: managerId, role: 'HIRING_MANAGER' } });
  const person = applicant(jobId);
  const { body: app } = await recruiter('POST', '/api/applications', person);
  await waitFor('run started', async () => (await t.prisma.run.findUniqueOrThrow({ where: { id: app.run.id } })).status === 'RUNNING');

  // Bad drafts: each refused at its field, nothing written.
  for (const [body, path] of [
    [{ applicationId: app.id, salaryAmount: 90000, currency: 'eur' }, 'body.currency'],
    [{ applicationId: app.id, salaryAmount: 90000.123, currency: 'EUR' }, 'body.salaryAmount'],
    [{ applicationId: app.id, salaryAmount: 90000, currency: 'EUR', startDate: '2027-02-30' }, 'body.startDate'],
    [{ applicationId: app.id, salaryAmount: 90000, currency: 'EUR', signingBonus: 5 }, 'body'],
  ] as const) {
    const res = await recruiter('POST', '/api/offers', body);
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: any) => d.path)).toContain(path);
  }
  expect((await apiClient(t.url, org.tokens.interviewer)('POST', '/api/offers', { applicationId: app.id, salaryAmount: 1, currency: 'EUR' })).status).toBe(403);
  expect(await t.prisma.offer.count({ where: { applicationId: app.id } })).toBe(0);

  const created = await recruiter('POST', '/api/offers', { applicationId: app.id, salaryAmount: 95000, currency: 'EUR', startDate: '2027-03-01', bonus: '10% target', equity: '0.1% over 4 years', notes: 'top of band, approved by finance' });
  expect(created.status).toBe(201);
  const offerId = created.body.id;
  expect((await recruiter('POST', '/api/offers', { applicationId: app.id, salaryAmount: 1, currency: 'EUR' })).status).toBe(409);

  // Bad chains: refused, the offer stays a draft.
  const badChain = await recruiter('POST', `/api/offers/${offerId}/submit`, { approvers: [{ userId: org.userIds.admin }], required: 2 });
  expect(badChain.status).toBe(400);
  expect(badChain.body.error.details[0].path).toBe('body.required');
  const stranger = await recruiter('POST', `/api/offers/${offerId}/submit`, { approvers: [{ userId: org.userIds.admin }, { userId: 'nobody' }], required: 1 });
  expect(stranger.status).toBe(400);
  expect(stranger.body.error.details[0].path).toBe('body.approvers.1.userId');
  expect((await t.prisma.offer.findUniqueOrThrow({ where: { id: offerId } })).status).toBe('DRAFT');

  const chain = { approvers: [{ userId: org.userIds.admin }, { userId: org.userIds.recruiter }, { userId: managerId }], required: 2, dueInHours: 48 };
  expect((await recruiter('POST', `/api/offers/${offerId}/submit`, chain)).status).toBe(200);
  // Round 1: the hiring manager refuses; the offer goes back to draft with the reason, the other tasks close.
  const hmTask = await myApprovalTask(manager, app.id);
  expect(hmTask.dueAt).not.toBeNull();
  expect((await manager('GET', `/api/offers/${offerId}`)).body.notes).toBe('top of band, approved by finance');
  expect((await manager('POST', `/api/tasks/${hmTask.id}/decision`, { approved: false, comment: 'over budget' })).status).toBe(202);
  let offer = await t.prisma.offer.findUniqueOrThrow({ where: { id: offerId }, include: { approvals: true } });
  expect(offer.status).toBe('DRAFT');
  expect(offer.approvals.find((a) => a.approverId === managerId)).toMatchObject({ decision: 'REJECTED', comment: 'over budget', round: 1 });
  expect(await t.prisma.task.count({ where: { applicationId: app.id, kind: 'APPROVE', status: 'OPEN' } })).toBe(0);
  const returned = await t.prisma.auditEvent.findFirstOrThrow({ where: { entityId: offerId, action: 'offer.returned_to_draft' } });
  expect(returned).toMatchObject({ before: { status: 'PENDING_APPROVAL' }, after: { status: 'DRAFT', reason: 'over budget' } });

  // Round 2 after a change: two of three approve (one by completing the task), the third is not needed.
  expect((await recruiter('PATCH', `/api/offers/${offerId}`, { salaryAmount: 92000 })).status).toBe(200);
  const changed = await t.prisma.auditEvent.findFirstOrThrow({ where: { entityId: offerId, action: 'offer.updated' } });
  expect(changed).toMatchObject({ before: { salaryAmount: '95000.00' }, after: { salaryAmount: '92000.00' } });
  expect((await recruiter('POST', `/api/offers/${offerId}/submit`, chain)).status).toBe(200);
  expect((await recruiter('POST', `/api/offers/${offerId}/send`, {})).status).toBe(409);
  const adminTask = await myApprovalTask(admin, app.id);
  const recruiterTask = await myApprovalTask(recruiter, app.id);
  expect((await admin('POST', `/api/tasks/${adminTask.id}/complete`, { outcome: { approved: 'yes' } })).status).toBe(400);
  expect((await admin('POST', `/api/tasks/${adminTask.id}/complete`, { outcome: { approved: true } })).status).toBe(202);
  expect((await t.prisma.offer.findUniqueOrThrow({ where: { id: offerId } })).status).toBe('PENDING_APPROVAL');
  const decided = await recruiter('POST', `/api/tasks/${recruiterTask.id}/decision`, { approved: true });
  expect(decided.status).toBe(202);
  expect(decided.body.offer).toMatchObject({ status: 'APPROVED', approvals: 2 });
  offer = await t.prisma.offer.findUniqueOrThrow({ where: { id: offerId }, include: { approvals: true } });
  expect(offer.status).toBe('APPROVED');
  expect(offer.approvalRound).toBe(2);
  expect(offer.approvals.filter((a) => a.round === 2 && a.decision === 'APPROVED')).toHaveLength(2);
  expect(await t.prisma.task.count({ where: { applicationId: app.id, kind: 'APPROVE', status: 'OPEN' } })).toBe(0);

  // The letter: sent once, however often "send" is pressed.
  const sent = await recruiter('POST', `/api/offers/${offerId}/send`, {});
  expect(sent.status).toBe(200);
  expect(sent.body).toMatchObject({ delivery: 'SENT', messageStatus: 'SENT', offer: { status: 'SENT' } });
  const [mail] = await t.sink.waitFor((m) => m.to.includes(person.candidate.email));
  expect(mail!.subject).toBe(`Your offer from Org ${org.slug}: Staff Engineer`);
  expect(mail!.text).toContain('Salary: 92,000 EUR per year');
  expect(mail!.text).toContain('Start date: 2027-03-01');
  expect(mail!.text).toContain('Equity: 0.1% over 4 years');
  expect(mail!.text).not.toContain('finance');
  expect((await recruiter('POST', `/api/offers/${offerId}/send`, {})).body).toMatchObject({ delivery: 'SKIPPED', messageStatus: 'SENT' });
  await new Promise((r) => setTimeout(r, 500));
  expect(t.sink.messages().filter((m) => m.to.includes(person.candidate.email) && m.subject.startsWith('Your offer'))).toHaveLength(1);
  expect(await t.prisma.message.count({ where: { candidate: { email: person.candidate.email }, subject: { startsWith: 'Your offer' } } })).toBe(1);

  // Accepted: hired, in the hired stage, and the waiting run heard it.
  expect((await recruiter('POST', `/api/offers/${offerId}/response`, { accepted: 'yes' })).status).toBe(400);
  expect((await recruiter('POST', `/api/offers/${offerId}/response`, { accepted: true })).status).toBe(200);
  const hired = await t.prisma.application.findUniqueOrThrow({ where: { id: app.id }, include: { stage: true } });
  expect(hired).toMatchObject({ status: 'HIRED', stage: { key: 'hired' } });
  expect(hired.hiredAt).not.toBeNull();
  expect((await t.prisma.offer.findUniqueOrThrow({ where: { id: offerId } })).status).toBe('ACCEPTED');
  await waitFor('run exited on candidate.hired', async () => (await t.prisma.run.findUniqueOrThrow({ where: { id: app.run.id } })).status === 'EXITED');
  expect((await recruiter('POST', `/api/offers/${offerId}/response`, { accepted: false })).status).toBe(409);
  const hireAudit = await t.prisma.auditEvent.findFirstOrThrow({ where: { entityId: app.id, action: 'application.hired' } });
  expect(hireAudit).toMatchObject({ actorId: org.userIds.recruiter, before: { status: 'ACTIVE' }, after: { status: 'HIRED', offerId } });
});

test('offers of another organization are not found; only the team and approvers read one', async () => {
  const { jobId } = await createHiringJob(recruiter, waitForHired);
  const { body: app } = await recruiter('POST', '/api/applications', applicant(jobId));
  const { body: offer } = await recruiter('POST', '/api/offers', { applicationId: app.id, salaryAmount: 50, currency: 'USD', salaryUnit: 'HOUR' });
  const other = await createTestOrg(t.prisma);
  expect((await apiClient(t.url, other.tokens.admin)('GET', `/api/offers/${offer.id}`)).status).toBe(404);
  expect((await apiClient(t.url, other.tokens.recruiter)('POST', '/api/offers', { applicationId: app.id, salaryAmount: 1, currency: 'USD' })).status).toBe(404);
  // Not this job's hiring manager nor an approver: refused (403 by the role scope, 404 without it).
  expect([403, 404]).toContain((await manager('GET', `/api/offers/${offer.id}`)).status);
  expect((await recruiter('GET', `/api/offers/${offer.id}`)).body).toMatchObject({ salaryAmount: '50.00', salaryUnit: 'HOUR', status: 'DRAFT' });
  // Asked to approve it, the same hiring manager may read what they approve (but still not change it).
  expect((await recruiter('POST', `/api/offers/${offer.id}/submit`, { approvers: [{ userId: managerId }], required: 1 })).status).toBe(200);
  expect((await manager('GET', `/api/offers/${offer.id}`)).body).toMatchObject({ id: offer.id, status: 'PENDING_APPROVAL' });
  expect((await manager('PATCH', `/api/offers/${offer.id}`, { salaryAmount: 99 })).status).toBe(403);
});

test("the inbox drives the pipeline's approval node and its offer-answer task (task.accepted)", async () => {
  const graph: TGraph = {
    nodes: [
      { id: 'applied', type: 'trigger.application_received', typeVersion: 1, config: {} },
      { id: 'approve', type: 'people.approval', typeVersion: 1, config: { title: 'Approve the offer', approverUserIds: [org.userIds.recruiter], required: 1 } },
      { id: 'answer', type: 'people.create_task', typeVersion: 1, config: { title: 'Record the answer', kind: 'DECIDE', assignee: { userId: org.userIds.recruiter } } },
      { id: 'accepted', type: 'logic.branch', typeVersion: 1, config: { rules: [{ port: 'yes', when: [{ field: 'task.accepted', op: 'eq', value: true }] }], otherwise: 'no' } },
      { id: 'hire', type: 'action.hire', typeVersion: 1, config: {} },
      { id: 'end', type: 'action.end', typeVersion: 1, config: {} },
      { id: 'declined', type: 'action.end', typeVersion: 1, config: {} },
      { id: 'not_approved', type: 'action.end', typeVersion: 1, config: {} },
    ],
    edges: [
      { source: 'applied', sourcePort: 'out', target: 'approve' },
      { source: 'approve', sourcePort: 'approved', target: 'answer' },
      { source: 'approve', sourcePort: 'rejected', target: 'not_approved' },
      { source: 'answer', sourcePort: 'completed', target: 'accepted' },
      { source: 'accepted', sourcePort: 'yes', target: 'hire' },
      { source: 'accepted', sourcePort: 'no', target: 'declined' },
      { source: 'hire', sourcePort: 'out', target: 'end' },
    ],
  };
  const { jobId } = await createHiringJob(recruiter, graph);
  const { body: app } = await recruiter('POST', '/api/applications', applicant(jobId));
  const approval = await waitFor('APPROVE task', () => t.prisma.task.findFirst({ where: { applicationId: app.id, kind: 'APPROVE', status: 'OPEN' } }));
  expect((await recruiter('POST', `/api/tasks/${approval.id}/complete`, { outcome: { approved: true } })).status).toBe(202);
  const answer = await waitFor('DECIDE task', () => t.prisma.task.findFirst({ where: { applicationId: app.id, kind: 'DECIDE', status: 'OPEN' } }));
  const bad = await recruiter('POST', `/api/tasks/${answer.id}/complete`, { outcome: { accepted: 'true' } });
  expect(bad.status).toBe(400);
  expect(bad.body.error.details[0].path).toBe('body.outcome.accepted');
  expect((await t.prisma.task.findUniqueOrThrow({ where: { id: answer.id } })).status).toBe('OPEN');
  expect((await recruiter('POST', `/api/tasks/${answer.id}/complete`, { accepted: true })).status).toBe(202);
  const run = await waitFor('run completed', async () => {
    const r = await t.prisma.run.findUniqueOrThrow({ where: { id: app.run.id } });
    return r.status === 'COMPLETED' && r;
  });
  expect((run.steps as { nodeId: string; port?: string }[]).map((s) => `${s.nodeId}:${s.port ?? ''}`)).toEqual(['applied:out', 'approve:approved', 'answer:completed', 'accepted:yes', 'hire:out', 'end:']);
  expect((await t.prisma.task.findUniqueOrThrow({ where: { id: answer.id } })).outcome).toEqual({ accepted: true });
});
