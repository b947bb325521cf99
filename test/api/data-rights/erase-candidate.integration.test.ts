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
  t = await startTestSystem({ config: { TRELLIS_DATA_DIR: dataDir } });
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

/** A resume fixture for a new person: its address is unique to this run, so any trace found is theirs. */
function personFixture(seed: number): TResumeFixture & { firstName: string; lastName: string } {
  const base = makeResumeFixture(seed);
  const email = `${base.email.split('@')[0]}.${crypto.randomBytes(4).toString('hex')}@example.com`;
  const fixture = JSON.parse(JSON.stringify(base).split(base.email).join(email)) as TResumeFixture;
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

/** A marketing email through the send path (tracked links, reply address), and the person's click and reply on it. */
async function campaignEmail(candidateId: string, email: string, firstName: string) {
  const orgId = org.orgId;
  const sent = await deliverCandidateEmail(t.system.services!, {
    orgId, candidateId, category: 'MARKETING', topic: 'jobs', idempotencyKey: `campaign-test/${crypto.randomUUID()}`,
    sender: { userId: org.userIds.recruiter },
    content: { subject: '{{candidate.firstName}}, a role you might like', body: 'Hi {{candidate.firstName}}, have a look: https://acme.example/jobs/1' },
  });
  expect(sent.status).toBe('SENT');
  await t.sink.waitFor((m) => m.to.includes(email) && m.subject === `${firstName}, a role you might like`);
  await t.prisma.message.update({ where: { id: sent.messageId }, data: { clickedAt: new Date(), repliedAt: new Date() } });
  await t.prisma.engagementEvent.create({ data: { orgId, candidateId, kind: 'CLICKED', messageId: sent.messageId, linkIndex: 0, dedupeKey: `click:${sent.messageId}:0` } });
  const reply = await t.prisma.message.create({
    data: {
      orgId, candidateId, direction: 'INBOUND', status: 'RECEIVED', idempotencyKey: `inbound:${crypto.randomUUID()}`, inReplyToId: sent.messageId,
      fromAddress: email, toAddress: `reply+${sent.messageId}.abc@trellis.localhost`, subject: `Re: ${firstName}, a role you might like`,
      bodyText: `Yes, interested! Reach me at ${email}.\n\n> Hi ${firstName}, ...`,
    },
  });
  await t.prisma.engagementEvent.create({ data: { orgId, candidateId, kind: 'REPLIED', messageId: sent.messageId, dedupeKey: `reply:${reply.id}` } });
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
  expect(res.status).toBe(201);
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

/** Traces the job-alert and import paths leave, and an earlier unsubscribe, a preference and a segment naming the address. */
async function otherTraces(candidateId: string, email: string) {
  const orgId = org.orgId;
  await t.prisma.jobAlert.create({ data: { orgId, candidateId, criteria: { keywords: ['rust'], locations: ['Berlin'] } } });
  await t.prisma.contactPreference.create({ data: { candidateId, topic: 'newsletter', isSubscribed: false } });
  await t.prisma.bulkJob.create({
    data: { orgId, kind: 'import_csv', status: 'SUCCEEDED', total: 3, processed: 3, succeeded: 2, failed: 1, report: { created: 2, failures: [{ line: 3, reason: 'phone is not a number', row: `Grace,Hopper,${email},not-a-phone` }] } },
  });
  await t.prisma.suppression.create({ data: { orgId, address: email, addressHash: addressHash(orgId, email), candidateId, reason: 'bounced' } });
  await t.prisma.segment.create({ data: { orgId, name: `Keyword ${crypto.randomBytes(3).toString('hex')}`, query: { keywords: email } } });
}

/** Everything the CRM holds about a person, through its real paths where they exist. */
async function crmTraces(candidateId: string, person: { firstName: string; lastName: string; email: string }) {
  await campaignEmail(candidateId, person.email, person.firstName);
  await registerForEvent(person);
  await otherTraces(candidateId, person.email);
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
    expect(doc.engagement.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['SENT', 'CLICKED', 'REPLIED']));
    expect(doc.consents).toEqual([expect.objectContaining({ purpose: 'application_processing', status: 'GRANTED', textVersion: 'v1', textShown: CONSENT_TEXT })]);
    expect(doc.notes).toEqual([expect.objectContaining({ body: `Called ${person.email}; prefers mornings.` })]);
    expect(doc.notes[0]).not.toHaveProperty('authorId');
    expect(doc.eventRegistrations).toEqual([expect.objectContaining({ eventName: expect.stringMatching(/^Backend meetup/), status: 'REGISTERED' })]);
    expect(doc.jobAlerts).toEqual([expect.objectContaining({ criteria: { keywords: ['rust'], locations: ['Berlin'] } })]);
    expect(doc.contactPreferences).toEqual([expect.objectContaining({ topic: 'newsletter', isSubscribed: false })]);
    expect(doc.suppressions).toEqual([expect.objectContaining({ reason: 'bounced' })]);
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
    expect(workflowIds.length).toBe(2);
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
    expect(erased.body.workflows.failed).toEqual([]);

    expect(await scanDatabase(t.system.db.pool, needles)).toEqual([]);
    expect(await scanFiles(dataDir, needles)).toEqual([]);
    const temporal = await t.system.services!.temporal();
    await waitFor('the histories deleted', async () => Object.values(await scanWorkflowHistories(temporal, workflowIds, needles)).every((s) => s === 'deleted'));

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
