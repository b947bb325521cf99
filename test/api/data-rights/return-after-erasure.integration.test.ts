// A person erased from the organization comes back: their own application on the careers site lifts the
// suppression their erasure left on the address (the acknowledgement email reaches them again, read from the
// SMTP sink), with an audit entry naming no address. A recruiter adding an erased person by API does not lift
// it: their messages stay suppressed.
import crypto from 'node:crypto';
import { apiClient, createTestOrg, startTestSystem, waitFor, type TestOrg, type TestSystem } from '../../support/harness';
import { applicant, createHiringJob } from '../../support/fixtures';
import { addressHash } from '../../../api/services/messaging/address-hash';

let t: TestSystem;
let org: TestOrg;
let jobId: string;
let admin: ReturnType<typeof apiClient>;
let recruiter: ReturnType<typeof apiClient>;

beforeAll(async () => {
  t = await startTestSystem();
  org = await createTestOrg(t.prisma);
  admin = apiClient(t.url, org.tokens.admin);
  recruiter = apiClient(t.url, org.tokens.recruiter);
  ({ jobId } = await createHiringJob(recruiter));
  await t.prisma.job.update({ where: { id: jobId }, data: { status: 'OPEN' } });
});
afterAll(() => t?.stop());

const person = () => {
  const tag = crypto.randomBytes(4).toString('hex');
  return { firstName: 'Rosa', lastName: `Return${tag}`, email: `rosa.${tag}@example.com` };
};
let ip = 0;
async function applyOnCareersSite(candidate: ReturnType<typeof person>) {
  const res = await fetch(`${t.url}/api/public/orgs/${org.slug}/applications`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.77.0.${++ip}` }, body: JSON.stringify({ jobId, candidate }),
  });
  const body = (await res.json()) as { id: string };
  if (res.status !== 201) throw new Error(`apply: ${res.status} ${JSON.stringify(body)}`);
  // The public answer names only the application; the candidate is read from the database.
  const { candidateId } = await t.prisma.application.findUniqueOrThrow({ where: { id: body.id } });
  return { applicationId: body.id, candidateId };
}
const acknowledgements = (email: string) => t.sink.messages().filter((m) => m.to.includes(email) && m.subject.startsWith('We received your application'));
const suppressionOf = (email: string) => t.prisma.suppression.findUnique({ where: { orgId_addressHash: { orgId: org.orgId, addressHash: addressHash(org.orgId, email) } } });

async function erase(candidateId: string) {
  const res = await admin('POST', `/api/candidates/${candidateId}/erase`, { confirmation: 'ERASE' });
  expect(res.status).toBe(200);
}

test('applying again on the careers site lifts the erasure\'s suppression: the acknowledgement arrives', async () => {
  const rosa = person();
  const first = await applyOnCareersSite(rosa);
  await t.sink.waitFor((m) => m.to.includes(rosa.email) && m.subject.startsWith('We received your application'), { timeoutMs: 60_000 });
  await erase(first.candidateId);
  expect(await suppressionOf(rosa.email)).toMatchObject({ reason: 'erased', address: null });

  const again = await applyOnCareersSite(rosa);
  expect(again.candidateId).not.toBe(first.candidateId); // a new record: the erased one keeps nothing of her
  await waitFor('second acknowledgement', async () => (acknowledgements(rosa.email).length === 2 ? true : undefined), 60_000);
  expect(await suppressionOf(rosa.email)).toBeNull();
  const audit = await t.prisma.auditEvent.findMany({ where: { orgId: org.orgId, action: 'suppression.lifted_on_return', entityId: again.candidateId } });
  expect(audit).toHaveLength(1);
  expect(JSON.stringify(audit[0])).not.toContain(rosa.email);
  expect(audit[0]!.after).toEqual({ reason: 'erased', addresses: 1 });
});

test('a recruiter adding an erased person by API does not lift it: the acknowledgement is suppressed', async () => {
  const ana = person();
  const first = await applyOnCareersSite(ana);
  await t.sink.waitFor((m) => m.to.includes(ana.email) && m.subject.startsWith('We received your application'), { timeoutMs: 60_000 });
  await erase(first.candidateId);

  const added = await recruiter('POST', '/api/applications', applicant(jobId, { candidate: ana }));
  expect(added.status).toBe(201);
  const candidateId = added.body.candidateId as string;
  // The run reaches its email step and the send path records the message as suppressed, unsent.
  const message = await waitFor('suppressed acknowledgement', async () => (await t.prisma.message.findFirst({ where: { orgId: org.orgId, candidateId, status: 'SUPPRESSED' } })) ?? undefined, 60_000);
  expect(message.status).toBe('SUPPRESSED');
  expect(await suppressionOf(ana.email)).toMatchObject({ reason: 'erased' });
  expect(acknowledgements(ana.email)).toHaveLength(1);
});
