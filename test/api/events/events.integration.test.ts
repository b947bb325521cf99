// Recruiting events on the real stack (PostgreSQL, Temporal, the SMTP sink):
// the public page and its form, registrations (twice is one, capacity holds
// under concurrency, the waitlist moves up on a cancel), check-in by id, code,
// email and walk-in, the no-show sweep, follow-up pipelines started per status
// with their emails in the sink, and bad input refused with a clear 4xx.
import crypto from 'node:crypto';
import { apiClient, createTestOrg, startTestSystem, waitFor, type TestOrg, type TestSystem } from '../../support/harness';
import type { TGraph } from '../../../workflows/graph/schema';

let t: TestSystem;
let org: TestOrg;
let recruiter: ReturnType<typeof apiClient>;
let seq = 0;

beforeAll(async () => {
  t = await startTestSystem();
  org = await createTestOrg(t.prisma);
  recruiter = apiClient(t.url, org.tokens.recruiter);
});
afterAll(() => t?.stop());

const newIp = () => `198.51.100.${(++seq % 250) + 1}`;
const hours = (n: number) => new Date(Date.now() + n * 3_600_000).toISOString();
const email = (name: string) => `${name}.${crypto.randomBytes(4).toString('hex')}@example.com`;

async function createEvent(overrides: Record<string, unknown> = {}) {
  const res = await recruiter('POST', '/api/events', { name: `Backend meetup ${++seq}`, kind: 'meetup', startsAt: hours(48), endsAt: hours(50), timeZone: 'Europe/Berlin', location: 'Factory Berlin', description: 'Talks and **pizza**.', ...overrides });
  expect(res.status).toBe(201);
  return res.body as { id: string; slug: string; publicPath: string };
}

async function publishedEvent(overrides: Record<string, unknown> = {}) {
  const event = await createEvent(overrides);
  expect((await recruiter('POST', `/api/events/${event.id}/publish`)).status).toBe(200);
  return event;
}

/** The organization publishes a talent-pool consent text in the first test: registrations agree to it unless a test leaves it out. */
const CONSENT = [{ purpose: 'talent_pool', textVersion: 'v1' }];

function registerJson(event: { slug: string }, body: Record<string, unknown>, opts: { isConsenting?: boolean } = {}) {
  if (opts.isConsenting !== false && !('consents' in body)) body = { ...body, consents: CONSENT };
  return fetch(`${t.url}/api/public/orgs/${org.slug}/events/${event.slug}/registrations`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': newIp() }, body: JSON.stringify(body),
  }).then(async (r) => ({ status: r.status, body: await r.json() }));
}

const person = (name: string) => ({ firstName: name, lastName: 'Tester', email: email(name.toLowerCase()) });

async function publishPipeline(name: string, graph: TGraph) {
  const created = await recruiter('POST', '/api/pipelines', { name, kind: 'NURTURE', graph });
  expect(created.status).toBe(201);
  const version = await recruiter('POST', `/api/pipelines/${created.body.id}/publish`);
  if (version.status !== 201) throw new Error(`publish: ${JSON.stringify(version.body)}`);
}

function followUpGraph(status: string, eventId: string, subject: string): TGraph {
  return {
    nodes: [
      { id: 'trigger', type: 'trigger.event_registration', typeVersion: 1, config: { status, eventId } },
      { id: 'mail', type: 'message.send_email', typeVersion: 1, config: { subject, body: 'Hi {{candidate.firstName}}, about {{event.name}} ({{registration.status}}): {{event.pageUrl}}' } },
      { id: 'end', type: 'action.end', typeVersion: 1, config: {} },
    ],
    edges: [{ source: 'trigger', sourcePort: 'out', target: 'mail' }, { source: 'mail', sourcePort: 'out', target: 'end' }],
  };
}

test('the public page, registering through the form, the confirmation with its invite, and registering twice', async () => {
  const pool = await t.prisma.talentPool.create({ data: { orgId: org.orgId, name: `Event people ${seq}` } });
  await t.prisma.consentText.create({ data: { orgId: org.orgId, purpose: 'talent_pool', version: 'v1', body: 'We keep your details in our talent pool for 2 years.' } });
  const event = await createEvent({ poolId: pool.id, capacity: 50, description: 'Talks <script>alert(1)</script> and **pizza**.' });
  expect((await fetch(t.url + event.publicPath)).status).toBe(404);
  await recruiter('POST', `/api/events/${event.id}/publish`);

  const page = await fetch(t.url + event.publicPath);
  const html = await page.text();
  expect(page.status).toBe(200);
  expect(html).toContain('<h1 id="event-title">');
  expect(html).toContain('<strong>pizza</strong>');
  expect(html).not.toContain('<script>alert');
  expect(html).toMatch(/<label for="f-email">Email \(required\)<\/label>/);
  expect(html).toContain('We keep your details in our talent pool');
  expect(html).toContain('50 places left');

  const ada = person('Ada');
  const form = new URLSearchParams({ firstName: ada.firstName, lastName: ada.lastName, email: ada.email, 'consent.talent_pool': 'v1' });
  const post = () => fetch(t.url + event.publicPath, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': newIp() }, body: form.toString() });
  const first = await post();
  expect(first.status).toBe(202);
  const firstHtml = await first.text();
  expect(firstHtml).toContain('Check your email');

  const candidate = await t.prisma.candidate.findFirstOrThrow({ where: { orgId: org.orgId, email: ada.email } });
  expect(candidate).toMatchObject({ kind: 'PROSPECT', source: 'event', firstName: 'Ada' });
  const registration = await t.prisma.eventRegistration.findFirstOrThrow({ where: { eventId: event.id } });
  expect(registration).toMatchObject({ candidateId: candidate.id, status: 'REGISTERED', source: 'public_page', orgId: org.orgId });
  expect(await t.prisma.consentRecord.findFirst({ where: { candidateId: candidate.id, purpose: 'talent_pool', textVersion: 'v1', source: `event:${event.id}` } })).toBeTruthy();
  expect(await t.prisma.talentPoolMember.findUnique({ where: { poolId_candidateId: { poolId: pool.id, candidateId: candidate.id } } })).toBeTruthy();
  expect(await t.prisma.engagementEvent.findMany({ where: { candidateId: candidate.id, eventId: { not: null } }, select: { kind: true, eventId: true } })).toEqual([{ kind: 'REGISTERED', eventId: event.id }]);

  const [confirmation] = await t.sink.waitFor((m) => m.to.includes(ada.email) && m.subject.startsWith("You're registered"));
  expect(confirmation!.text).toContain('Factory Berlin');
  expect(confirmation!.text).toMatch(/\(Europe\/Berlin\)/);
  const invite = confirmation!.calendarParts?.[0];
  expect(invite?.contentType).toBe('text/calendar; method=REQUEST');
  expect(invite?.text).toContain(`UID:event-${event.id}@`);
  expect(invite?.text).toContain(`ATTENDEE;CN="Ada Tester"`);

  // The link in the email is the registrant's page: add to calendar and cancel.
  const manage = /\/event-registrations\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]{32})/.exec(confirmation!.text)![0];
  const own = await fetch(t.url + manage);
  expect(own.status).toBe(200);
  expect(await own.text()).toContain('Cancel my registration');
  const ics = await fetch(`${t.url}${manage}/event.ics`);
  expect(ics.headers.get('content-type')).toContain('text/calendar');

  // Registering again: the same registration and person, the same answer as a new registration (it reveals nothing),
  // and the confirmation once more for the person who lost it, at most once a day.
  const again = await post();
  expect(again.status).toBe(202);
  expect(await again.text()).toBe(firstHtml);
  expect(await t.prisma.eventRegistration.count({ where: { eventId: event.id } })).toBe(1);
  expect(await t.prisma.candidate.count({ where: { orgId: org.orgId, email: ada.email } })).toBe(1);
  await t.sink.waitFor((m) => m.to.includes(ada.email) && m.subject.startsWith("You're registered"), { count: 2 });
  expect((await post()).status).toBe(202);
  await new Promise((r) => setTimeout(r, 500));
  expect(t.sink.messages().filter((m) => m.to.includes(ada.email))).toHaveLength(2);

  const publicIcs = await fetch(`${t.url}${event.publicPath}/event.ics`);
  expect(await publicIcs.text()).toContain('METHOD:PUBLISH');

  // A new time: Ada gets it with the invite again (same UID, higher SEQUENCE); a change of the description alone tells nobody.
  await recruiter('PATCH', `/api/events/${event.id}`, { description: 'Talks, pizza and drinks.' });
  expect((await recruiter('PATCH', `/api/events/${event.id}`, { startsAt: hours(72), endsAt: hours(74) })).status).toBe(200);
  const [moved] = await t.sink.waitFor((m) => m.to.includes(ada.email) && m.subject.startsWith('Updated:'));
  const sequenceOf = (ics: string | undefined) => Number(/SEQUENCE:(\d+)/.exec(ics ?? '')?.[1]);
  expect(moved!.calendarParts?.[0]?.text).toContain(`UID:event-${event.id}@`);
  expect(sequenceOf(moved!.calendarParts?.[0]?.text)).toBeGreaterThan(sequenceOf(invite?.text));
  expect(t.sink.messages().filter((m) => m.to.includes(ada.email) && m.subject.startsWith('Updated:'))).toHaveLength(1);

  // Ada cancels through her link: the page's button POSTs; cancelling twice is once.
  const cancelled = await fetch(`${t.url}${manage}/cancel`, { method: 'POST' });
  expect(await cancelled.text()).toContain('Your registration is cancelled.');
  expect(await t.prisma.eventRegistration.findFirstOrThrow({ where: { eventId: event.id } })).toMatchObject({ status: 'CANCELLED' });
  expect((await fetch(`${t.url}${manage}/cancel`, { method: 'POST' })).status).toBe(200);
  expect(await t.prisma.auditEvent.count({ where: { action: 'event_registration.cancelled', entityId: registration.id } })).toBe(1);
});

test('capacity holds under concurrent registrations; a cancel moves the waitlist up and tells them', async () => {
  const event = await publishedEvent({ capacity: 3 });
  const people = Array.from({ length: 8 }, (_, i) => person(`Concurrent${i}`));
  const answers = await Promise.all(people.map((p) => registerJson(event, { person: p })));
  expect(answers.map((a) => a.status)).toEqual(Array(8).fill(202));
  expect(answers.every((a) => a.body.status === 'received')).toBe(true);
  expect(await t.prisma.eventRegistration.count({ where: { eventId: event.id, status: 'REGISTERED' } })).toBe(3);
  expect(await t.prisma.eventRegistration.count({ where: { eventId: event.id, status: 'WAITLISTED' } })).toBe(5);
  await t.sink.waitFor((m) => m.subject.startsWith("You're on the waitlist") && people.some((p) => m.to.includes(p.email)), { count: 5 });

  const detail = await recruiter('GET', `/api/events/${event.id}`);
  expect(detail.body).toMatchObject({ counts: { registered: 3, waitlisted: 5 }, placesLeft: 0 });

  const waitlisted = await t.prisma.eventRegistration.findMany({ where: { eventId: event.id, status: 'WAITLISTED' }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], include: { candidate: true } });
  const registered = await t.prisma.eventRegistration.findFirstOrThrow({ where: { eventId: event.id, status: 'REGISTERED' }, include: { candidate: true } });
  const cancelled = await recruiter('POST', `/api/events/${event.id}/registrations/${registered.id}/cancel`);
  expect(cancelled.status).toBe(200);
  expect(cancelled.body.promoted).toEqual([waitlisted[0]!.id]);
  expect(await t.prisma.eventRegistration.findUniqueOrThrow({ where: { id: waitlisted[0]!.id } })).toMatchObject({ status: 'REGISTERED' });
  await t.sink.waitFor((m) => m.to.includes(waitlisted[0]!.candidate.email!) && m.subject.startsWith('A place opened up'));

  // More capacity: the next two move up, in order.
  const patched = await recruiter('PATCH', `/api/events/${event.id}`, { capacity: 5 });
  expect(patched.body).toMatchObject({ counts: { registered: 5, waitlisted: 2, cancelled: 1 }, placesLeft: 0 });
  const promotedNext = await t.prisma.eventRegistration.findMany({ where: { id: { in: [waitlisted[1]!.id, waitlisted[2]!.id] } } });
  expect(promotedNext.map((r) => r.status)).toEqual(['REGISTERED', 'REGISTERED']);

  // Pages of registrations and the CSV export.
  const page1 = await recruiter('GET', `/api/events/${event.id}/registrations?limit=5`);
  const page2 = await recruiter('GET', `/api/events/${event.id}/registrations?limit=5&cursor=${page1.body.nextCursor}`);
  expect([...page1.body.registrations, ...page2.body.registrations].map((r: { id: string }) => r.id)).toHaveLength(8);
  expect(page2.body.nextCursor).toBeNull();
  const csv = await fetch(`${t.url}/api/events/${event.id}/registrations.csv`, { headers: { authorization: `Bearer ${org.tokens.recruiter}` } });
  const lines = (await csv.text()).trim().split('\r\n');
  expect(lines[0]).toBe('registration_id,candidate_id,first_name,last_name,email,status,source,registered_at,checked_in_at');
  expect(lines).toHaveLength(9);

  // Cancelling the event tells everyone still coming or waiting; the registered get the calendar CANCEL.
  expect((await recruiter('POST', `/api/events/${event.id}/cancel`)).body.status).toBe('CANCELLED');
  const told = await t.sink.waitFor((m) => m.subject.startsWith('Cancelled:') && people.some((p) => m.to.includes(p.email)), { count: 7 });
  const registeredEmail = waitlisted[1]!.candidate.email!;
  expect(told.find((m) => m.to.includes(registeredEmail))!.calendarParts?.[0]?.contentType).toBe('text/calendar; method=CANCEL');
  expect(told.find((m) => m.to.includes(waitlisted[4]!.candidate.email!))!.calendarParts ?? []).toHaveLength(0);
  const cancelledEmail = registered.candidate.email!;
  expect(t.sink.messages().filter((m) => m.subject.startsWith('Cancelled:') && m.to.includes(cancelledEmail))).toHaveLength(0);
});

test('follow-up runs per status: registered, attended (check-in) and no-show (the sweep), each with its email', async () => {
  const event = await publishedEvent({ startsAt: hours(1), endsAt: hours(2) });
  await publishPipeline(`Registered ${event.id}`, followUpGraph('registered', event.id, 'See you soon'));
  await publishPipeline(`Attended ${event.id}`, followUpGraph('attended', event.id, 'Thanks for coming'));
  await publishPipeline(`No-show ${event.id}`, followUpGraph('no_show', event.id, 'We missed you'));

  const grace = person('Grace');
  const alan = person('Alan');
  expect((await registerJson(event, { person: grace })).status).toBe(202);
  expect((await registerJson(event, { person: alan })).status).toBe(202);
  const registrationOf = async (p: { email: string }) => t.prisma.eventRegistration.findFirstOrThrow({ where: { eventId: event.id, candidate: { email: p.email } } });
  const g = { body: { registrationId: (await registrationOf(grace)).id } };
  const a = { body: { registrationId: (await registrationOf(alan)).id } };
  const [seeYou] = await t.sink.waitFor((m) => m.to.includes(grace.email) && m.subject === 'See you soon', { timeoutMs: 60_000 });
  expect(seeYou!.text).toContain(`about ${'Backend meetup'}`);
  expect(seeYou!.text).toContain('(registered)');
  await t.sink.waitFor((m) => m.to.includes(alan.email) && m.subject === 'See you soon', { timeoutMs: 60_000 });

  // Grace checks in with the code from her confirmation; twice is once.
  const [confirmation] = await t.sink.waitFor((m) => m.to.includes(grace.email) && m.subject.startsWith("You're registered"));
  const code = /check-in code: (\S+)/.exec(confirmation!.text)![1]!;
  const checked = await recruiter('POST', `/api/events/${event.id}/check-in`, { code });
  expect(checked.body).toMatchObject({ status: 'ATTENDED', isAlreadyCheckedIn: false });
  expect((await recruiter('POST', `/api/events/${event.id}/check-in`, { email: grace.email })).body).toMatchObject({ isAlreadyCheckedIn: true });
  const graceReg = await t.prisma.eventRegistration.findUniqueOrThrow({ where: { id: g.body.registrationId } });
  expect(graceReg).toMatchObject({ status: 'ATTENDED', checkedInById: org.userIds.recruiter });
  expect(graceReg.checkedInAt).toBeInstanceOf(Date);
  await t.sink.waitFor((m) => m.to.includes(grace.email) && m.subject === 'Thanks for coming', { timeoutMs: 60_000 });

  // A walk-in: registered and checked in at once; only the attended sequence starts.
  const walkIn = person('Walk');
  const walked = await recruiter('POST', `/api/events/${event.id}/check-in`, { walkIn });
  expect(walked.body).toMatchObject({ status: 'ATTENDED', isWalkIn: true });
  await t.sink.waitFor((m) => m.to.includes(walkIn.email) && m.subject === 'Thanks for coming', { timeoutMs: 60_000 });

  // The event ends; the sweep marks Alan a no-show (and only him).
  await t.prisma.recruitingEvent.update({ where: { id: event.id }, data: { startsAt: new Date(Date.now() - 5 * 3_600_000), endsAt: new Date(Date.now() - 3 * 3_600_000) } });
  await t.system.services!.periodicJobs!.runNow('event-no-shows');
  expect(await t.prisma.eventRegistration.findUniqueOrThrow({ where: { id: a.body.registrationId } })).toMatchObject({ status: 'NO_SHOW' });
  await t.sink.waitFor((m) => m.to.includes(alan.email) && m.subject === 'We missed you', { timeoutMs: 60_000 });
  expect(t.sink.messages().filter((m) => m.to.includes(alan.email) && m.subject === 'Thanks for coming')).toHaveLength(0);
  expect(t.sink.messages().filter((m) => m.to.includes(grace.email) && m.subject === 'We missed you')).toHaveLength(0);
  expect(t.sink.messages().filter((m) => m.to.includes(walkIn.email) && m.subject === 'See you soon')).toHaveLength(0);

  // Attendance is on the profile: engagement events in order.
  const alanId = (await t.prisma.eventRegistration.findUniqueOrThrow({ where: { id: a.body.registrationId } })).candidateId;
  const graceId = graceReg.candidateId;
  const attendance = async (candidateId: string) => (await t.prisma.engagementEvent.findMany({ where: { candidateId, eventId: event.id }, orderBy: { at: 'asc' } })).map((e) => e.kind);
  expect(await attendance(graceId)).toEqual(['REGISTERED', 'ATTENDED']);
  expect(await attendance(alanId)).toEqual(['REGISTERED', 'NO_SHOW']);
  // The profile's events: Grace attended.
  const profile = await recruiter('GET', `/api/candidates/${graceId}/event-registrations`);
  expect(profile.body.registrations).toEqual([expect.objectContaining({ id: g.body.registrationId, status: 'ATTENDED', event: expect.objectContaining({ id: event.id }) })]);
  expect((await apiClient(t.url, org.tokens.interviewer)('GET', `/api/candidates/${graceId}/event-registrations`)).status).toBe(403);
  // Showing up weighs more in the engagement score than not showing up.
  const scoreOf = async (id: string) => (await t.prisma.candidate.findUniqueOrThrow({ where: { id } })).engagementScore;
  expect(await scoreOf(graceId)).toBeGreaterThan(await scoreOf(alanId));
  // One run per registration and status.
  expect(await t.prisma.run.count({ where: { candidateId: graceId } })).toBe(2);
  // A second sweep changes nothing.
  expect(await t.system.services!.periodicJobs!.runNow('event-no-shows')).toMatchObject({ noShows: 0 });
});

test('bad input: unknown fields, bad emails, a missing consent, a past or cancelled event, forged links and codes, other roles', async () => {
  const bad = await recruiter('POST', '/api/events', { name: 'X', startsAt: hours(5), location: 'Here', colour: 'red' });
  expect(bad.status).toBe(400);
  expect(bad.body.error.details[0].path).toBe('body');
  const ends = await recruiter('POST', '/api/events', { name: 'X', startsAt: hours(5), endsAt: hours(4), location: 'Here' });
  expect(ends.body.error.details).toEqual([expect.objectContaining({ path: 'body.endsAt' })]);
  const online = await recruiter('POST', '/api/events', { name: 'X', startsAt: hours(5), isOnline: true });
  expect(online.body.error.details).toEqual([expect.objectContaining({ path: 'body.onlineUrl' })]);
  const zone = await recruiter('POST', '/api/events', { name: 'X', startsAt: hours(5), location: 'Here', timeZone: 'Mars/Olympus' });
  expect(zone.body.error.details[0].path).toBe('body.timeZone');
  const pool = await recruiter('POST', '/api/events', { name: 'X', startsAt: hours(5), location: 'Here', poolId: 'nope' });
  expect(pool.body.error.details[0].path).toBe('body.poolId');
  expect(await t.prisma.recruitingEvent.count({ where: { orgId: org.orgId, name: 'X' } })).toBe(0);

  const event = await publishedEvent();
  const unknown = await registerJson(event, { person: { ...person('Eve'), role: 'admin' } });
  expect(unknown.status).toBe(400);
  expect(unknown.body.error.details[0].path).toBe('body.person');
  const badEmail = await registerJson(event, { person: { ...person('Eve'), email: 'not-an-email' } });
  expect(badEmail.body.error.details[0].path).toBe('body.person.email');
  const consent = await registerJson(event, { person: person('Eve') }, { isConsenting: false });
  expect(consent.status).toBe(400);
  expect(consent.body.error.details[0].path).toBe('body.consents');
  const version = await registerJson(event, { person: person('Eve'), consents: [{ purpose: 'talent_pool', textVersion: 'v9' }] });
  expect(version.body.error.details[0].path).toBe('body.consents.0.textVersion');
  const formErrors = await fetch(t.url + event.publicPath, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': newIp() }, body: 'firstName=Eve&lastName=&email=nope' });
  expect(formErrors.status).toBe(400);
  const formHtml = await formErrors.text();
  expect(formHtml).toContain('aria-invalid="true"');
  expect(formHtml).toContain('value="nope"');
  expect(await t.prisma.eventRegistration.count({ where: { eventId: event.id } })).toBe(0);

  const past = await publishedEvent({ startsAt: hours(1) });
  await t.prisma.recruitingEvent.update({ where: { id: past.id }, data: { startsAt: new Date(Date.now() - 3_600_000), endsAt: new Date(Date.now() - 60_000) } });
  const late = await registerJson(past, { person: person('Late'), consents: [{ purpose: 'talent_pool', textVersion: 'v1' }] });
  expect(late.status).toBe(410);
  expect((await recruiter('POST', `/api/events/${past.id}/publish`)).status).toBe(200);
  const cancelled = await publishedEvent();
  expect((await recruiter('POST', `/api/events/${cancelled.id}/cancel`)).body).toMatchObject({ status: 'CANCELLED' });
  expect((await registerJson(cancelled, { person: person('Gone'), consents: [{ purpose: 'talent_pool', textVersion: 'v1' }] })).status).toBe(410);
  expect((await recruiter('PATCH', `/api/events/${cancelled.id}`, { name: 'Back' })).status).toBe(409);

  const forged = await fetch(`${t.url}/event-registrations/${crypto.randomBytes(12).toString('hex')}.${'A'.repeat(32)}`);
  expect(forged.status).toBe(404);
  expect((await fetch(`${t.url}/event-registrations/nope/cancel`, { method: 'POST' })).status).toBe(404);
  const code = await recruiter('POST', `/api/events/${event.id}/check-in`, { code: 'abc.def' });
  expect(code.status).toBe(400);
  expect(code.body.error.details[0].path).toBe('body.code');
  const both = await recruiter('POST', `/api/events/${event.id}/check-in`, { email: 'a@example.com', registrationId: 'x' });
  expect(both.status).toBe(400);

  const other = await createTestOrg(t.prisma);
  expect((await apiClient(t.url, other.tokens.admin)('GET', `/api/events/${event.id}`)).status).toBe(404);
  expect((await apiClient(t.url, org.tokens.interviewer)('GET', '/api/events')).status).toBe(403);
  expect((await apiClient(t.url, org.tokens.interviewer)('POST', '/api/events', { name: 'Y', startsAt: hours(5), location: 'Here' })).status).toBe(403);
});
