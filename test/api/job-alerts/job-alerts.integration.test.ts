// Job alerts on the real stack: the careers page's signup form (double opt-in:
// nothing is sent before the person confirms from the email), digests with
// exactly the new matching open jobs and never a job twice, nothing when
// nothing is new, the stop link, the recruiters' API, and bad input refused.
import crypto from 'node:crypto';
import { apiClient, createTestOrg, startTestSystem, type TestOrg, type TestSystem } from '../../support/harness';
import type { SinkMessage } from '../../../api/platform/mail/smtp-sink';

let t: TestSystem;
let org: TestOrg;
let recruiter: ReturnType<typeof apiClient>;
let seq = 0;

beforeAll(async () => {
  t = await startTestSystem({ parts: { api: true, worker: false } });
  org = await createTestOrg(t.prisma);
  recruiter = apiClient(t.url, org.tokens.recruiter);
  await t.prisma.consentText.create({ data: { orgId: org.orgId, purpose: 'marketing', version: 'm1', body: 'We may email you about jobs and events. Unsubscribe any time.' } });
});
afterAll(() => t?.stop());

const newIp = () => `203.0.113.${(++seq % 250) + 1}`;
const digests = () => t.system.services!.periodicJobs!.runNow('job-alert-digests');

async function openJob(title: string, department: string, extra: Record<string, unknown> = {}) {
  const res = await recruiter('POST', '/api/jobs', { title, department, jobLocations: [{ city: 'Berlin', countryCode: 'DE' }], ...extra });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

/** A link of an email as a path on this server: tracked links (marketing mail) are followed to where they lead. */
async function pathOf(message: SinkMessage, pattern: RegExp): Promise<string> {
  for (const url of message.text.match(/https?:\/\/\S+/g) ?? []) {
    let target = url;
    if (/\/t\/c\//.test(url)) target = (await fetch(t.url + new URL(url).pathname, { redirect: 'manual' })).headers.get('location') ?? url;
    const path = new URL(target).pathname;
    if (pattern.test(path)) return path;
  }
  throw new Error(`no link matching ${pattern} in: ${message.text}`);
}

const postForm = (path: string, fields: Record<string, string>) =>
  fetch(t.url + path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': newIp() }, body: new URLSearchParams(fields).toString() });

test('signup on the careers page, confirm, a digest of exactly the new matching jobs, nothing twice, then stop', async () => {
  await openJob('Backend Engineer (before)', 'Engineering');
  const page = await (await fetch(`${t.url}/careers/${org.slug}?department=Engineering`)).text();
  expect(page).toContain('Get new jobs by email');
  expect(page).toContain('<input type="hidden" name="department" value="Engineering">');
  expect(page).toContain('We may email you about jobs');

  const email = `alerts.${crypto.randomBytes(4).toString('hex')}@example.com`;
  const signup = await postForm(`/careers/${org.slug}/alerts`, { email, firstName: 'Kim', keywords: 'backend, platform', department: 'Engineering', frequency: 'DAILY', consent: 'm1' });
  expect(signup.status).toBe(202);
  expect(await signup.text()).toContain('Check your email');
  const candidate = await t.prisma.candidate.findFirstOrThrow({ where: { orgId: org.orgId, email } });
  const alert = await t.prisma.jobAlert.findFirstOrThrow({ where: { candidateId: candidate.id } });
  expect(alert).toMatchObject({ isActive: false, frequency: 'DAILY', criteria: { keywords: ['backend', 'platform'], departments: ['Engineering'], locations: [], remotePolicies: [], employmentTypes: [] } });
  expect(await t.prisma.consentRecord.findFirst({ where: { candidateId: candidate.id, purpose: 'marketing', textVersion: 'm1', source: `job_alert:${alert.id}` } })).toBeTruthy();

  // The same request again reuses the alert.
  expect((await postForm(`/careers/${org.slug}/alerts`, { email, firstName: 'Kim', keywords: 'backend, platform', department: 'Engineering', frequency: 'DAILY', consent: 'm1' })).status).toBe(202);
  expect(await t.prisma.jobAlert.count({ where: { candidateId: candidate.id } })).toBe(1);

  const matching = [await openJob('Backend Engineer', 'Engineering'), await openJob('Platform Lead', 'engineering')];
  await openJob('Product Designer', 'Design');
  await openJob('Backend Sales Engineer', 'Sales');
  await openJob('Draft backend role', 'Engineering', { status: 'DRAFT' });

  // Not confirmed: nothing goes out.
  await digests();
  expect(t.sink.messages().filter((m) => m.to.includes(email) && m.subject.includes('new job'))).toHaveLength(0);

  const [confirmation] = await t.sink.waitFor((m) => m.to.includes(email) && m.subject.startsWith('Confirm your job alert'));
  const confirmPath = await pathOf(confirmation!, /\/alerts\/confirm\//);
  const confirmPage = await fetch(t.url + confirmPath);
  expect(await confirmPage.text()).toContain('<button type="submit">Confirm</button>');
  expect((await t.prisma.jobAlert.findUniqueOrThrow({ where: { id: alert.id } })).isActive).toBe(false);
  const confirmed = await fetch(t.url + confirmPath, { method: 'POST' });
  expect(await confirmed.text()).toContain('Your job alert is on');
  expect((await t.prisma.jobAlert.findUniqueOrThrow({ where: { id: alert.id } })).isActive).toBe(true);

  expect(await digests()).toMatchObject({ sent: 1 });
  const [digest] = await t.sink.waitFor((m) => m.to.includes(email) && m.subject.startsWith('2 new jobs'));
  expect(digest!.text).toContain('Backend Engineer\n');
  expect(digest!.text).toContain('Platform Lead');
  for (const absent of ['(before)', 'Product Designer', 'Backend Sales Engineer', 'Draft backend role']) expect(digest!.text).not.toContain(absent);
  expect(digest!.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
  const deliveries = await t.prisma.jobAlertDelivery.findMany({ where: { alertId: alert.id } });
  expect(deliveries.map((d) => d.jobId).sort()).toEqual([...matching].sort());
  expect(deliveries.every((d) => d.messageId && d.messageId.length > 0)).toBe(true);
  const message = await t.prisma.message.findUniqueOrThrow({ where: { id: deliveries[0]!.messageId! } });
  expect(message).toMatchObject({ category: 'MARKETING', topic: 'jobs', status: 'SENT' });

  // Nothing new: nothing sent, even when the alert is due again.
  await t.prisma.jobAlert.update({ where: { id: alert.id }, data: { lastSentAt: new Date(Date.now() - 2 * 86_400_000) } });
  expect(await digests()).toMatchObject({ sent: 0 });
  const count = () => t.sink.messages().filter((m) => m.to.includes(email) && / new jobs? at /.test(m.subject)).length;
  expect(count()).toBe(1);

  // One more matching job: a digest went out an hour ago, so it waits for the next day; then that digest has only it.
  await t.prisma.jobAlert.update({ where: { id: alert.id }, data: { lastSentAt: new Date(Date.now() - 3_600_000) } });
  const third = await openJob('Backend Engineer II', 'Engineering');
  await digests();
  expect(count()).toBe(1);
  await t.prisma.jobAlert.update({ where: { id: alert.id }, data: { lastSentAt: new Date(Date.now() - 2 * 86_400_000) } });
  await digests();
  const [second] = await t.sink.waitFor((m) => m.to.includes(email) && m.subject.startsWith('1 new job'));
  expect(second!.text).toContain('Backend Engineer II');
  expect(second!.text).not.toContain('Platform Lead');
  expect(await t.prisma.jobAlertDelivery.count({ where: { alertId: alert.id } })).toBe(3);
  expect(await t.prisma.jobAlertDelivery.findUnique({ where: { alertId_jobId: { alertId: alert.id, jobId: third } } })).toBeTruthy();

  // The stop link of the digest: its page changes nothing, its button stops the alert.
  const stopPath = await pathOf(second!, /\/alerts\/stop\//);
  expect(await (await fetch(t.url + stopPath)).text()).toContain('Stop the alert');
  expect((await t.prisma.jobAlert.findUniqueOrThrow({ where: { id: alert.id } })).isActive).toBe(true);
  expect(await (await fetch(t.url + stopPath, { method: 'POST' })).text()).toContain('This job alert is off');
  expect((await t.prisma.jobAlert.findUniqueOrThrow({ where: { id: alert.id } })).isActive).toBe(false);
  await openJob('Backend Engineer III', 'Engineering');
  await t.prisma.jobAlert.update({ where: { id: alert.id }, data: { lastSentAt: new Date(Date.now() - 2 * 86_400_000) } });
  expect(await digests()).toMatchObject({ sent: 0 });
  expect(count()).toBe(2);
});

test('recruiters subscribe a prospect and stop the alert; other roles and organizations cannot', async () => {
  const prospect = await t.prisma.candidate.create({ data: { orgId: org.orgId, firstName: 'Pat', lastName: 'Prospect', email: `pat.${crypto.randomBytes(4).toString('hex')}@example.com` } });
  const body = { candidateId: prospect.id, criteria: { locations: ['DE:Berlin'], employmentTypes: ['FULL_TIME'] }, frequency: 'WEEKLY' };
  const created = await recruiter('POST', '/api/job-alerts', body);
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({ isActive: true, description: 'DE, Berlin · full time' });
  expect((await recruiter('POST', '/api/job-alerts', body)).status).toBe(200);
  const listed = await recruiter('GET', `/api/job-alerts?candidateId=${prospect.id}`);
  expect(listed.body.alerts).toHaveLength(1);
  const stopped = await recruiter('PATCH', `/api/job-alerts/${created.body.id}`, { isActive: false });
  expect(stopped.body.isActive).toBe(false);
  expect(await t.prisma.auditEvent.count({ where: { entityId: created.body.id } })).toBe(2);

  expect((await apiClient(t.url, org.tokens.interviewer)('GET', '/api/job-alerts')).status).toBe(403);
  const other = await createTestOrg(t.prisma);
  const foreign = await apiClient(t.url, other.tokens.admin)('POST', '/api/job-alerts', body);
  expect(foreign.status).toBe(400);
  expect(foreign.body.error.details[0].path).toBe('body.candidateId');
  expect((await apiClient(t.url, other.tokens.admin)('PATCH', `/api/job-alerts/${created.body.id}`, { isActive: true })).status).toBe(404);
});

test('bad input: unknown fields, bad emails and criteria, a missing consent, forged or misused links', async () => {
  const api = (body: unknown) =>
    fetch(`${t.url}/api/public/orgs/${org.slug}/job-alerts`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': newIp() }, body: JSON.stringify(body) })
      .then(async (r) => ({ status: r.status, body: await r.json() }));
  const good = { person: { firstName: 'Lee', email: `lee.${crypto.randomBytes(4).toString('hex')}@example.com` }, criteria: { keywords: ['data'] }, consentTextVersion: 'm1' };
  const before = await t.prisma.jobAlert.count({ where: { orgId: org.orgId } });

  const unknown = await api({ ...good, admin: true });
  expect(unknown.status).toBe(400);
  expect(unknown.body.error.details[0].path).toBe('body');
  expect((await api({ ...good, person: { ...good.person, email: 'nope' } })).body.error.details[0].path).toBe('body.person.email');
  expect((await api({ ...good, criteria: { locations: ['Germany'] } })).body.error.details[0].path).toBe('body.criteria.locations.0');
  expect((await api({ ...good, criteria: { salary: 100 } })).body.error.details[0].path).toBe('body.criteria');
  expect((await api({ ...good, frequency: 'HOURLY' })).body.error.details[0].path).toBe('body.frequency');
  const { consentTextVersion: _omit, ...withoutConsent } = good;
  expect((await api(withoutConsent)).body.error.details[0].path).toBe('body.consentTextVersion');
  expect((await api({ ...good, consentTextVersion: 'm9' })).body.error.details[0].path).toBe('body.consentTextVersion');
  expect(await t.prisma.jobAlert.count({ where: { orgId: org.orgId } })).toBe(before);

  const form = await postForm(`/careers/${org.slug}/alerts`, { email: 'nope', firstName: '' });
  expect(form.status).toBe(400);
  const html = await form.text();
  expect(html).toContain('aria-invalid="true"');
  expect(html).toContain('value="nope"');

  const accepted = await api(good);
  expect(accepted).toEqual({ status: 202, body: { status: 'received' } });
  const acceptedAlert = await t.prisma.jobAlert.findFirstOrThrow({ where: { candidate: { email: good.person.email } } });
  const [confirmation] = await t.sink.waitFor((m) => m.to.includes(good.person.email) && m.subject.startsWith('Confirm'));
  const confirmPath = await pathOf(confirmation!, /\/alerts\/confirm\//);
  const token = confirmPath.split('/').pop()!;
  expect((await fetch(`${t.url}/careers/${org.slug}/alerts/stop/${token}`, { method: 'POST' })).status).toBe(404);
  const forged = `${token.split('.')[0]}.${'A'.repeat(32)}`;
  expect((await fetch(`${t.url}/careers/${org.slug}/alerts/confirm/${forged}`, { method: 'POST' })).status).toBe(404);
  const other = await createTestOrg(t.prisma);
  expect((await fetch(`${t.url}/careers/${other.slug}/alerts/confirm/${token}`, { method: 'POST' })).status).toBe(404);
  expect((await t.prisma.jobAlert.findUniqueOrThrow({ where: { id: acceptedAlert.id } })).isActive).toBe(false);
});

test('the contact policy at send time: a digest held by the frequency cap goes out later as the same email; without consent nothing goes', async () => {
  const other = await createTestOrg(t.prisma);
  await t.prisma.organization.update({ where: { id: other.orgId }, data: { settings: { contactPolicy: { frequencyCap: { max: 1, perDays: 7 }, requireConsentPurpose: 'marketing' } } } });
  const api = apiClient(t.url, other.tokens.recruiter);
  const person = async (name: string, isConsenting: boolean) => {
    const c = await t.prisma.candidate.create({ data: { orgId: other.orgId, firstName: name, lastName: 'Policy', email: `${name.toLowerCase()}.${crypto.randomBytes(4).toString('hex')}@example.com` } });
    if (isConsenting) await t.prisma.consentRecord.create({ data: { orgId: other.orgId, candidateId: c.id, purpose: 'marketing', status: 'GRANTED' } });
    const alert = await api('POST', '/api/job-alerts', { candidateId: c.id, criteria: { keywords: ['data'] }, frequency: 'DAILY' });
    expect(alert.status).toBe(201);
    return { candidate: c, alertId: alert.body.id as string };
  };
  const capped = await person('Capped', true);
  const unconsented = await person('Silent', false);
  // Capped already had this week's one marketing email.
  await t.prisma.message.create({ data: { orgId: other.orgId, candidateId: capped.candidate.id, category: 'MARKETING', topic: 'jobs', status: 'SENT', sentAt: new Date(), idempotencyKey: `earlier-${crypto.randomUUID()}`, fromAddress: 'x@example.com', toAddress: capped.candidate.email!, bodyText: 'earlier' } });
  expect((await api('POST', '/api/jobs', { title: 'Data Engineer', department: 'Data' })).status).toBe(201);

  expect(await digests()).toMatchObject({ deferred: 1, suppressed: 1, sent: 0 });
  const pending = await t.prisma.jobAlertDelivery.findMany({ where: { alertId: capped.alertId } });
  expect(pending).toEqual([expect.objectContaining({ messageId: null })]);
  const held = await t.prisma.message.findFirstOrThrow({ where: { candidateId: capped.candidate.id, status: 'DEFERRED' } });
  expect(held).toMatchObject({ policyReason: 'frequency_cap', category: 'MARKETING', topic: 'jobs' });
  const silent = await t.prisma.jobAlertDelivery.findMany({ where: { alertId: unconsented.alertId } });
  expect(silent).toHaveLength(1);
  expect(await t.prisma.message.findUniqueOrThrow({ where: { id: silent[0]!.messageId! } })).toMatchObject({ status: 'SUPPRESSED', policyReason: 'no_consent' });
  expect(t.sink.messages().filter((m) => m.to.includes(capped.candidate.email!) || m.to.includes(unconsented.candidate.email!))).toHaveLength(0);

  // The window frees (here: the cap is lifted): the next pass sends the held digest, as the same message, once.
  await t.prisma.organization.update({ where: { id: other.orgId }, data: { settings: { contactPolicy: { requireConsentPurpose: 'marketing' } } } });
  expect(await digests()).toMatchObject({ sent: 1 });
  const [sent] = await t.sink.waitFor((m) => m.to.includes(capped.candidate.email!) && m.subject.startsWith('1 new job'));
  expect(sent!.text).toContain('Data Engineer');
  expect(await t.prisma.jobAlertDelivery.findMany({ where: { alertId: capped.alertId } })).toEqual([expect.objectContaining({ messageId: held.id })]);
  expect(await t.prisma.message.findUniqueOrThrow({ where: { id: held.id } })).toMatchObject({ status: 'SENT' });
  expect(await digests()).toMatchObject({ sent: 0, deferred: 0 });
  expect(t.sink.messages().filter((m) => m.to.includes(capped.candidate.email!))).toHaveLength(1);
  expect(t.sink.messages().filter((m) => m.to.includes(unconsented.candidate.email!))).toHaveLength(0);
});
