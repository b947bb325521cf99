// Replies and bounces on the real stack: a reply sent over SMTP to the reply
// address is threaded to the candidate, stops their campaign run and reaches the
// recruiter; automatic replies are kept but stop nothing; mail to unknown or
// forged addresses is refused; a DSN at the bounce address suppresses the
// address; the provider webhooks do the same behind their shared secret.
import crypto from 'node:crypto';
import nodemailer from 'nodemailer';
import { apiClient, createTestOrg, startTestSystem, waitFor, type TestOrg, type TestSystem } from '../../support/harness';
import { sendCandidateEmail, type TSendDeps } from '../../../api/services/messaging/send-candidate-email';
import { signedAddress } from '../../../api/services/messaging/message-tokens';
import type { TGraph } from '../../../workflows/graph/schema';
import { createProspect, marketingEmail, sendDepsOf } from './messaging-fixtures';

const SECRET = 'inbound-webhook-secret-for-tests';
let t: TestSystem;
let org: TestOrg;
let deps: TSendDeps;
let inbound: ReturnType<typeof nodemailer.createTransport>;
let pipelineId: string;

/** A nurture run that waits an hour and exits when the candidate replies. */
const waitingNurture: TGraph = {
  nodes: [
    { id: 'enrolled', type: 'trigger.manual', typeVersion: 1, config: {} },
    { id: 'pause', type: 'time.wait', typeVersion: 1, config: { duration: { hours: 1 } } },
    { id: 'end', type: 'action.end', typeVersion: 1, config: {} },
  ],
  edges: [{ source: 'enrolled', sourcePort: 'out', target: 'pause' }, { source: 'pause', sourcePort: 'out', target: 'end' }],
  settings: { exitOn: ['candidate.replied'] },
};

beforeAll(async () => {
  t = await startTestSystem({ config: { INBOUND_WEBHOOK_SECRET: SECRET } });
  org = await createTestOrg(t.prisma);
  deps = sendDepsOf(t);
  inbound = nodemailer.createTransport({ host: '127.0.0.1', port: t.system.inboundMail!.port, secure: false, ignoreTLS: true });
  const recruiter = apiClient(t.url, org.tokens.recruiter);
  const created = await recruiter('POST', '/api/pipelines', { name: 'Waiting nurture', kind: 'NURTURE', graph: waitingNurture });
  pipelineId = created.body.id;
  expect((await recruiter('POST', `/api/pipelines/${pipelineId}/publish`)).status).toBe(201);
});
afterAll(async () => {
  inbound?.close();
  await t?.stop();
});

async function startRun(candidateId: string) {
  const started = await apiClient(t.url, org.tokens.recruiter)('POST', `/api/pipelines/${pipelineId}/runs`, { candidateId });
  expect(started.status).toBe(201);
  await waitFor('the run to wait', async () => (await t.prisma.run.findUniqueOrThrow({ where: { id: started.body.id } })).currentNodeId === 'pause');
  return started.body.id as string;
}

async function sentEmail(candidateId: string, over = {}) {
  const result = await sendCandidateEmail(deps, marketingEmail(org.orgId, candidateId, { sender: { userId: org.userIds.recruiter }, ...over }));
  const [mail] = await t.sink.waitFor((m) => m.messageId === `<${result.messageId}@trellis>`);
  return { messageId: result.messageId, mail: mail! };
}

const webhook = (path: string, body: unknown, secret: string | null = SECRET) => fetch(t.url + path, {
  method: 'POST', headers: { 'content-type': 'application/json', ...(secret ? { 'x-trellis-inbound-secret': secret } : {}) }, body: JSON.stringify(body),
});

test('a reply over SMTP is threaded to the candidate, stops their campaign run and their marketing, and reaches the recruiter', async () => {
  const ada = await createProspect(t, org.orgId);
  const runId = await startRun(ada.id);
  const { messageId, mail } = await sentEmail(ada.id, { runId });

  await inbound.sendMail({
    from: `Ada Prospect <${ada.email}>`, to: mail.headers['reply-to'], subject: `Re: ${mail.subject}`,
    text: 'Yes, I would love to talk next week.\n\nOn Monday, recruiter wrote:\n> Hi Ada', inReplyTo: `<${messageId}@trellis>`,
  });

  const reply = await waitFor('the inbound message', () => t.prisma.message.findFirst({ where: { candidateId: ada.id, direction: 'INBOUND' } }));
  expect(reply).toMatchObject({ status: 'RECEIVED', inReplyToId: messageId, threadId: messageId, fromAddress: ada.email, subject: `Re: ${mail.subject}` });
  expect(reply.bodyText).toContain('Yes, I would love to talk next week.');
  expect((await t.prisma.message.findUniqueOrThrow({ where: { id: messageId } })).repliedAt).not.toBeNull();
  const profile = await t.prisma.candidate.findUniqueOrThrow({ where: { id: ada.id } });
  expect(profile.lastRepliedAt).not.toBeNull();
  expect(profile.engagementScore).toBe(15);
  expect(await t.prisma.engagementEvent.findMany({ where: { candidateId: ada.id, kind: 'REPLIED' }, select: { messageId: true, dedupeKey: true } })).toEqual([{ messageId, dedupeKey: `reply:${reply.id}` }]);

  // candidate.replied reached the waiting run, which exits (its graph's exitOn).
  const run = await waitFor('the run to exit', async () => {
    const r = await t.prisma.run.findUniqueOrThrow({ where: { id: runId } });
    return r.status === 'EXITED' && r;
  });
  const handle = (await t.system.services!.temporal()).workflow.getHandle(run.workflowId);
  await waitFor('Temporal to report it completed', async () => (await handle.describe()).status.name === 'COMPLETED');

  // The recruiter the email was sent as gets a copy, answerable to the candidate.
  const [copy] = await t.sink.waitFor((m) => m.to.includes(`recruiter@${org.slug}.test`) && m.subject.startsWith('Reply from'));
  expect(copy!.headers['reply-to']).toBe(`Ada Prospect <${ada.email}>`);
  expect(copy!.text).toContain('Yes, I would love to talk next week.');

  // Stop on reply: more marketing in that conversation is held back.
  expect(await sendCandidateEmail(deps, marketingEmail(org.orgId, ada.id, { runId }))).toMatchObject({ status: 'SUPPRESSED', policyReason: 'replied' });

  // The same reply delivered again (a retrying relay) is one reply.
  await inbound.sendMail({ from: ada.email!, to: mail.headers['reply-to'], subject: `Re: ${mail.subject}`, text: 'again', messageId: reply.providerMessageId! });
  await new Promise((r) => setTimeout(r, 500));
  expect(await t.prisma.message.count({ where: { candidateId: ada.id, direction: 'INBOUND' } })).toBe(1);
});

test('an automatic reply is kept on the profile but is not a reply: nothing stops', async () => {
  const ada = await createProspect(t, org.orgId);
  const runId = await startRun(ada.id);
  const { mail } = await sentEmail(ada.id, { runId });
  await inbound.sendMail({ from: ada.email!, to: mail.headers['reply-to'], subject: 'Out of office', text: 'Back on Monday.', headers: { 'Auto-Submitted': 'auto-replied' } });
  await waitFor('the inbound message', () => t.prisma.message.findFirst({ where: { candidateId: ada.id, direction: 'INBOUND' } }));
  expect((await t.prisma.candidate.findUniqueOrThrow({ where: { id: ada.id } })).lastRepliedAt).toBeNull();
  expect(await t.prisma.engagementEvent.count({ where: { candidateId: ada.id, kind: 'REPLIED' } })).toBe(0);
  expect((await t.prisma.run.findUniqueOrThrow({ where: { id: runId } })).status).toBe('RUNNING');
});

test('mail to an unknown, forged or foreign address is refused at RCPT TO', async () => {
  const ada = await createProspect(t, org.orgId);
  const { messageId } = await sentEmail(ada.id);
  const forged = signedAddress('some-other-key-that-is-long-enough!!', 'reply', messageId, 'trellis.localhost');
  const otherDomain = signedAddress(deps.linkSigningKey, 'reply', messageId, 'elsewhere.example');
  for (const to of ['talent@trellis.localhost', forged, otherDomain, `reply+${messageId}.00000000000000000000000000@trellis.localhost`]) {
    await expect(inbound.sendMail({ from: ada.email!, to, subject: 'hi', text: 'hi' })).rejects.toMatchObject({ responseCode: 550 });
  }
  expect(await t.prisma.message.count({ where: { candidateId: ada.id, direction: 'INBOUND' } })).toBe(0);
});

test('a DSN at the bounce address suppresses the address: every later email to it is held back', async () => {
  const ada = await createProspect(t, org.orgId);
  const { messageId, mail } = await sentEmail(ada.id);
  const boundary = `b-${crypto.randomBytes(4).toString('hex')}`;
  const dsn = [
    'From: Mail Delivery System <mailer-daemon@mx.example.net>', `To: ${mail.from}`, 'Subject: Undelivered Mail Returned to Sender', 'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`, '',
    `--${boundary}`, 'Content-Type: text/plain', '', 'The mailbox does not exist.', '',
    `--${boundary}`, 'Content-Type: message/delivery-status', '', 'Reporting-MTA: dns; mx.example.net', '', `Final-Recipient: rfc822; ${ada.email}`, 'Action: failed', 'Status: 5.1.1', '',
    `--${boundary}--`, '',
  ].join('\r\n');
  await inbound.sendMail({ envelope: { from: 'mailer-daemon@mx.example.net', to: [mail.from] }, raw: dsn });

  const suppression = await waitFor('the suppression', () => t.prisma.suppression.findFirst({ where: { orgId: org.orgId, candidateId: ada.id } }));
  expect(suppression).toMatchObject({ reason: 'bounced', address: ada.email });
  expect((await t.prisma.message.findUniqueOrThrow({ where: { id: messageId } })).bouncedAt).not.toBeNull();
  expect(await t.prisma.engagementEvent.count({ where: { candidateId: ada.id, kind: 'BOUNCED' } })).toBe(1);
  for (const category of ['MARKETING', 'TRANSACTIONAL'] as const) {
    expect(await sendCandidateEmail(deps, marketingEmail(org.orgId, ada.id, { category }))).toMatchObject({ status: 'SUPPRESSED', policyReason: 'suppressed' });
  }
});

test('provider webhooks: replies and bounces behind the shared secret', async () => {
  const ada = await createProspect(t, org.orgId);
  const { messageId, mail } = await sentEmail(ada.id);
  const reply = { from: ada.email, to: `Recruiting <${mail.headers['reply-to']}>`, subject: 'Re: roles', text: 'Tell me more' };
  expect((await webhook('/api/inbound/email', reply, null)).status).toBe(403);
  expect((await webhook('/api/inbound/email', reply, 'wrong-secret-wrong-secret')).status).toBe(403);
  const bad = await webhook('/api/inbound/email', { ...reply, from: 'not an address', extra: 1 });
  expect(bad.status).toBe(400);
  expect((await bad.json()).error.details.map((d: { path: string }) => d.path).sort()).toEqual(['body', 'body.from']);
  expect(await t.prisma.message.count({ where: { candidateId: ada.id, direction: 'INBOUND' } })).toBe(0);

  expect(await (await webhook('/api/inbound/email', reply)).json()).toEqual({ outcome: 'reply' });
  // Without the reply address, In-Reply-To threads it only when it comes from the address we wrote to.
  expect(await (await webhook('/api/inbound/email', { from: ada.email, to: 'talent@acme.example', subject: 'Re', text: 'Also...', inReplyTo: `<${messageId}@trellis>` })).json()).toEqual({ outcome: 'reply' });
  expect(await (await webhook('/api/inbound/email', { from: 'someone@else.example', to: 'talent@acme.example', subject: 'Re', text: 'x', inReplyTo: `<${messageId}@trellis>` })).json()).toEqual({ outcome: 'dropped' });
  expect(await t.prisma.message.count({ where: { candidateId: ada.id, direction: 'INBOUND' } })).toBe(2);

  expect((await webhook('/api/inbound/bounce', { messageId: '<nosuchmessage1@trellis>', kind: 'hard' })).status).toBe(404);
  expect((await webhook('/api/inbound/bounce', { messageId: `<${messageId}@trellis>`, kind: 'soft', reason: '4.2.2 mailbox full' })).status).toBe(200);
  expect(await t.prisma.suppression.count({ where: { candidateId: ada.id } })).toBe(0);
  expect((await webhook('/api/inbound/bounce', { messageId: `<${messageId}@trellis>`, kind: 'complaint' })).status).toBe(200);
  expect(await t.prisma.suppression.findFirst({ where: { candidateId: ada.id } })).toMatchObject({ reason: 'complained' });
  expect(await t.prisma.contactPreference.findMany({ where: { candidateId: ada.id }, select: { topic: true, isSubscribed: true } })).toEqual([{ topic: 'all', isSubscribed: false }]);
  expect(await t.prisma.engagementEvent.count({ where: { candidateId: ada.id, kind: 'COMPLAINED' } })).toBe(1);
});
