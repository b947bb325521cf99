// Interview coordination and feedback on the real stack (API, worker, Temporal,
// PostgreSQL, SMTP sink): availability with an imported ICS feed, panel slot
// finding, invites parsed back by ical.js (an independent parser) through
// booking, rescheduling and cancelling, reminders, candidate self-scheduling
// resuming a waiting run, refused links, and the scorecard visibility rule.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import ICAL from 'ical.js';
import { apiClient, createTestOrg, startTestSystem, waitFor, type TestOrg, type TestSystem } from '../../support/harness';
import { applicant, createHiringJob } from '../../support/fixtures';
import { hashToken, newToken } from '../../../api/auth';
import { createSchedulingToken } from '../../../api/scheduling/scheduling-link';
import type { SinkMessage } from '../../../api/platform/mail/smtp-sink';
import type { TGraph } from '../../../workflows/graph/schema';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let t: TestSystem;
let org: TestOrg;
let recruiter: ReturnType<typeof apiClient>;
let interviewer: ReturnType<typeof apiClient>;
let second: ReturnType<typeof apiClient>;
let secondId: string;
let feed: http.Server;
let feedBody = '';

beforeAll(async () => {
  // The test's feed server is on loopback, which production refuses by default.
  t = await startTestSystem({ config: { CALENDAR_FEED_ALLOW_PRIVATE: 'true' } });
  org = await createTestOrg(t.prisma);
  recruiter = apiClient(t.url, org.tokens.recruiter);
  interviewer = apiClient(t.url, org.tokens.interviewer);
  const user = await t.prisma.user.create({ data: { orgId: org.orgId, email: `second@${org.slug}.test`, name: 'Second Interviewer', role: 'INTERVIEWER' } });
  const token = newToken();
  await t.prisma.apiToken.create({ data: { orgId: org.orgId, userId: user.id, name: 'second', tokenHash: hashToken(token) } });
  secondId = user.id;
  second = apiClient(t.url, token);
  feed = http.createServer((req, res) => {
    if (req.url === '/huge.ics') {
      res.writeHead(200, { 'content-type': 'text/calendar' });
      res.end('BEGIN:VCALENDAR\r\n' + 'X'.repeat(6 * 1024 * 1024));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/calendar' }).end(feedBody);
  });
  await new Promise<void>((r) => feed.listen(0, '127.0.0.1', r));
});
afterAll(async () => {
  await new Promise((r) => feed?.close(r));
  await t?.stop();
});

const utc = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
/** Local weekday (1 = Monday) and minutes after midnight of an instant in a zone. */
function local(ms: number, timeZone: string) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(ms).map((p) => [p.type, p.value]));
  return { weekday: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday!) + 1, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}
const isInWorkingDay = (start: number, end: number, zone: string) => {
  const a = local(start, zone);
  const b = local(end - 1, zone);
  return a.weekday <= 5 && a.weekday === b.weekday && a.minutes >= 9 * 60 && b.minutes < 17 * 60;
};
/** A window of five whole UTC days starting next Monday or later. */
function nextWeek() {
  let start = Math.floor((Date.now() + 7 * DAY) / DAY) * DAY;
  while (new Date(start).getUTCDay() !== 1) start += DAY;
  return { start, end: start + 5 * DAY };
}

function calendarOf(m: SinkMessage) {
  const part = m.calendarParts?.[0];
  if (!part) throw new Error(`no calendar part in "${m.subject}"`);
  const root = new ICAL.Component(ICAL.parse(part.text));
  const event = root.getFirstSubcomponent('vevent')!;
  return {
    contentType: part.contentType,
    method: root.getFirstPropertyValue('method'),
    uid: event.getFirstPropertyValue('uid'),
    sequence: event.getFirstPropertyValue('sequence'),
    start: (event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().getTime(),
    end: (event.getFirstPropertyValue('dtend') as ICAL.Time).toJSDate().getTime(),
    status: event.getFirstPropertyValue('status'),
    attendees: event.getAllProperties('attendee').map((p) => String(p.getFirstValue()).replace(/^mailto:/i, '').toLowerCase()).sort(),
  };
}

async function newApplication(graph?: TGraph) {
  const { jobId } = await createHiringJob(recruiter, graph);
  const res = await recruiter('POST', '/api/applications', applicant(jobId));
  if (res.status !== 201) throw new Error(`apply: ${JSON.stringify(res.body)}`);
  return { jobId, applicationId: res.body.id as string, runId: res.body.run?.id as string | undefined, email: (res.body.candidate?.email ?? (await t.prisma.application.findUniqueOrThrow({ where: { id: res.body.id }, include: { candidate: true } })).candidate.email) as string };
}

test('availability: working hours, manual busy blocks, an ICS feed whose URL is never returned; bad input refused', async () => {
  const w = nextWeek();
  const hours = { timeZone: 'Europe/Berlin', weekly: { mon: [{ start: '09:00', end: '17:00' }], tue: [{ start: '09:00', end: '17:00' }], wed: [{ start: '09:00', end: '17:00' }], thu: [{ start: '09:00', end: '17:00' }], fri: [{ start: '09:00', end: '17:00' }] } };
  const put = await interviewer('PUT', '/api/users/me/availability', { timeZone: 'Europe/Berlin', workingHours: hours });
  expect(put.status).toBe(200);
  expect((await t.prisma.user.findUniqueOrThrow({ where: { id: org.userIds.interviewer } })).timeZone).toBe('Europe/Berlin');

  const bad = await interviewer('PUT', '/api/users/me/availability', { timeZone: 'Mars/Olympus' });
  expect(bad.status).toBe(400);
  expect(bad.body.error.details.map((d: { path: string }) => d.path)).toContain('body.timeZone');
  const unknownField = await interviewer('PUT', '/api/users/me/availability', { timeZone: 'UTC', colour: 'red' });
  expect(unknownField.status).toBe(400);
  // Someone else's availability: only coordinators may change it.
  expect((await interviewer('PUT', `/api/users/${secondId}/availability`, { timeZone: 'UTC' })).status).toBe(403);
  expect((await t.prisma.user.findUniqueOrThrow({ where: { id: secondId } })).timeZone).toBe('UTC');
  expect((await recruiter('PUT', `/api/users/${secondId}/availability`, { timeZone: 'America/New_York' })).status).toBe(200);

  // A feed with one busy hour on Tuesday 15:00Z and one free (TRANSPARENT) event.
  const busyStart = w.start + DAY + 15 * HOUR;
  feedBody = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN',
    'BEGIN:VEVENT', 'UID:busy-1', `DTSTAMP:${utc(Date.now())}`, `DTSTART:${utc(busyStart)}`, `DTEND:${utc(busyStart + HOUR)}`, 'SUMMARY:Dentist', 'END:VEVENT',
    'BEGIN:VEVENT', 'UID:free-1', `DTSTAMP:${utc(Date.now())}`, `DTSTART:${utc(busyStart + 2 * HOUR)}`, `DTEND:${utc(busyStart + 3 * HOUR)}`, 'TRANSP:TRANSPARENT', 'END:VEVENT',
    'END:VCALENDAR', ''].join('\r\n');
  const feedUrl = `http://127.0.0.1:${(feed.address() as AddressInfo).port}/private-token-123/basic.ics`;
  const set = await second('PUT', '/api/users/me/calendar-feed', { url: feedUrl });
  expect(set.status).toBe(200);
  expect(set.body).toMatchObject({ isOk: true, busyBlocks: 1 });
  const blocks = await t.prisma.busyBlock.findMany({ where: { userId: secondId, source: 'ICS_FEED' } });
  expect(blocks.map((b) => [b.startsAt.getTime(), b.endsAt.getTime()])).toEqual([[busyStart, busyStart + HOUR]]);
  const read = await second('GET', '/api/users/me/availability');
  expect(JSON.stringify(read.body)).not.toContain('private-token-123');
  expect(read.body.calendarFeed.lastError).toBeNull();

  // A refresh replaces the feed's blocks; a feed over the size cap keeps the old ones and says why.
  feedBody = feedBody.replace(`DTSTART:${utc(busyStart)}`, `DTSTART:${utc(busyStart - HOUR)}`);
  expect((await second('POST', '/api/users/me/calendar-feed/refresh')).body).toMatchObject({ isOk: true, busyBlocks: 1 });
  expect((await t.prisma.busyBlock.findFirstOrThrow({ where: { userId: secondId, source: 'ICS_FEED' } })).startsAt.getTime()).toBe(busyStart - HOUR);
  feedBody = feedBody.replace(`DTSTART:${utc(busyStart - HOUR)}`, `DTSTART:${utc(busyStart)}`);
  await second('POST', '/api/users/me/calendar-feed/refresh');

  const huge = await interviewer('PUT', '/api/users/me/calendar-feed', { url: `http://127.0.0.1:${(feed.address() as AddressInfo).port}/huge.ics` });
  expect(huge.body).toMatchObject({ isOk: false });
  expect(huge.body.error).toMatch(/larger than/);
  expect((await t.prisma.calendarFeed.findUniqueOrThrow({ where: { userId: org.userIds.interviewer } })).lastError).toMatch(/larger than/);
  expect((await interviewer('PUT', '/api/users/me/calendar-feed', { url: 'file:///etc/passwd' })).status).toBe(400);
  expect((await interviewer('DELETE', '/api/users/me/calendar-feed')).status).toBe(204);

  // Manual busy blocks: added, listed, deleted; an end before the start is refused with its path.
  const block = await interviewer('POST', '/api/users/me/busy-blocks', { startsAt: new Date(w.start + 9 * HOUR).toISOString(), endsAt: new Date(w.start + 10 * HOUR).toISOString() });
  expect(block.status).toBe(201);
  const backwards = await interviewer('POST', '/api/users/me/busy-blocks', { startsAt: new Date(w.start + 10 * HOUR).toISOString(), endsAt: new Date(w.start + 9 * HOUR).toISOString() });
  expect(backwards.status).toBe(400);
  expect(backwards.body.error.details[0].path).toBe('body.endsAt');
  expect((await interviewer('GET', '/api/users/me/availability')).body.busyBlocks.map((b: { id: string }) => b.id)).toContain(block.body.id);
  expect((await interviewer('DELETE', `/api/users/me/busy-blocks/${block.body.id}`)).status).toBe(204);
  expect(await t.prisma.busyBlock.count({ where: { id: block.body.id } })).toBe(0);
});

test('panel slot finding through the API: both interviewers free, in both working days, around the feed busy hour; stale feeds refreshed', async () => {
  const w = nextWeek();
  const res = await recruiter('POST', '/api/interviews/slots', {
    interviewerIds: [org.userIds.interviewer, secondId], windowStart: new Date(w.start).toISOString(), windowEnd: new Date(w.end).toISOString(),
    durationMinutes: 60, granularityMinutes: 30, candidateTimeZone: 'Asia/Tokyo',
  });
  expect(res.status).toBe(200);
  const slots = res.body.slots as { start: number; end: number; interviewerIds: string[]; candidateLocal: { start: string } }[];
  expect(slots.length).toBeGreaterThan(0);
  const busyStart = w.start + DAY + 15 * HOUR;
  for (const s of slots) {
    expect(isInWorkingDay(s.start, s.end, 'Europe/Berlin')).toBe(true);
    expect(isInWorkingDay(s.start, s.end, 'America/New_York')).toBe(true);
    expect(s.start < busyStart + HOUR && s.end > busyStart).toBe(false);
    expect(s.interviewerIds.sort()).toEqual([org.userIds.interviewer, secondId].sort());
    expect(s.candidateLocal.start).toMatch(/\+09:00$/);
  }
  // 2 of 2 with the second required vs 1 of 2: the looser panel offers strictly more times.
  const loose = await recruiter('POST', '/api/interviews/slots', {
    interviewerIds: [org.userIds.interviewer, secondId], windowStart: new Date(w.start).toISOString(), windowEnd: new Date(w.end).toISOString(),
    durationMinutes: 60, granularityMinutes: 30, panel: { minimumAttendees: 1, required: [secondId] },
  });
  expect(loose.body.slots.length).toBeGreaterThan(slots.length);
  expect(loose.body.slots.every((s: { interviewerIds: string[] }) => s.interviewerIds.includes(secondId))).toBe(true);

  // A feed not fetched for over 6 hours is refreshed when someone searches its owner's slots.
  feedBody = feedBody.replace(`DTSTART:${utc(busyStart)}`, `DTSTART:${utc(busyStart + HOUR)}`).replace(`DTEND:${utc(busyStart + HOUR)}`, `DTEND:${utc(busyStart + 2 * HOUR)}`);
  await t.prisma.calendarFeed.update({ where: { userId: secondId }, data: { lastFetchedAt: new Date(Date.now() - 7 * HOUR) } });
  await recruiter('POST', '/api/interviews/slots', { interviewerIds: [secondId], windowStart: new Date(w.start).toISOString(), windowEnd: new Date(w.end).toISOString(), durationMinutes: 60 });
  await waitFor('stale feed refreshed', async () => (await t.prisma.busyBlock.findFirst({ where: { userId: secondId, source: 'ICS_FEED' } }))?.startsAt.getTime() === busyStart + HOUR);
  feedBody = feedBody.replace(`DTSTART:${utc(busyStart + HOUR)}`, `DTSTART:${utc(busyStart)}`).replace(`DTEND:${utc(busyStart + 2 * HOUR)}`, `DTEND:${utc(busyStart + HOUR)}`);
  await second('POST', '/api/users/me/calendar-feed/refresh');

  const bad = await recruiter('POST', '/api/interviews/slots', { interviewerIds: ['nobody'], windowStart: new Date(w.start).toISOString(), windowEnd: new Date(w.end).toISOString(), durationMinutes: 60 });
  expect(bad.status).toBe(404);
  expect(bad.body.error.details[0].path).toBe('body.interviewerIds.0');
  const tooLong = await recruiter('POST', '/api/interviews/slots', { interviewerIds: [secondId], windowStart: new Date(w.start).toISOString(), windowEnd: new Date(w.start + 90 * DAY).toISOString(), durationMinutes: 60 });
  expect(tooLong.status).toBe(400);
  expect(tooLong.body.error.details[0].path).toBe('body.windowEnd');
  expect((await interviewer('POST', '/api/interviews/slots', { interviewerIds: [secondId], windowStart: new Date(w.start).toISOString(), windowEnd: new Date(w.end).toISOString(), durationMinutes: 60 })).status).toBe(403);
});

test('book, reschedule, cancel: ICS invites to everyone with one UID and rising SEQUENCE, parsed by ical.js; reminders; clashes refused', async () => {
  const { applicationId, email } = await newApplication();
  const startsAt = Math.ceil((Date.now() + 3 * HOUR) / HOUR) * HOUR;
  const booked = await recruiter('POST', '/api/interviews', {
    applicationId, title: 'Technical interview', startsAt: new Date(startsAt).toISOString(), durationMinutes: 45,
    participants: [{ userId: org.userIds.interviewer, role: 'CHAIR' }, { userId: secondId }], meetingUrl: 'https://meet.example.com/abc',
  });
  expect(booked.status).toBe(201);
  const interviewId = booked.body.id as string;
  const people = [email.toLowerCase(), `interviewer@${org.slug}.test`, `second@${org.slug}.test`].sort();

  const invites = await t.sink.waitFor((m) => m.subject.startsWith('Invitation: Technical interview') && !!m.calendarParts?.length && people.includes(m.to[0]!), { count: 3 });
  const row = await t.prisma.interview.findUniqueOrThrow({ where: { id: interviewId } });
  expect(invites.map((m) => m.to[0]).sort()).toEqual(people);
  for (const m of invites) {
    const ics = calendarOf(m);
    expect(ics).toMatchObject({ method: 'REQUEST', uid: row.icsUid, sequence: 0, start: startsAt, end: startsAt + 45 * 60_000, status: 'CONFIRMED' });
    expect(ics.contentType).toBe('text/calendar; method=REQUEST');
    expect(ics.attendees).toEqual(people);
  }
  // Within 24 hours of the start, the reminders go out at once.
  const reminders = await t.sink.waitFor((m) => m.subject.startsWith('Reminder: Technical interview') && people.includes(m.to[0]!), { count: 3 });
  expect(reminders).toHaveLength(3);
  await waitFor('reminder times kept', async () => (await t.prisma.interview.findUniqueOrThrow({ where: { id: interviewId } })).candidateReminderSentAt);

  // The chair is busy then now: another booking over it is refused and writes nothing.
  const other = await newApplication();
  const clash = await recruiter('POST', '/api/interviews', { applicationId: other.applicationId, startsAt: new Date(startsAt + 30 * 60_000).toISOString(), durationMinutes: 30, participants: [{ userId: org.userIds.interviewer }] });
  expect(clash.status).toBe(409);
  expect(await t.prisma.interview.count({ where: { applicationId: other.applicationId } })).toBe(0);
  const noOne = await recruiter('POST', '/api/interviews', { applicationId, startsAt: new Date(startsAt).toISOString(), durationMinutes: 30, participants: [] });
  expect(noOne.status).toBe(400);
  expect(noOne.body.error.details[0].path).toBe('body.participants');
  expect((await interviewer('POST', '/api/interviews', { applicationId, startsAt: new Date(startsAt).toISOString(), durationMinutes: 30, participants: [{ userId: secondId }] })).status).toBe(403);

  const moved = startsAt + 3 * DAY;
  const re = await recruiter('POST', `/api/interviews/${interviewId}/reschedule`, { startsAt: new Date(moved).toISOString() });
  expect(re.status).toBe(200);
  expect(re.body).toMatchObject({ status: 'RESCHEDULED', icsSequence: 1, candidateReminderSentAt: null });
  const updates = await t.sink.waitFor((m) => m.subject.startsWith('Updated invitation: Technical interview') && people.includes(m.to[0]!), { count: 3 });
  for (const m of updates) expect(calendarOf(m)).toMatchObject({ method: 'REQUEST', uid: row.icsUid, sequence: 1, start: moved, end: moved + 45 * 60_000 });

  const cancel = await recruiter('POST', `/api/interviews/${interviewId}/cancel`, { reason: 'Role filled' });
  expect(cancel.body).toMatchObject({ status: 'CANCELLED', icsSequence: 2 });
  const cancels = await t.sink.waitFor((m) => m.subject.startsWith('Cancelled: Technical interview') && people.includes(m.to[0]!), { count: 3 });
  for (const m of cancels) {
    const ics = calendarOf(m);
    expect(ics).toMatchObject({ method: 'CANCEL', uid: row.icsUid, sequence: 2, start: moved, status: 'CANCELLED' });
    expect(ics.contentType).toBe('text/calendar; method=CANCEL');
  }
  expect((await recruiter('POST', `/api/interviews/${interviewId}/cancel`, {})).status).toBe(409);
  expect((await recruiter('POST', `/api/interviews/${interviewId}/reschedule`, { startsAt: new Date(moved).toISOString() })).status).toBe(409);
  // Each invite version was sent once per person, however often activities ran.
  expect(await t.prisma.message.count({ where: { idempotencyKey: { startsWith: `invite:${interviewId}:` } } })).toBe(9);
});

test('self-scheduling: the pipeline emails a signed link, a new request replaces it, the candidate books, the run resumes; used, withdrawn, forged and expired links refused', async () => {
  const graph: TGraph = {
    nodes: [
      { id: 'applied', type: 'trigger.application_received', typeVersion: 1, config: {} },
      { id: 'schedule', type: 'scheduling.schedule_interview', typeVersion: 1, config: { title: 'Screening call', mode: 'self_schedule', interviewerIds: [org.userIds.interviewer, secondId], durationMinutes: 30, timeout: { minutes: 10 } } },
      { id: 'to_interview', type: 'action.move_to_stage', typeVersion: 1, config: { stage: 'interview' } },
      { id: 'end', type: 'action.end', typeVersion: 1, config: {} },
    ],
    edges: [
      { source: 'applied', sourcePort: 'out', target: 'schedule' },
      { source: 'schedule', sourcePort: 'scheduled', target: 'to_interview' },
      { source: 'schedule', sourcePort: 'declined', target: 'end' },
      { source: 'schedule', sourcePort: 'no_response', target: 'end' },
      { source: 'to_interview', sourcePort: 'out', target: 'end' },
    ],
  };
  const { applicationId, runId, email } = await newApplication(graph);
  const requested = await waitFor('requested interview', () => t.prisma.interview.findFirst({ where: { applicationId, status: 'REQUESTED' } }));
  // The node emails the candidate a link to the interviewers' free slots.
  const linkMail = (await t.sink.waitFor((m) => m.to.includes(email.toLowerCase()) && m.subject.startsWith('Choose a time: Screening call')))[0]!;
  const emailed = /\/schedule\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/.exec(linkMail.text)![1]!;
  const offered = await fetch(`${t.url}/api/schedule/${emailed}`);
  expect(offered.status).toBe(200);
  const offeredSlots = (await offered.json()).slots as { start: number; end: number }[];
  expect(offeredSlots.length).toBeGreaterThan(0);
  // Both work Mon-Fri 09:00-17:00 in their own zones (set by the first test, UTC otherwise).
  const zones = (await t.prisma.user.findMany({ where: { id: { in: [org.userIds.interviewer, secondId] } } })).map((u) => u.timeZone);
  for (const s of offeredSlots) {
    expect(s.end - s.start).toBe(30 * 60_000);
    for (const zone of zones) expect(isInWorkingDay(s.start, s.end, zone)).toBe(true);
  }
  expect(await t.prisma.interviewRequest.count({ where: { interviewId: requested.id, status: 'OPEN', sentAt: { not: null } } })).toBe(1);

  // A recruiter offers new times (in the candidate's zone): the emailed link ends.
  const w = nextWeek();
  const created = await recruiter('POST', '/api/interview-requests', {
    applicationId, interviewId: requested.id, durationMinutes: 30, windowStart: new Date(w.start).toISOString(), windowEnd: new Date(w.end).toISOString(), candidateTimeZone: 'America/Sao_Paulo',
  });
  expect(created.status).toBe(201);
  expect(await t.prisma.auditEvent.findFirst({ where: { action: 'interview_request.created', entityId: created.body.requestId } })).toMatchObject({ actorType: 'USER', after: { interviewId: requested.id, applicationId } });
  const token = created.body.token as string;
  expect(created.body.link).toMatch(new RegExp(`/schedule/${token.replace(/[.]/g, '\\.')}$`));
  const withdrawn = await fetch(`${t.url}/api/schedule/${emailed}`);
  expect(withdrawn.status).toBe(410);
  expect((await withdrawn.json()).error.details[0].code).toBe('withdrawn');

  // The page lists the offered slots in the candidate's zone.
  const page = await fetch(`${t.url}/schedule/${token}`);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain('America/Sao_Paulo');
  const first = created.body.slots[0] as { start: number; end: number; interviewerIds: string[] };
  const localStart = new Intl.DateTimeFormat('en-GB', { timeZone: 'America/Sao_Paulo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(first.start);
  expect(html).toContain(`action="/schedule/${token}?start=${first.start}"`);
  expect(html).toContain(localStart);

  // Not an offered time: refused, nothing booked.
  const odd = await fetch(`${t.url}/api/schedule/${token}/booking`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ start: first.start + 60_000 }) });
  expect(odd.status).toBe(400);
  expect((await t.prisma.interview.findUniqueOrThrow({ where: { id: requested.id } })).status).toBe('REQUESTED');

  // Book through the page's form.
  const book = await fetch(`${t.url}/schedule/${token}?start=${first.start}`, { method: 'POST' });
  expect(book.status).toBe(200);
  expect(await book.text()).toContain('data-testid="booked"');
  const interview = await t.prisma.interview.findUniqueOrThrow({ where: { id: requested.id }, include: { participants: true, requests: true } });
  expect(interview).toMatchObject({ status: 'SCHEDULED', icsSequence: 0 });
  expect(interview.startsAt!.getTime()).toBe(first.start);
  expect(interview.participants.map((p) => p.userId).sort()).toEqual([...first.interviewerIds].sort());
  expect(interview.requests.map((r) => r.status).sort()).toEqual(['BOOKED', 'WITHDRAWN']);

  // The waiting run resumed by "scheduled": the application moved to the interview stage and the run finished.
  await waitFor('run completed', async () => (await t.prisma.run.findUniqueOrThrow({ where: { id: runId! } })).status === 'COMPLETED');
  const app = await t.prisma.application.findUniqueOrThrow({ where: { id: applicationId }, include: { stage: true } });
  expect(app.stage?.key).toBe('interview');
  const invite = (await t.sink.waitFor((m) => m.to.includes(email.toLowerCase()) && m.subject.startsWith('Invitation: Screening call')))[0]!;
  expect(calendarOf(invite)).toMatchObject({ method: 'REQUEST', sequence: 0, start: first.start, uid: interview.icsUid });

  // Used link: 410 on the page and the API.
  const reused = await fetch(`${t.url}/schedule/${token}`);
  expect(reused.status).toBe(410);
  expect(await reused.text()).toContain('already used');
  const reusedApi = await fetch(`${t.url}/api/schedule/${token}/booking`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ start: first.start }) });
  expect(reusedApi.status).toBe(410);
  expect((await reusedApi.json()).error.details[0].code).toBe('booked');

  // Forged: a changed payload under the old signature, and a token signed with another secret.
  const [payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
  const tampered = `${Buffer.from(JSON.stringify({ ...claims, e: claims.e + 86_400 })).toString('base64url')}.${signature}`;
  const forged = createSchedulingToken({ interviewRequestId: claims.r, orgId: org.orgId, expiresAt: Date.now() + DAY }, 'x'.repeat(40));
  for (const bad of [tampered, forged, 'not-a-token']) {
    const res = await fetch(`${t.url}/api/schedule/${bad}`);
    expect(res.status).toBe(403);
    expect((await res.json()).error.details[0].code).toMatch(/bad_signature|malformed/);
  }
  // Expired: correctly signed with the organization's secret, but past its time.
  const secrets = ((await t.prisma.organization.findUniqueOrThrow({ where: { id: org.orgId } })).settings as { schedulingLinkSecrets: string[] }).schedulingLinkSecrets;
  const again = await recruiter('POST', '/api/interview-requests', { applicationId, interviewerIds: [secondId], durationMinutes: 30, windowStart: new Date(w.start).toISOString(), windowEnd: new Date(w.end).toISOString() });
  expect(again.status).toBe(201);
  const expired = createSchedulingToken({ interviewRequestId: again.body.requestId, orgId: org.orgId, expiresAt: Date.now() - 1000 }, secrets);
  const res = await fetch(`${t.url}/schedule/${expired}`);
  expect(res.status).toBe(403);
  expect(await res.text()).toContain('expired');
  // The secret never leaves the server.
  expect(JSON.stringify(again.body)).not.toContain(secrets[0]);
});

test('scorecards: template attributes rated by each interviewer; others hidden until you submit; the feedback task completes', async () => {
  const { applicationId, jobId } = await newApplication();
  const template = await t.prisma.scorecardTemplate.create({
    data: { orgId: org.orgId, jobId, name: 'Engineering', attributes: [{ key: 'coding', label: 'Coding' }, { key: 'communication', label: 'Communication' }] },
  });
  const startsAt = Date.now() + 10 * DAY;
  const booked = await recruiter('POST', '/api/interviews', {
    applicationId, startsAt: new Date(startsAt).toISOString(), durationMinutes: 60, participants: [{ userId: org.userIds.interviewer }, { userId: secondId }], allowConflicts: true,
  });
  expect(booked.status).toBe(201);
  const interviewId = booked.body.id as string;
  // A feedback task for the second interviewer, as a pipeline would create it.
  const task = await t.prisma.task.create({ data: { orgId: org.orgId, applicationId, candidateId: (await t.prisma.application.findUniqueOrThrow({ where: { id: applicationId } })).candidateId, kind: 'FEEDBACK', title: 'Scorecard', assigneeId: secondId, idempotencyKey: `test-feedback-${applicationId}` } });

  const form = await second('GET', `/api/interviews/${interviewId}/scorecard-form`);
  expect(form.body.template).toMatchObject({ id: template.id, attributes: [{ key: 'coding' }, { key: 'communication' }] });

  const missing = await second('POST', `/api/interviews/${interviewId}/scorecards`, { recommendation: 'yes', ratings: { coding: { rating: 3 }, humour: { rating: 4 } } });
  expect(missing.status).toBe(400);
  expect(missing.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['body.ratings.communication', 'body.ratings.humour']);
  const outOfRange = await second('POST', `/api/interviews/${interviewId}/scorecards`, { recommendation: 'yes', ratings: { coding: { rating: 5 }, communication: { rating: 3 } } });
  expect(outOfRange.status).toBe(400);
  expect(outOfRange.body.error.details[0].path).toBe('body.ratings.coding.rating');
  expect(await t.prisma.scorecard.count({ where: { applicationId } })).toBe(0);

  const submitted = await second('POST', `/api/interviews/${interviewId}/scorecards`, { recommendation: 'strong_yes', ratings: { coding: { rating: 4, note: 'clean' }, communication: { rating: 3 } }, notes: 'Hire' });
  expect(submitted.status).toBe(201);
  expect(submitted.body.taskId).toBe(task.id);
  expect((await t.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('COMPLETED');
  const card = await t.prisma.scorecard.findUniqueOrThrow({ where: { id: submitted.body.scorecardId }, include: { ratings: true } });
  expect(card).toMatchObject({ score: 4, recommendation: 'strong_yes', interviewId, interviewerId: secondId });
  expect(card.ratings.map((r) => [r.attributeKey, r.rating]).sort()).toEqual([['coding', 4], ['communication', 3]]);
  expect((await second('POST', `/api/interviews/${interviewId}/scorecards`, { recommendation: 'no', ratings: { coding: { rating: 2 }, communication: { rating: 2 } } })).status).toBe(409);

  // The first interviewer has not submitted: they see nothing of the second's feedback.
  const before = await interviewer('GET', `/api/applications/${applicationId}/scorecards`);
  expect(before.status).toBe(200);
  expect(before.body).toMatchObject({ isOthersHidden: true, hiddenCount: 1, scorecards: [] });
  expect(JSON.stringify(before.body)).not.toContain('clean');
  await interviewer('POST', `/api/interviews/${interviewId}/scorecards`, { recommendation: 'no', ratings: { coding: { rating: 2 }, communication: { rating: 2 } } });
  const after = await interviewer('GET', `/api/applications/${applicationId}/scorecards`);
  expect(after.body.isOthersHidden).toBe(false);
  expect(after.body.scorecards.map((c: { interviewerId: string }) => c.interviewerId).sort()).toEqual([org.userIds.interviewer, secondId].sort());

  // The recruiter sees all; an interviewer not on the panel can neither submit nor read.
  expect((await recruiter('GET', `/api/applications/${applicationId}/scorecards`)).body.scorecards).toHaveLength(2);
  const other = await newApplication();
  const otherInterview = await recruiter('POST', '/api/interviews', { applicationId: other.applicationId, startsAt: new Date(startsAt + DAY).toISOString(), durationMinutes: 30, participants: [{ userId: secondId }] });
  // Refused as not found by the handler, or as forbidden by the route's record scope, whichever checks first.
  expect([403, 404]).toContain((await interviewer('POST', `/api/interviews/${otherInterview.body.id}/scorecards`, { recommendation: 'yes', ratings: {} })).status);
  expect(await t.prisma.scorecard.count({ where: { applicationId: other.applicationId } })).toBe(0);
  expect([403, 404]).toContain((await interviewer('GET', `/api/applications/${other.applicationId}/scorecards`)).status);
});

test('the public link is rate-limited per address: 429 with the reason, on the API and the page', async () => {
  let status = 0;
  let calls = 0;
  for (; calls < 80 && status !== 429; calls++) status = (await fetch(`${t.url}/api/schedule/not-a-token`)).status;
  expect(status).toBe(429);
  expect(calls).toBeLessThanOrEqual(61);
  const page = await fetch(`${t.url}/schedule/not-a-token`);
  expect(page.status).toBe(429);
  expect(await page.text()).toContain('too many attempts');
});
