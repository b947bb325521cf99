// The server-rendered apply form: tracking carried in hidden fields, a browser-style
// multipart post with a PDF, and errors shown next to their fields with values kept.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { apiClient, createTestOrg, startTestSystem, type TestOrg, type TestSystem } from '../../support/harness';
import { createHiringJob } from '../../support/fixtures';
import { generateResumePdf } from '../../support/resume-fixtures';

let t: TestSystem;
let org: TestOrg;
let jobId: string;
let dataDir: string;
let ip = 0;
const jobSlug = 'platform-engineer';

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-form-'));
  t = await startTestSystem({ config: { TRELLIS_DATA_DIR: dataDir } });
  org = await createTestOrg(t.prisma);
  ({ jobId } = await createHiringJob(apiClient(t.url, org.tokens.recruiter)));
  await t.prisma.job.update({ where: { id: jobId }, data: { status: 'OPEN', slug: jobSlug, title: 'Platform <Engineer>' } });
  await t.prisma.jobQuestion.create({ data: { jobId, key: 'authorized', label: 'Authorized to work in the EU?', type: 'YES_NO', knockout: { answer: false } } });
  await t.prisma.consentText.create({ data: { orgId: org.orgId, purpose: 'application_processing', version: 'v3', body: 'We keep your data **12 months**.' } });
});
afterAll(async () => {
  await t?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const formUrl = () => `${t.url}/careers/${org.slug}/jobs/${jobSlug}/apply`;
const hidden = (html: string, name: string) => new RegExp(`<input type="hidden" name="${name}" value="([^"]*)">`).exec(html)?.[1];

async function post(fields: Record<string, string>, file?: { bytes: Uint8Array; name: string }) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  // A browser sends the file part even when no file was chosen: empty, with filename="".
  form.set('resume', file ? new Blob([new Uint8Array(file.bytes)]) : new Blob([]), file?.name ?? '');
  const res = await fetch(formUrl(), { method: 'POST', body: form, headers: { 'x-forwarded-for': `198.18.0.${++ip}` } });
  return { status: res.status, html: await res.text() };
}

test('GET: the form, accessible labels, tracking and a form key as hidden fields, hostile text escaped', async () => {
  const res = await fetch(`${formUrl()}?source=indeed&utm_source=indeed&utm_campaign=winter&evil=%3Cscript%3E`);
  expect(res.status).toBe(200);
  const html = await res.text();
  expect(html).toContain('<h1>Apply for Platform &lt;Engineer&gt;</h1>');
  expect(html).not.toContain('<script');
  expect([hidden(html, 'source'), hidden(html, 'utm_source'), hidden(html, 'utm_campaign')]).toEqual(['indeed', 'indeed', 'winter']);
  expect(hidden(html, 'formKey')).toMatch(/^[A-Za-z0-9_-]{16,}$/);
  for (const field of ['firstName', 'lastName', 'email', 'phone', 'resume']) expect(html).toMatch(new RegExp(`<label for="f-${field}">`));
  expect(html).toContain('<legend>Authorized to work in the EU? (required)</legend>');
  expect(html).toContain('<strong>12 months</strong>');
  expect(html).toMatch(/enctype="multipart\/form-data"/);
  expect((await fetch(`${t.url}/careers/${org.slug}/jobs/no-such-job/apply`)).status).toBe(404);
});

test('POST with a PDF: thank-you page; the application has the tracking, answers, consent and the parsed resume', async () => {
  const page = await (await fetch(`${formUrl()}?source=indeed&utm_source=indeed&utm_medium=cpc`)).text();
  const fields = {
    source: hidden(page, 'source')!, utm_source: hidden(page, 'utm_source')!, utm_medium: hidden(page, 'utm_medium')!, formKey: hidden(page, 'formKey')!,
    firstName: 'Katherine', lastName: 'Johnson', email: `kj.${Date.now()}@example.com`, 'q.authorized': 'yes', consent: 'v3',
    'eeo.gender': 'female', 'eeo.veteranStatus': 'declined', 'eeo.disabilityStatus': '',
  };
  const res = await post(fields, { bytes: await generateResumePdf(41), name: 'KJ.pdf' });
  expect(res.status).toBe(201);
  expect(res.html).toContain('data-testid="apply-done"');
  const app = await t.prisma.application.findFirstOrThrow({ where: { jobId, candidate: { email: fields.email } }, include: { resumeFiles: true, candidate: true } });
  expect(app).toMatchObject({ source: 'indeed', utm: { utm_source: 'indeed', utm_medium: 'cpc' }, answers: { authorized: true }, status: 'ACTIVE' });
  expect(app.resumeFiles[0]).toMatchObject({ kind: 'pdf', parseStatus: 'PARSED' });
  expect(app.candidate.skills.length).toBeGreaterThan(0);
  expect(await t.prisma.consentRecord.findFirst({ where: { applicationId: app.id, textVersion: 'v3' } })).not.toBeNull();
  // Self-identification goes to EeoResponse alone: unanswered stays null, nothing of it on the application.
  expect(await t.prisma.eeoResponse.findUnique({ where: { applicationId: app.id } })).toMatchObject({ gender: 'female', veteranStatus: 'declined', disabilityStatus: null, raceEthnicity: null, jobId });
  expect(JSON.stringify(app)).not.toContain('female');
  // Sent twice (a reload of the POST): the same form key returns the first application, no second one.
  expect((await post(fields, { bytes: await generateResumePdf(41), name: 'KJ.pdf' })).status).toBe(201);
  expect(await t.prisma.application.count({ where: { jobId, candidate: { email: fields.email } } })).toBe(1);
});

test('self-identification: an optional section of the form; an unknown answer is a 400 on its field, nothing written', async () => {
  const page = await (await fetch(formUrl())).text();
  expect(page).toContain('data-testid="apply-eeo"');
  expect(page).toMatch(/<label for="f-eeo_gender">Gender<\/label>/);
  expect(page).toContain('<option value="declined">I decline to answer</option>');
  const email = `eeo.${Date.now()}@example.com`;
  const res = await post({ formKey: hidden(page, 'formKey')!, firstName: 'Mary', lastName: 'Jackson', email, 'q.authorized': 'yes', consent: 'v3', 'eeo.gender': 'robot' });
  expect(res.status).toBe(400);
  expect(res.html).toMatch(/id="f-eeo_gender-error"/);
  expect(res.html).toContain('data-testid="apply-eeo" open');
  expect(await t.prisma.candidate.count({ where: { orgId: org.orgId, email } })).toBe(0);
});

test('errors: shown next to their fields (aria-invalid, described-by), values kept, 4xx status, nothing written', async () => {
  const before = await t.prisma.application.count({ where: { orgId: org.orgId } });
  const res = await post({ firstName: 'Dorothy', lastName: '<b>Vaughan</b>', email: 'not-an-email', source: 'linkedin' });
  expect(res.status).toBe(400);
  expect(res.html).toContain('data-testid="apply-errors"');
  expect(res.html).toMatch(/<p class="error" id="f-email-error">[^<]+<\/p>\s*<input type="email" id="f-email" name="email" value="not-an-email" required autocomplete="email" aria-describedby="f-email-error" aria-invalid="true">/);
  expect(res.html).toContain('id="f-q_authorized-error"');
  expect(res.html).toContain('id="f-consent-error"');
  expect(res.html).toContain('value="&lt;b&gt;Vaughan&lt;/b&gt;"');
  expect(hidden(res.html, 'source')).toBe('linkedin');

  const exe = await post({ firstName: 'Mary', lastName: 'Jackson', email: `mj.${Date.now()}@example.com`, 'q.authorized': 'yes', consent: 'v3' }, { bytes: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(2000, 1)]), name: 'cv.pdf' });
  expect(exe.status).toBe(415);
  expect(exe.html).toContain('id="f-resume-error"');
  expect(await t.prisma.application.count({ where: { orgId: org.orgId } })).toBe(before);
});
