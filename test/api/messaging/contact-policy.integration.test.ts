// The contact policy on the real stack: the frequency cap holds when two
// campaigns send to one person at the same moment; quiet hours in the
// candidate's zone defer; a deferred run waits on its timer and sends once the
// policy allows; consent and a campaign's stricter policy; the policy and
// suppression-list APIs with their refusals.
import crypto from 'node:crypto';
import { Pool } from 'pg';
import { apiClient, createTestOrg, startTestSystem, waitFor, type TestOrg, type TestSystem } from '../../support/harness';
import { sendCandidateEmail, type TSendDeps } from '../../../api/services/messaging/send-candidate-email';
import { localDateTime } from '../../../workflows/graph/time-windows';
import { createActivities } from '../../../activities/create-activities';
import { addressHash } from '../../../api/services/messaging/address-hash';
import type { TGraph } from '../../../workflows/graph/schema';
import { createProspect, marketingEmail, sendDepsOf } from './messaging-fixtures';

const DAY = 86_400_000;
let t: TestSystem;
let deps: TSendDeps;

beforeAll(async () => {
  t = await startTestSystem();
  deps = sendDepsOf(t);
});
afterAll(() => t?.stop());

async function orgWithPolicy(policy: Record<string, unknown>): Promise<TestOrg> {
  const org = await createTestOrg(t.prisma);
  const put = await apiClient(t.url, org.tokens.admin)('PUT', '/api/org/contact-policy', policy);
  expect(put.status).toBe(200);
  return org;
}
const delivered = (email: string) => t.sink.messages().filter((m) => m.to.includes(email));

test('the frequency cap holds under concurrency: campaigns sending at the same moment, from one worker or two, deliver one email', async () => {
  const org = await orgWithPolicy({ frequencyCap: { max: 1, perDays: 7 } });
  // A second worker: its own connection pool, so its sends are decided in transactions of their own.
  const otherWorker = new Pool({ connectionString: process.env.TEST_DATABASE_URL, max: 4 });
  const otherDeps = { ...deps, pool: otherWorker };
  for (let round = 0; round < 4; round++) {
    const ada = await createProspect(t, org.orgId);
    const results = await Promise.all(['campaign-a', 'campaign-b', 'campaign-c'].map((c, i) => sendCandidateEmail(i === 1 ? otherDeps : deps, marketingEmail(org.orgId, ada.id, { idempotencyKey: `${c}/${ada.id}` }))));
    expect(results.map((r) => r.status).sort()).toEqual(['DEFERRED', 'DEFERRED', 'SENT']);
    const sent = await t.prisma.message.findFirstOrThrow({ where: { candidateId: ada.id, status: 'SENT' } });
    for (const deferred of results.filter((r) => r.status === 'DEFERRED')) {
      expect(deferred.policyReason).toBe('frequency_cap');
      expect(Date.parse(deferred.deferredUntil!)).toBeGreaterThan(sent.sentAt!.getTime() + 7 * DAY - 5000);
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(delivered(ada.email!)).toHaveLength(1);
  }
  await otherWorker.end();
});

test('two attempts under one idempotency key at the same moment (a retry while the first still sends) deliver one email', async () => {
  const org = await orgWithPolicy({});
  const otherWorker = new Pool({ connectionString: process.env.TEST_DATABASE_URL, max: 4 });
  for (let round = 0; round < 3; round++) {
    const ada = await createProspect(t, org.orgId);
    const email = marketingEmail(org.orgId, ada.id, { idempotencyKey: `retry-race/${ada.id}` });
    const attempts = await Promise.allSettled([sendCandidateEmail(deps, email), sendCandidateEmail({ ...deps, pool: otherWorker }, email)]);
    const sent = attempts.filter((a) => a.status === 'fulfilled').map((a) => (a as PromiseFulfilledResult<{ status: string; messageId: string }>).value);
    // The loser either found the winner's result recorded, or was told to retry (a retryable UNAVAILABLE).
    for (const a of attempts) if (a.status === 'rejected') expect(a.reason).toMatchObject({ code: 'UNAVAILABLE' });
    expect(sent.length).toBeGreaterThanOrEqual(1);
    const retried = await waitFor('the retry to see the message sent', async () => {
      const again = await sendCandidateEmail(deps, email).catch(() => null);
      return again?.status === 'SENT' ? again : null;
    });
    expect(new Set([...sent.map((s) => s.messageId), retried.messageId]).size).toBe(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(delivered(ada.email!)).toHaveLength(1);
    expect(await t.prisma.message.count({ where: { candidateId: ada.id } })).toBe(1);
  }
  await otherWorker.end();
});

/** An Etc/GMT zone where it is now 02:00-02:59 local. */
function zoneAtNight(): string {
  const offset = ((2 - new Date().getUTCHours() + 36) % 24) - 12;
  return offset === 0 ? 'Etc/UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

test('quiet hours in the candidate\'s zone defer a marketing email to the end of the quiet period; transactional mail goes', async () => {
  const org = await orgWithPolicy({ quietHours: { start: '20:00', end: '08:00' } });
  const night = await createProspect(t, org.orgId, { timeZone: zoneAtNight() });
  const held = await sendCandidateEmail(deps, marketingEmail(org.orgId, night.id));
  expect(held).toMatchObject({ status: 'DEFERRED', policyReason: 'quiet_hours' });
  const local = localDateTime(Date.parse(held.deferredUntil!), night.timeZone!);
  expect([local.hour, local.minute]).toEqual([8, 0]);
  expect(Date.parse(held.deferredUntil!) - Date.now()).toBeLessThan(7 * 3_600_000);
  expect(await t.prisma.message.findUniqueOrThrow({ where: { id: held.messageId } })).toMatchObject({ status: 'DEFERRED', policyReason: 'quiet_hours', deferredUntil: new Date(held.deferredUntil!) });
  expect((await sendCandidateEmail(deps, marketingEmail(org.orgId, night.id, { category: 'TRANSACTIONAL' }))).status).toBe('SENT');

  // The same send where it is noon goes.
  const day = await createProspect(t, org.orgId, { timeZone: shiftZone(night.timeZone!, 10) });
  expect((await sendCandidateEmail(deps, marketingEmail(org.orgId, day.id))).status).toBe('SENT');
});

/** The Etc/GMT zone `hours` east of `zone` (wrapping to stay a real zone). */
function shiftZone(zone: string, hours: number): string {
  const m = /Etc\/GMT([+-])(\d+)/.exec(zone);
  const offset = (m ? (m[1] === '-' ? 1 : -1) * Number(m[2]) : 0) + hours;
  const wrapped = ((offset + 12 + 24) % 24) - 12;
  return wrapped === 0 ? 'Etc/UTC' : `Etc/GMT${wrapped > 0 ? '-' : '+'}${Math.abs(wrapped)}`;
}

test('a run whose email is deferred waits on its timer, then sends it once the policy allows (same message, one delivery)', async () => {
  const org = await orgWithPolicy({ frequencyCap: { max: 1, perDays: 1 } });
  const recruiter = apiClient(t.url, org.tokens.recruiter);
  const graph: TGraph = {
    nodes: [
      { id: 'enrolled', type: 'trigger.manual', typeVersion: 1, config: {} },
      { id: 'note', type: 'message.send_email', typeVersion: 1, config: { subject: 'Hello {{candidate.firstName}}', body: 'A role for you.', category: 'MARKETING' } },
      { id: 'end', type: 'action.end', typeVersion: 1, config: {} },
    ],
    edges: [{ source: 'enrolled', sourcePort: 'out', target: 'note' }, { source: 'note', sourcePort: 'out', target: 'end' }],
  };
  const pipeline = await recruiter('POST', '/api/pipelines', { name: 'One note', kind: 'NURTURE', graph });
  expect((await recruiter('POST', `/api/pipelines/${pipeline.body.id}/publish`)).status).toBe(201);
  const ada = await createProspect(t, org.orgId);
  // Another campaign's email 24 hours ago, less 4 seconds: the cap frees in 4 seconds.
  await t.prisma.message.create({
    data: { orgId: org.orgId, candidateId: ada.id, idempotencyKey: `earlier/${ada.id}`, category: 'MARKETING', status: 'SENT', fromAddress: 'x@y', toAddress: ada.email!, bodyText: 'earlier', sentAt: new Date(Date.now() - DAY + 4000) },
  });

  const started = await recruiter('POST', `/api/pipelines/${pipeline.body.id}/runs`, { candidateId: ada.id });
  const deferred = await waitFor('the deferral', () => t.prisma.message.findFirst({ where: { candidateId: ada.id, status: 'DEFERRED' } }));
  expect(deferred.policyReason).toBe('frequency_cap');
  expect(delivered(ada.email!)).toHaveLength(0);
  const run = await waitFor('the run to complete', async () => {
    const r = await t.prisma.run.findUniqueOrThrow({ where: { id: started.body.id } });
    return r.status === 'COMPLETED' && r;
  }, 30_000);
  expect(await t.prisma.message.findUniqueOrThrow({ where: { id: deferred.id } })).toMatchObject({ status: 'SENT', attempts: 2, policyReason: null });
  expect(delivered(ada.email!)).toHaveLength(1);
  expect((run.steps as { nodeId: string; port?: string }[]).map((s) => `${s.nodeId}:${s.port ?? ''}`)).toEqual(['enrolled:out', 'note:out', 'end:']);
  const history = await (await t.system.services!.temporal()).workflow.getHandle(run.workflowId).fetchHistory();
  expect(history.events!.some((e) => e.timerStartedEventAttributes)).toBe(true);
});

test('consent: with a required purpose, marketing goes only while the latest consent is granted', async () => {
  const org = await orgWithPolicy({ requireConsentPurpose: 'marketing' });
  const ada = await createProspect(t, org.orgId);
  expect(await sendCandidateEmail(deps, marketingEmail(org.orgId, ada.id))).toMatchObject({ status: 'SUPPRESSED', policyReason: 'no_consent' });
  await t.prisma.consentRecord.create({ data: { orgId: org.orgId, candidateId: ada.id, purpose: 'marketing', status: 'GRANTED', at: new Date(Date.now() - 2000) } });
  expect((await sendCandidateEmail(deps, marketingEmail(org.orgId, ada.id))).status).toBe('SENT');
  await t.prisma.consentRecord.create({ data: { orgId: org.orgId, candidateId: ada.id, purpose: 'marketing', status: 'WITHDRAWN' } });
  expect(await sendCandidateEmail(deps, marketingEmail(org.orgId, ada.id))).toMatchObject({ status: 'SUPPRESSED', policyReason: 'no_consent' });
  const status = await apiClient(t.url, org.tokens.recruiter)('GET', `/api/candidates/${ada.id}/contact-status`);
  expect(status.body).toMatchObject({ marketing: { outcome: 'SUPPRESSED', reason: 'no_consent' }, transactional: { outcome: 'SEND' }, suppression: null });
});

test('a campaign\'s own cap applies on top of the organization\'s', async () => {
  const org = await orgWithPolicy({});
  const recruiter = apiClient(t.url, org.tokens.recruiter);
  const pipeline = await recruiter('POST', '/api/pipelines', { name: 'Nurture', kind: 'NURTURE', graph: { nodes: [{ id: 'e', type: 'trigger.manual', typeVersion: 1, config: {} }], edges: [] } });
  const strict = await t.prisma.campaign.create({ data: { orgId: org.orgId, name: 'Strict', pipelineId: pipeline.body.id, topic: 'newsletter', contactPolicy: { frequencyCap: { max: 1, perDays: 30 } } } });
  const ada = await createProspect(t, org.orgId);
  expect((await sendCandidateEmail(deps, marketingEmail(org.orgId, ada.id))).status).toBe('SENT');
  const held = await sendCandidateEmail(deps, marketingEmail(org.orgId, ada.id, { campaignId: strict.id, topic: undefined }));
  expect(held).toMatchObject({ status: 'DEFERRED', policyReason: 'frequency_cap' });
  expect(await t.prisma.message.findUniqueOrThrow({ where: { id: held.messageId } })).toMatchObject({ campaignId: strict.id, topic: 'newsletter' });
  // Without the campaign the organization's (empty) policy lets it through.
  expect((await sendCandidateEmail(deps, marketingEmail(org.orgId, ada.id))).status).toBe('SENT');
});

test('the contact policy API: defaults, strict validation with paths, admins only, audited', async () => {
  const org = await createTestOrg(t.prisma);
  const admin = apiClient(t.url, org.tokens.admin);
  expect((await admin('GET', '/api/org/contact-policy')).body).toEqual({ requireConsentPurpose: null, quietHours: null, frequencyCap: null, stopOnReply: true, defaultTimeZone: 'UTC' });
  const bad = await admin('PUT', '/api/org/contact-policy', { quietHours: { start: '8pm', end: '08:00' }, frequencyCap: { max: 0, perDays: 7 }, defaultTimeZone: 'Mars/Base', loose: true });
  expect(bad.status).toBe(400);
  expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['body', 'body.defaultTimeZone', 'body.frequencyCap.max', 'body.quietHours.start']);
  expect((await apiClient(t.url, org.tokens.recruiter)('PUT', '/api/org/contact-policy', {})).status).toBe(403);
  const policy = { requireConsentPurpose: 'marketing', quietHours: { start: '21:00', end: '07:30' }, frequencyCap: { max: 2, perDays: 7 }, stopOnReply: true, defaultTimeZone: 'Europe/Berlin' };
  expect((await admin('PUT', '/api/org/contact-policy', policy)).status).toBe(200);
  expect((await admin('GET', '/api/org/contact-policy')).body).toEqual(policy);
  expect((await t.prisma.organization.findUniqueOrThrow({ where: { id: org.orgId } })).settings).toMatchObject({ contactPolicy: policy });
  expect(await t.prisma.auditEvent.count({ where: { orgId: org.orgId, action: 'contact_policy.updated' } })).toBe(1);
});

test('the suppression list: added by hand, listed, holds at send time, removed by an admin; an erased person\'s row stays', async () => {
  const org = await createTestOrg(t.prisma);
  const [recruiter, admin] = [apiClient(t.url, org.tokens.recruiter), apiClient(t.url, org.tokens.admin)];
  const ada = await createProspect(t, org.orgId);
  expect((await recruiter('POST', '/api/suppressions', { address: 'not-an-address' })).body.error.details[0].path).toBe('body.address');
  const added = await recruiter('POST', '/api/suppressions', { address: ada.email!.toUpperCase(), note: 'asked by phone' });
  expect(added.status).toBe(201);
  expect(added.body).toMatchObject({ address: ada.email, reason: 'manual', candidateId: ada.id });
  expect((await recruiter('POST', '/api/suppressions', { address: ada.email })).status).toBe(200);
  expect((await recruiter('GET', `/api/suppressions?address=${encodeURIComponent(ada.email!)}`)).body.suppressions).toHaveLength(1);
  expect((await sendCandidateEmail(deps, marketingEmail(org.orgId, ada.id, { category: 'TRANSACTIONAL' }))).policyReason).toBe('suppressed');
  expect((await recruiter('DELETE', `/api/suppressions/${added.body.id}`)).status).toBe(403);
  expect((await apiClient(t.url, (await createTestOrg(t.prisma)).tokens.admin)('DELETE', `/api/suppressions/${added.body.id}`)).status).toBe(404);
  expect((await admin('DELETE', `/api/suppressions/${added.body.id}`)).status).toBe(204);
  expect((await sendCandidateEmail(deps, marketingEmail(org.orgId, ada.id, { category: 'TRANSACTIONAL' }))).status).toBe('SENT');

  const erased = await t.prisma.suppression.create({ data: { orgId: org.orgId, addressHash: 'f'.repeat(64), reason: 'erased' } });
  expect((await admin('DELETE', `/api/suppressions/${erased.id}`)).status).toBe(409);
  const page = await recruiter('GET', '/api/suppressions?limit=1');
  expect(page.body.suppressions).toHaveLength(1);
  expect(page.body.nextCursor).toBeNull();
  expect((await recruiter('GET', '/api/suppressions?reason=lost')).status).toBe(400);
});

test('texts follow the same policy: a marketing SMS to an unsubscribed person or a suppressed number is recorded, not sent', async () => {
  const org = await orgWithPolicy({});
  const sent: string[] = [];
  const services = t.system.services!;
  const { sendSms } = createActivities({
    prisma: t.prisma, pool: services.pool, mailer: services.mailer!, log: services.log, mailFrom: services.config.MAIL_FROM,
    linkSigningKey: services.config.LINK_SIGNING_KEY, replyDomain: services.config.REPLY_DOMAIN,
    sms: { from: '+15550000000', send: async (sms) => (sent.push(sms.messageId), { providerMessageId: `p-${sms.messageId}` }) },
  });
  const text = (candidateId: string, category: 'MARKETING' | 'TRANSACTIONAL') => sendSms({
    body: 'Hi {{candidate.firstName}}', category, vars: {}, nodeId: 'text', idempotencyKey: `sms/${crypto.randomUUID()}`,
    run: { runId: `run-${candidateId}`, workflowId: `wf-${candidateId}`, orgId: org.orgId, candidateId },
  });
  const ada = await createProspect(t, org.orgId, { phone: '+15555550199' });
  await t.prisma.contactPreference.create({ data: { candidateId: ada.id, topic: 'all', isSubscribed: false } });
  expect(await text(ada.id, 'MARKETING')).toMatchObject({ status: 'SUPPRESSED', policyReason: 'unsubscribed' });
  const receipt = await text(ada.id, 'TRANSACTIONAL');
  expect(receipt.status).toBe('SENT');
  expect(sent).toEqual([receipt.messageId]);
  await t.prisma.suppression.create({ data: { orgId: org.orgId, addressHash: addressHash(org.orgId, '+15555550199'), reason: 'manual' } });
  expect(await text(ada.id, 'TRANSACTIONAL')).toMatchObject({ status: 'SUPPRESSED', policyReason: 'suppressed' });
  expect(sent).toHaveLength(1);
});

test('a recruiter records preferences on the person\'s behalf; "all" is not a topic', async () => {
  const org = await createTestOrg(t.prisma);
  const recruiter = apiClient(t.url, org.tokens.recruiter);
  const ada = await createProspect(t, org.orgId);
  const bad = await recruiter('PUT', `/api/candidates/${ada.id}/preferences`, { topics: { all: false } });
  expect(bad.status).toBe(400);
  expect(bad.body.error.details[0].path).toBe('body.topics.all');
  expect((await recruiter('PUT', `/api/candidates/${ada.id}/preferences`, {})).status).toBe(400);
  const saved = await recruiter('PUT', `/api/candidates/${ada.id}/preferences`, { topics: { newsletter: false } });
  expect(saved.status).toBe(200);
  expect(saved.body.topics).toContainEqual({ topic: 'newsletter', isSubscribed: false });
  expect(await t.prisma.auditEvent.findFirst({ where: { entityId: ada.id, action: 'candidate.contact_preferences_changed' } })).toMatchObject({ actorType: 'USER', actorId: org.userIds.recruiter, after: { newsletter: false } });
  expect((await sendCandidateEmail(deps, marketingEmail(org.orgId, ada.id, { topic: 'newsletter' }))).policyReason).toBe('unsubscribed');
  expect((await apiClient(t.url, (await createTestOrg(t.prisma)).tokens.admin)('PUT', `/api/candidates/${ada.id}/preferences`, { topics: { jobs: false } })).status).toBe(404);
});
