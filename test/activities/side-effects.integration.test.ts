// The new activities called directly against PostgreSQL, the way Temporal
// retries them: the same input twice (or after a failure part-way) must leave
// one effect, and input a retry cannot fix must fail with a non-retryable code.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { openDatabase, type Database } from '../../api/platform/db/database';
import { createLogger } from '../../api/platform/logger';
import { createTestOrg, type TestOrg } from '../support/harness';
import { createActivities } from '../../activities/create-activities';
import type { ActivityDeps } from '../../activities/dependencies';
import type { SmsProvider } from '../../activities/sms-provider';
import type { RunRef } from '../../workflows/graph/node-definition';
import { startSmtpSink, type SmtpSink } from '../../api/platform/mail/smtp-sink';
import { createSmtpMailer } from '../../api/platform/mail/mailer';

let db: Database;
let org: TestOrg;
let deps: ActivityDeps;
let sink: SmtpSink;

beforeAll(async () => {
  db = openDatabase(process.env.TEST_DATABASE_URL!, { maxConnections: 4 });
  org = await createTestOrg(db.prisma);
  sink = await startSmtpSink();
  deps = { prisma: db.prisma, pool: db.pool, mailer: createSmtpMailer(sink.url), log: createLogger('silent'), mailFrom: '"Acme Talent" <talent@acme.example>', linkSigningKey: 'test-link-signing-key-of-32-bytes-or-more', replyDomain: 'acme.example' };
});
afterAll(async () => {
  deps?.mailer.close();
  await sink?.stop();
  await db?.close();
});

/** A candidate with an application and a running run, as the API leaves them. */
async function runFixture(candidate: { phone?: string; tags?: string[] } = {}): Promise<RunRef> {
  const { prisma } = db;
  const job = await prisma.job.create({
    data: {
      orgId: org.orgId, title: 'Platform Engineer',
      stages: { create: [{ key: 'applied', name: 'Applied', kind: 'APPLIED', position: 0 }, { key: 'rejected', name: 'Rejected', kind: 'REJECTED', position: 1 }, { key: 'hired', name: 'Hired', kind: 'HIRED', position: 2 }] },
    },
    include: { stages: true },
  });
  const person = await prisma.candidate.create({ data: { orgId: org.orgId, firstName: 'Ada', lastName: 'Lovelace', email: `ada.${crypto.randomUUID()}@example.com`, ...candidate } });
  const application = await prisma.application.create({ data: { orgId: org.orgId, jobId: job.id, candidateId: person.id, stageId: job.stages.find((s) => s.key === 'applied')!.id } });
  const pipeline = await prisma.pipeline.create({ data: { orgId: org.orgId, name: 'p', draft: {} } });
  const version = await prisma.pipelineVersion.create({ data: { orgId: org.orgId, pipelineId: pipeline.id, version: 1, graph: {}, plan: {}, hash: 'h' } });
  const workflowId = `wf-${crypto.randomUUID()}`;
  const run = await prisma.run.create({ data: { orgId: org.orgId, pipelineVersionId: version.id, candidateId: person.id, applicationId: application.id, workflowId, status: 'RUNNING' } });
  return { runId: run.id, workflowId, orgId: org.orgId, candidateId: person.id, applicationId: application.id };
}

const key = (run: RunRef, nodeId: string) => ({ run, nodeId, idempotencyKey: `${run.workflowId}/${nodeId}/1` });
const failure = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a failure'); }, (err: { type?: string; nonRetryable?: boolean }) => err);

test('sendSms: a retry after the provider failed sends once, on the same message row', async () => {
  const sent: string[] = [];
  let isDown = true;
  const provider: SmsProvider = {
    from: '+15550000000',
    async send(sms) {
      if (isDown) throw new Error('provider unavailable');
      sent.push(sms.messageId);
      return { providerMessageId: `prov-${sms.messageId}` };
    },
  };
  const { sendSms } = createActivities({ ...deps, sms: provider });
  const run = await runFixture({ phone: '+15555550100' });
  const input = { ...key(run, 'text'), body: 'Hi {{candidate.firstName}} from {{sender.name}}', category: 'TRANSACTIONAL' as const };

  await expect(sendSms(input)).rejects.toThrow('provider unavailable');
  isDown = false;
  const first = await sendSms(input);
  const again = await sendSms(input);
  expect(again).toEqual(first);
  expect(sent).toEqual([first.messageId]);
  expect(await db.prisma.message.findMany({ where: { candidateId: run.candidateId } })).toEqual([
    expect.objectContaining({ id: first.messageId, channel: 'SMS', status: 'SENT', bodyText: 'Hi Ada from Acme Talent', fromAddress: '+15550000000', providerMessageId: `prov-${first.messageId}`, attempts: 2 }),
  ]);
});

test('sendSms: the default dev sink records the text as sent; a candidate without a phone fails for good', async () => {
  const { sendSms } = createActivities(deps);
  const run = await runFixture({ phone: '+15555550101' });
  const result = await sendSms({ ...key(run, 'text'), body: 'Hello', category: 'TRANSACTIONAL' });
  expect(await db.prisma.message.findUniqueOrThrow({ where: { id: result.messageId } })).toMatchObject({ status: 'SENT', providerMessageId: `dev-sms-${result.messageId}` });

  const noPhone = await runFixture();
  expect(await failure(sendSms({ ...key(noPhone, 'text'), body: 'Hello', category: 'TRANSACTIONAL' }))).toMatchObject({ type: 'VALIDATION_FAILED', nonRetryable: true });
});

test('addNote: one note per key', async () => {
  const { addNote } = createActivities(deps);
  const run = await runFixture();
  const input = { ...key(run, 'note'), body: 'Spoke with {{candidate.fullName}}' };
  expect(await addNote(input)).toEqual(await addNote(input));
  const notes = await db.prisma.auditEvent.findMany({ where: { entityId: run.candidateId, action: 'note.added' } });
  expect(notes.map((x) => (x.after as { body: string }).body)).toEqual(['Spoke with Ada Lovelace']);
});

test('createApprovalTasks: one task per approver, the same ids on retry; a departed approver fails for good', async () => {
  const { createApprovalTasks } = createActivities(deps);
  const run = await runFixture();
  const approverUserIds = [org.userIds.admin, org.userIds.recruiter];
  const input = { ...key(run, 'approve'), title: 'Approve offer', approverUserIds, dueInMs: 60_000 };
  const first = await createApprovalTasks(input);
  expect(await createApprovalTasks(input)).toEqual(first);
  const tasks = await db.prisma.task.findMany({ where: { runId: run.runId } });
  expect(first.taskIds.map((id) => tasks.find((x) => x.id === id)!.assigneeId)).toEqual(approverUserIds);
  expect(tasks.every((x) => x.kind === 'APPROVE' && x.status === 'OPEN' && x.dueAt !== null)).toBe(true);

  expect(await failure(createApprovalTasks({ ...key(run, 'approve2'), title: 'x', approverUserIds: ['no-such-user'] }))).toMatchObject({ type: 'VALIDATION_FAILED', nonRetryable: true });
});

test('createInterviewRequest: one interview per key; a run without an application fails for good', async () => {
  const { createInterviewRequest } = createActivities(deps);
  const run = await runFixture();
  const input = { ...key(run, 'interview'), title: 'Onsite', mode: 'availability_request' as const, interviewerIds: [org.userIds.interviewer], durationMinutes: 90 };
  expect(await createInterviewRequest(input)).toEqual(await createInterviewRequest(input));
  expect(await db.prisma.interview.count({ where: { applicationId: run.applicationId } })).toBe(1);
  expect(await db.prisma.auditEvent.count({ where: { action: 'interview.requested', after: { path: ['runId'], equals: run.runId } } })).toBe(1);

  const { applicationId: _none, ...prospect } = run;
  expect(await failure(createInterviewRequest({ ...input, run: prospect, idempotencyKey: `${run.workflowId}/other/1` }))).toMatchObject({ type: 'BAD_REQUEST', nonRetryable: true });
});

test('rejectApplication / hireApplication: one transition per key; a stage of the wrong kind fails for good', async () => {
  const { rejectApplication, hireApplication } = createActivities(deps);
  const run = await runFixture();
  const input = { ...key(run, 'reject'), stage: 'rejected', reason: 'Not now' };
  expect(await rejectApplication(input)).toEqual(await rejectApplication(input));
  expect(await db.prisma.stageTransition.count({ where: { applicationId: run.applicationId } })).toBe(1);
  expect(await db.prisma.application.findUniqueOrThrow({ where: { id: run.applicationId } })).toMatchObject({ status: 'REJECTED', rejectionReason: 'Not now' });

  expect(await failure(hireApplication({ ...key(run, 'hire'), stage: 'rejected' }))).toMatchObject({ type: 'VALIDATION_FAILED', nonRetryable: true });
  expect(await failure(hireApplication({ ...key(run, 'hire'), stage: 'offer' }))).toMatchObject({ type: 'NOT_FOUND', nonRetryable: true });
  await hireApplication({ ...key(run, 'hire'), stage: 'hired' });
  expect(await db.prisma.application.findUniqueOrThrow({ where: { id: run.applicationId } })).toMatchObject({ status: 'HIRED' });
});

test('updateTags: a retry returns the recorded tags and does not undo a recruiter\'s later change', async () => {
  const { updateTags } = createActivities(deps);
  const run = await runFixture({ tags: ['cold', 'java'] });
  const input = { ...key(run, 'tag'), add: ['vip'], remove: ['cold'] };
  expect(await updateTags(input)).toEqual({ tags: ['java', 'vip'] });
  await db.prisma.candidate.update({ where: { id: run.candidateId }, data: { tags: ['java'] } });
  expect(await updateTags(input)).toEqual({ tags: ['java', 'vip'] });
  expect((await db.prisma.candidate.findUniqueOrThrow({ where: { id: run.candidateId } })).tags).toEqual(['java']);
});

test('updateTags: concurrent changes from two runs both land (row lock, no lost update)', async () => {
  const { updateTags } = createActivities(deps);
  const run = await runFixture();
  const other = { ...run, workflowId: `${run.workflowId}-b` };
  await Promise.all(['a', 'b', 'c', 'd'].map((tag, i) => updateTags({ ...key(i % 2 ? other : run, `tag_${tag}`), add: [tag], remove: [] })));
  expect([...(await db.prisma.candidate.findUniqueOrThrow({ where: { id: run.candidateId } })).tags].sort()).toEqual(['a', 'b', 'c', 'd']);
});

test('addToPool: one membership and one audit entry however often it runs', async () => {
  const { addToPool } = createActivities(deps);
  const run = await runFixture();
  const input = { ...key(run, 'pool'), poolName: `Pool ${crypto.randomUUID()}` };
  const first = await addToPool(input);
  expect(await addToPool(input)).toEqual(first);
  expect(await addToPool({ ...input, idempotencyKey: `${run.workflowId}/pool/2` })).toEqual(first);
  expect(await db.prisma.talentPoolMember.count({ where: { poolId: first.poolId } })).toBe(1);
  expect(await db.prisma.auditEvent.count({ where: { entityId: first.poolId, action: 'talent_pool.member_added' } })).toBe(1);
});

test('updateCandidateField: a retry returns the recorded change; profile fields keep their neighbours', async () => {
  const { updateCandidateField } = createActivities(deps);
  const run = await runFixture();
  await db.prisma.candidate.update({ where: { id: run.candidateId }, data: { location: 'Lisbon', profile: { github: 'ada' } } });
  const move = { ...key(run, 'moved'), field: 'location', value: 'Berlin' };
  expect(await updateCandidateField(move)).toEqual({ before: 'Lisbon', after: 'Berlin' });
  expect(await updateCandidateField(move)).toEqual({ before: 'Lisbon', after: 'Berlin' });
  await updateCandidateField({ ...key(run, 'notice'), field: 'profile.noticeWeeks', value: 6 });
  expect(await db.prisma.candidate.findUniqueOrThrow({ where: { id: run.candidateId } })).toMatchObject({ location: 'Berlin', profile: { github: 'ada', noticeWeeks: 6 } });
  expect(await db.prisma.auditEvent.count({ where: { entityId: run.candidateId, action: 'candidate.field_updated' } })).toBe(2);
});

test('callWebhook: after a delivery succeeded, a retry returns the recorded status without posting again', async () => {
  const { callWebhook } = createActivities(deps);
  const run = await runFixture();
  let posts = 0;
  const server = http.createServer((req, res) => {
    posts++;
    req.resume().on('end', () => res.writeHead(201).end());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const input = { ...key(run, 'hook'), url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`, payload: '{"name":"{{candidate.fullName}}"}' };
    expect(await callWebhook(input)).toEqual({ status: 201 });
    expect(await callWebhook(input)).toEqual({ status: 201 });
    expect(posts).toBe(1);
    expect(await failure(callWebhook({ ...input, idempotencyKey: `${run.workflowId}/plain/1`, url: 'http://example.com/x' }))).toMatchObject({ type: 'VALIDATION_FAILED', nonRetryable: true });
  } finally {
    await new Promise((r) => server.close(r));
  }
});
