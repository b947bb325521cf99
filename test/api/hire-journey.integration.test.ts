// Issue 5's first "done when": one candidate from the careers page to hired,
// on the real stack (API over HTTP, PostgreSQL, Temporal dev server and
// worker, SMTP sink). Every step a person takes goes through the route they
// would use, with their own token; each step asserts what the SMTP sink
// received, what the database holds and what Temporal reports.
//
//   careers page -> job page (JSON-LD) -> apply form with UTM -> multipart POST
//   with a PDF resume, knockout answers and consent -> parsed profile -> the run
//   screens by criteria and moves to Screen -> the recruiter's schedule task ->
//   panel slots, booking, ICS invites parsed by ical.js, a reschedule -> two
//   scorecards (hidden until you submit yours) -> the hiring manager's decision
//   -> offer, 2-of-3 approval, offer letter -> accepted -> hired, run completed,
//   audit trail, hiring-records CSV.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import ICAL from 'ical.js';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { apiClient, createTestOrg, startTestSystem, waitFor, type TestOrg, type TestSystem } from '../support/harness';
import { addOrgUser } from '../support/org-users';
import { csvRecords } from '../support/parse-csv';
import { generateResumePdf, makeResumeFixture } from '../support/resume-fixtures';
import type { SinkMessage } from '../../api/platform/mail/smtp-sink';
import type { TGraph } from '../../workflows/graph/schema';

jest.setTimeout(180_000);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SEED = 11;
const fixture = makeResumeFixture(SEED);
const UTM = { utm_source: 'newsletter', utm_medium: 'email', utm_campaign: 'backend-q1' };

type Call = ReturnType<typeof apiClient>;
interface Person { id: string; email: string; call: Call }

let t: TestSystem;
let org: TestOrg;
let dataDir: string;
const people = {} as Record<'admin' | 'recruiter' | 'manager' | 'finance' | 'ada' | 'ben', Person>;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-journey-'));
  t = await startTestSystem({ config: { TRELLIS_DATA_DIR: dataDir } });
  org = await createTestOrg(t.prisma);
  const own = (key: 'admin' | 'recruiter' | 'interviewer'): Person => ({ id: org.userIds[key], email: `${key}@${org.slug}.test`, call: apiClient(t.url, org.tokens[key]) });
  people.admin = own('admin');
  people.recruiter = own('recruiter');
  people.ada = own('interviewer');
  for (const [key, role, name] of [['manager', 'HIRING_MANAGER', 'Hana Manager'], ['finance', 'ADMIN', 'Fin Approver'], ['ben', 'INTERVIEWER', 'Ben Panelist']] as const) {
    const user = await addOrgUser(t.prisma, org, role, key, name);
    people[key] = { id: user.id, email: user.email, call: apiClient(t.url, user.token) };
  }
});
afterAll(async () => {
  await t?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The hiring pipeline of the job: screen by criteria, schedule, panel feedback, decision, wait for the hire, welcome. */
function journeyGraph(): TGraph {
  const node = (id: string, type: string, config: Record<string, unknown>, typeVersion = 1) => ({ id, type, typeVersion, config });
  return {
    nodes: [
      node('applied', 'trigger.application_received', {}),
      node('acknowledge', 'message.send_email', { subject: 'Thanks for applying to {{job.title}}', body: 'Hi {{candidate.firstName}}, we received your application.', fromName: 'Talent Team' }),
      node('screening', 'logic.score_criteria', {
        passScore: 80,
        criteria: [
          { kind: 'no_knockout_failures', label: 'Passed the knockout questions', points: 30 },
          { kind: 'skills', label: 'Go and PostgreSQL', skills: ['Go', 'PostgreSQL'], match: 'all', points: 40 },
          { kind: 'min_years', label: '5+ years', years: 5, points: 30 },
          { kind: 'keywords', label: 'Streaming', q: 'kafka', points: 10 },
        ],
      }),
      node('screen_failed', 'action.reject', { reason: 'did not meet the screening criteria' }),
      node('rejected_end', 'action.end', {}),
      node('to_screen', 'action.move_to_stage', { stage: 'screen' }),
      node('schedule', 'people.create_task', { title: 'Schedule the panel interview', kind: 'SCHEDULE', assignee: { userId: people.recruiter.id }, dueIn: { days: 2 } }, 2),
      node('to_interview', 'action.move_to_stage', { stage: 'interview' }),
      node('panel_feedback', 'people.collect_feedback', { title: 'Panel scorecard', interviewerUserIds: [people.ada.id, people.ben.id], timeout: { days: 7 } }, 2),
      node('decide', 'people.create_task', { title: 'Decide: make an offer?', kind: 'DECIDE', assignee: { userId: people.manager.id }, dueIn: { days: 2 } }, 2),
      node('make_offer', 'logic.branch', { rules: [{ port: 'yes', when: [{ field: 'task.accepted', op: 'eq', value: true }] }], otherwise: 'no' }),
      node('not_selected', 'action.reject', { reason: 'not selected after the panel' }),
      node('to_offer', 'action.move_to_stage', { stage: 'offer' }),
      node('wait_hire', 'events.wait_for_any', { events: [{ name: 'candidate.hired', port: 'hired' }], timeout: { days: 30 } }),
      node('welcome', 'message.send_email', { subject: 'Welcome aboard, {{candidate.firstName}}!', body: 'We are thrilled you accepted the {{job.title}} offer.', fromName: 'Talent Team' }),
      node('hired_end', 'action.end', {}),
      node('stalled', 'message.internal_note', { body: 'No answer in time; pick this application up by hand.' }),
      node('stalled_end', 'action.end', {}),
    ],
    edges: [
      ['applied', 'out', 'acknowledge'], ['acknowledge', 'out', 'screening'],
      ['screening', 'pass', 'to_screen'], ['screening', 'fail', 'screen_failed'], ['screen_failed', 'out', 'rejected_end'],
      ['to_screen', 'out', 'schedule'], ['schedule', 'completed', 'to_interview'], ['to_interview', 'out', 'panel_feedback'],
      ['panel_feedback', 'submitted', 'decide'], ['panel_feedback', 'timeout', 'stalled'],
      ['decide', 'completed', 'make_offer'], ['make_offer', 'yes', 'to_offer'], ['make_offer', 'no', 'not_selected'], ['not_selected', 'out', 'rejected_end'],
      ['to_offer', 'out', 'wait_hire'], ['wait_hire', 'hired', 'welcome'], ['wait_hire', 'timeout', 'stalled'],
      ['welcome', 'out', 'hired_end'], ['stalled', 'out', 'stalled_end'],
    ].map(([source, sourcePort, target]) => ({ source: source!, sourcePort: sourcePort!, target: target! })),
    settings: { exitOn: ['candidate.withdrew'] },
  };
}

// ---------------------------------------------------------------- reading what the system sent

function html(text: string) {
  const doc = parseDocument(text);
  const all = (test: (e: Element) => boolean) => DomUtils.findAll(test, doc.children);
  return {
    links: all((e) => e.name === 'a').map((e) => ({ href: e.attribs.href ?? '', text: DomUtils.textContent(e).trim(), testId: e.attribs['data-testid'] })),
    jsonLd: all((e) => e.name === 'script' && e.attribs.type === 'application/ld+json').map((e) => JSON.parse(DomUtils.textContent(e)) as Record<string, any>),
    form: all((e) => e.name === 'form')[0]?.attribs,
    inputs: all((e) => e.name === 'input').map((e) => e.attribs),
  };
}

function invite(m: SinkMessage) {
  const part = m.calendarParts?.[0];
  if (!part) throw new Error(`no text/calendar part in "${m.subject}"`);
  const root = new ICAL.Component(ICAL.parse(part.text));
  const vevent = root.getFirstSubcomponent('vevent')!;
  const event = new ICAL.Event(vevent);
  const mail = (v: unknown) => String(v).replace(/^mailto:/i, '').toLowerCase();
  return {
    contentType: part.contentType,
    method: root.getFirstPropertyValue('method'),
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate.toJSDate().getTime(),
    end: event.endDate.toJSDate().getTime(),
    organizer: mail(event.organizer),
    attendees: event.attendees.map((a) => mail(a.getFirstValue())).sort(),
  };
}

const get = async (url: string) => {
  const res = await fetch(url.startsWith('http') ? url : t.url + url);
  return { status: res.status, text: await res.text() };
};

const taskIn = (who: Person, kind: string, applicationId: string) =>
  waitFor(`${kind} task in the inbox`, async () => (await who.call('GET', `/api/tasks?assignee=me&kind=${kind}`)).body.tasks.find((x: { applicationId: string }) => x.applicationId === applicationId), 60_000);

const runAt = (runId: string, nodeId: string) =>
  waitFor(`run parked at ${nodeId}`, async () => {
    const run = await people.recruiter.call('GET', `/api/runs/${runId}`);
    return run.body.currentNodeId === nodeId && run.body;
  }, 60_000);

/** The application's stage transitions in order: [stage key, who moved it]. */
async function stageHistory(applicationId: string) {
  const transitions = await t.prisma.stageTransition.findMany({ where: { applicationId }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
  const stages = new Map((await t.prisma.stage.findMany({ where: { id: { in: transitions.map((x) => x.toStageId) } } })).map((st) => [st.id, st.key]));
  return transitions.map((x) => [stages.get(x.toStageId), x.actorType]);
}

const stageOf = async (applicationId: string) => (await t.prisma.application.findUniqueOrThrow({ where: { id: applicationId }, include: { stage: true } })).stage?.key;

/** The next working-day window a week ahead, so every slot lies in both interviewers' default hours. */
function nextWeek() {
  let start = Math.floor((Date.now() + 7 * DAY) / DAY) * DAY;
  while (new Date(start).getUTCDay() !== 1) start += DAY;
  return { start, end: start + 5 * DAY };
}

// ---------------------------------------------------------------- the journey

test('one candidate from the careers page to hired, on the real stack', async () => {
  const { jobId, jobSlug } = await openJob();
  const applyUrl = await findJobOnCareersSite(jobSlug);
  const { applicationId, runId, workflowId, candidateEmail } = await applyWithResume(jobId, applyUrl);
  await screening(applicationId, runId, candidateEmail);
  const interviewId = await panelInterview(applicationId, candidateEmail);
  await scorecards(applicationId, interviewId, runId);
  const offerId = await decisionAndOffer(applicationId, runId, candidateEmail);
  await hire(applicationId, runId, workflowId, offerId, candidateEmail, jobId, interviewId);
});

/** 1. A recruiter publishes the pipeline and opens the job with its hiring team and knockout questions. */
async function openJob() {
  const { recruiter } = people;
  const pipeline = await recruiter.call('POST', '/api/pipelines', { name: 'Backend hiring', graph: journeyGraph() });
  expect(pipeline.status).toBe(201);
  expect((await recruiter.call('POST', `/api/pipelines/${pipeline.body.id}/publish`)).status).toBe(201);
  const job = await recruiter.call('POST', '/api/jobs', {
    title: 'Senior Backend Engineer', department: 'Engineering', requisitionId: 'REQ-501', employmentType: 'FULL_TIME', remotePolicy: 'HYBRID',
    jobLocations: [{ city: 'New York', region: 'NY', countryCode: 'US' }], salary: { min: 160000, max: 190000, currency: 'USD', unit: 'YEAR' },
    description: '## What you will do\n\nBuild the **hiring engine** in Go and PostgreSQL.', pipelineId: pipeline.body.id,
    members: [
      { userId: recruiter.id, role: 'RECRUITER' }, { userId: people.manager.id, role: 'HIRING_MANAGER' },
      { userId: people.ada.id, role: 'INTERVIEWER' }, { userId: people.ben.id, role: 'INTERVIEWER' },
    ],
    questions: [
      { key: 'authorized', label: 'Are you authorized to work in the US?', type: 'YES_NO', knockout: { answer: false } },
      { key: 'go_years', label: 'Years of Go in production', type: 'NUMBER', knockout: { min: 2 } },
    ],
  });
  expect(job.status).toBe(201);
  expect(job.body.status).toBe('OPEN');
  // Setup: the consent text applicants agree to (the admin), the panel's scorecard (the recruiter).
  const consent = await people.admin.call('POST', '/api/consent-texts', { purpose: 'application_processing', version: '2026-12', body: 'We keep your application for 12 months to consider you for this and similar roles.' });
  expect(consent.status).toBe(201);
  const scorecard = await recruiter.call('POST', `/api/jobs/${job.body.id}/scorecard-templates`, { name: 'Backend panel', attributes: [{ key: 'systems', label: 'Systems design' }, { key: 'collaboration', label: 'Collaboration' }] });
  expect(scorecard.status).toBe(201);
  // The hiring manager reads their job: the team and the knockout questions as saved.
  const seen = await people.manager.call('GET', `/api/jobs/${job.body.id}`);
  expect(seen.status).toBe(200);
  expect(seen.body.members.map((m: { userId: string; role: string }) => `${m.role}:${m.userId}`).sort()).toEqual(
    [`RECRUITER:${recruiter.id}`, `HIRING_MANAGER:${people.manager.id}`, `INTERVIEWER:${people.ada.id}`, `INTERVIEWER:${people.ben.id}`].sort(),
  );
  expect(seen.body.questions.map((q: { key: string; knockout: unknown }) => [q.key, q.knockout])).toEqual([['authorized', { answer: false }], ['go_years', { min: 2 }]]);
  return { jobId: job.body.id as string, jobSlug: job.body.slug as string };
}

/** 2. A visitor from the newsletter finds the job on the careers page, reads its JSON-LD, follows the apply link. */
async function findJobOnCareersSite(jobSlug: string) {
  const query = new URLSearchParams(UTM).toString();
  const index = await get(`/careers/${org.slug}?${query}`);
  expect(index.status).toBe(200);
  const jobLink = html(index.text).links.find((l) => l.text.includes('Senior Backend Engineer'));
  expect(jobLink?.href).toBe(`/careers/${org.slug}/jobs/${jobSlug}?${query}`);

  const page = await get(jobLink!.href);
  expect(page.status).toBe(200);
  const read = html(page.text);
  expect(read.jsonLd).toHaveLength(1);
  expect(read.jsonLd[0]).toMatchObject({
    '@context': 'https://schema.org/', '@type': 'JobPosting', title: 'Senior Backend Engineer', employmentType: 'FULL_TIME',
    hiringOrganization: { '@type': 'Organization', name: `Org ${org.slug}` }, identifier: { value: 'REQ-501' },
    jobLocation: [{ '@type': 'Place', address: { addressLocality: 'New York', addressRegion: 'NY', addressCountry: 'US' } }],
    baseSalary: { currency: 'USD', value: { minValue: 160000, maxValue: 190000, unitText: 'YEAR' } },
  });
  expect(read.jsonLd[0]!.description).toContain('<strong>hiring engine</strong>');
  const apply = read.links.find((l) => l.testId === 'apply-link');
  const applyUrl = new URL(apply!.href, t.url);
  expect(Object.fromEntries(applyUrl.searchParams)).toMatchObject(UTM);
  return applyUrl.toString();
}

/** 3. The candidate fills in the form: names, email, a real PDF resume, the knockout answers, consent. */
async function applyWithResume(jobId: string, applyUrl: string) {
  const formPage = await get(applyUrl);
  expect(formPage.status).toBe(200);
  const read = html(formPage.text);
  const body = new FormData();
  // What the browser sends: the hidden fields (tracking, form key) as the page gave them, then what the candidate typed.
  for (const input of read.inputs.filter((i) => i.type === 'hidden')) body.set(input.name!, input.value ?? '');
  expect(read.inputs.find((i) => i.name === 'consent')).toMatchObject({ type: 'checkbox', value: '2026-12' });
  expect(read.inputs.filter((i) => i.name === 'q.authorized').map((i) => i.value).sort()).toEqual(['no', 'yes']);
  const [firstName, ...rest] = fixture.name.split(' ');
  const typed = { firstName: firstName!, lastName: rest.join(' '), email: fixture.email, location: 'New York, US', 'q.authorized': 'yes', 'q.go_years': '5', consent: '2026-12' };
  for (const [name, value] of Object.entries(typed)) body.set(name, value);
  const pdf = await generateResumePdf(SEED);
  body.set('resume', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'Zoe Silva - resume.pdf');
  const submittedAt = Date.now();
  const res = await fetch(new URL(read.form!.action!, t.url), { method: 'POST', body, headers: { 'x-forwarded-for': '203.0.113.50' } });
  expect(res.status).toBe(201);
  expect(await res.text()).toContain('data-testid="apply-done"');

  // The application, its tracking, answers and consent.
  const app = await t.prisma.application.findFirstOrThrow({ where: { jobId, candidate: { email: fixture.email } }, include: { candidate: true, resumeFiles: true } });
  expect(app).toMatchObject({ status: 'ACTIVE', source: 'newsletter', utm: UTM, answers: { authorized: true, go_years: 5 }, knockoutFailures: [] });
  const consent = await t.prisma.consentRecord.findMany({ where: { applicationId: app.id } });
  expect(consent).toEqual([expect.objectContaining({ purpose: 'application_processing', status: 'GRANTED', textVersion: '2026-12', candidateId: app.candidateId })]);
  expect(consent[0]!.at.getTime()).toBeGreaterThanOrEqual(submittedAt - 1000);
  // The resume: stored under its hash, the bytes on disk are the ones sent.
  const resume = app.resumeFiles[0]!;
  expect(resume).toMatchObject({ kind: 'pdf', parseStatus: 'PARSED', sizeBytes: pdf.length, sha256: crypto.createHash('sha256').update(pdf).digest('hex') });
  expect(fs.readFileSync(path.join(dataDir, 'resumes', resume.storageKey)).equals(pdf)).toBe(true);
  // Parsed from the PDF, and onto the profile.
  expect(resume.parsed).toMatchObject({ name: { status: 'found', value: fixture.name }, email: { status: 'found', value: fixture.email } });
  const c = app.candidate;
  expect(c).toMatchObject({ firstName: typed.firstName, lastName: typed.lastName, email: fixture.email, phoneE164: fixture.phone.e164, currentResumeId: resume.id });
  expect(c.skills).toEqual(expect.arrayContaining(fixture.skills.map((s) => s.toLowerCase())));
  expect(c.yearsExperience).toBeGreaterThanOrEqual(fixture.expectedYears - 0.1);
  expect((c.employers as { company?: string; name?: string }[]).map((e) => e.company ?? e.name)).toEqual(expect.arrayContaining(fixture.jobs.map((j) => j.company)));

  // The run: a row, and a workflow Temporal reports as running.
  const run = await waitFor('the run started', async () => {
    const r = await t.prisma.run.findFirst({ where: { applicationId: app.id } });
    return r?.status === 'RUNNING' && r;
  }, 60_000);
  const description = await (await t.system.services!.temporal()).workflow.getHandle(run.workflowId).describe();
  expect(description.status.name).toBe('RUNNING');
  expect(description.type).toBe('pipelineRun');
  return { applicationId: app.id, runId: run.id, workflowId: run.workflowId, candidateEmail: fixture.email.toLowerCase() };
}

/** 4. The run thanks the candidate, scores the application, moves it to Screen and asks the recruiter to schedule. */
async function screening(applicationId: string, runId: string, candidateEmail: string) {
  const [thanks] = await t.sink.waitFor((m) => m.to.includes(candidateEmail) && m.subject === 'Thanks for applying to Senior Backend Engineer', { timeoutMs: 60_000 });
  expect(thanks!.text).toContain(`Hi ${fixture.name.split(' ')[0]}`);
  const task = await taskIn(people.recruiter, 'SCHEDULE', applicationId);
  expect(task).toMatchObject({ title: 'Schedule the panel interview', status: 'OPEN', isOverdue: false });
  expect(new Date(task.dueAt).getTime()).toBeGreaterThan(Date.now() + DAY);

  const app = await t.prisma.application.findUniqueOrThrow({ where: { id: applicationId } });
  expect(app.screeningScore).toBe(110);
  expect((app.screening as { criteria: { label: string; isMet: boolean }[] }).criteria.every((x) => x.isMet)).toBe(true);
  expect(await stageOf(applicationId)).toBe('screen');
  expect(await stageHistory(applicationId)).toEqual([['applied', expect.any(String)], ['screen', 'WORKFLOW']]);
  expect((await runAt(runId, 'schedule')).status).toBe('RUNNING');
}

/** 5. The recruiter finds the panel's free times, books one, moves it once; everyone gets ICS invites. */
async function panelInterview(applicationId: string, candidateEmail: string) {
  const { recruiter, ada, ben } = people;
  const week = nextWeek();
  const found = await recruiter.call('POST', '/api/interviews/slots', {
    interviewerIds: [ada.id, ben.id], windowStart: new Date(week.start).toISOString(), windowEnd: new Date(week.end).toISOString(),
    durationMinutes: 60, candidateTimeZone: 'America/New_York',
  });
  expect(found.status).toBe(200);
  const slots = found.body.slots as { start: number; end: number; interviewerIds: string[] }[];
  expect(slots.length).toBeGreaterThan(1);
  for (const s of slots) expect(s.interviewerIds.sort()).toEqual([ada.id, ben.id].sort());
  const first = slots[0]!;
  const later = slots.find((s) => s.start >= first.end + DAY) ?? slots.at(-1)!;

  const booked = await recruiter.call('POST', '/api/interviews', {
    applicationId, title: 'Backend panel', startsAt: new Date(first.start).toISOString(), durationMinutes: 60,
    participants: [{ userId: ada.id, role: 'CHAIR' }, { userId: ben.id }], meetingUrl: 'https://meet.example.com/backend-panel',
  });
  expect(booked.status).toBe(201);
  const interviewId = booked.body.id as string;
  const row = await t.prisma.interview.findUniqueOrThrow({ where: { id: interviewId } });
  expect(row).toMatchObject({ status: 'SCHEDULED', icsSequence: 0 });
  const everyone = [candidateEmail, ada.email, ben.email].sort();

  // The invites, read back by an independent ICS parser.
  const invites = await t.sink.waitFor((m) => m.subject.startsWith('Invitation: Backend panel') && everyone.includes(m.to[0]!), { count: 3, timeoutMs: 60_000 });
  expect(invites.map((m) => m.to[0]).sort()).toEqual(everyone);
  for (const m of invites) {
    expect(invite(m)).toEqual({
      contentType: 'text/calendar; method=REQUEST', method: 'REQUEST', uid: row.icsUid, sequence: 0,
      start: first.start, end: first.start + HOUR, organizer: recruiter.email, attendees: everyone,
    });
  }

  // Moved to a later slot: the same event (UID) at SEQUENCE 1, so calendars update it instead of adding one.
  const moved = await recruiter.call('POST', `/api/interviews/${interviewId}/reschedule`, { startsAt: new Date(later.start).toISOString() });
  expect(moved.status).toBe(200);
  expect(moved.body).toMatchObject({ status: 'RESCHEDULED', icsSequence: 1 });
  const updates = await t.sink.waitFor((m) => m.subject.startsWith('Updated invitation: Backend panel') && everyone.includes(m.to[0]!), { count: 3, timeoutMs: 60_000 });
  for (const m of updates) expect(invite(m)).toMatchObject({ method: 'REQUEST', uid: row.icsUid, sequence: 1, start: later.start, end: later.start + HOUR, attendees: everyone });

  // Booking did what the recruiter's task asked: it completed with the interview as its outcome, and the run
  // moved on (to Interview, asking the panel for scorecards) without anyone ticking it off.
  const task = await t.prisma.task.findFirstOrThrow({ where: { applicationId, kind: 'SCHEDULE' } });
  expect(task).toMatchObject({ status: 'COMPLETED', completedById: people.recruiter.id, outcome: { interviewId, completedBy: 'interview.scheduled' } });
  expect((await recruiter.call('POST', `/api/tasks/${task.id}/complete`, { outcome: { interviewId } })).status).toBe(409);
  return interviewId;
}

/** 6. Each interviewer submits a scorecard from their feedback task; neither sees the other's first. */
async function scorecards(applicationId: string, interviewId: string, runId: string) {
  const { ada, ben } = people;
  const adaTask = await taskIn(ada, 'FEEDBACK', applicationId);
  const benTask = await taskIn(ben, 'FEEDBACK', applicationId);
  expect(await stageOf(applicationId)).toBe('interview');
  const form = await ben.call('GET', `/api/interviews/${interviewId}/scorecard-form`);
  expect(form.body.template.attributes.map((a: { key: string }) => a.key)).toEqual(['systems', 'collaboration']);

  const benCard = await ben.call('POST', `/api/interviews/${interviewId}/scorecards`, { recommendation: 'strong_yes', ratings: { systems: { rating: 4, note: 'sharded the queue cleanly' }, collaboration: { rating: 3 } }, notes: 'Strong hire' });
  expect(benCard.status).toBe(201);
  expect(benCard.body.taskId).toBe(benTask.id);

  // Ada has not submitted: Ben's scorecard is hidden from her, and nothing of it leaks.
  const before = await ada.call('GET', `/api/applications/${applicationId}/scorecards`);
  expect(before.status).toBe(200);
  expect(before.body).toMatchObject({ isOthersHidden: true, hiddenCount: 1, scorecards: [] });
  expect(JSON.stringify(before.body)).not.toContain('sharded');
  expect(JSON.stringify((await ada.call('GET', `/api/applications/${applicationId}`)).body)).not.toContain('sharded');
  // One scorecard of two: the run still waits for the panel.
  expect((await people.recruiter.call('GET', `/api/runs/${runId}`)).body.currentNodeId).toBe('panel_feedback');

  const adaCard = await ada.call('POST', `/api/interviews/${interviewId}/scorecards`, { recommendation: 'yes', ratings: { systems: { rating: 3 }, collaboration: { rating: 4, note: 'explains trade-offs well' } } });
  expect(adaCard.status).toBe(201);
  expect(adaCard.body.taskId).toBe(adaTask.id);
  const after = await ada.call('GET', `/api/applications/${applicationId}/scorecards`);
  expect(after.body.isOthersHidden).toBe(false);
  expect(after.body.scorecards.map((c: { interviewerId: string }) => c.interviewerId).sort()).toEqual([ada.id, ben.id].sort());

  const cards = await t.prisma.scorecard.findMany({ where: { applicationId }, include: { ratings: true } });
  expect(cards.map((c) => [c.interviewerId, c.interviewId, c.score, c.ratings.length]).sort()).toEqual([[ada.id, interviewId, 3, 2], [ben.id, interviewId, 4, 2]].sort());
  const tasks = await t.prisma.task.findMany({ where: { id: { in: [adaTask.id, benTask.id] } } });
  expect(tasks.map((x) => x.status)).toEqual(['COMPLETED', 'COMPLETED']);
  // Both in: the run resumes and asks the hiring manager to decide.
  await runAt(runId, 'decide');
}

/** 7. The hiring manager decides to make an offer; the recruiter drafts it and two of three approvers approve it. */
async function decisionAndOffer(applicationId: string, runId: string, candidateEmail: string) {
  const { manager, recruiter, finance, admin } = people;
  const decide = await taskIn(manager, 'DECIDE', applicationId);
  // Off the panel, the hiring manager reads both scorecards before deciding.
  expect((await manager.call('GET', `/api/applications/${applicationId}/scorecards`)).body.scorecards).toHaveLength(2);
  expect((await manager.call('POST', `/api/tasks/${decide.id}/complete`, { accepted: true, outcome: { note: 'panel average 3.5, go to offer' } })).status).toBe(202);
  const parked = await runAt(runId, 'wait_hire');
  expect(parked.waitingFor).toMatchObject({ kind: 'wait', signals: ['candidate.hired'] });
  expect(await stageOf(applicationId)).toBe('offer');

  const draft = await recruiter.call('POST', '/api/offers', { applicationId, salaryAmount: 182000, currency: 'USD', startDate: '2027-02-01', bonus: '10% target', equity: '0.05% over 4 years', notes: 'top of band' });
  expect(draft.status).toBe(201);
  const offerId = draft.body.id as string;
  const chain = { approvers: [{ userId: manager.id }, { userId: finance.id }, { userId: admin.id }], required: 2, dueInHours: 48 };
  expect((await recruiter.call('POST', `/api/offers/${offerId}/submit`, chain)).status).toBe(200);

  const approve = async (who: Person) => {
    const task = await waitFor('approval task', async () => (await who.call('GET', '/api/tasks?assignee=me&kind=APPROVE')).body.tasks.find((x: { applicationId: string }) => x.applicationId === applicationId));
    return who.call('POST', `/api/tasks/${task.id}/decision`, { approved: true });
  };
  expect((await approve(manager)).status).toBe(202);
  // One approval of the two required is not enough: the offer cannot go out yet.
  expect((await t.prisma.offer.findUniqueOrThrow({ where: { id: offerId } })).status).toBe('PENDING_APPROVAL');
  expect((await recruiter.call('POST', `/api/offers/${offerId}/send`, {})).status).toBe(409);
  const second = await approve(finance);
  expect(second.status).toBe(202);
  expect(second.body.offer).toMatchObject({ status: 'APPROVED', approvals: 2 });
  // The third approver is no longer needed: their task closed.
  expect(await t.prisma.task.count({ where: { applicationId, kind: 'APPROVE', status: 'OPEN' } })).toBe(0);

  const sent = await recruiter.call('POST', `/api/offers/${offerId}/send`, {});
  expect(sent.body).toMatchObject({ delivery: 'SENT', offer: { status: 'SENT' } });
  const [letter] = await t.sink.waitFor((m) => m.to.includes(candidateEmail) && m.subject.startsWith('Your offer from'), { timeoutMs: 60_000 });
  expect(letter!.subject).toBe(`Your offer from Org ${org.slug}: Senior Backend Engineer`);
  expect(letter!.text).toContain('Salary: 182,000 USD per year');
  expect(letter!.text).toContain('Start date: 2027-02-01');
  expect(letter!.text).not.toContain('top of band');
  // Offers stay with the hiring team: an interviewer is refused, another organization does not see the offer exist.
  expect((await people.ben.call('GET', `/api/offers/${offerId}`)).status).toBe(403);
  const outsider = await createTestOrg(t.prisma);
  expect((await apiClient(t.url, outsider.tokens.admin)('GET', `/api/offers/${offerId}`)).status).toBe(404);
  expect((await apiClient(t.url, outsider.tokens.admin)('GET', `/api/applications/${applicationId}`)).status).toBe(404);
  return offerId;
}

/** 8. The candidate accepts; hire closes the loop in the database, in Temporal, in the audit log and the CSV export. */
async function hire(applicationId: string, runId: string, workflowId: string, offerId: string, candidateEmail: string, jobId: string, interviewId: string) {
  const accepted = await people.recruiter.call('POST', `/api/offers/${offerId}/response`, { accepted: true, note: 'signed by phone' });
  expect(accepted.status).toBe(200);
  const app = await t.prisma.application.findUniqueOrThrow({ where: { id: applicationId }, include: { stage: true } });
  expect(app).toMatchObject({ status: 'HIRED', stage: { key: 'hired' } });
  expect(app.hiredAt).toBeInstanceOf(Date);

  // The run heard the hire, welcomed the new colleague and completed.
  const [welcome] = await t.sink.waitFor((m) => m.to.includes(candidateEmail) && m.subject.startsWith('Welcome aboard'), { timeoutMs: 60_000 });
  expect(welcome!.subject).toBe(`Welcome aboard, ${fixture.name.split(' ')[0]}!`);
  const run = await waitFor('run completed', async () => {
    const r = await t.prisma.run.findUniqueOrThrow({ where: { id: runId } });
    return r.status === 'COMPLETED' && r;
  }, 60_000);
  expect((run.steps as { nodeId: string; port?: string }[]).map((s) => `${s.nodeId}:${s.port ?? ''}`)).toEqual([
    'applied:out', 'acknowledge:out', 'screening:pass', 'to_screen:out', 'schedule:completed', 'to_interview:out', 'panel_feedback:submitted',
    'decide:completed', 'make_offer:yes', 'to_offer:out', 'wait_hire:hired', 'welcome:out', 'hired_end:',
  ]);
  const handle = (await t.system.services!.temporal()).workflow.getHandle(workflowId);
  // The Run row is written by the run's last activity, a moment before the workflow itself closes.
  expect(await handle.result()).toMatchObject({ status: 'completed' });
  expect((await handle.describe()).status.name).toBe('COMPLETED');
  const shown = await people.recruiter.call('GET', `/api/runs/${runId}`);
  expect(shown.body).toMatchObject({ status: 'COMPLETED', temporalStatus: 'COMPLETED' });

  // Every stage the application passed, who moved it, in order.
  expect(await stageHistory(applicationId)).toEqual([
    ['applied', expect.any(String)], ['screen', 'WORKFLOW'], ['interview', 'WORKFLOW'], ['offer', 'WORKFLOW'], ['hired', 'USER'],
  ]);

  // The audit trail: each change, with who made it.
  const scorecardIds = (await t.prisma.scorecard.findMany({ where: { applicationId } })).map((s) => s.id);
  // (An approval is recorded against "<offerId>:<round>:<approverId>".)
  const audit = await t.prisma.auditEvent.findMany({
    where: { orgId: org.orgId, OR: [{ entityId: { in: [applicationId, interviewId, ...scorecardIds] } }, { entityId: { startsWith: offerId } }] }, orderBy: { at: 'asc' },
  });
  const actions = audit.map((a) => a.action);
  for (const action of [
    'application.created', 'application.screened', 'application.stage_changed', 'interview.scheduled', 'interview.rescheduled', 'scorecard.submitted',
    'offer.created', 'offer.submitted', 'offer.approval_given', 'offer.approved', 'offer.sent', 'offer.accepted', 'application.hired',
  ]) expect([action, actions.includes(action)]).toEqual([action, true]);
  expect(actions.filter((a) => a === 'scorecard.submitted')).toHaveLength(2);
  expect(actions.filter((a) => a === 'application.stage_changed')).toHaveLength(3);
  expect(audit.find((a) => a.action === 'application.hired')).toMatchObject({ actorId: people.recruiter.id, before: { status: 'ACTIVE' }, after: { status: 'HIRED', offerId } });
  expect(audit.filter((a) => a.action === 'offer.approval_given').map((a) => a.actorId).sort()).toEqual([people.manager.id, people.finance.id].sort());

  // The hiring record, as an admin exports it.
  const csv = await fetch(`${t.url}/api/exports/hiring-records.csv?jobId=${jobId}`, { headers: { authorization: `Bearer ${org.tokens.admin}` } });
  expect(csv.status).toBe(200);
  const record = csvRecords(await csv.text()).find((r) => r.application_id === applicationId);
  expect(record).toMatchObject({
    email: candidateEmail, job_title: 'Senior Backend Engineer', requisition_id: 'REQ-501', source: 'newsletter', utm_source: 'newsletter',
    utm_medium: 'email', utm_campaign: 'backend-q1', stage: 'Hired', status: 'HIRED', offer_status: 'ACCEPTED', offer_amount: '182000.00', offer_currency: 'USD',
  });
  expect(record!.stage_history!.split(' > ').map((s) => s.split('@')[0])).toEqual(['applied', 'screen', 'interview', 'offer', 'hired']);
  expect(record!.hired_at).not.toBe('');
}
