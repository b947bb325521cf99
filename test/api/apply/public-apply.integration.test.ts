// The public apply endpoint on the real stack: resumes (PDF, DOCX) parsed onto
// the profile and stored by content hash, refusals (wrong type, too large,
// unknown fields, rate limit) that write nothing, knockout, consent, source
// and UTM, and duplicate flags.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { apiClient, createTestOrg, startTestSystem, waitFor, type TestOrg, type TestSystem } from '../../support/harness';
import { createHiringJob } from '../../support/fixtures';
import { generateResumeDocx, generateResumePdf, makeResumeFixture } from '../../support/resume-fixtures';
import { MAX_RESUME_BYTES } from '../../../api/resumes/resume-limits';
import { APPLY_PER_IP } from '../../../api/apply/apply-rate-limit';

let t: TestSystem;
let org: TestOrg;
let jobId: string;
let dataDir: string;
let ipSeq = 0;
const newIp = () => `203.0.113.${(++ipSeq % 250) + 1}`;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-apply-'));
  t = await startTestSystem({ config: { TRELLIS_DATA_DIR: dataDir } });
  org = await createTestOrg(t.prisma);
  ({ jobId } = await createHiringJob(apiClient(t.url, org.tokens.recruiter)));
  await t.prisma.job.update({ where: { id: jobId }, data: { status: 'OPEN' } });
  // Phones written without +<code> on a resume are read as numbers of the job's country.
  await t.prisma.jobLocation.create({ data: { jobId, city: 'New York', region: 'NY', countryCode: 'US' } });
});
afterAll(async () => {
  await t?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const applyUrl = () => `${t.url}/api/public/orgs/${org.slug}/applications`;
let personSeq = 0;
function person(overrides: Record<string, unknown> = {}) {
  personSeq++;
  return { firstName: 'Ada', lastName: `Lovelace${personSeq}`, email: `ada.${personSeq}.${Date.now()}@example.com`, ...overrides };
}

async function postJson(body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(applyUrl(), { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': newIp(), ...headers }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json().catch(() => undefined) };
}

async function postMultipart(application: unknown, file?: { bytes: Uint8Array; name: string }, extra: Record<string, string> = {}, headers: Record<string, string> = {}) {
  const form = new FormData();
  form.set('application', JSON.stringify(application));
  if (file) form.set('resume', new Blob([new Uint8Array(file.bytes)]), file.name);
  for (const [k, v] of Object.entries(extra)) form.set(k, v);
  const res = await fetch(applyUrl(), { method: 'POST', headers: { 'x-forwarded-for': newIp(), ...headers }, body: form });
  return { status: res.status, body: await res.json().catch(() => undefined) };
}

const counts = async () => ({
  applications: await t.prisma.application.count({ where: { orgId: org.orgId } }),
  candidates: await t.prisma.candidate.count({ where: { orgId: org.orgId } }),
  resumes: await t.prisma.resumeFile.count({ where: { orgId: org.orgId } }),
  files: fs.existsSync(path.join(dataDir, 'resumes', org.orgId)) ? fs.readdirSync(path.join(dataDir, 'resumes', org.orgId), { recursive: true }).length : 0,
});

describe('resume upload', () => {
  test('a PDF resume lands parsed on the profile; the file is stored under its hash; the run starts', async () => {
    const fixture = makeResumeFixture(11);
    const pdf = await generateResumePdf(11);
    const [firstName, ...rest] = fixture.name.split(' ');
    const res = await postMultipart({ jobId, candidate: { firstName, lastName: rest.join(' '), email: fixture.email }, source: 'indeed', utm: { utm_source: 'indeed', utm_campaign: 'q4' } }, { bytes: pdf, name: 'Ada resume.pdf' });
    expect(res).toMatchObject({ status: 201, body: { status: 'received' } });
    const application = await t.prisma.application.findUniqueOrThrow({ where: { id: res.body.id }, include: { candidate: true, resumeFiles: true } });
    expect(application.source).toBe('indeed');
    expect(application.utm).toEqual({ utm_source: 'indeed', utm_campaign: 'q4' });
    const resume = application.resumeFiles[0]!;
    expect(resume).toMatchObject({ kind: 'pdf', mimeType: 'application/pdf', parseStatus: 'PARSED', displayName: 'Ada resume.pdf', storedName: 'Ada-resume.pdf', sizeBytes: pdf.length });
    expect(resume.sha256).toBe(crypto.createHash('sha256').update(pdf).digest('hex'));
    expect(resume.storageKey).toBe(`${org.orgId}/${resume.sha256}/${resume.id}.pdf`);
    expect(crypto.createHash('sha256').update(fs.readFileSync(path.join(dataDir, 'resumes', resume.storageKey))).digest('hex')).toBe(resume.sha256);
    const c = application.candidate;
    expect(c.currentResumeId).toBe(resume.id);
    expect(c.resumeText).toContain(fixture.email);
    expect(c.skills).toEqual(expect.arrayContaining(fixture.skills.map((s) => s.toLowerCase())));
    expect(c.phoneE164).toBe(fixture.phone.e164);
    expect(c.linkKeys).toContain(`linkedin.com/in/${fixture.links.linkedin.split('/in/')[1]}`);
    expect(c.yearsExperience).toBeGreaterThanOrEqual(fixture.expectedYears - 0.1);
    expect((c.employers as unknown[]).length).toBe(fixture.jobs.length);
    expect((c.education as unknown[]).length).toBeGreaterThan(0);
    expect(c.headline).toContain(fixture.jobs[0]!.title);
    await waitFor('the run row', () => t.prisma.run.findFirst({ where: { applicationId: application.id } }));
  });

  test('a DOCX resume lands parsed on the profile', async () => {
    const fixture = makeResumeFixture(12);
    const res = await postMultipart({ jobId, candidate: person() }, { bytes: generateResumeDocx(12), name: 'cv.docx' });
    expect(res.status).toBe(201);
    const resume = await t.prisma.resumeFile.findFirstOrThrow({ where: { applicationId: res.body.id }, include: { candidate: true } });
    expect(resume).toMatchObject({ kind: 'docx', parseStatus: 'PARSED' });
    expect(resume.candidate.skills).toEqual(expect.arrayContaining(fixture.skills.map((s) => s.toLowerCase())));
    expect(resume.candidate.phoneE164).toBe(fixture.phone.e164);
  });

  test('an executable renamed .pdf: 415 naming the resume, nothing written', async () => {
    const before = await counts();
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), crypto.randomBytes(4096)]);
    const res = await postMultipart({ jobId, candidate: person() }, { bytes: exe, name: 'resume.pdf' });
    expect(res.status).toBe(415);
    expect(res.body.error).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', details: [{ path: 'body.resume', code: 'executable' }] });
    expect(await counts()).toEqual(before);
  });

  test('a resume of 10 MB + 1 byte: 413, nothing written', async () => {
    const before = await counts();
    const big = Buffer.alloc(MAX_RESUME_BYTES + 1, 0x20);
    Buffer.from('%PDF-1.7\n').copy(big);
    const res = await postMultipart({ jobId, candidate: person() }, { bytes: big, name: 'big.pdf' });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await counts()).toEqual(before);
  });

  test('a body over the multipart limit is refused from its Content-Length, before it is read', async () => {
    const res = await fetch(applyUrl(), { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(50 * 1024 * 1024), 'x-forwarded-for': newIp() }, body: '--x--' })
      .then((r) => r.status, (err: Error) => err.message);
    // The server answers 413 and closes; a client may see the close first.
    expect([413, 'fetch failed']).toContain(res);
  });

  test('a path-traversal file name is harmless: the file stays under the storage root with a safe name', async () => {
    const res = await postMultipart({ jobId, candidate: person() }, { bytes: await generateResumePdf(13), name: '../../../../etc/cron.d/evil\u202Efdp.pdf' });
    expect(res.status).toBe(201);
    const resume = await t.prisma.resumeFile.findFirstOrThrow({ where: { applicationId: res.body.id } });
    expect(resume.storedName).toMatch(/^[A-Za-z0-9_-]+\.pdf$/);
    expect(resume.displayName).not.toMatch(/[\\/]/);
    expect(path.resolve(dataDir, 'resumes', resume.storageKey).startsWith(path.join(dataDir, 'resumes', org.orgId) + path.sep)).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'resumes', resume.storageKey))).toBe(true);
    expect(fs.existsSync('/etc/cron.d/evil')).toBe(false);
  });
});

describe('strict validation', () => {
  test('unknown fields: 400 naming them, JSON and multipart, nothing written', async () => {
    const before = await counts();
    const json = await postJson({ jobId, candidate: { ...person(), nickname: 'x' }, admin: true });
    expect(json.status).toBe(400);
    expect(json.body.error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['body.candidate', 'body']));
    const multipart = await postMultipart({ jobId, candidate: person() }, undefined, { isAdmin: 'true' });
    expect(multipart.status).toBe(400);
    expect(multipart.body.error.details).toEqual([expect.objectContaining({ path: 'body.isAdmin', code: 'unrecognized_keys' })]);
    expect(await counts()).toEqual(before);
  });

  test('neither JSON nor multipart: 415', async () => {
    const res = await fetch(applyUrl(), { method: 'POST', headers: { 'content-type': 'text/plain', 'x-forwarded-for': newIp() }, body: 'hello' });
    expect(res.status).toBe(415);
  });

  test('another organization: 404 for its job', async () => {
    const other = await createTestOrg(t.prisma);
    const res = await fetch(`${t.url}/api/public/orgs/${other.slug}/applications`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': newIp() }, body: JSON.stringify({ jobId, candidate: person() }) });
    expect(res.status).toBe(404);
  });

  test(`over the rate limit (${APPLY_PER_IP.max} per ${APPLY_PER_IP.windowSeconds} s per IP): 429, other IPs unaffected`, async () => {
    const ip = '198.51.100.77';
    // Refused requests count too (here: a job that does not exist), so probing the form is limited the same way.
    for (let i = 0; i < APPLY_PER_IP.max; i++) expect((await postJson({ jobId: 'no-such-job', candidate: person() }, { 'x-forwarded-for': ip })).status).toBe(404);
    const before = await counts();
    const limited = await postJson({ jobId, candidate: person() }, { 'x-forwarded-for': ip });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect(await counts()).toEqual(before);
    expect((await postJson({ jobId, candidate: person() })).status).toBe(201);
  });
});

describe('questions, consent, duplicates', () => {
  test('a failed knockout question is recorded as an auto-rejection with its reason, and the run still starts', async () => {
    const knockJob = await createHiringJob(apiClient(t.url, org.tokens.recruiter));
    await t.prisma.job.update({ where: { id: knockJob.jobId }, data: { status: 'OPEN' } });
    await t.prisma.jobQuestion.createMany({ data: [
      { jobId: knockJob.jobId, key: 'authorized', label: 'Are you authorized to work in the EU?', type: 'YES_NO', knockout: { answer: false }, position: 0 },
      { jobId: knockJob.jobId, key: 'years', label: 'Years of Go', type: 'NUMBER', knockout: { min: 2 }, position: 1 },
    ] });
    const missing = await postJson({ jobId: knockJob.jobId, candidate: person(), answers: { authorized: true } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details).toEqual([expect.objectContaining({ path: 'body.answers.years', code: 'required' })]);

    const passed = await postJson({ jobId: knockJob.jobId, candidate: person(), answers: { authorized: true, years: 4 } });
    const failed = await postJson({ jobId: knockJob.jobId, candidate: person(), answers: { authorized: false, years: 4 } });
    expect([passed.status, failed.status]).toEqual([201, 201]);
    const ok = await t.prisma.application.findUniqueOrThrow({ where: { id: passed.body.id } });
    expect(ok).toMatchObject({ status: 'ACTIVE', knockoutFailures: [], answers: { authorized: true, years: 4 }, rejectedAt: null });
    const out = await t.prisma.application.findUniqueOrThrow({ where: { id: failed.body.id } });
    expect(out).toMatchObject({ status: 'REJECTED', knockoutFailures: ['authorized'], rejectionReason: 'Knockout: Are you authorized to work in the EU?' });
    expect(out.rejectedAt).toBeInstanceOf(Date);
    expect(await t.prisma.auditEvent.count({ where: { entityId: out.id, action: 'application.knocked_out' } })).toBe(1);
    await waitFor('the rejected application\'s run', () => t.prisma.run.findFirst({ where: { applicationId: out.id } }));
  });

  test('consent is required once a text is published, and stored with its version and time', async () => {
    const consentOrg = await createTestOrg(t.prisma);
    const { jobId: consentJob } = await createHiringJob(apiClient(t.url, consentOrg.tokens.recruiter));
    await t.prisma.job.update({ where: { id: consentJob }, data: { status: 'OPEN' } });
    await t.prisma.consentText.create({ data: { orgId: consentOrg.orgId, purpose: 'application_processing', version: '2026-11', body: 'We keep your application for 12 months.' } });
    const url = `${t.url}/api/public/orgs/${consentOrg.slug}/applications`;
    const post = (body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': newIp() }, body: JSON.stringify(body) }).then(async (r) => ({ status: r.status, body: await r.json() }));
    const without = await post({ jobId: consentJob, candidate: person() });
    expect(without.status).toBe(400);
    expect(without.body.error.details[0].path).toBe('body.consent');
    const unknownVersion = await post({ jobId: consentJob, candidate: person(), consent: { textVersion: '1999-01', isGiven: true } });
    expect(unknownVersion.body.error.details[0].path).toBe('body.consent.textVersion');
    expect(await t.prisma.application.count({ where: { orgId: consentOrg.orgId } })).toBe(0);

    const startedAt = Date.now();
    const given = await post({ jobId: consentJob, candidate: person(), consent: { textVersion: '2026-11', isGiven: true } });
    expect(given.status).toBe(201);
    const record = await t.prisma.consentRecord.findFirstOrThrow({ where: { applicationId: given.body.id } });
    expect(record).toMatchObject({ purpose: 'application_processing', status: 'GRANTED', textVersion: '2026-11', source: `apply:${consentJob}` });
    expect(record.at.getTime()).toBeGreaterThanOrEqual(startedAt - 1000);
  });

  test('duplicates: the same email reuses the candidate; the same phone or name plus LinkedIn is flagged', async () => {
    const jobB = await createHiringJob(apiClient(t.url, org.tokens.recruiter));
    await t.prisma.job.update({ where: { id: jobB.jobId }, data: { status: 'OPEN' } });
    const first = person({ phone: '+1 415 555 0199' });
    const a = await postJson({ jobId, candidate: first });
    const again = await postJson({ jobId: jobB.jobId, candidate: { ...first, email: first.email.toUpperCase() } });
    const samePhone = await postJson({ jobId, candidate: person({ phone: '(+1) 415-555-0199' }) });
    expect([a.status, again.status, samePhone.status]).toEqual([201, 201, 201]);
    const [appA, appAgain, appPhone] = await Promise.all([a, again, samePhone].map((r) => t.prisma.application.findUniqueOrThrow({ where: { id: r.body.id } })));
    expect(appAgain!.candidateId).toBe(appA!.candidateId);
    expect(appPhone!.candidateId).not.toBe(appA!.candidateId);
    const flag = await t.prisma.auditEvent.findFirstOrThrow({ where: { entityId: appPhone!.candidateId, action: 'candidate.duplicates_suspected' } });
    expect(flag.after).toMatchObject({ matches: [{ candidateId: appA!.candidateId, reasons: ['phone'] }] });

    // Name plus a shared link: two resumes of the same fixture person under different emails.
    const fixture = makeResumeFixture(21);
    const [fn, ...ln] = fixture.name.split(' ');
    const pdf = await generateResumePdf(21);
    const r1 = await postMultipart({ jobId, candidate: { firstName: fn, lastName: ln.join(' '), email: `one.${Date.now()}@example.com` } }, { bytes: pdf, name: 'a.pdf' });
    const r2 = await postMultipart({ jobId: jobB.jobId, candidate: { firstName: fn, lastName: ln.join(' '), email: `two.${Date.now()}@example.com` } }, { bytes: pdf, name: 'b.pdf' });
    expect([r1.status, r2.status]).toEqual([201, 201]);
    const c1 = (await t.prisma.application.findUniqueOrThrow({ where: { id: r1.body.id } })).candidateId;
    const c2 = (await t.prisma.application.findUniqueOrThrow({ where: { id: r2.body.id } })).candidateId;
    const linkFlag = await t.prisma.auditEvent.findFirstOrThrow({ where: { entityId: c2, action: 'candidate.duplicates_suspected' } });
    expect((linkFlag.after as { matches: { candidateId: string; reasons: string[] }[] }).matches).toEqual(
      expect.arrayContaining([expect.objectContaining({ candidateId: c1, reasons: expect.arrayContaining(['name_and_link']) })]),
    );
  });
});
