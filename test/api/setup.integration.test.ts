// Organization setup through the API: consent texts (published versions are
// immutable; the apply form then asks for consent) and scorecard templates per
// job (what the interviewer's scorecard form shows), with audit and bad input.
import { apiClient, createTestOrg, startTestSystem, type TestOrg, type TestSystem } from '../support/harness';
import { createHiringJob } from '../support/fixtures';

let t: TestSystem;
let org: TestOrg;
let admin: ReturnType<typeof apiClient>;
let recruiter: ReturnType<typeof apiClient>;
let jobId: string;

beforeAll(async () => {
  t = await startTestSystem({ parts: { api: true, worker: false } });
  org = await createTestOrg(t.prisma);
  admin = apiClient(t.url, org.tokens.admin);
  recruiter = apiClient(t.url, org.tokens.recruiter);
  ({ jobId } = await createHiringJob(recruiter));
  await t.prisma.job.update({ where: { id: jobId }, data: { status: 'OPEN' } });
});
afterAll(() => t?.stop());

const consentBody = 'We keep your application for **12 months** to consider you for this and similar roles.';

describe('consent texts', () => {
  test('published by an admin, immutable, audited; from then on the apply form requires consent to it', async () => {
    const applyWithout = () => fetch(`${t.url}/api/public/orgs/${org.slug}/applications`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${Math.floor(Math.random() * 250) + 1}` },
      body: JSON.stringify({ jobId, candidate: { firstName: 'Ada', lastName: 'Consent', email: `ada.${Date.now()}@example.com` } }),
    });
    expect((await applyWithout()).status).toBe(201);

    const published = await admin('POST', '/api/consent-texts', { purpose: 'application_processing', version: '2026-12', body: consentBody });
    expect(published.status).toBe(201);
    expect(await t.prisma.auditEvent.findFirst({ where: { entityId: published.body.id } })).toMatchObject({ action: 'consent_text.published', actorId: org.userIds.admin });

    const again = await admin('POST', '/api/consent-texts', { purpose: 'application_processing', version: '2026-12', body: `${consentBody} Changed.` });
    expect(again.status).toBe(409);
    expect(again.body.error.details[0]).toMatchObject({ path: 'body.version', code: 'duplicate' });
    expect((await t.prisma.consentText.findFirstOrThrow({ where: { id: published.body.id } })).body).toBe(consentBody);

    const refused = await applyWithout();
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.details[0].path).toBe('body.consent');
    const form = await (await fetch(`${t.url}/careers/${org.slug}/jobs/${(await t.prisma.job.findUniqueOrThrow({ where: { id: jobId } })).slug}/apply`)).text();
    expect(form).toContain('<strong>12 months</strong>');
    expect(form).toContain('value="2026-12"');

    expect((await recruiter('GET', '/api/consent-texts')).body.map((c: { version: string }) => c.version)).toEqual(['2026-12']);
    expect((await apiClient(t.url, (await createTestOrg(t.prisma)).tokens.admin)('GET', '/api/consent-texts')).body).toEqual([]);
  });

  test('bad input: 400 with the field, a recruiter 403, nothing written', async () => {
    const before = await t.prisma.consentText.count();
    const cases: [Record<string, unknown>, string][] = [
      [{ purpose: 'application_processing', version: 'v 1', body: consentBody }, 'body.version'],
      [{ purpose: 'selling_data', version: 'v1', body: consentBody }, 'body.purpose'],
      [{ purpose: 'marketing', version: 'v1', body: 'too short' }, 'body.body'],
      [{ purpose: 'marketing', version: 'v1', body: consentBody, isDefault: true }, 'body'],
    ];
    for (const [body, path] of cases) {
      const res = await admin('POST', '/api/consent-texts', body);
      expect({ path, status: res.status, paths: res.body.error.details.map((d: { path: string }) => d.path) }).toEqual({ path, status: 400, paths: [path] });
    }
    expect((await recruiter('POST', '/api/consent-texts', { purpose: 'marketing', version: 'v1', body: consentBody })).status).toBe(403);
    expect(await t.prisma.consentText.count()).toBe(before);
  });
});

describe('scorecard templates', () => {
  const attributes = [{ key: 'system_design', label: 'System design' }, { key: 'communication', label: 'Communication', description: 'Explains trade-offs clearly' }];

  test('a recruiter adds one for a stage and replaces it; audit keeps before and after; the team reads them', async () => {
    const created = await recruiter('POST', `/api/jobs/${jobId}/scorecard-templates`, { name: 'Onsite', stageKey: 'interview', attributes });
    expect(created.status).toBe(201);
    const stage = await t.prisma.stage.findFirstOrThrow({ where: { jobId, key: 'interview' } });
    expect(created.body).toMatchObject({ jobId, stageId: stage.id, attributes });

    const replaced = await recruiter('PUT', `/api/jobs/${jobId}/scorecard-templates/${created.body.id}`, { name: 'Onsite loop', attributes: attributes.slice(0, 1) });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ name: 'Onsite loop', stageId: null, attributes: attributes.slice(0, 1) });
    const audit = await t.prisma.auditEvent.findMany({ where: { entityId: created.body.id }, orderBy: { at: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['scorecard_template.created', 'scorecard_template.updated']);
    expect(audit[1]).toMatchObject({ before: { name: 'Onsite', stageId: stage.id }, after: { name: 'Onsite loop', stageId: null } });

    const listed = await admin('GET', `/api/jobs/${jobId}/scorecard-templates`);
    expect(listed.body.map((x: { name: string }) => x.name)).toEqual(['Onsite loop']);
  });

  test('bad input: unknown stage, repeated key, bad key; an interviewer 403; another organization 404; nothing written', async () => {
    const before = await t.prisma.scorecardTemplate.count();
    const cases: [Record<string, unknown>, string, number][] = [
      [{ name: 'X', stageKey: 'no-such-stage', attributes }, 'body.stageKey', 400],
      [{ name: 'X', attributes: [attributes[0], attributes[0]] }, 'body.attributes.1.key', 400],
      [{ name: 'X', attributes: [{ key: 'System Design', label: 'x' }] }, 'body.attributes.0.key', 400],
      [{ name: 'X', attributes: [] }, 'body.attributes', 400],
    ];
    for (const [body, path, status] of cases) {
      const res = await recruiter('POST', `/api/jobs/${jobId}/scorecard-templates`, body);
      expect({ path, status: res.status, first: res.body.error.details[0].path }).toEqual({ path, status, first: path });
    }
    expect((await apiClient(t.url, org.tokens.interviewer)('POST', `/api/jobs/${jobId}/scorecard-templates`, { name: 'X', attributes })).status).toBe(403);
    const other = await createTestOrg(t.prisma);
    expect((await apiClient(t.url, other.tokens.recruiter)('POST', `/api/jobs/${jobId}/scorecard-templates`, { name: 'X', attributes })).status).toBe(404);
    expect((await apiClient(t.url, other.tokens.recruiter)('GET', `/api/jobs/${jobId}/scorecard-templates`)).status).toBe(404);
    expect(await t.prisma.scorecardTemplate.count()).toBe(before);
  });
});
