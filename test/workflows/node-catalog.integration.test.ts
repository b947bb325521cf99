// Every node type of the catalog, run by the real interpreter workflow on the
// real Temporal dev server with the real activities against PostgreSQL, the
// SMTP sink and a local webhook receiver. Runs start through the API
// (application received) or, for the other triggers, directly with the
// Temporal client after writing the Run row the API would write.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WorkflowHandle } from '@temporalio/client';
import { apiClient, createTestOrg, startTestSystem, waitFor, type TestOrg, type TestSystem } from '../support/harness';
import { applicant, createHiringJob } from '../support/fixtures';
import { EVENT_SIGNAL, PIPELINE_RUN_WORKFLOW, STATE_QUERY } from '../../workflows/constants';
import { NODE_DEFINITIONS } from '../../workflows/graph/registry';
import { pickVariant } from '../../workflows/graph/nodes/logic-ab-split';
import { localDateTime, nextWindowStart } from '../../workflows/graph/time-windows';
import type { Plan } from '../../workflows/graph/plan';
import type { TGraph, TGraphNode } from '../../workflows/graph/schema';
import type { RunState } from '../../workflows/graph/interpreter';

let t: TestSystem;
let org: TestOrg;
let recruiter: ReturnType<typeof apiClient>;
let hooks: http.Server;
let hookUrl: string;
const hookRequests: { headers: http.IncomingHttpHeaders; body: string }[] = [];
const HOOK_SECRET = 'catalog-test-secret-0123456789';

beforeAll(async () => {
  t = await startTestSystem();
  org = await createTestOrg(t.prisma);
  recruiter = apiClient(t.url, org.tokens.recruiter);
  // The first delivery fails with a 503, so the retry (same Idempotency-Key) is exercised.
  hooks = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      hookRequests.push({ headers: req.headers, body });
      res.writeHead(hookRequests.length === 1 ? 503 : 200).end();
    });
  });
  await new Promise<void>((r) => hooks.listen(0, '127.0.0.1', r));
  hookUrl = `http://127.0.0.1:${(hooks.address() as AddressInfo).port}/trellis`;
});
afterAll(async () => {
  await t?.stop();
  await new Promise((r) => hooks?.close(r));
});

const n = (id: string, type: string, config: Record<string, unknown> = {}): TGraphNode => ({ id, type, typeVersion: 1, config });
const graphOf = (nodes: TGraphNode[], edges: [string, string, string][]): TGraph => ({ nodes, edges: edges.map(([source, sourcePort, target]) => ({ source, sourcePort, target })) });
const path = (steps: unknown) => (steps as { nodeId: string; port?: string }[]).map((s) => `${s.nodeId}:${s.port ?? ''}`);

async function publish(graph: TGraph) {
  const pipeline = await recruiter('POST', '/api/pipelines', { name: `Catalog ${crypto.randomUUID()}`, graph });
  expect(pipeline.status).toBe(201);
  const version = await recruiter('POST', `/api/pipelines/${pipeline.body.id}/publish`);
  if (version.status !== 201) throw new Error(`publish: ${JSON.stringify(version.body)}`);
  return t.prisma.pipelineVersion.findUniqueOrThrow({ where: { id: version.body.id } });
}

/** What the API does for an application, for triggers that have no API path yet: the Run row, then the workflow. */
async function startDirect(graph: TGraph, target: { candidateId: string; applicationId?: string }, vars: Record<string, unknown> = {}) {
  const version = await publish(graph);
  const workflowId = `catalog-${crypto.randomUUID()}`;
  const run = await t.prisma.run.create({ data: { orgId: org.orgId, pipelineVersionId: version.id, workflowId, ...target } });
  const client = await t.system.services!.temporal();
  const handle = await client.workflow.start(PIPELINE_RUN_WORKFLOW, {
    taskQueue: t.system.config.TEMPORAL_TASK_QUEUE,
    workflowId,
    args: [{ plan: version.plan as unknown as Plan, pipelineVersionId: version.id, run: { runId: run.id, workflowId, orgId: org.orgId, ...target }, vars }],
  });
  return { run, handle };
}

const sendEvent = (handle: WorkflowHandle, name: string, payload: Record<string, unknown>) => handle.signal(EVENT_SIGNAL, { name, payload });

async function finished(runId: string) {
  const run = await waitFor('the run to complete', async () => {
    const r = await t.prisma.run.findUniqueOrThrow({ where: { id: runId } });
    return r.status === 'COMPLETED' && r;
  });
  const handle = (await t.system.services!.temporal()).workflow.getHandle(run.workflowId);
  await waitFor('Temporal to report the workflow completed', async () => (await handle.describe()).status.name === 'COMPLETED');
  return run;
}

/** An application to a job without a pipeline: the rows exist, no run starts by itself. */
async function applicationWithoutRun(phone?: string) {
  const job = await recruiter('POST', '/api/jobs', { title: 'Data Engineer' });
  const body = applicant(job.body.id, { candidate: { firstName: 'Katherine', lastName: 'Johnson', email: `kj.${crypto.randomUUID()}@example.com`, phone } });
  const res = await recruiter('POST', '/api/applications', body);
  expect(res.status).toBe(201);
  expect(res.body.run).toBeNull();
  return res.body as { id: string; candidateId: string };
}

test('application path: email, SMS, note, tags, pool, fields, signed webhook, A/B split, branch, stage move and hire', async () => {
  const graph = graphOf(
    [
      n('applied', 'trigger.application_received'),
      n('welcome', 'message.send_email', { subject: 'Welcome, {{candidate.firstName}}', body: 'Thanks for applying to {{job.title}}.' }),
      n('text', 'message.send_sms', { body: 'Hi {{candidate.firstName}}, we got your application for {{job.title}}.' }),
      n('note', 'message.internal_note', { body: '{{candidate.fullName}} applied for {{job.title}} and was texted.' }),
      n('tag', 'action.tag', { add: ['vip', 'backend'], remove: ['cold'] }),
      n('pool', 'action.add_to_pool', { poolName: 'Backend silver medalists' }),
      n('interest', 'action.update_field', { field: 'interestLevel', value: 'high' }),
      n('notice', 'action.update_field', { field: 'profile.noticePeriodWeeks', value: 4 }),
      n('hook', 'action.webhook', { url: hookUrl, secret: HOOK_SECRET, payload: '{"application":"{{application.id}}","name":"{{candidate.fullName}}","job":"{{job.title}}"}' }),
      n('split', 'logic.ab_split', { variants: [{ port: 'a', weight: 1 }, { port: 'b', weight: 1 }] }),
      n('vip_check', 'logic.branch', { rules: [{ port: 'vip', when: [{ field: 'candidate.tags', op: 'contains', value: 'vip' }] }], otherwise: 'regular' }),
      n('to_offer', 'action.move_to_stage', { stage: 'offer' }),
      n('hire', 'action.hire'),
      n('done', 'action.end'),
      n('not_vip', 'action.end'),
    ],
    [
      ['applied', 'out', 'welcome'], ['welcome', 'out', 'text'], ['text', 'out', 'note'], ['note', 'out', 'tag'], ['tag', 'out', 'pool'],
      ['pool', 'out', 'interest'], ['interest', 'out', 'notice'], ['notice', 'out', 'hook'], ['hook', 'out', 'split'],
      ['split', 'a', 'vip_check'], ['split', 'b', 'vip_check'], ['vip_check', 'vip', 'to_offer'], ['vip_check', 'regular', 'not_vip'],
      ['to_offer', 'out', 'hire'], ['hire', 'out', 'done'],
    ],
  );
  const { jobId } = await createHiringJob(recruiter, graph);
  const body = applicant(jobId, { candidate: { firstName: 'Grace', lastName: 'Hopper', email: `grace.${crypto.randomUUID()}@example.com`, phone: '+15555550123' } });
  // Known to the CRM before applying, tagged cold.
  await t.prisma.candidate.create({ data: { orgId: org.orgId, firstName: 'Grace', lastName: 'Hopper', email: body.candidate.email, tags: ['cold'] } });
  const applied = await recruiter('POST', '/api/applications', body);
  expect(applied.status).toBe(201);
  const { id: applicationId, candidateId } = applied.body;
  const run = await finished(applied.body.run.id);

  const variant = pickVariant([{ port: 'a', weight: 1 }, { port: 'b', weight: 1 }], candidateId, 'split');
  expect(path(run.steps)).toEqual([
    'applied:out', 'welcome:out', 'text:out', 'note:out', 'tag:out', 'pool:out', 'interest:out', 'notice:out', 'hook:out',
    `split:${variant}`, 'vip_check:vip', 'to_offer:out', 'hire:out', 'done:',
  ]);

  const [email] = await t.sink.waitFor((m) => m.to.includes(body.candidate.email));
  expect(email!.subject).toBe('Welcome, Grace');

  const sms = await t.prisma.message.findFirstOrThrow({ where: { candidateId, channel: 'SMS' } });
  expect(sms).toMatchObject({
    status: 'SENT', toAddress: '+15555550123', providerMessageId: `dev-sms-${sms.id}`, runId: run.id,
    bodyText: 'Hi Grace, we got your application for Staff Engineer.',
  });

  const note = await t.prisma.auditEvent.findFirstOrThrow({ where: { orgId: org.orgId, action: 'note.added', entityType: 'Candidate', entityId: candidateId } });
  expect(note.after).toMatchObject({ body: 'Grace Hopper applied for Staff Engineer and was texted.', runId: run.id, nodeId: 'note' });

  const candidate = await t.prisma.candidate.findUniqueOrThrow({ where: { id: candidateId }, include: { poolMembers: { include: { pool: true } } } });
  expect([...candidate.tags].sort()).toEqual(['backend', 'vip']);
  expect(candidate.interestLevel).toBe('high');
  expect(candidate.profile).toEqual({ noticePeriodWeeks: 4 });
  expect(candidate.poolMembers.map((m) => m.pool.name)).toEqual(['Backend silver medalists']);
  const fieldAudits = await t.prisma.auditEvent.findMany({ where: { entityId: candidateId, action: 'candidate.field_updated' }, orderBy: { at: 'asc' } });
  expect(fieldAudits.map((a) => [a.before, (a.after as { value: unknown }).value])).toEqual([[{ field: 'interestLevel', value: null }, 'high'], [{ field: 'profile.noticePeriodWeeks', value: null }, 4]]);

  // The webhook: refused once (503), retried with the same key and body, signed.
  expect(hookRequests).toHaveLength(2);
  const [first, second] = hookRequests;
  expect(second!.headers['idempotency-key']).toBe(`${run.workflowId}/hook/1`);
  expect(first!.headers['idempotency-key']).toBe(second!.headers['idempotency-key']);
  expect(first!.body).toBe(second!.body);
  expect(JSON.parse(second!.body)).toEqual({ application: applicationId, name: 'Grace Hopper', job: 'Staff Engineer' });
  const signature = crypto.createHmac('sha256', HOOK_SECRET).update(second!.body).digest('hex');
  expect(second!.headers['x-trellis-signature']).toBe(`sha256=${signature}`);
  expect(await t.prisma.auditEvent.findFirst({ where: { entityId: candidateId, action: 'webhook.delivered' } })).toMatchObject({ after: { status: 200, url: hookUrl } });

  const application = await t.prisma.application.findUniqueOrThrow({ where: { id: applicationId }, include: { stage: true, transitions: { orderBy: { at: 'asc' }, include: {} } } });
  expect(application).toMatchObject({ status: 'HIRED', stage: { key: 'hired', kind: 'HIRED' } });
  expect(application.transitions.map((x) => x.actorType)).toEqual(['CANDIDATE', 'WORKFLOW', 'WORKFLOW']);
  expect(await t.prisma.auditEvent.count({ where: { entityId: applicationId, action: 'application.hired' } })).toBe(1);
});

test('reject with an email: rejected stage, status and reason, then the email once', async () => {
  const graph = graphOf(
    [
      n('applied', 'trigger.application_received'),
      n('reject', 'action.reject', { reason: 'Role needs on-site presence', emailSubject: 'About {{job.title}}', emailBody: 'Dear {{candidate.firstName}}, we will not move forward.' }),
      n('done', 'action.end'),
    ],
    [['applied', 'out', 'reject'], ['reject', 'out', 'done']],
  );
  const { jobId } = await createHiringJob(recruiter, graph);
  const body = applicant(jobId);
  const applied = await recruiter('POST', '/api/applications', body);
  const run = await finished(applied.body.run.id);
  expect(path(run.steps)).toEqual(['applied:out', 'reject:out', 'done:']);

  const application = await t.prisma.application.findUniqueOrThrow({ where: { id: applied.body.id }, include: { stage: true } });
  expect(application).toMatchObject({ status: 'REJECTED', rejectionReason: 'Role needs on-site presence', stage: { key: 'rejected' } });
  const [email] = await t.sink.waitFor((m) => m.to.includes(body.candidate.email));
  expect(email).toMatchObject({ subject: 'About Staff Engineer' });
  expect(email!.text).toContain('Dear Grace, we will not move forward.');
  const message = await t.prisma.message.findFirstOrThrow({ where: { candidateId: applied.body.candidateId } });
  expect(message.idempotencyKey).toBe(`${run.workflowId}/reject/1/email`);
  expect(await t.prisma.auditEvent.findFirst({ where: { entityId: applied.body.id, action: 'application.rejected' } })).toMatchObject({ after: { status: 'REJECTED', reason: 'Role needs on-site presence' } });
});

test('screening by criteria: a score stored per application, pass continues, fail auto-rejects', async () => {
  const graph = graphOf(
    [
      n('applied', 'trigger.application_received'),
      n('screen', 'logic.score_criteria', {
        passScore: 20,
        criteria: [
          { kind: 'no_knockout_failures', label: 'No knockout failed', points: 10 },
          { kind: 'keywords', label: 'Says "screened"', q: 'screened', points: 10 },
          { kind: 'skills', label: 'Rust', skills: ['rust'], points: 50 },
        ],
      }),
      n('reject', 'action.reject', { reason: 'Screening score too low' }),
      n('passed', 'action.end'),
      n('rejected', 'action.end'),
    ],
    [['applied', 'out', 'screen'], ['screen', 'pass', 'passed'], ['screen', 'fail', 'reject'], ['reject', 'out', 'rejected']],
  );
  const { jobId } = await createHiringJob(recruiter, graph);
  const pass = await recruiter('POST', '/api/applications', applicant(jobId, { candidate: { firstName: 'Ada', lastName: 'Screened', email: `screened.${crypto.randomUUID()}@example.com` } }));
  const fail = await recruiter('POST', '/api/applications', applicant(jobId, { candidate: { firstName: 'Ada', lastName: 'Elsewhere', email: `elsewhere.${crypto.randomUUID()}@example.com` } }));
  expect(path((await finished(pass.body.run.id)).steps)).toEqual(['applied:out', 'screen:pass', 'passed:']);
  expect(path((await finished(fail.body.run.id)).steps)).toEqual(['applied:out', 'screen:fail', 'reject:out', 'rejected:']);

  const passed = await t.prisma.application.findUniqueOrThrow({ where: { id: pass.body.id } });
  expect(passed).toMatchObject({ status: 'ACTIVE', screeningScore: 20 });
  expect((passed.screening as { criteria: { label: string; isMet: boolean }[] }).criteria.map((c) => c.isMet)).toEqual([true, true, false]);
  const rejected = await t.prisma.application.findUniqueOrThrow({ where: { id: fail.body.id } });
  expect(rejected).toMatchObject({ status: 'REJECTED', screeningScore: 10, rejectionReason: 'Screening score too low' });
  expect(await t.prisma.auditEvent.count({ where: { entityId: fail.body.id, action: 'application.screened' } })).toBe(1);
});

test('manual trigger and time: a fixed wait, a wait until a date in the run data (and one missing), an open send window', async () => {
  const candidate = await t.prisma.candidate.create({ data: { orgId: org.orgId, firstName: 'Mary', lastName: 'Jackson', email: `mj.${crypto.randomUUID()}@example.com` } });
  const graph = graphOf(
    [
      n('start', 'trigger.manual'),
      n('pause', 'time.wait', { duration: { seconds: 1 } }),
      n('until', 'time.wait_until', { field: 'meeting.at', offset: { seconds: 1 }, direction: 'after' }),
      n('until_missing', 'time.wait_until', { field: 'meeting.nothing' }),
      // Every day, all day: always open, so it passes at once (in Kathmandu, +05:45, to exercise the zone math in the sandbox).
      n('window', 'time.send_window', { timeZone: 'Asia/Kathmandu', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], startHour: 0, endHour: 24 }),
      n('done', 'action.end'),
      n('wrong', 'action.end'),
    ],
    [
      ['start', 'out', 'pause'], ['pause', 'out', 'until'], ['until', 'out', 'until_missing'], ['until', 'invalid', 'wrong'],
      ['until_missing', 'invalid', 'window'], ['until_missing', 'out', 'wrong'], ['window', 'out', 'done'],
    ],
  );
  const meetingAt = Date.now() + 2000;
  const { run: created } = await startDirect(graph, { candidateId: candidate.id }, { meeting: { at: new Date(meetingAt).toISOString() } });
  const run = await finished(created.id);
  const steps = run.steps as { nodeId: string; port?: string; at: number }[];
  expect(path(steps)).toEqual(['start:out', 'pause:out', 'until:out', 'until_missing:invalid', 'window:out', 'done:']);
  const at = Object.fromEntries(steps.map((s) => [s.nodeId, s.at]));
  expect(at.pause! - at.start!).toBeGreaterThanOrEqual(1000);
  expect(at.until!).toBeGreaterThanOrEqual(meetingAt + 1000);
});

test('a closed send window parks the run on a timer until the window opens, computed in the workflow sandbox', async () => {
  const candidate = await t.prisma.candidate.create({ data: { orgId: org.orgId, firstName: 'Dorothy', lastName: 'Vaughan', email: `dv.${crypto.randomUUID()}@example.com` } });
  // Opens two hours from now in Chatham time (+12:45 / +13:45), whatever the hour: closed now.
  const timeZone = 'Pacific/Chatham';
  const startHour = (localDateTime(Date.now(), timeZone).hour + 2) % 24;
  const window = { timeZone: 'UTC', timeZoneField: 'candidate.timeZone', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], startHour, endHour: startHour + 1, holidays: [] };
  const graph = graphOf([n('start', 'trigger.manual'), n('window', 'time.send_window', window), n('done', 'action.end')], [['start', 'out', 'window'], ['window', 'out', 'done']]);
  const { handle } = await startDirect(graph, { candidateId: candidate.id }, { candidate: { timeZone } });
  try {
    const state = await waitFor('the run to park at the window', async () => {
      const s = await handle.query<RunState>(STATE_QUERY);
      return s.pending?.kind === 'wait' && s;
    });
    const expected = nextWindowStart(Date.now(), { ...window, timeZone, days: window.days as never });
    expect(state.pending).toMatchObject({ kind: 'wait', nodeId: 'window', signals: [] });
    expect((state.pending as { deadlineAt?: number }).deadlineAt).toBe(expected);
    expect(localDateTime(expected!, timeZone)).toMatchObject({ hour: startHour, minute: 0, second: 0 });
  } finally {
    await handle.terminate('test done');
  }
});

test('stage entered: feedback, a task that escalates when overdue, a task completed, an approval by 2 of 3, an interview scheduled, a reminder', async () => {
  const application = await applicationWithoutRun();
  const { recruiter: recruiterId, admin: adminId, interviewer: interviewerId } = org.userIds;
  const graph = graphOf(
    [
      n('entered', 'trigger.stage_entered', { stage: 'screen' }),
      n('feedback', 'people.collect_feedback', { timeout: { days: 1 } }),
      n('references', 'people.create_task', { title: 'Check references', kind: 'REVIEW', assignee: { userId: recruiterId }, dueIn: { seconds: 1 }, escalateAfter: { seconds: 1 } }),
      n('decide', 'people.create_task', { title: 'Decide on the offer', kind: 'DECIDE' }),
      n('approve', 'people.approval', { title: 'Approve the offer', approverUserIds: [recruiterId, adminId, interviewerId], required: 2, timeout: { minutes: 10 } }),
      n('interview', 'scheduling.schedule_interview', { mode: 'self_schedule', interviewerIds: [interviewerId], durationMinutes: 45, timeout: { minutes: 10 } }),
      n('reminder', 'time.wait_until', { field: 'interview.startsAt' }),
      n('done', 'action.end'),
      n('stopped', 'action.end'),
    ],
    [
      ['entered', 'out', 'feedback'], ['feedback', 'submitted', 'references'], ['feedback', 'timeout', 'stopped'],
      ['references', 'overdue', 'decide'], ['references', 'completed', 'stopped'], ['decide', 'completed', 'approve'],
      ['approve', 'approved', 'interview'], ['approve', 'rejected', 'stopped'], ['approve', 'timeout', 'stopped'],
      ['interview', 'scheduled', 'reminder'], ['interview', 'declined', 'stopped'], ['interview', 'no_response', 'stopped'],
      ['reminder', 'out', 'done'], ['reminder', 'invalid', 'stopped'],
    ],
  );
  const { run: created, handle } = await startDirect(graph, { candidateId: application.candidateId, applicationId: application.id });
  const taskOf = (kind: string) => waitFor(`the ${kind} task`, () => t.prisma.task.findFirst({ where: { runId: created.id, kind: kind as never } }));

  // Feedback through the real API route.
  const feedbackTask = await taskOf('FEEDBACK');
  expect((await recruiter('POST', `/api/tasks/${feedbackTask.id}/feedback`, { score: 3, recommendation: 'yes' })).status).toBe(202);

  // Nobody checks references: two seconds later the run escalates, the task still open.
  const references = await taskOf('REVIEW');
  expect(references).toMatchObject({ assigneeId: recruiterId, title: 'Check references' });
  expect(references.dueAt!.getTime() - references.createdAt.getTime()).toBeGreaterThanOrEqual(900);
  const decide = await taskOf('DECIDE');
  expect(await t.prisma.task.findUniqueOrThrow({ where: { id: references.id } })).toMatchObject({ status: 'OPEN' });
  await sendEvent(handle, 'task.completed', { taskId: decide.id, outcome: { decision: 'advance' } });

  // Three approvers, two needed; a decision for some other task does not count.
  const approvals = await waitFor('three approval tasks', async () => {
    const tasks = await t.prisma.task.findMany({ where: { runId: created.id, kind: 'APPROVE' } });
    return tasks.length === 3 && tasks;
  });
  const approvalOf = (userId: string) => approvals.find((x) => x.assigneeId === userId)!;
  await sendEvent(handle, 'approval.decided', { taskId: decide.id, approved: true });
  await sendEvent(handle, 'approval.decided', { taskId: approvalOf(recruiterId).id, approved: true });
  await sendEvent(handle, 'approval.decided', { taskId: approvalOf(adminId).id, approved: true });

  const interview = await waitFor('the interview request', () => t.prisma.interview.findFirst({ where: { applicationId: application.id } }));
  expect(interview).toMatchObject({ status: 'REQUESTED', interviewerIds: [interviewerId], title: 'Interview' });
  expect(await t.prisma.task.findUniqueOrThrow({ where: { id: approvalOf(interviewerId).id } })).toMatchObject({ status: 'CANCELLED' });
  expect(await t.prisma.auditEvent.findFirst({ where: { entityId: interview.id, action: 'interview.requested' } })).toMatchObject({ after: { mode: 'self_schedule', durationMinutes: 45 } });
  const startsAt = new Date(Date.now() + 1500).toISOString();
  await sendEvent(handle, 'interview.declined', { interviewId: 'some-other-interview' });
  await sendEvent(handle, 'interview.scheduled', { interviewId: interview.id, startsAt });

  const run = await finished(created.id);
  expect(path(run.steps)).toEqual([
    'entered:out', 'feedback:submitted', 'references:overdue', 'decide:completed', 'approve:approved', 'interview:scheduled', 'reminder:out', 'done:',
  ]);
  const reminded = (run.steps as { nodeId: string; at: number }[]).find((s) => s.nodeId === 'reminder')!;
  expect(reminded.at).toBeGreaterThanOrEqual(Date.parse(startsAt));
});

test('campaign enrollment and event registration triggers, each waiting for the first of several events', async () => {
  const candidate = await t.prisma.candidate.create({ data: { orgId: org.orgId, firstName: 'Annie', lastName: 'Easley', email: `ae.${crypto.randomUUID()}@example.com` } });
  const nurture = graphOf(
    [
      n('enrolled', 'trigger.campaign_enrolled', { campaignId: 'spring-campaign' }),
      n('listen', 'events.wait_for_any', { events: [{ name: 'candidate.replied', port: 'engaged' }, { name: 'form.submitted', port: 'engaged' }, { name: 'stage.changed', port: 'moved' }], timeout: { minutes: 10 } }),
      n('done', 'action.end'), n('moved', 'action.end'), n('quiet', 'action.end'),
    ],
    [['enrolled', 'out', 'listen'], ['listen', 'engaged', 'done'], ['listen', 'moved', 'moved'], ['listen', 'timeout', 'quiet']],
  );
  const replied = await startDirect(nurture, { candidateId: candidate.id });
  await sendEvent(replied.handle, 'candidate.replied', { messageId: 'm-1' });
  expect(path((await finished(replied.run.id)).steps)).toEqual(['enrolled:out', 'listen:engaged', 'done:']);

  const attended = graphOf(
    [
      n('registered', 'trigger.event_registration', { status: 'attended' }),
      n('listen', 'events.wait_for_any', { events: [{ name: 'candidate.applied', port: 'applied' }], timeout: { seconds: 1 } }),
      n('done', 'action.end'), n('quiet', 'action.end'),
    ],
    [['registered', 'out', 'listen'], ['listen', 'applied', 'done'], ['listen', 'timeout', 'quiet']],
  );
  const silent = await startDirect(attended, { candidateId: candidate.id });
  expect(path((await finished(silent.run.id)).steps)).toEqual(['registered:out', 'listen:timeout', 'quiet:']);
});

test('every node type in the catalog ran in this file', async () => {
  const runs = await t.prisma.run.findMany({ where: { orgId: org.orgId, status: 'COMPLETED' }, select: { steps: true } });
  const ran = new Set(runs.flatMap((r) => (r.steps as { nodeType: string }[]).map((s) => s.nodeType)));
  expect(NODE_DEFINITIONS.map((d) => d.type).filter((type) => !ran.has(type))).toEqual([]);
});
