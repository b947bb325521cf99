// Export and erasure on the real stack (Done-when: "erase a candidate and then find no trace of their email
// address in any table or stored file"). A person applies with a PDF resume holding their
// address, gets the pipeline's email, a campaign's emails, clicks, replies, registers for an
// event, sets a job alert, is noted about (on their profile and on someone else's), lands in an
// import report, and is merged with a duplicate of themself. Before erasure the scan finds them
// in many places (the scan can fail); after it, no column of any table, no stored file and no
// Temporal history holds any of their addresses or their phone number.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { apiClient, createTestOrg, startTestSystem, waitFor, type TestOrg, type TestSystem } from '../../support/harness';
import { applicant, createHiringJob } from '../../support/fixtures';
import { makeResumeFixture, renderResumePdf, type TResumeFixture } from '../../support/resume-fixtures';
import { scanDatabase, scanFiles, scanWorkflowHistories } from '../../support/trace-scan';
import { addressHash } from '../../../api/services/messaging/address-hash';
import { EXPORT_FORMAT } from '../../../api/services/data-rights/export-candidate';
import { deliverCandidateEmail } from '../../../api/services/events/candidate-email-deps';
import { createCampaign, createNurturePipeline, createPool } from '../../support/campaign-fixtures';

let t: TestSystem;
let org: TestOrg;
let dataDir: string;
let jobId: string;
let secondJobId: string;
let admin: ReturnType<typeof apiClient>;
let recruiter: ReturnType<typeof apiClient>;
let ipSeq = 0;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-erase-'));
  t = await startTestSystem({ config: { TRELLIS_DATA_DIR: dataDir, INBOUND_WEBHOOK_SECRET: INBOUND_SECRET } });
  org = await createTestOrg(t.prisma);
  admin = apiClient(t.url, org.tokens.admin);
  recruiter = apiClient(t.url, org.tokens.recruiter);
  ({ jobId } = await createHiringJob(recruiter));
  ({ jobId: secondJobId } = await createHiringJob(recruiter));
  await t.prisma.job.updateMany({ where: { id: { in: [jobId, secondJobId] } }, data: { status: 'OPEN' } });
  const consent = await admin('POST', '/api/consent-texts', { purpose: 'application_processing', version: 'v1', body: CONSENT_TEXT });
  if (consent.status !== 201) throw new Error(`consent text: ${JSON.stringify(consent.body)}`);
});

const CONSENT_TEXT = 'We process your application data to assess your fit for the role.';
afterAll(async () => {
  await t?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/**
 * A resume fixture for a new person: its address and phone number are unique to this run (other test files
 * share the database and make resumes from the same seeds), so any trace found is theirs.
 */
function personFixture(seed: number): TResumeFixture & { firstName: string; lastName: string } {
  const base = makeResumeFixture(seed);
  const email = `${base.email.split('@')[0]}.${crypto.randomBytes(4).toString('hex')}@example.com`;
  const digits = String(crypto.randomInt(1000, 10000));
  const lastFour = (phone: string) => phone.replace(/\d{4}$/, digits);
  const fixture = JSON.parse(JSON.stringify(base).split(base.email).join(email)
    .split(base.phone.written).join(lastFour(base.phone.written)).split(base.phone.e164).join(lastFour(base.phone.e164))) as TResumeFixture;
  const [firstName, ...rest] = fixture.name.split(' ');
  return { ...fixture, asOf: base.asOf, email, firstName: firstName!, lastName: rest.join(' ') };
}

async function applyWithPdf(person: ReturnType<typeof personFixture>, job: string, eeo?: Record<string, string>) {
  const form = new FormData();
  form.set('application', JSON.stringify({ jobId: job, candidate: { firstName: person.firstName, lastName: person.lastName, email: person.email, phone: person.phone.written }, consent: { textVersion: 'v1', isGiven: true }, ...(eeo ? { eeo } : {}) }));
  form.set('resume', new Blob([new Uint8Array(await renderResumePdf(person))]), 'resume.pdf');
  const res = await fetch(`${t.url}/api/public/orgs/${org.slug}/applications`, { method: 'POST', headers: { 'x-forwarded-for': `198.51.100.${++ipSeq}` }, body: form });
  const body = await res.json();
  if (res.status !== 201) throw new Error(`apply: ${res.status} ${JSON.stringify(body)}`);
  return t.prisma.application.findUniqueOrThrow({ where: { id: body.id } });
}

const INBOUND_SECRET = crypto.randomBytes(16).toString('hex');

/** The path of the first link starting with `prefix` in an email's text. */
const linkPath = (text: string, prefix: string) => new RegExp(`https?://[^\\s"<>]*(${prefix.replace(/[/.]/g, '\\$&')}[^\\s"<>]+)`).exec(text)![1]!;

/**
 * A nurture campaign's first email (enrolled through the API, sent by the workflow), a marketing email
 * through the send path, a click on the campaign email's tracked link, and a reply through the inbound
 * webhook, which exits the campaign run.
 */
async function campaignTraces(candidateId: string, person: { firstName: string; email: string }) {
  const pipelineId = await createNurturePipeline(recruiter, { link: 'https://acme.example/blog' });
  const poolId = await createPool(t.prisma, org.orgId, [candidateId]);
  const campaign = await createCampaign(recruiter, { pipelineId, poolId, senderUserId: org.userIds.recruiter });
  expect((await recruiter('POST', `/api/campaigns/${campaign.id}/activate`)).status).toBe(200);
  // Activating enrolls the pool; enrolling the person again finds that enrollment.
  expect((await recruiter('POST', `/api/campaigns/${campaign.id}/enrollments`, { candidateId })).status).toBeLessThan(300);
  const [intro] = await t.sink.waitFor((m) => m.to.includes(person.email) && m.subject.startsWith(`${person.firstName}, a team at`), { timeoutMs: 60_000 });
  const sent = await deliverCandidateEmail(t.system.services!, {
    orgId: org.orgId, candidateId, category: 'MARKETING', topic: 'jobs', idempotencyKey: `newsletter-test/${crypto.randomUUID()}`, sender: { userId: org.userIds.recruiter },
    content: { subject: '{{candidate.firstName}}, our newsletter', body: 'Hi {{candidate.firstName}}, news: https://acme.example/news' },
  });
  expect(sent.status).toBe('SENT');
  expect((await fetch(t.url + linkPath(intro!.text, '/t/c/'), { redirect: 'manual' })).status).toBe(302);
  const reply = await fetch(`${t.url}/api/inbound/email`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-trellis-inbound-secret': INBOUND_SECRET },
    body: JSON.stringify({ from: person.email, fromName: person.firstName, to: intro!.headers['reply-to']!, subject: `Re: ${intro!.subject}`, text: `Yes, interested! Reach me at ${person.email}.\n\n> ${intro!.text.split('\n')[0]}` }),
  });
  expect(await reply.json()).toEqual({ outcome: 'reply' });
  await waitFor('the campaign run to exit', () => t.prisma.run.findFirst({ where: { candidateId, campaignId: campaign.id, status: 'EXITED' } }), 60_000);
  return { newsletterId: sent.messageId };
}

/** A sourcing import: the person's row finds their profile (no second one), a mistyped copy of it is reported by line. */
async function importTraces(person: { firstName: string; lastName: string; email: string }) {
  const csv = ['first name,last name,email,headline', `${person.firstName},${person.lastName},${person.email},Engineer`, `${person.firstName},${person.lastName},"${person.email} (work)",`].join('\n');
  const res = await fetch(`${t.url}/api/imports/csv?fileName=leads.csv`, { method: 'POST', headers: { authorization: `Bearer ${org.tokens.recruiter}`, 'content-type': 'text/csv' }, body: csv });
  expect(res.status).toBe(202);
  const { id } = await res.json();
  const job = await waitFor('the import to finish', async () => ((await recruiter('GET', `/api/bulk-jobs/${id}`)).body.status === 'SUCCEEDED' ? (await recruiter('GET', `/api/bulk-jobs/${id}`)).body : null));
  expect(job.report).toMatchObject({ created: 0, failed: 1, failures: [{ line: 3, reason: expect.stringContaining(person.email) }] });
}

/** The careers page's job-alert signup (double opt-in: a confirmation email goes out). */
async function subscribeJobAlert(person: { firstName: string; lastName: string; email: string }) {
  const res = await fetch(`${t.url}/api/public/orgs/${org.slug}/job-alerts`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${++ipSeq}` },
    body: JSON.stringify({ person: { firstName: person.firstName, lastName: person.lastName, email: person.email }, criteria: { keywords: ['rust'] } }),
  });
  expect([200, 201, 202]).toContain(res.status);
}

/** The person registers on an event's public registration API (their profile is found by address; a confirmation goes out). */
async function registerForEvent(person: { firstName: string; lastName: string; email: string }) {
  const event = await recruiter('POST', '/api/events', { name: `Backend meetup ${crypto.randomBytes(3).toString('hex')}`, startsAt: new Date(Date.now() + 7 * 86400_000).toISOString(), location: 'Factory Berlin' });
  expect(event.status).toBe(201);
  expect((await recruiter('POST', `/api/events/${event.body.id}/publish`)).status).toBe(200);
  const res = await fetch(`${t.url}/api/public/orgs/${org.slug}/events/${event.body.slug}/registrations`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${++ipSeq}` },
    body: JSON.stringify({ person: { firstName: person.firstName, lastName: person.lastName, email: person.email } }),
  });
  expect(res.status).toBe(202);
  await t.sink.waitFor((m) => m.to.includes(person.email) && m.subject.includes('Backend meetup'));
}

/** Books an interview with the org's interviewer: invites go to the candidate and to the interviewer. */
async function bookInterview(applicationId: string, email: string) {
  const booked = await recruiter('POST', '/api/interviews', {
    applicationId, title: 'Backend panel', startsAt: new Date(Date.now() + 3 * 86400_000).toISOString(), durationMinutes: 45, participants: [{ userId: org.userIds.interviewer }], allowConflicts: true,
  });
  expect(booked.status).toBe(201);
  await t.sink.waitFor((m) => m.subject.startsWith('Invitation: Backend panel') && (m.to.includes(email) || m.to.includes(`interviewer@${org.slug}.test`)), { count: 2 });
  return booked.body.id as string;
}

/** Everything the CRM holds about a person, through its real paths (a preference row and a saved segment naming the address are scenery). */
async function crmTraces(candidateId: string, person: { firstName: string; lastName: string; email: string }) {
  const { newsletterId } = await campaignTraces(candidateId, person);
  await registerForEvent(person);
  await subscribeJobAlert(person);
  await importTraces(person);
  await t.prisma.contactPreference.create({ data: { candidateId, topic: 'newsletter', isSubscribed: false } });
  await t.prisma.segment.create({ data: { orgId: org.orgId, name: `Keyword ${crypto.randomBytes(3).toString('hex')}`, query: { keywords: person.email } } });
  // The newsletter bounced: the address is suppressed (by the provider's webhook).
  const bounce = await fetch(`${t.url}/api/inbound/bounce`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-trellis-inbound-secret': INBOUND_SECRET }, body: JSON.stringify({ messageId: newsletterId, kind: 'hard', reason: `550 ${person.email}: mailbox full` }) });
  expect(bounce.status).toBe(200);
}

/** A person with a PDF resume, an EEO answer, a duplicate merged into their profile and a note. */
async function personWithHistory(seed: number) {
  const person = personFixture(seed);
  const application = await applyWithPdf(person, jobId, { gender: 'female' });
  const candidateId = application.candidateId;
  await waitFor('the acknowledgement email', () => t.prisma.message.findFirst({ where: { candidateId, status: 'SENT' } }));
  const otherEmail = `old.${crypto.randomBytes(4).toString('hex')}@example.org`;
  const duplicate = await recruiter('POST', '/api/applications', { ...applicant(secondJobId), candidate: { firstName: person.firstName, lastName: person.lastName, email: otherEmail } });
  expect(duplicate.status).toBe(201);
  const duplicateId = (await t.prisma.application.findUniqueOrThrow({ where: { id: duplicate.body.id } })).candidateId;
  await waitFor('the duplicate run', () => t.prisma.run.findFirst({ where: { candidateId: duplicateId } }));
  expect((await recruiter('POST', `/api/candidates/${candidateId}/merge`, { duplicateId })).status).toBe(201);
  expect((await recruiter('POST', `/api/candidates/${candidateId}/notes`, { body: `Called ${person.email}; prefers mornings.` })).status).toBe(201);
  return { person, application, candidateId, duplicateId, otherEmail };
}

describe('export', () => {
  test('one JSON document of everything about the person, merged records included; EEO for admins only; audited without personal data', async () => {
    const { person, application, candidateId, duplicateId, otherEmail } = await personWithHistory(8);
    await crmTraces(candidateId, person);
    const res = await fetch(`${t.url}/api/candidates/${duplicateId}/export`, { headers: { authorization: `Bearer ${org.tokens.admin}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="candidate-${candidateId}.json"`);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const doc = await res.json();
    expect(doc).toMatchObject({ format: EXPORT_FORMAT, candidateId, organization: expect.any(String), person: { id: candidateId, email: person.email, firstName: person.firstName, phoneE164: person.phone.e164 } });
    expect(doc.records.map((r: { id: string }) => r.id).sort()).toEqual([candidateId, duplicateId].sort());
    expect(doc.records.find((r: { id: string }) => r.id === duplicateId)).toMatchObject({ email: otherEmail, mergedIntoId: candidateId });
    expect(doc.applications).toHaveLength(2);
    expect(doc.applications.find((a: { id: string }) => a.id === application.id)).toMatchObject({ jobId, stage: expect.any(String), stageHistory: [expect.objectContaining({ to: expect.any(String) })] });
    expect(doc.messages.map((m: { direction: string }) => m.direction)).toEqual(expect.arrayContaining(['OUTBOUND', 'INBOUND']));
    expect(doc.messages.find((m: { direction: string }) => m.direction === 'INBOUND').bodyText).toContain('Yes, interested!');
    expect(doc.campaigns).toEqual([expect.objectContaining({ status: 'EXITED', exitReason: 'candidate.replied' })]);
    expect(doc.engagement.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['SENT', 'CLICKED', 'REPLIED']));
    expect(doc.consents).toEqual([expect.objectContaining({ purpose: 'application_processing', status: 'GRANTED', textVersion: 'v1', textShown: CONSENT_TEXT })]);
    expect(doc.notes).toEqual([expect.objectContaining({ body: `Called ${person.email}; prefers mornings.` })]);
    expect(doc.notes[0]).not.toHaveProperty('authorId');
    expect(doc.eventRegistrations).toEqual([expect.objectContaining({ eventName: expect.stringMatching(/^Backend meetup/), status: 'REGISTERED' })]);
    expect(doc.jobAlerts).toEqual([expect.objectContaining({ criteria: expect.objectContaining({ keywords: ['rust'] }) })]);
    expect(doc.contactPreferences).toEqual([expect.objectContaining({ topic: 'newsletter', isSubscribed: false })]);
    expect(doc.suppressions).toEqual([expect.objectContaining({ reason: 'bounced' })]);
    expect(doc.talentPools).toHaveLength(1);
    expect(doc.merges).toEqual([expect.objectContaining({ survivorId: candidateId, mergedId: duplicateId, mergedRecord: expect.objectContaining({ email: otherEmail }) })]);
    const stored = await t.prisma.resumeFile.findFirstOrThrow({ where: { candidateId } });
    expect(doc.resumeFiles).toEqual([expect.objectContaining({ id: stored.id, displayName: 'resume.pdf', mimeType: 'application/pdf', text: expect.stringContaining(person.email) })]);
    expect(crypto.createHash('sha256').update(Buffer.from(doc.resumeFiles[0].contentBase64, 'base64')).digest('hex')).toBe(stored.sha256);
    expect(doc.eeo).toEqual([expect.objectContaining({ applicationId: application.id, gender: 'female' })]);

    const byRecruiter = await recruiter('GET', `/api/candidates/${candidateId}/export`);
    expect(byRecruiter.status).toBe(200);
    expect(byRecruiter.body.eeo).toEqual({ omitted: expect.stringContaining('administrators') });
    expect(JSON.stringify(byRecruiter.body)).not.toContain('"gender"');

    const audits = await t.prisma.auditEvent.findMany({ where: { orgId: org.orgId, action: 'candidate.exported', entityId: candidateId } });
    expect(audits.map((a) => a.actorId).sort()).toEqual([org.userIds.admin, org.userIds.recruiter].sort());
    expect(audits[0]!.after).toMatchObject({ records: 2, sections: expect.objectContaining({ messages: expect.any(Number), resumeFiles: 1 }) });
    expect(JSON.stringify(audits)).not.toContain('@');
  });

  test('refusals: interviewers 403, another organization 404, an unknown id 404', async () => {
    const res = await recruiter('POST', '/api/applications', applicant(jobId));
    const candidateId = (await t.prisma.application.findUniqueOrThrow({ where: { id: res.body.id } })).candidateId;
    expect((await apiClient(t.url, org.tokens.interviewer)('GET', `/api/candidates/${candidateId}/export`)).status).toBe(403);
    const other = await createTestOrg(t.prisma);
    expect((await apiClient(t.url, other.tokens.admin)('GET', `/api/candidates/${candidateId}/export`)).status).toBe(404);
    expect((await admin('GET', '/api/candidates/no-such-candidate/export')).status).toBe(404);
    expect(await t.prisma.auditEvent.count({ where: { action: 'candidate.exported', entityId: candidateId } })).toBe(0);
  });
});

describe('erasure', () => {
  test('a person who has been everywhere: before, the scan finds their address; after erasure, no table, file or history holds it', async () => {
    const { person, application, candidateId, duplicateId, otherEmail } = await personWithHistory(7);
    // Someone else's profile mentions them.
    const bystander = await recruiter('POST', '/api/applications', applicant(jobId));
    const bystanderId = (await t.prisma.application.findUniqueOrThrow({ where: { id: bystander.body.id } })).candidateId;
    expect((await recruiter('POST', `/api/candidates/${bystanderId}/notes`, { body: `Referred by ${person.email} (${person.name}). Strong Go background.` })).status).toBe(201);
    const interviewId = await bookInterview(application.id, person.email);
    await crmTraces(candidateId, person);

    const needles = [person.email, otherEmail, person.phone.e164];
    const workflowIds = (await t.prisma.run.findMany({ where: { candidateId }, select: { workflowId: true } })).map((r) => r.workflowId);
    expect(workflowIds.length).toBeGreaterThanOrEqual(3);
    // The scan works: it finds the person where the system put them.
    const before = await scanDatabase(t.system.db.pool, needles);
    expect(before).toEqual(expect.arrayContaining([
      'Candidate.email', 'Candidate.resumeText', 'Candidate.searchVector', 'ResumeFile.text', 'ResumeFile.parsed', 'Message.toAddress', 'Message.fromAddress',
      'Message.bodyText', 'Message.idempotencyKey', 'CandidateNote.body', 'CandidateMerge.snapshot', 'BulkJob.report', 'Suppression.address', 'Segment.query',
    ]));
    expect(await scanFiles(dataDir, [person.email])).toHaveLength(1);

    const erased = await admin('POST', `/api/candidates/${candidateId}/erase`, { confirmation: 'ERASE' });
    expect(erased.status).toBe(200);
    expect(erased.body.candidateIds.sort()).toEqual([candidateId, duplicateId].sort());
    expect(erased.body.workflows).toMatchObject({ deleted: expect.any(Number), failed: [] });
    expect(erased.body.workflows.deleted).toBeGreaterThanOrEqual(workflowIds.length);

    expect(await scanDatabase(t.system.db.pool, needles)).toEqual([]);
    expect(await scanFiles(dataDir, needles)).toEqual([]);
    const temporal = await t.system.services!.temporal();
    // Temporal deletes in the background: a closed execution can take some seconds to go.
    await waitFor('the histories deleted', async () => Object.values(await scanWorkflowHistories(temporal, workflowIds, needles)).every((s) => s === 'deleted'), 90_000);

    // What stays: anonymous records and counts; the address stays blocked by its hash alone.
    const candidate = await t.prisma.candidate.findUniqueOrThrow({ where: { id: candidateId } });
    expect(candidate).toMatchObject({ firstName: 'Erased', lastName: '', email: null, phone: null, resumeText: null, currentResumeId: null, skills: [], links: {} });
    expect(candidate.anonymizedAt).toBeInstanceOf(Date);
    for (const address of [person.email, otherEmail]) {
      expect(await t.prisma.suppression.findUnique({ where: { orgId_addressHash: { orgId: org.orgId, addressHash: addressHash(org.orgId, address) } } })).toMatchObject({ reason: 'erased', address: null });
    }
    expect(await t.prisma.resumeFile.count({ where: { candidateId } })).toBe(0);
    expect(await t.prisma.message.count({ where: { candidateId, status: 'SENT' } })).toBeGreaterThanOrEqual(3);
    expect(await t.prisma.engagementEvent.count({ where: { candidateId, kind: 'CLICKED' } })).toBe(1);
    expect(await t.prisma.run.count({ where: { candidateId, status: { in: ['PENDING', 'RUNNING'] } } })).toBe(0);
    expect(await t.prisma.application.findUniqueOrThrow({ where: { id: application.id } })).toMatchObject({ status: 'WITHDRAWN', answers: {} });
    expect(await t.prisma.eeoResponse.count({ where: { applicationId: application.id } })).toBe(0);
    expect(await t.prisma.candidateNote.count({ where: { candidateId } })).toBe(0);
    expect((await t.prisma.candidateNote.findFirstOrThrow({ where: { candidateId: bystanderId } })).body).toBe('Referred by [erased] ([erased]). Strong Go background.');
    // The interviewer's calendar gets the cancellation, which names no one; the person gets nothing more.
    expect(await t.prisma.interview.findUniqueOrThrow({ where: { id: interviewId } })).toMatchObject({ status: 'CANCELLED', icsSequence: 1 });
    const [cancel] = await t.sink.waitFor((m) => m.subject.startsWith('Cancelled: Backend panel') && m.to.includes(`interviewer@${org.slug}.test`));
    expect(`${cancel!.subject}\n${cancel!.text}\n${cancel!.calendarParts?.map((p) => p.text).join('\n')}`).not.toMatch(new RegExp(`${person.email}|${person.lastName}`, 'i'));
    expect(t.sink.messages().filter((m) => m.to.includes(person.email) && m.subject.startsWith('Cancelled'))).toEqual([]);
    const consents = await t.prisma.consentRecord.findMany({ where: { candidateId } });
    expect(consents.every((c) => !c.source?.includes('@'))).toBe(true);
    const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { orgId: org.orgId, action: 'candidate.erased', entityId: candidateId } });
    expect(audit).toMatchObject({ actorType: 'USER', actorId: org.userIds.admin });
    expect(audit.after).toMatchObject({ erasedRecords: 2, counts: expect.objectContaining({ candidates: 2, resumeFiles: 1 }) });
    // The profile still opens, as the erased record it now is.
    expect((await recruiter('GET', `/api/candidates/${candidateId}`)).body).toMatchObject({ firstName: 'Erased', email: null });

    // Erasing again is harmless and changes nothing more.
    const again = await admin('POST', `/api/candidates/${duplicateId}/erase`, { confirmation: 'ERASE' });
    expect(again.status).toBe(200);
    expect(again.body.candidateIds.sort()).toEqual([candidateId, duplicateId].sort());
    expect(await scanDatabase(t.system.db.pool, needles)).toEqual([]);
  }, 120_000);

  test('refusals: no confirmation 400 and nothing erased; recruiters and interviewers 403; another organization 404', async () => {
    const res = await recruiter('POST', '/api/applications', applicant(jobId));
    const candidateId = (await t.prisma.application.findUniqueOrThrow({ where: { id: res.body.id } })).candidateId;
    for (const body of [{}, { confirmation: 'erase' }, { confirmation: true }, { confirmation: 'ERASE', extra: 1 }]) {
      const refused = await admin('POST', `/api/candidates/${candidateId}/erase`, body);
      expect(refused.status).toBe(400);
      expect(refused.body.error.details[0].path).toMatch(/^body/);
    }
    expect((await admin('POST', `/api/candidates/${candidateId}/erase`, { confirmation: 'erase' })).body.error.details).toEqual([expect.objectContaining({ path: 'body.confirmation' })]);
    expect((await recruiter('POST', `/api/candidates/${candidateId}/erase`, { confirmation: 'ERASE' })).status).toBe(403);
    expect((await apiClient(t.url, org.tokens.interviewer)('POST', `/api/candidates/${candidateId}/erase`, { confirmation: 'ERASE' })).status).toBe(403);
    const other = await createTestOrg(t.prisma);
    expect((await apiClient(t.url, other.tokens.admin)('POST', `/api/candidates/${candidateId}/erase`, { confirmation: 'ERASE' })).status).toBe(404);
    expect(await t.prisma.candidate.findUniqueOrThrow({ where: { id: candidateId } })).toMatchObject({ anonymizedAt: null });
    expect(await t.prisma.auditEvent.count({ where: { action: 'candidate.erased', entityId: candidateId } })).toBe(0);
  });
});
