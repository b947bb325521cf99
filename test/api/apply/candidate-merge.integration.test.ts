// Merge and undo on the real stack: every row of the duplicate moves to the
// survivor and comes back on undo, the survivor's fields are restored exactly,
// a merge that would give one candidate two applications to a job is refused,
// and an apply with the merged record's email lands on the survivor.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { apiClient, createTestOrg, startTestSystem, waitFor, type TestOrg, type TestSystem } from '../../support/harness';
import { createHiringJob } from '../../support/fixtures';
import { generateResumePdf } from '../../support/resume-fixtures';

let t: TestSystem;
let org: TestOrg;
let recruiter: ReturnType<typeof apiClient>;
let jobA: string;
let jobB: string;
let dataDir: string;
let seq = 0;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-merge-'));
  t = await startTestSystem({ config: { TRELLIS_DATA_DIR: dataDir } });
  org = await createTestOrg(t.prisma);
  recruiter = apiClient(t.url, org.tokens.recruiter);
  ({ jobId: jobA } = await createHiringJob(recruiter));
  ({ jobId: jobB } = await createHiringJob(recruiter));
  await t.prisma.job.updateMany({ where: { id: { in: [jobA, jobB] } }, data: { status: 'OPEN' } });
});
afterAll(async () => {
  await t?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function apply(jobId: string, candidate: Record<string, unknown>, pdfSeed?: number) {
  const form = new FormData();
  form.set('application', JSON.stringify({ jobId, candidate }));
  if (pdfSeed !== undefined) form.set('resume', new Blob([new Uint8Array(await generateResumePdf(pdfSeed))]), 'cv.pdf');
  const res = await fetch(`${t.url}/api/public/orgs/${org.slug}/applications`, { method: 'POST', headers: { 'x-forwarded-for': `192.0.2.${++seq}` }, body: form });
  const body = await res.json();
  if (res.status !== 201) throw new Error(`apply: ${res.status} ${JSON.stringify(body)}`);
  return t.prisma.application.findUniqueOrThrow({ where: { id: body.id } });
}

/** Every row that belongs to a candidate, by table, as (id -> candidateId). */
async function ownership(ids: string[]) {
  const where = { candidateId: { in: ids } };
  const pick = (rows: { id: string; candidateId: string | null }[]) => Object.fromEntries(rows.map((r) => [r.id, r.candidateId]));
  return {
    Application: pick(await t.prisma.application.findMany({ where, select: { id: true, candidateId: true } })),
    ResumeFile: pick(await t.prisma.resumeFile.findMany({ where, select: { id: true, candidateId: true } })),
    CandidateNote: pick(await t.prisma.candidateNote.findMany({ where, select: { id: true, candidateId: true } })),
    Task: pick(await t.prisma.task.findMany({ where, select: { id: true, candidateId: true } })),
    Message: pick(await t.prisma.message.findMany({ where, select: { id: true, candidateId: true } })),
    ConsentRecord: pick(await t.prisma.consentRecord.findMany({ where, select: { id: true, candidateId: true } })),
    Run: pick(await t.prisma.run.findMany({ where, select: { id: true, candidateId: true } })),
    TalentPoolMember: Object.fromEntries((await t.prisma.talentPoolMember.findMany({ where })).map((m) => [m.poolId, m.candidateId])),
  };
}

const candidateRow = (id: string) => t.prisma.candidate.findUniqueOrThrow({ where: { id }, omit: { updatedAt: true } });

async function giveHistory(candidateId: string, tag: string) {
  await t.prisma.candidateNote.create({ data: { orgId: org.orgId, candidateId, body: `note ${tag}`, authorId: org.userIds.recruiter } });
  await t.prisma.task.create({ data: { orgId: org.orgId, candidateId, kind: 'TODO', title: `call ${tag}`, idempotencyKey: `merge-test-${tag}-${Date.now()}` } });
  await t.prisma.message.create({ data: { orgId: org.orgId, candidateId, idempotencyKey: `merge-msg-${tag}-${Date.now()}`, fromAddress: 'r@x.test', toAddress: `${tag}@x.test`, bodyText: 'hello' } });
  await t.prisma.consentRecord.create({ data: { orgId: org.orgId, candidateId, purpose: 'marketing', status: 'GRANTED', textVersion: 'v1' } });
}

test('merge moves every row to the survivor; undo restores every moved row and both records exactly', async () => {
  const survivorApp = await apply(jobA, { firstName: 'Grace', lastName: 'Hopper', email: `grace.${Date.now()}@example.com` });
  const duplicateApp = await apply(jobB, { firstName: 'Grace', lastName: 'Hopper', email: `g.hopper.${Date.now()}@example.org`, phone: '+1 415 555 0142' }, 31);
  const survivorId = survivorApp.candidateId;
  const duplicateId = duplicateApp.candidateId;
  // Let both runs reach their screening task (after the acknowledgement email), so the ownership snapshot
  // below is not racing rows a run is still writing.
  for (const app of [survivorApp, duplicateApp]) await waitFor('the screening task', () => t.prisma.task.findFirst({ where: { applicationId: app.id } }));
  await giveHistory(survivorId, 's');
  await giveHistory(duplicateId, 'd');
  const shared = await t.prisma.talentPool.create({ data: { orgId: org.orgId, name: `shared ${Date.now()}` } });
  const own = await t.prisma.talentPool.create({ data: { orgId: org.orgId, name: `own ${Date.now()}` } });
  await t.prisma.talentPoolMember.createMany({ data: [{ poolId: shared.id, candidateId: survivorId }, { poolId: shared.id, candidateId: duplicateId }, { poolId: own.id, candidateId: duplicateId }] });

  const beforeOwnership = await ownership([survivorId, duplicateId]);
  const beforeSurvivor = await candidateRow(survivorId);
  const beforeDuplicate = await candidateRow(duplicateId);
  expect(beforeDuplicate.currentResumeId).not.toBeNull();

  // On demand: the duplicate is found (same name, and the phone is only on one of them: not a match by phone).
  await t.prisma.candidate.update({ where: { id: survivorId }, data: { phoneE164: '+14155550142' } });
  const dupes = await recruiter('GET', `/api/candidates/${survivorId}/duplicates`);
  expect(dupes.status).toBe(200);
  expect(dupes.body.items).toEqual([expect.objectContaining({ candidateId: duplicateId, reasons: ['phone'] })]);
  await t.prisma.candidate.update({ where: { id: survivorId }, data: { phoneE164: null } });

  const merged = await recruiter('POST', `/api/candidates/${survivorId}/merge`, { duplicateId });
  expect(merged.status).toBe(201);
  const afterOwnership = await ownership([survivorId, duplicateId]);
  for (const [table, rows] of Object.entries(afterOwnership)) {
    for (const [id, owner] of Object.entries(rows)) {
      // The shared pool membership cannot move (the survivor is already a member): it stays, listed as kept.
      if (table === 'TalentPoolMember' && id === shared.id && beforeOwnership.TalentPoolMember[id] === undefined) continue;
      expect({ table, id, owner }).toEqual({ table, id, owner: table === 'TalentPoolMember' && id === shared.id ? owner : survivorId });
    }
  }
  expect(merged.body.kept).toEqual({ TalentPoolMember: [shared.id] });
  const survivorAfter = await candidateRow(survivorId);
  expect(survivorAfter.currentResumeId).toBe(beforeDuplicate.currentResumeId);
  expect(survivorAfter.phoneE164).toBe('+14155550142');
  expect(survivorAfter.skills).toEqual(expect.arrayContaining(beforeDuplicate.skills));
  expect((await candidateRow(duplicateId)).mergedIntoId).toBe(survivorId);
  const mergeRow = await t.prisma.candidateMerge.findUniqueOrThrow({ where: { id: merged.body.id } });
  expect(mergeRow).toMatchObject({ survivorId, mergedId: duplicateId, mergedById: org.userIds.recruiter, undoneAt: null });

  // Hidden from the duplicate check, and an apply with its email lands on the survivor.
  expect((await recruiter('GET', `/api/candidates/${survivorId}/duplicates`)).body.items).toEqual([]);
  const jobC = (await createHiringJob(recruiter)).jobId;
  await t.prisma.job.update({ where: { id: jobC }, data: { status: 'OPEN' } });
  const viaOldEmail = await apply(jobC, { firstName: 'Grace', lastName: 'Hopper', email: beforeDuplicate.email });
  expect(viaOldEmail.candidateId).toBe(survivorId);

  const undone = await recruiter('POST', `/api/candidate-merges/${merged.body.id}/undo`);
  expect(undone.status).toBe(200);
  const restored = await ownership([survivorId, duplicateId]);
  // Every row that existed before the merge is back with its owner; rows made since (the application through
  // the old email, and what its run writes) stay with the survivor and never land on the duplicate.
  for (const table of Object.keys(beforeOwnership) as (keyof typeof beforeOwnership)[]) {
    const back = Object.fromEntries(Object.keys(beforeOwnership[table]).map((id) => [id, restored[table][id]]));
    expect({ table, rows: back }).toEqual({ table, rows: beforeOwnership[table] });
    const newer = Object.entries(restored[table]).filter(([id]) => !(id in beforeOwnership[table]));
    expect({ table, newer: newer.filter(([, owner]) => owner !== survivorId) }).toEqual({ table, newer: [] });
  }
  expect(restored.Application[viaOldEmail.id]).toBe(survivorId);
  expect(await candidateRow(survivorId)).toEqual(beforeSurvivor);
  expect(await candidateRow(duplicateId)).toEqual(beforeDuplicate);
  expect((await t.prisma.candidateMerge.findUniqueOrThrow({ where: { id: merged.body.id } })).undoneById).toBe(org.userIds.recruiter);
  expect((await recruiter('POST', `/api/candidate-merges/${merged.body.id}/undo`)).status).toBe(409);
});

test("a run in flight acts on the survivor after the merge: the duplicate's pipeline emails the survivor and writes to its timeline", async () => {
  const survivorApp = await apply(jobA, { firstName: 'Ada', lastName: 'Lovelace', email: `ada.${Date.now()}@example.com` });
  const duplicateApp = await apply(jobB, { firstName: 'Ada', lastName: 'Lovelace', email: `a.lovelace.${Date.now()}@example.org` });
  const task = await waitFor("the duplicate's screening task", () => t.prisma.task.findFirst({ where: { applicationId: duplicateApp.id, status: 'OPEN' } }));
  const survivor = await candidateRow(survivorApp.candidateId);
  const duplicate = await candidateRow(duplicateApp.candidateId);
  expect((await recruiter('POST', `/api/candidates/${survivor.id}/merge`, { duplicateId: duplicate.id })).status).toBe(201);

  // The run started for the duplicate; a low score sends its rejection email.
  expect((await recruiter('POST', `/api/tasks/${task.id}/feedback`, { score: 1, recommendation: 'no' })).status).toBe(202);
  const run = await t.prisma.run.findFirstOrThrow({ where: { applicationId: duplicateApp.id } });
  const rejection = await waitFor('the rejection email', async () => (await t.prisma.message.findMany({ where: { runId: run.id } })).find((m) => m.bodyText?.includes('decided not to move forward')));
  expect(rejection).toMatchObject({ candidateId: survivor.id, toAddress: survivor.email });
  // The acknowledgement went to the duplicate's address before the merge; the rejection to the survivor's.
  await waitFor('the rejection in the sink', async () => t.sink.messages().find((m) => m.to.includes(survivor.email!) && (m.text ?? '').includes('decided not to move forward')));
  expect(t.sink.messages().filter((m) => m.to.includes(duplicate.email!)).map((m) => m.text ?? '').some((text) => text.includes('decided not to move forward'))).toBe(false);
});

test('two applications to the same job: the merge is refused with 409 and nothing changes', async () => {
  const a = await apply(jobA, { firstName: 'Alan', lastName: 'Turing', email: `alan.${Date.now()}@example.com` });
  const b = await apply(jobA, { firstName: 'Alan', lastName: 'Turing', email: `a.turing.${Date.now()}@example.org` });
  for (const app of [a, b]) await waitFor('the screening task', () => t.prisma.task.findFirst({ where: { applicationId: app.id } }));
  const before = await ownership([a.candidateId, b.candidateId]);
  const res = await recruiter('POST', `/api/candidates/${a.candidateId}/merge`, { duplicateId: b.candidateId });
  expect(res.status).toBe(409);
  expect(res.body.error.details[0]).toMatchObject({ path: 'body.duplicateId', code: 'same_job' });
  expect(await ownership([a.candidateId, b.candidateId])).toEqual(before);
  expect((await candidateRow(b.candidateId)).mergedIntoId).toBeNull();
  expect(await t.prisma.candidateMerge.count({ where: { survivorId: a.candidateId } })).toBe(0);
});

test('bad input: itself, unknown fields, another organization, an interviewer', async () => {
  const a = await apply(jobB, { firstName: 'Ada', lastName: 'Byron', email: `ada.b.${Date.now()}@example.com` });
  expect((await recruiter('POST', `/api/candidates/${a.candidateId}/merge`, { duplicateId: a.candidateId })).status).toBe(400);
  const extra = await recruiter('POST', `/api/candidates/${a.candidateId}/merge`, { duplicateId: 'x', force: true });
  expect(extra.status).toBe(400);
  expect(extra.body.error.details[0].path).toBe('body');
  expect((await recruiter('POST', `/api/candidates/${a.candidateId}/merge`, { duplicateId: 'no-such-candidate' })).body.error.details[0].path).toBe('body.duplicateId');
  const other = await createTestOrg(t.prisma);
  expect((await apiClient(t.url, other.tokens.recruiter)('POST', `/api/candidates/${a.candidateId}/merge`, { duplicateId: 'x' })).status).toBe(404);
  expect((await apiClient(t.url, org.tokens.interviewer)('POST', `/api/candidates/${a.candidateId}/merge`, { duplicateId: 'x' })).status).toBe(403);
});
