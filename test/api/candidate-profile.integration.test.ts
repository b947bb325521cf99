// The candidate profile on the real API and database: one timeline merged from
// every source, newest first, paged by keyset; what each role sees (hiring
// managers their jobs, interviewers their interviews, the scorecard
// independence rule, no EEO data); notes with their audit row and validation;
// the resume download and message view; other organizations' ids are 404.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hashToken, newToken } from '../../api/auth';
import { createResumeStorage, resumeStorageRoot } from '../../api/apply/resume-storage';
import { apiClient, createTestOrg, startTestSystem, type TestOrg, type TestSystem } from '../support/harness';
import { applicant } from '../support/fixtures';

let t: TestSystem;
let org: TestOrg;
let dataDir: string;
let admin: ReturnType<typeof apiClient>;
let recruiter: ReturnType<typeof apiClient>;
let interviewer: ReturnType<typeof apiClient>;
let manager: ReturnType<typeof apiClient>;
let otherAdmin: ReturnType<typeof apiClient>;
let managerId: string;
let candidateId: string;
let appA: string;
let appB: string;
let adminScorecardId: string;
let messageId: string;
const T0 = Date.parse('2026-03-02T09:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

type Entry = { id: string; kind: string; occurredAt: string; applicationId: string | null; userId: string | null; data: Record<string, unknown> };

async function timeline(call: ReturnType<typeof apiClient>, query = ''): Promise<Entry[]> {
  const res = await call('GET', `/api/candidates/${candidateId}/timeline?limit=100${query}`);
  if (res.status !== 200) throw new Error(`timeline: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.entries;
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-profile-'));
  t = await startTestSystem({ config: { TRELLIS_DATA_DIR: dataDir } });
  org = await createTestOrg(t.prisma);
  admin = apiClient(t.url, org.tokens.admin);
  recruiter = apiClient(t.url, org.tokens.recruiter);
  interviewer = apiClient(t.url, org.tokens.interviewer);
  otherAdmin = apiClient(t.url, (await createTestOrg(t.prisma)).tokens.admin);
  const hm = await t.prisma.user.create({ data: { orgId: org.orgId, role: 'HIRING_MANAGER', email: `hm-${crypto.randomUUID()}@example.test`, name: 'Hannah Manager' } });
  const hmToken = newToken();
  await t.prisma.apiToken.create({ data: { orgId: org.orgId, userId: hm.id, name: 'hm', tokenHash: hashToken(hmToken) } });
  managerId = hm.id;
  manager = apiClient(t.url, hmToken);

  // Two jobs without pipelines (no runs): the hiring manager manages A only; the interviewer interviews on A only.
  const jobA = (await recruiter('POST', '/api/jobs', { title: 'Backend Engineer', department: 'Engineering' })).body.id as string;
  const jobB = (await recruiter('POST', '/api/jobs', { title: 'Data Engineer', department: 'Engineering' })).body.id as string;
  await t.prisma.jobMember.create({ data: { jobId: jobA, userId: managerId, role: 'HIRING_MANAGER' } });
  const person = applicant(jobA);
  const a = await recruiter('POST', '/api/applications', person);
  expect(a.status).toBe(201);
  const b = await recruiter('POST', '/api/applications', { ...person, jobId: jobB });
  expect(b.status).toBe(201);
  appA = a.body.id;
  appB = b.body.id;
  candidateId = a.body.candidateId;
  expect(b.body.candidateId).toBe(candidateId);
  // Fixed, distinct times so the expected order is known.
  await t.prisma.application.update({ where: { id: appA }, data: { appliedAt: at(0) } });
  await t.prisma.application.update({ where: { id: appB }, data: { appliedAt: at(1) } });
  await t.prisma.stageTransition.updateMany({ where: { applicationId: { in: [appA, appB] } }, data: { at: at(0) } });

  const stagesA = await t.prisma.stage.findMany({ where: { jobId: jobA }, orderBy: { position: 'asc' } });
  await t.prisma.stageTransition.create({ data: { orgId: org.orgId, applicationId: appA, fromStageId: stagesA[0]!.id, toStageId: stagesA[1]!.id, actorType: 'USER', actorId: org.userIds.recruiter, at: at(2) } });
  messageId = (await t.prisma.message.create({ data: { orgId: org.orgId, candidateId, idempotencyKey: crypto.randomUUID(), status: 'SENT', fromAddress: 'jobs@acme.test', toAddress: person.candidate.email, subject: 'Thanks for applying', bodyText: 'We received your application.', createdAt: at(3), sentAt: at(3) } })).id;
  const task = (data: object) => t.prisma.task.create({ data: { orgId: org.orgId, kind: 'REVIEW', candidateId, idempotencyKey: crypto.randomUUID(), ...data } as never });
  await task({ title: 'Review for A (interviewer)', applicationId: appA, assigneeId: org.userIds.interviewer, createdAt: at(4) });
  await task({ title: 'Review for B', applicationId: appB, assigneeId: org.userIds.recruiter, createdAt: at(5), status: 'COMPLETED', completedAt: at(6), completedById: org.userIds.recruiter });
  const interviewA = await t.prisma.interview.create({ data: { orgId: org.orgId, applicationId: appA, title: 'Technical interview', status: 'SCHEDULED', startsAt: at(60 * 24), endsAt: at(60 * 25), createdAt: at(7) } });
  await t.prisma.interviewParticipant.createMany({ data: [{ interviewId: interviewA.id, userId: org.userIds.interviewer }, { interviewId: interviewA.id, userId: org.userIds.admin }] });
  await t.prisma.interview.create({ data: { orgId: org.orgId, applicationId: appB, title: 'Data screen', status: 'CANCELLED', createdAt: at(8), cancelledAt: at(9), cancelReason: 'candidate asked' } });
  adminScorecardId = (await t.prisma.scorecard.create({ data: { orgId: org.orgId, applicationId: appA, interviewId: interviewA.id, interviewerId: org.userIds.admin, score: 4, recommendation: 'strong_yes', notes: 'Excellent systems design', submittedAt: at(10) } })).id;
  await t.prisma.offer.create({ data: { orgId: org.orgId, applicationId: appA, salaryAmount: 120000, currency: 'EUR', status: 'SENT', createdAt: at(11), sentAt: at(12) } });
  await t.prisma.application.update({ where: { id: appB }, data: { status: 'REJECTED', rejectedAt: at(13), rejectedById: org.userIds.recruiter, rejectionReason: 'Chose another direction' } });
  const duplicate = await t.prisma.candidate.create({ data: { orgId: org.orgId, firstName: 'Grace', lastName: 'Duplicate', mergedIntoId: candidateId } });
  await t.prisma.candidateMerge.create({ data: { orgId: org.orgId, survivorId: candidateId, mergedId: duplicate.id, mergedById: org.userIds.admin, mergedAt: at(14), snapshot: {} } });
  // EEO answers exist for application A and must never surface.
  await t.prisma.eeoResponse.create({ data: { orgId: org.orgId, applicationId: appA, jobId: jobA, gender: 'eeo-gender-marker', raceEthnicity: 'eeo-race-marker' } });
});
afterAll(async () => {
  await t?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const ALL_KINDS_NEWEST_FIRST = [
  'candidate.merged', 'application.rejected', 'offer.sent', 'offer.created', 'scorecard.submitted', 'interview.cancelled',
  'interview.requested', 'interview.scheduled', 'task.completed', 'task.created', 'task.created', 'message.sent', 'stage.moved',
  'application.created', 'application.created',
];

test('an org-wide role sees one timeline of every source, newest first', async () => {
  const entries = await timeline(admin);
  expect(entries.map((e) => e.kind)).toEqual(ALL_KINDS_NEWEST_FIRST);
  const times = entries.map((e) => Date.parse(e.occurredAt));
  expect([...times].sort((x, y) => y - x)).toEqual(times);
  expect(entries.find((e) => e.kind === 'message.sent')!.data).toMatchObject({ messageId, subject: 'Thanks for applying', status: 'SENT' });
  expect(entries.find((e) => e.kind === 'stage.moved')!.data).toMatchObject({ jobTitle: 'Backend Engineer', actorType: 'USER' });
  expect(entries.find((e) => e.kind === 'application.rejected')!.data).toMatchObject({ jobTitle: 'Data Engineer', note: 'Chose another direction' });
  expect(entries.find((e) => e.kind === 'interview.cancelled')!.data).toMatchObject({ title: 'Data screen', reason: 'candidate asked' });
  expect(entries.find((e) => e.kind === 'scorecard.submitted')!.data).toMatchObject({ score: 4, recommendation: 'strong_yes', interviewTitle: 'Technical interview' });
  expect(entries.find((e) => e.kind === 'candidate.merged')!.data).toMatchObject({ mergedName: 'Grace Duplicate' });
  expect(JSON.stringify(entries)).not.toMatch(/eeo-/);
});

test('keyset pages walk the whole timeline once; a bad cursor or limit is a 400', async () => {
  const whole = await timeline(admin);
  const walked: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res: { status: number; body: { entries: Entry[]; nextCursor: string | null } } = await admin('GET', `/api/candidates/${candidateId}/timeline?limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.status).toBe(200);
    expect(res.body.entries.length).toBeLessThanOrEqual(4);
    walked.push(...res.body.entries.map((e) => e.id));
    cursor = res.body.nextCursor;
    pages++;
  } while (cursor);
  expect(pages).toBe(Math.ceil(whole.length / 4));
  expect(walked).toEqual(whole.map((e) => e.id));

  const bad = await admin('GET', `/api/candidates/${candidateId}/timeline?cursor=not-a-cursor`);
  expect(bad.status).toBe(400);
  expect(bad.body.error.details).toEqual([expect.objectContaining({ path: 'query.cursor', code: 'invalid_cursor' })]);
  const forged = Buffer.from(JSON.stringify({ t: 'yesterday', i: 'x' })).toString('base64url');
  expect((await admin('GET', `/api/candidates/${candidateId}/timeline?cursor=${forged}`)).status).toBe(400);
  const limit = await admin('GET', `/api/candidates/${candidateId}/timeline?limit=0`);
  expect(limit.status).toBe(400);
  expect(limit.body.error.details[0].path).toBe('query.limit');
});

test("a hiring manager sees only their job's application, its interviews, scorecards, tasks and offer", async () => {
  const entries = await timeline(manager);
  expect(new Set(entries.map((e) => e.applicationId))).toEqual(new Set([appA]));
  expect(entries.map((e) => e.kind)).toEqual(['offer.sent', 'offer.created', 'scorecard.submitted', 'interview.scheduled', 'task.created', 'stage.moved', 'application.created']);
  const profile = await manager('GET', `/api/candidates/${candidateId}`);
  expect(profile.status).toBe(200);
  expect(profile.body.applications.map((a: { id: string }) => a.id)).toEqual([appA]);
});

test("an interviewer sees their interview's application without messages or offers, only their own tasks, and others' scorecards only after submitting their own", async () => {
  const before = await timeline(interviewer);
  expect(before.map((e) => e.kind)).toEqual(['interview.scheduled', 'task.created', 'stage.moved', 'application.created']);
  expect(before.find((e) => e.kind === 'task.created')!.data.title).toBe('Review for A (interviewer)');
  const profileBefore = await interviewer('GET', `/api/candidates/${candidateId}`);
  expect(profileBefore.body.applications).toEqual([expect.objectContaining({ id: appA, hiddenScorecardCount: 1 })]);
  expect((await interviewer('GET', `/api/candidates/${candidateId}/messages/${messageId}`)).status).toBe(404);

  const interview = await t.prisma.interview.findFirstOrThrow({ where: { applicationId: appA } });
  const own = await interviewer('POST', `/api/interviews/${interview.id}/scorecards`, { recommendation: 'yes', ratings: {}, notes: 'Solid' });
  expect(own.status).toBe(201);
  const after = await timeline(interviewer);
  const cards = after.filter((e) => e.kind === 'scorecard.submitted');
  expect(cards.map((e) => e.userId).sort()).toEqual([org.userIds.admin, org.userIds.interviewer].sort());
  expect(cards.some((e) => e.id === `scorecard:${adminScorecardId}`)).toBe(true);
  expect((await interviewer('GET', `/api/candidates/${candidateId}`)).body.applications[0].hiddenScorecardCount).toBe(0);
});

test("another organization's ids are 404 on every profile route; a candidate outside an interviewer's interviews is 403", async () => {
  for (const [method, url, body] of [
    ['GET', `/api/candidates/${candidateId}`], ['GET', `/api/candidates/${candidateId}/timeline`], ['POST', `/api/candidates/${candidateId}/notes`, { body: 'x' }],
    ['GET', `/api/candidates/${candidateId}/resume`], ['GET', `/api/candidates/${candidateId}/messages/${messageId}`],
  ] as const) {
    const res = await otherAdmin(method, url, body);
    expect([url, res.status]).toEqual([url, 404]);
  }
  const stranger = (await recruiter('POST', '/api/applications', applicant((await t.prisma.application.findUniqueOrThrow({ where: { id: appB } })).jobId))).body.candidateId;
  expect((await interviewer('GET', `/api/candidates/${stranger}/timeline`)).status).toBe(403);
  expect((await manager('GET', `/api/candidates/${stranger}`)).status).toBe(403);
});

describe('notes', () => {
  const noteCount = () => t.prisma.candidateNote.count({ where: { candidateId } });
  const auditCount = () => t.prisma.auditEvent.count({ where: { orgId: org.orgId, action: 'note.added' } });

  test('bad notes are refused with the field and reason, and nothing is written', async () => {
    const [notes, audits] = [await noteCount(), await auditCount()];
    const empty = await recruiter('POST', `/api/candidates/${candidateId}/notes`, { body: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details[0]).toMatchObject({ path: 'body.body', message: 'a note needs some text' });
    const unknown = await recruiter('POST', `/api/candidates/${candidateId}/notes`, { body: 'hi', pinned: true });
    expect(unknown.status).toBe(400);
    const tooLong = await recruiter('POST', `/api/candidates/${candidateId}/notes`, { body: 'x'.repeat(20_001) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.details[0].path).toBe('body.body');
    const foreignApp = await manager('POST', `/api/candidates/${candidateId}/notes`, { body: 'About B', applicationId: appB });
    expect(foreignApp.status).toBe(404);
    expect(foreignApp.body.error.details[0].path).toBe('body.applicationId');
    expect([await noteCount(), await auditCount()]).toEqual([notes, audits]);
  });

  test('a note is stored with its audit row and tops the timeline; a hiring manager sees notes on their job and their own', async () => {
    const res = await recruiter('POST', `/api/candidates/${candidateId}/notes`, { body: '**Strong** Go background, ask about *Kafka*' });
    expect(res.status).toBe(201);
    const note = await t.prisma.candidateNote.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(note).toMatchObject({ candidateId, authorId: org.userIds.recruiter, applicationId: null, body: '**Strong** Go background, ask about *Kafka*' });
    const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { entityType: 'CandidateNote', entityId: note.id } });
    expect(audit).toMatchObject({ action: 'note.added', actorId: org.userIds.recruiter, orgId: org.orgId });
    expect(JSON.stringify(audit.after)).not.toContain('Kafka');
    const [first] = await timeline(admin);
    expect(first).toMatchObject({ kind: 'note.added', id: `note:${note.id}`, data: { body: note.body, authorName: expect.stringContaining('recruiter') } });

    // Candidate-wide notes stay with the recruiting team; the manager's own note on their job is theirs to see.
    expect((await timeline(manager)).some((e) => e.kind === 'note.added')).toBe(false);
    const mine = await manager('POST', `/api/candidates/${candidateId}/notes`, { body: 'Met at the meetup', applicationId: appA });
    expect(mine.status).toBe(201);
    const managerNotes = (await timeline(manager)).filter((e) => e.kind === 'note.added');
    expect(managerNotes.map((e) => e.id)).toEqual([`note:${mine.body.id}`]);
    expect((await timeline(interviewer)).filter((e) => e.kind === 'note.added').map((e) => e.id)).toEqual([`note:${mine.body.id}`]);
  });
});

describe('mentions', () => {
  const counts = async () => [await t.prisma.candidateNote.count({ where: { candidateId } }), await t.prisma.task.count({ where: { candidateId } })];

  test('unknown, repeated and out-of-scope people are refused at their index, and nothing is written', async () => {
    const before = await counts();
    const outsider = await t.prisma.user.create({ data: { orgId: org.orgId, role: 'HIRING_MANAGER', email: `hm2-${crypto.randomUUID()}@example.test`, name: 'Other Manager' } });
    const res = await recruiter('POST', `/api/candidates/${candidateId}/notes`, { body: 'FYI', mentionedUserIds: [org.userIds.admin, 'no-such-user', outsider.id] });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      expect.objectContaining({ path: 'body.mentionedUserIds.1', code: 'unknown_user' }),
      expect.objectContaining({ path: 'body.mentionedUserIds.2', code: 'out_of_scope' }),
    ]);
    const twice = await recruiter('POST', `/api/candidates/${candidateId}/notes`, { body: 'FYI', mentionedUserIds: [org.userIds.admin, org.userIds.admin] });
    expect(twice.status).toBe(400);
    expect(twice.body.error.details[0].path).toBe('body.mentionedUserIds');
    expect(await counts()).toEqual(before);
  });

  test('each person mentioned gets an inbox task about the candidate; the note lists them', async () => {
    const res = await recruiter('POST', `/api/candidates/${candidateId}/notes`, { body: '@admin @interviewer please look at the system design answers', applicationId: appA, mentionedUserIds: [org.userIds.admin, org.userIds.interviewer, org.userIds.recruiter] });
    expect(res.status).toBe(201);
    // Mentioning yourself notifies nobody.
    expect(res.body.mentionedUserIds.sort()).toEqual([org.userIds.admin, org.userIds.interviewer].sort());
    const tasks = await t.prisma.task.findMany({ where: { idempotencyKey: { startsWith: `note:${res.body.id}:mention:` } }, orderBy: { assigneeId: 'asc' } });
    expect(tasks.map((x) => x.assigneeId).sort()).toEqual([org.userIds.admin, org.userIds.interviewer].sort());
    for (const task of tasks) expect(task).toMatchObject({ kind: 'TODO', status: 'OPEN', candidateId, applicationId: appA, title: expect.stringContaining('mentioned you in a note on') });
    const inbox = await interviewer('GET', '/api/tasks?assignee=me');
    expect(inbox.body.tasks.map((x: { id: string }) => x.id)).toContain(tasks.find((x) => x.assigneeId === org.userIds.interviewer)!.id);
    const entry = (await timeline(admin)).find((e) => e.id === `note:${res.body.id}`)!;
    expect((entry.data.mentioned as string[]).length).toBe(2);
    // The mention tasks are told by the note, not as tasks of their own.
    expect((await timeline(admin)).filter((e) => tasks.some((x) => e.id.endsWith(x.id)))).toEqual([]);
    const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { entityId: res.body.id } });
    expect(audit.after).toMatchObject({ mentionTaskIds: expect.arrayContaining(tasks.map((x) => x.id)) });
  });
});

test('the resume downloads as an attachment of its type; none is a 404', async () => {
  expect((await recruiter('GET', `/api/candidates/${candidateId}/resume`)).status).toBe(404);
  const bytes = Buffer.from('%PDF-1.4 profile test resume');
  const id = crypto.randomUUID().replace(/-/g, '');
  const stored = await createResumeStorage(resumeStorageRoot(dataDir)).put(org.orgId, id, 'pdf', bytes);
  await t.prisma.resumeFile.create({ data: { id, orgId: org.orgId, candidateId, kind: 'pdf', mimeType: 'application/pdf', storedName: 'Grace-Hopper.pdf', displayName: 'Grace Hopper.pdf', sizeBytes: bytes.length, sha256: stored.sha256, storageKey: stored.storageKey, parseStatus: 'PARSED' } });
  await t.prisma.candidate.update({ where: { id: candidateId }, data: { currentResumeId: id, skills: ['go', 'kafka'], yearsExperience: 7.5, links: { linkedin: 'https://linkedin.com/in/grace', github: null, website: null, others: [] } } });

  const res = await fetch(`${t.url}/api/candidates/${candidateId}/resume`, { headers: { authorization: `Bearer ${org.tokens.interviewer}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  expect(res.headers.get('content-disposition')).toBe('attachment; filename="Grace-Hopper.pdf"');
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(Buffer.from(await res.arrayBuffer())).toEqual(bytes);

  const profile = await recruiter('GET', `/api/candidates/${candidateId}`);
  expect(profile.body).toMatchObject({ id: candidateId, skills: ['go', 'kafka'], yearsExperience: 7.5, links: { linkedin: 'https://linkedin.com/in/grace' }, resume: { id, displayName: 'Grace Hopper.pdf', mimeType: 'application/pdf' } });
  expect(profile.body.applications.map((a: { id: string }) => a.id)).toEqual([appB, appA]);
  expect(JSON.stringify(profile.body)).not.toMatch(/eeo-/);
});

test('a message opens for the recruiting team with its text', async () => {
  const res = await recruiter('GET', `/api/candidates/${candidateId}/messages/${messageId}`);
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ id: messageId, subject: 'Thanks for applying', bodyText: 'We received your application.', status: 'SENT' });
  expect((await recruiter('GET', `/api/candidates/${candidateId}/messages/no-such-message`)).status).toBe(404);
});
