// The retention policy on the real stack: the admin API (validated, audited), the daily sweep
// over back-dated candidates (renewal emails through the send path to the SMTP sink, then
// anonymization once the notice has run out; active applicants, hires and the recently active
// untouched), and the public one-click renewal page behind the signed link.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { apiClient, createTestOrg, startTestSystem, type TestOrg, type TestSystem } from '../../support/harness';
import { createHiringJob } from '../../support/fixtures';
import { signConsentRenewalToken } from '../../../api/services/data-rights/consent-renewal-token';
import { signLinkToken } from '../../../api/services/messaging/message-tokens';
import type { SinkMessage } from '../../../api/platform/mail/smtp-sink';

let t: TestSystem;
let org: TestOrg;
let dataDir: string;
let admin: ReturnType<typeof apiClient>;
let jobId: string;

const DAY = 86_400_000;
const monthsAgo = (months: number, extraDays = 0) => {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() - months);
  return new Date(d.getTime() - extraDays * DAY);
};
const POLICY = { isEnabled: true, months: 12, renewalNoticeDays: 14, purpose: 'talent_pool' };
const CONSENT_WORDS = 'We keep your profile in our talent community to tell you about future roles.';

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-retention-'));
  t = await startTestSystem({ config: { TRELLIS_DATA_DIR: dataDir } });
  org = await createTestOrg(t.prisma);
  admin = apiClient(t.url, org.tokens.admin);
  ({ jobId } = await createHiringJob(apiClient(t.url, org.tokens.recruiter)));
  expect((await admin('POST', '/api/consent-texts', { purpose: 'talent_pool', version: '2026-01', body: CONSENT_WORDS })).status).toBe(201);
});
afterAll(async () => {
  await t?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function prospect(name: string, createdAt: Date, opts: { orgId?: string; hasEmail?: boolean } = {}) {
  const email = opts.hasEmail === false ? null : `${name}.${crypto.randomBytes(4).toString('hex')}@example.com`;
  return t.prisma.candidate.create({ data: { orgId: opts.orgId ?? org.orgId, firstName: name, lastName: 'Tester', email, createdAt } });
}

async function application(candidateId: string, status: 'ACTIVE' | 'HIRED' | 'REJECTED', appliedAt: Date) {
  const stage = await t.prisma.stage.findFirstOrThrow({ where: { jobId }, orderBy: { position: 'asc' } });
  return t.prisma.application.create({ data: { orgId: org.orgId, jobId, candidateId, stageId: stage.id, status, appliedAt } });
}

const runSweep = () => t.system.services!.periodicJobs!.runNow('retention-sweep');
const renewalTokenIn = (m: SinkMessage) => /\/consent\/renew\/([A-Za-z0-9_.-]+)/.exec(m.text)![1]!;
const page = (token: string, method: 'GET' | 'POST') => fetch(`${t.url}/consent/renew/${token}`, { method, headers: method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {} })
  .then(async (r) => ({ status: r.status, html: await r.text() }));

describe('retention policy API', () => {
  test('validated: field paths and reasons, nothing stored; recruiters 403', async () => {
    const bad: Array<[unknown, string]> = [
      [{ ...POLICY, months: 0 }, 'body.months'],
      [{ ...POLICY, renewalNoticeDays: 400 }, 'body.renewalNoticeDays'],
      [{ ...POLICY, months: 1, renewalNoticeDays: 30 }, 'body.renewalNoticeDays'],
      [{ ...POLICY, purpose: 'anything' }, 'body.purpose'],
      [{ ...POLICY, renewalEmail: { subject: 'Hi', body: 'Please confirm your consent with us, thanks.' } }, 'body.renewalEmail.body'],
      [{ ...POLICY, isEnabled: 'yes' }, 'body.isEnabled'],
      [{ ...POLICY, extra: true }, 'body'],
      [{ ...POLICY, senderUserId: 'no-such-user' }, 'body.senderUserId'],
    ];
    for (const [body, at] of bad) {
      const res = await admin('PUT', '/api/org/retention', body);
      expect(res.status).toBe(400);
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(at);
    }
    expect((await admin('GET', '/api/org/retention')).body).toBeNull();
    expect((await apiClient(t.url, org.tokens.recruiter)('PUT', '/api/org/retention', POLICY)).status).toBe(403);
    expect((await apiClient(t.url, org.tokens.recruiter)('GET', '/api/org/retention')).status).toBe(403);
  });

  test('set and read back, audited', async () => {
    const res = await admin('PUT', '/api/org/retention', { ...POLICY, senderUserId: org.userIds.recruiter });
    expect(res).toMatchObject({ status: 200, body: { ...POLICY, senderUserId: org.userIds.recruiter } });
    expect((await admin('GET', '/api/org/retention')).body).toEqual({ ...POLICY, senderUserId: org.userIds.recruiter });
    expect(await t.prisma.auditEvent.count({ where: { orgId: org.orgId, action: 'retention_policy.updated' } })).toBe(1);
  });
});

describe('retention sweep', () => {
  test('notice first, anonymized once the notice has run out; a click renews; applicants, hires and the active are left alone', async () => {
    const stale = await prospect('stale', monthsAgo(13));
    const renews = await prospect('renews', monthsAgo(13));
    const nearlyDue = await prospect('nearly', monthsAgo(12, -10));
    const noAddress = await prospect('noaddress', monthsAgo(13), { hasEmail: false });
    const applicant = await prospect('applicant', monthsAgo(20));
    await application(applicant.id, 'ACTIVE', monthsAgo(19));
    const hired = await prospect('hired', monthsAgo(30));
    await application(hired.id, 'HIRED', monthsAgo(29));
    const clicked = await prospect('clicked', monthsAgo(13));
    await t.prisma.engagementEvent.create({ data: { orgId: org.orgId, candidateId: clicked.id, kind: 'CLICKED', dedupeKey: `click:test:${clicked.id}`, at: monthsAgo(1) } });
    const opened = await prospect('opened', monthsAgo(13));
    await t.prisma.engagementEvent.create({ data: { orgId: org.orgId, candidateId: opened.id, kind: 'OPENED', dedupeKey: `open:test:${opened.id}`, at: monthsAgo(1) } });
    const consented = await prospect('consented', monthsAgo(13));
    await t.prisma.consentRecord.create({ data: { orgId: org.orgId, candidateId: consented.id, purpose: 'talent_pool', status: 'GRANTED', at: monthsAgo(2) } });
    const rejectedLongAgo = await prospect('rejected', monthsAgo(14));
    await application(rejectedLongAgo.id, 'REJECTED', monthsAgo(14));
    const elsewhere = await createTestOrg(t.prisma);
    const otherOrgs = await prospect('elsewhere', monthsAgo(30), { orgId: elsewhere.orgId });

    // What the policy would do, before it does anything.
    expect((await admin('POST', '/api/org/retention/preview', POLICY)).body).toEqual({ notify: 5, erase: 1, wait: 0 });

    await runSweep();
    const expected = [stale, renews, nearlyDue, opened, rejectedLongAgo];
    const notices = await t.sink.waitFor((m) => expected.some((c) => m.to.includes(c.email!)), { count: expected.length, timeoutMs: 30_000 });
    const noticeOf = (c: { email: string | null }) => notices.find((m) => m.to.includes(c.email!))!;
    expect(noticeOf(stale).subject).toBe(`Shall we keep your profile at Org ${org.slug}?`);
    expect(noticeOf(stale).text).toContain('Hi stale,');
    // Sent as the policy's sender; transactional, so no unsubscribe header.
    expect(noticeOf(stale).headers.from).toContain(`recruiter@${org.slug}.test`);
    expect(noticeOf(stale).headers['list-unsubscribe']).toBeUndefined();
    expect(await t.prisma.candidate.findUniqueOrThrow({ where: { id: noAddress.id } })).toMatchObject({ firstName: 'Erased', anonymizedAt: expect.any(Date) });
    for (const untouched of [stale, renews, nearlyDue, applicant, hired, clicked, consented, rejectedLongAgo, opened]) {
      expect((await t.prisma.candidate.findUniqueOrThrow({ where: { id: untouched.id } })).anonymizedAt).toBeNull();
    }
    for (const quiet of [applicant, hired, clicked, consented, otherOrgs]) expect(await t.prisma.message.count({ where: { candidateId: quiet.id } })).toBe(0);
    const [firstJob] = await t.prisma.bulkJob.findMany({ where: { orgId: org.orgId, kind: 'retention' }, orderBy: { createdAt: 'asc' } });
    expect(firstJob).toMatchObject({ status: 'SUCCEEDED', report: expect.objectContaining({ noticesSent: 5, anonymized: 1, anonymizedRecords: 1, waiting: 0, eraseFailed: 0 }) });
    expect(JSON.stringify(firstJob!.report)).not.toMatch(/@|stale|renews/);

    // The link: opening it changes nothing; the button renews consent with the newest text.
    const token = renewalTokenIn(noticeOf(renews));
    const shown = await page(token, 'GET');
    expect(shown.status).toBe(200);
    expect(shown.html).toContain(CONSENT_WORDS);
    expect(shown.html).toContain(`action="/consent/renew/${token}"`);
    expect(await t.prisma.consentRecord.count({ where: { candidateId: renews.id } })).toBe(0);
    const renewed = await page(token, 'POST');
    expect(renewed.status).toBe(200);
    expect(renewed.html).toContain('Thank you, renews');
    expect(await t.prisma.consentRecord.findFirstOrThrow({ where: { candidateId: renews.id } })).toMatchObject({ purpose: 'talent_pool', status: 'GRANTED', textVersion: '2026-01', source: 'consent_renewal' });
    expect(await t.prisma.auditEvent.findFirstOrThrow({ where: { orgId: org.orgId, action: 'consent.renewed', entityId: renews.id } })).toMatchObject({ actorType: 'CANDIDATE', actorId: renews.id });

    // A second pass the same day sends nothing again.
    const sentBefore = t.sink.messages().length;
    await runSweep();
    expect(t.sink.messages().length).toBe(sentBefore);

    // Fifteen days later (the notices back-dated): the stale are anonymized, the renewed and the not-yet-expired stay.
    await t.prisma.message.updateMany({ where: { idempotencyKey: { startsWith: 'consent-renewal:' }, candidateId: { in: expected.map((c) => c.id) } }, data: { createdAt: new Date(Date.now() - 15 * DAY) } });
    await runSweep();
    for (const gone of [stale, opened, rejectedLongAgo]) {
      expect(await t.prisma.candidate.findUniqueOrThrow({ where: { id: gone.id } })).toMatchObject({ firstName: 'Erased', email: null, anonymizedAt: expect.any(Date) });
    }
    for (const kept of [renews, nearlyDue, applicant, hired, clicked, consented]) expect((await t.prisma.candidate.findUniqueOrThrow({ where: { id: kept.id } })).anonymizedAt).toBeNull();
    expect((await t.prisma.candidate.findUniqueOrThrow({ where: { id: otherOrgs.id } })).anonymizedAt).toBeNull();
    const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: 'candidate.erased', entityId: stale.id } });
    expect(audit).toMatchObject({ actorType: 'SYSTEM', actorId: null });
    const last = await t.prisma.bulkJob.findFirstOrThrow({ where: { orgId: org.orgId, kind: 'retention' }, orderBy: { createdAt: 'desc' } });
    expect(last.report).toMatchObject({ anonymized: 3, noticesSent: 0, waiting: 1 });
    expect(last).toMatchObject({ processed: 4, total: 4 });

    // The erased person's link now says there is nothing left to keep.
    const late = await page(renewalTokenIn(noticeOf(stale)), 'POST');
    expect(late.status).toBe(410);
    expect(late.html).toContain('already been removed');
  }, 120_000);

  test('renewal links: forged, tampered, for another purpose or expired are refused and change nothing', async () => {
    const person = await prospect('linkcheck', monthsAgo(1));
    const key = t.system.config.LINK_SIGNING_KEY;
    const good = signConsentRenewalToken(key, person.id, new Date(Date.now() + DAY));
    const [id, exp, mac] = good.split('.') as [string, string, string];
    const other = await prospect('other', monthsAgo(1));
    const refusals: Array<[string, number]> = [
      [`${other.id}.${exp}.${mac}`, 403],
      // Tampered: one character of the MAC changed (in the middle: the last one carries padding bits).
      [`${id}.${exp}.${mac.slice(0, 5)}${mac[5] === 'A' ? 'B' : 'A'}${mac.slice(6)}`, 403],
      [signConsentRenewalToken('another-key-of-at-least-thirty-two-chars', person.id, new Date(Date.now() + DAY)), 403],
      ['not-a-token', 403],
      [signLinkToken(key, 'unsubscribe', person.id), 403],
      [signConsentRenewalToken(key, person.id, new Date(Date.now() - 1000)), 410],
    ];
    for (const [token, status] of refusals) {
      for (const method of ['GET', 'POST'] as const) {
        const res = await page(token, method);
        expect(res.status).toBe(status);
        expect(res.html).toContain('This link cannot be used');
      }
    }
    expect(await t.prisma.consentRecord.count({ where: { candidateId: { in: [person.id, other.id] } } })).toBe(0);
    expect((await page(good, 'GET')).status).toBe(200);
  });
});
