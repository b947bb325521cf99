// An organization's wording of its event emails on the real stack (PostgreSQL,
// Temporal, the SMTP sink): a customised confirmation reaches the registrant
// with the manage link and a check-in code that checks them in, another
// organization still sends the built-in text, a bad wording is refused at its
// field with nothing stored, a reset brings the built-in text back, changes are
// audited, and only admins write.
import crypto from 'node:crypto';
import { eventWhen } from '../../../api/services/events/event-when';
import { apiClient, createTestOrg, startTestSystem, type TestOrg, type TestSystem } from '../../support/harness';

let t: TestSystem;
let org: TestOrg;
let other: TestOrg;
let admin: ReturnType<typeof apiClient>;
let seq = 0;

beforeAll(async () => {
  t = await startTestSystem();
  org = await createTestOrg(t.prisma);
  other = await createTestOrg(t.prisma);
  admin = apiClient(t.url, org.tokens.admin);
});
afterAll(() => t?.stop());

const hours = (n: number) => new Date(Date.now() + n * 3_600_000).toISOString();
const email = (name: string) => `${name}.${crypto.randomBytes(4).toString('hex')}@example.com`;

async function publishedEvent(of: TestOrg, name: string) {
  const recruiter = apiClient(t.url, of.tokens.recruiter);
  const created = await recruiter('POST', '/api/events', { name, kind: 'career_fair', startsAt: hours(2), endsAt: hours(4), timeZone: 'Europe/Berlin', location: 'Factory Berlin' });
  expect(created.status).toBe(201);
  expect((await recruiter('POST', `/api/events/${created.body.id}/publish`)).status).toBe(200);
  return created.body as { id: string; slug: string };
}

async function register(of: TestOrg, event: { slug: string }, firstName: string) {
  const person = { firstName, lastName: 'Tester', email: email(firstName.toLowerCase()) };
  const res = await fetch(`${t.url}/api/public/orgs/${of.slug}/events/${event.slug}/registrations`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${++seq}` }, body: JSON.stringify({ person }),
  });
  expect(res.status).toBe(202);
  return person;
}

const CUSTOM = {
  subject: '{{org.name}} welcomes you to {{event.name}}',
  body: 'Dear {{candidate.fullName}},\n\nSee you at {{event.place}} ({{event.kind}}, {{event.when}}).\nManage: {{links.manage}}\nCode at the door: {{checkInCode}}\n{{#if event.description}}About: {{event.description}}{{/if}}\n-- {{org.name}}',
};

test('a customised confirmation reaches the registrant; another organization still sends the built-in text', async () => {
  const list = await admin('GET', '/api/org/event-email-templates');
  expect(list.status).toBe(200);
  expect(list.body.templates.map((x: { kind: string; isCustomized: boolean }) => [x.kind, x.isCustomized])).toEqual([
    ['registered', false], ['waitlisted', false], ['promoted', false], ['event_changed', false], ['event_cancelled', false],
  ]);
  expect(list.body.templates[0].subject).toBe("You're registered: {{event.name}}");
  expect(list.body.variables.map((v: { name: string }) => v.name)).toEqual(expect.arrayContaining(['candidate.firstName', 'event.when', 'links.manage', 'checkInCode', 'org.name']));

  const saved = await admin('PUT', '/api/org/event-email-templates/registered', CUSTOM);
  expect(saved.status).toBe(200);
  expect(saved.body).toMatchObject({ kind: 'registered', ...CUSTOM, isCustomized: true });
  expect(await t.prisma.eventEmailTemplate.findMany({ where: { orgId: org.orgId }, select: { kind: true, subject: true, body: true, updatedById: true } }))
    .toEqual([{ kind: 'registered', ...CUSTOM, updatedById: org.userIds.admin }]);
  const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { orgId: org.orgId, action: 'event_email_template.updated' } });
  expect(audit).toMatchObject({ actorId: org.userIds.admin, entityType: 'EventEmailTemplate', before: { kind: 'registered', subject: "You're registered: {{event.name}}", isCustomized: false }, after: { kind: 'registered', ...CUSTOM, isCustomized: true } });
  const listed = await apiClient(t.url, org.tokens.recruiter)('GET', '/api/org/event-email-templates');
  expect(listed.body.templates[0]).toMatchObject({ kind: 'registered', ...CUSTOM, isCustomized: true });

  const event = await publishedEvent(org, 'Spring career fair');
  const ada = await register(org, event, 'Ada');
  const [mail] = await t.sink.waitFor((m) => m.to.includes(ada.email));
  const orgRow = await t.prisma.organization.findUniqueOrThrow({ where: { id: org.orgId } });
  expect(mail!.subject).toBe(`${orgRow.name} welcomes you to Spring career fair`);
  const eventRow = await t.prisma.recruitingEvent.findUniqueOrThrow({ where: { id: event.id } });
  expect(mail!.text.startsWith(`Dear Ada Tester,\n\nSee you at Factory Berlin (Career fair, ${eventWhen(eventRow)}).\nManage: `)).toBe(true);
  expect(mail!.text).not.toContain('About:');
  expect(mail!.text).toContain(`-- ${orgRow.name}`);
  expect(mail!.calendarParts?.[0]?.contentType).toBe('text/calendar; method=REQUEST');
  // The substituted link is the registrant's own page, and the code checks them in.
  const manage = /Manage: (\S+)/.exec(mail!.text)![1]!;
  expect(manage).toMatch(/\/event-registrations\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{32}$/);
  const page = await fetch(t.url + new URL(manage).pathname);
  expect(page.status).toBe(200);
  const code = /Code at the door: (\S+)/.exec(mail!.text)![1]!;
  const checkedIn = await admin('POST', `/api/events/${event.id}/check-in`, { code });
  expect(checkedIn.status).toBe(200);
  const registration = await t.prisma.eventRegistration.findFirstOrThrow({ where: { eventId: event.id } });
  expect(registration.status).toBe('ATTENDED');

  const otherEvent = await publishedEvent(other, 'Autumn career fair');
  const alan = await register(other, otherEvent, 'Alan');
  const [otherMail] = await t.sink.waitFor((m) => m.to.includes(alan.email));
  expect(otherMail!.subject).toBe("You're registered: Autumn career fair");
  expect(otherMail!.text).toMatch(/^Hi Alan,\n\nyou are registered for\n\nAutumn career fair\nCareer fair · /);
  expect(otherMail!.text).toContain('Your check-in code: ');
  expect((await apiClient(t.url, other.tokens.admin)('GET', '/api/org/event-email-templates')).body.templates[0].isCustomized).toBe(false);
});

test('a bad wording is refused at its field with the reason, and nothing is stored', async () => {
  const before = await t.prisma.eventEmailTemplate.findMany({ where: { orgId: org.orgId }, orderBy: { kind: 'asc' } });
  const refused = async (body: unknown, path: string, reason: RegExp) => {
    const res = await admin('PUT', '/api/org/event-email-templates/waitlisted', body);
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([expect.objectContaining({ path, message: expect.stringMatching(reason) })]);
  };
  await refused({ subject: 'Waitlist', body: 'Hi {{candidate.firstName' }, 'body.body', /^does not compile: Parse error/);
  await refused({ subject: 'Waitlist for {{event.salary}}', body: 'Hi' }, 'body.subject', /^unknown variable \{\{event\.salary\}\}/);
  await refused({ subject: 'Waitlist\nfor {{event.name}}', body: 'Hi' }, 'body.subject', /one line/);
  await refused({ subject: 'Waitlist', body: 'x'.repeat(20_001) }, 'body.body', /20000/);
  await refused({ subject: 'Waitlist', body: 'Hi', extra: 1 }, 'body', /extra|unrecognized/i);
  expect(await t.prisma.eventEmailTemplate.findMany({ where: { orgId: org.orgId }, orderBy: { kind: 'asc' } })).toEqual(before);

  expect((await admin('PUT', '/api/org/event-email-templates/no_such_kind', CUSTOM)).status).toBe(400);
  const preview = await admin('POST', '/api/org/event-email-templates/waitlisted/preview', { subject: 'Waitlist: {{event.name}}', body: 'Hi {{candidate.firstName}}: {{links.manage}} {{checkInCode}}' });
  expect(preview.status).toBe(200);
  expect(preview.body.subject).toBe('Waitlist: Backend meetup');
  expect(preview.body.text).toMatch(/^Hi Ada: http\S+\/event-registrations\/sample-link sample-check-in-code$/);
  expect((await admin('POST', '/api/org/event-email-templates/waitlisted/preview', { subject: 'x', body: '{{nope}}' })).body.error.details[0].path).toBe('body.body');
  expect(await t.prisma.eventEmailTemplate.count({ where: { orgId: org.orgId, kind: 'waitlisted' } })).toBe(0);
});

test("only admins write, each organization its own; a reset brings the built-in text back", async () => {
  const recruiter = apiClient(t.url, org.tokens.recruiter);
  expect((await recruiter('PUT', '/api/org/event-email-templates/registered', { subject: 'Mine', body: 'Mine' })).status).toBe(403);
  expect((await recruiter('DELETE', '/api/org/event-email-templates/registered')).status).toBe(403);
  expect((await apiClient(t.url, org.tokens.interviewer)('GET', '/api/org/event-email-templates')).status).toBe(403);
  expect((await apiClient(t.url, other.tokens.admin)('DELETE', '/api/org/event-email-templates/registered')).status).toBe(200);
  expect(await t.prisma.eventEmailTemplate.findUniqueOrThrow({ where: { orgId_kind: { orgId: org.orgId, kind: 'registered' } } })).toMatchObject(CUSTOM);

  const reset = await admin('DELETE', '/api/org/event-email-templates/registered');
  expect(reset.status).toBe(200);
  expect(reset.body).toMatchObject({ kind: 'registered', subject: "You're registered: {{event.name}}", isCustomized: false });
  expect(await t.prisma.eventEmailTemplate.count({ where: { orgId: org.orgId } })).toBe(0);
  expect(await t.prisma.auditEvent.findFirst({ where: { orgId: org.orgId, action: 'event_email_template.reset' } })).toMatchObject({ before: { ...CUSTOM, isCustomized: true }, after: { isCustomized: false } });

  const event = await publishedEvent(org, 'Summer meetup');
  const grace = await register(org, event, 'Grace');
  const [mail] = await t.sink.waitFor((m) => m.to.includes(grace.email));
  expect(mail!.subject).toBe("You're registered: Summer meetup");
  expect(mail!.text).toMatch(/^Hi Grace,\n\nyou are registered for\n/);
});
