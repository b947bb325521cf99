// The hiring reports against a known history (test/support/hiring-history.ts): every number hand-computed
// from the fixed dates, now and as of 2026-03-01 (when Hedy was not yet hired, Linus's offer not yet
// declined, Ivan's second scorecard not yet in), the people behind numbers, and impossible groupings refused.
import { apiClient, createTestOrg, startTestSystem, type TestOrg, type TestSystem } from '../../support/harness';
import { buildHiringHistory, type HiringHistory } from '../../support/hiring-history';

let t: TestSystem;
let org: TestOrg;
let h: HiringHistory;
let call: ReturnType<typeof apiClient>;
const RANGE = 'from=2026-01-01&to=2026-04-01';
const PAST = `${RANGE}&asOf=2026-03-01`;

/** The report's rows as [label, ...values], numbers rounded to 3 decimals. */
async function table(id: string, query: string, columns: string[]) {
  const res = await call('GET', `/api/analytics/reports/${id}?${query}`);
  expect([id, query, res.status]).toEqual([id, query, 200]);
  const round = (v: unknown) => (typeof v === 'number' ? Math.round(v * 1000) / 1000 : v);
  return { rows: res.body.rows.map((r: any) => [r.label, ...columns.map((c) => round(r[c]))]), totals: Object.fromEntries(columns.filter((c) => c in res.body.totals).map((c) => [c, round(res.body.totals[c])])), body: res.body };
}
async function drill(id: string, query: string, row: string, column: string) {
  const res = await call('GET', `/api/analytics/reports/${id}/drill?${query}&row=${encodeURIComponent(row)}&column=${column}`);
  expect([id, row, column, res.status]).toEqual([id, row, column, 200]);
  return res.body.rows.map((r: any) => r.candidateName.split(' ')[0]);
}

beforeAll(async () => {
  t = await startTestSystem({ parts: { api: true, worker: false } });
  org = await createTestOrg(t.prisma);
  h = await buildHiringHistory(t.prisma, org);
  call = apiClient(t.url, org.tokens.recruiter);
  // Another organization's identical history never counts.
  await buildHiringHistory(t.prisma, await createTestOrg(t.prisma));
}, 120_000);

afterAll(async () => {
  await t?.stop();
});

test('pass-through by stage kind, now and as of a past date; by stage within one job', async () => {
  const cols = ['entered', 'movedOn', 'rejected', 'stillThere', 'passThroughRate', 'medianDays'];
  const now = await table('pass-through', RANGE, cols);
  expect(now.rows).toEqual([
    ['APPLIED', 7, 5, 1, 1, 0.833, 2], ['SCREEN', 5, 4, 1, 0, 0.8, 8], ['INTERVIEW', 3, 3, 0, 0, 1, 11],
    ['OFFER', 4, 2, 1, 1, 0.667, 14], ['HIRED', 2, 0, 0, 2, null, null],
  ]);
  expect(now.totals).toEqual({ entered: 21, movedOn: 14, rejected: 3, stillThere: 4 });
  expect(now.body.charts[0]).toMatchObject({ kind: 'funnel', series: ['entered'] });
  const past = await table('pass-through', PAST, cols);
  expect(past.rows).toEqual([
    ['APPLIED', 5, 4, 1, 0, 0.8, 2], ['SCREEN', 4, 3, 1, 0, 0.75, 7.5], ['INTERVIEW', 3, 3, 0, 0, 1, 11],
    ['OFFER', 3, 1, 0, 2, 1, 9], ['HIRED', 1, 0, 0, 1, null, null],
  ]);
  const backend = await table('pass-through', `${RANGE}&jobIds=${h.jobs.backend}`, ['entered', 'rejected']);
  expect(backend.rows).toEqual([['applied', 3, 0], ['screen', 3, 1], ['interview', 2, 0], ['offer', 2, 1], ['hired', 1, 0]]);
  expect(await drill('pass-through', RANGE, 'OFFER', 'stillThere')).toEqual(['Mary']);
  expect(await drill('pass-through', PAST, 'OFFER', 'stillThere')).toEqual(['Hedy', 'Linus']);
});

test('time to hire and time to fill by job, recruiter, period and source; as of a past date', async () => {
  const cols = ['hires', 'medianDaysToHire', 'p90DaysToHire', 'meanDaysToHire', 'medianDaysToFill', 'p90DaysToFill', 'meanDaysToFill'];
  const byJob = await table('time-to-hire', RANGE, cols);
  expect(byJob.rows).toEqual([['Account Executive', 1, 49, 49, 49, 68, 68, 68], ['Backend Engineer', 1, 36, 36, 36, 71, 71, 71]]);
  expect(byJob.totals).toEqual({ hires: 2, medianDaysToHire: 42.5, p90DaysToHire: 47.7, meanDaysToHire: 42.5, medianDaysToFill: 69.5, p90DaysToFill: 70.7, meanDaysToFill: 69.5 });
  expect(byJob.body.charts[0]).toMatchObject({ kind: 'bar', series: ['medianDaysToHire'] });
  expect((await table('time-to-hire', `${RANGE}&groupBy=recruiter`, ['hires', 'medianDaysToHire'])).rows).toEqual([['Ravi Recruiter', 1, 49], ['Rita Recruiter', 1, 36]]);
  expect((await table('time-to-hire', `${RANGE}&groupBy=department`, ['hires'])).rows).toEqual([['Engineering', 1], ['Sales', 1]]);
  expect((await table('time-to-hire', `${RANGE}&groupBy=period&interval=month`, ['hires', 'medianDaysToHire'])).rows).toEqual([['2026-01-01', 0, null], ['2026-02-01', 1, 36], ['2026-03-01', 1, 49]]);
  expect((await table('time-to-hire', `${RANGE}&groupBy=source`, ['hires', 'medianDaysToHire'])).rows).toEqual([['linkedin', 1, 36], ['referral', 1, 49]]);
  const past = await table('time-to-hire', PAST, cols);
  expect(past.rows).toEqual([['Backend Engineer', 1, 36, 36, 36, 71, 71, 71]]);
  expect(past.totals.hires).toBe(1);
  expect(await drill('time-to-hire', RANGE, h.jobs.sales, 'hires')).toEqual(['Hedy']);
});

test('time in stage and the stage-duration histogram, now and as of a past date', async () => {
  const cols = ['stays', 'medianDays', 'p90Days'];
  expect((await table('time-in-stage', RANGE, cols)).rows).toEqual([
    ['APPLIED', 6, 2, 2.5], ['SCREEN', 5, 8, 27.2], ['INTERVIEW', 3, 11, 15.8], ['OFFER', 3, 14, 29.2],
  ]);
  expect((await table('time-in-stage', PAST, cols)).rows).toEqual([
    ['APPLIED', 5, 2, 2.6], ['SCREEN', 4, 7.5, 26.2], ['INTERVIEW', 3, 11, 15.8], ['OFFER', 1, 9, 9],
  ]);
  expect(await drill('time-in-stage', RANGE, 'OFFER', 'stays')).toEqual(['Ada', 'Hedy', 'Linus']);
  const kinds = ['APPLIED', 'SCREEN', 'INTERVIEW', 'OFFER', 'OTHER', 'stays'];
  const hist = await table('stage-durations', RANGE, kinds);
  expect(hist.rows).toEqual([
    ['<1 day', 0, 0, 0, 0, 0, 0], ['1–3 days', 5, 0, 0, 0, 0, 5], ['3–7 days', 1, 1, 0, 0, 0, 2],
    ['7–14 days', 0, 2, 2, 1, 0, 5], ['14–30 days', 0, 1, 1, 1, 0, 3], ['30+ days', 0, 1, 0, 1, 0, 2],
  ]);
  expect(hist.totals).toEqual({ APPLIED: 6, SCREEN: 5, INTERVIEW: 3, OFFER: 3, OTHER: 0, stays: 17 });
  expect(hist.body.charts[0]).toMatchObject({ kind: 'histogram' });
  expect((await table('stage-durations', PAST, ['OFFER', 'stays'])).rows.map((r: any[]) => r[2])).toEqual([0, 4, 2, 5, 1, 1]);
  expect(await drill('stage-durations', RANGE, '30', 'SCREEN')).toEqual(['Grace']);
});

test('offers sent, accepted, declined and pending as of; acceptance rate and days to answer', async () => {
  const cols = ['sent', 'accepted', 'declined', 'pending', 'acceptanceRate', 'medianDaysToAnswer'];
  const now = await table('offers', RANGE, cols);
  expect(now.rows).toEqual([['Account Executive', 2, 1, 0, 1, 1, 32], ['Backend Engineer', 2, 1, 1, 0, 0.5, 8]]);
  expect(now.totals).toEqual({ sent: 4, accepted: 2, declined: 1, pending: 1, acceptanceRate: 0.667, medianDaysToAnswer: 13 });
  const past = await table('offers', PAST, cols);
  expect(past.rows).toEqual([['Account Executive', 1, 0, 0, 1, null, null], ['Backend Engineer', 2, 1, 0, 1, 1, 3]]);
  expect(past.totals).toEqual({ sent: 3, accepted: 1, declined: 0, pending: 2, acceptanceRate: 1, medianDaysToAnswer: 3 });
  expect((await table('offers', `${RANGE}&groupBy=period`, ['sent', 'accepted', 'declined', 'pending'])).rows).toEqual([['2026-01-01', 0, 0, 0, 0], ['2026-02-01', 3, 2, 1, 0], ['2026-03-01', 1, 0, 0, 1]]);
  expect((await table('offers', `${RANGE}&groupBy=department`, ['sent'])).rows).toEqual([['Engineering', 2], ['Sales', 2]]);
  expect((await table('offers', `${RANGE}&groupBy=recruiter&recruiterIds=${h.users.rita}`, ['sent', 'declined'])).rows).toEqual([['Rita Recruiter', 2, 1]]);
  expect(await drill('offers', RANGE, 'total', 'pending')).toEqual(['Mary']);
  expect(await drill('offers', PAST, 'total', 'pending')).toEqual(['Hedy', 'Linus']);
});

test('sources and utm campaigns: applicants, interviews, offers, hires, conversion; as of a past date', async () => {
  const cols = ['applicants', 'interviewed', 'offered', 'hired', 'medianDaysToHire', 'conversion'];
  const now = await table('sources', RANGE, cols);
  expect(now.rows).toEqual([['careers', 3, 1, 1, 0, null, 0], ['linkedin', 3, 2, 2, 1, 36, 0.333], ['referral', 1, 1, 1, 1, 49, 1]]);
  expect(now.totals).toEqual({ applicants: 7, interviewed: 4, offered: 4, hired: 2, medianDaysToHire: 42.5, conversion: 0.286 });
  const past = await table('sources', PAST, cols);
  expect(past.rows).toEqual([['careers', 2, 0, 0, 0, null, 0], ['linkedin', 2, 2, 2, 1, 36, 0.5], ['referral', 1, 1, 1, 0, null, 0]]);
  const utm = await table('sources', `${RANGE}&groupBy=utmCampaign`, cols);
  expect(Object.fromEntries(utm.body.rows.map((r: any) => [r.key, cols.map((c) => (typeof r[c] === 'number' ? Math.round(r[c] * 1000) / 1000 : r[c]))]))).toEqual({
    none: [3, 2, 2, 1, 49, 0.333], backend: [2, 2, 2, 1, 36, 0.5], sales: [2, 0, 0, 0, null, 0],
  });
  expect(await drill('sources', RANGE, 'linkedin', 'hired')).toEqual(['Ada']);
  expect(await drill('sources', `${RANGE}&groupBy=utmCampaign`, 'sales', 'applicants')).toEqual(['Alan', 'Joan']);
});

test('rejection reasons: count, share and the stage kind rejected from; as of a past date', async () => {
  const cols = ['category', 'rejections', 'share', 'fromApplied', 'fromScreen', 'fromInterview', 'fromOffer', 'fromOther'];
  const now = await table('rejection-reasons', RANGE, cols);
  expect(now.rows).toEqual([['Offer declined', 'WITHDREW', 1, 0.333, 0, 0, 0, 1, 0], ['Skills', 'REJECTED', 2, 0.667, 1, 1, 0, 0, 0]]);
  expect(now.totals).toMatchObject({ rejections: 3, share: 1 });
  expect((await table('rejection-reasons', PAST, cols)).rows).toEqual([['Skills', 'REJECTED', 2, 1, 1, 1, 0, 0, 0]]);
  expect(await drill('rejection-reasons', RANGE, h.reasons.skills, 'fromScreen')).toEqual(['Grace']);
  expect(await drill('rejection-reasons', RANGE, 'total', 'rejections')).toEqual(['Alan', 'Grace', 'Linus']);
});

test('interviewers: interviews, hours, scorecards, turnaround and missing scorecards; as of a past date', async () => {
  const cols = ['interviews', 'hours', 'scorecards', 'medianFeedbackHours', 'missing'];
  const now = await table('interviewers', RANGE, cols);
  expect(now.rows).toEqual([['Iris Interviewer', 2, 2, 1, 24, 1], ['Ivan Interviewer', 2, 2.5, 2, 217, 0]]);
  expect(now.totals).toEqual({ interviews: 4, hours: 4.5, scorecards: 3, medianFeedbackHours: 24, missing: 1 });
  const past = await table('interviewers', PAST, cols);
  expect(past.rows).toEqual([['Iris Interviewer', 2, 2, 1, 24, 1], ['Ivan Interviewer', 2, 2.5, 1, 2, 1]]);
  expect(past.totals).toEqual({ interviews: 4, hours: 4.5, scorecards: 2, medianFeedbackHours: 13, missing: 2 });
  expect(await drill('interviewers', RANGE, h.users.iris, 'missing')).toEqual(['Hedy']);
  expect(await drill('interviewers', PAST, h.users.ivan, 'missing')).toEqual(['Linus']);
});

test('task SLAs by kind, assignee and job: on time, late, overdue as of, compliance', async () => {
  const cols = ['due', 'onTime', 'late', 'overdue', 'compliance', 'medianHoursToComplete'];
  const now = await table('task-sla', RANGE, cols);
  expect(now.rows).toEqual([['DECIDE', 1, 0, 1, 0, 0, 672], ['FEEDBACK', 1, 0, 0, 1, 0, null], ['REVIEW', 2, 1, 1, 0, 0.5, 60], ['TODO', 1, 1, 0, 0, 1, 192]]);
  expect(now.totals).toEqual({ due: 5, onTime: 2, late: 2, overdue: 1, compliance: 0.4, medianHoursToComplete: 144 });
  const past = await table('task-sla', PAST, cols);
  expect(past.rows).toEqual([['DECIDE', 1, 0, 0, 1, 0, null], ['FEEDBACK', 1, 0, 0, 1, 0, null], ['REVIEW', 2, 1, 1, 0, 0.5, 60]]);
  expect(past.totals).toEqual({ due: 4, onTime: 1, late: 1, overdue: 2, compliance: 0.25, medianHoursToComplete: 60 });
  expect((await table('task-sla', `${RANGE}&groupBy=assignee`, ['due', 'onTime'])).rows).toEqual([['Iris Interviewer', 1, 0], ['Ravi Recruiter', 2, 1], ['Rita Recruiter', 2, 1]]);
  const byJob = await table('task-sla', `${RANGE}&groupBy=job`, ['due']);
  expect(Object.fromEntries(byJob.rows)).toEqual({ 'Account Executive': 2, 'Backend Engineer': 2, '(no job)': 1 });
  expect((await table('task-sla', `${RANGE}&groupBy=job&jobIds=${h.jobs.backend}`, ['due'])).rows).toEqual([['Backend Engineer', 2]]);
  expect(await drill('task-sla', RANGE, 'REVIEW', 'late')).toEqual(['Linus']);
  expect(await drill('task-sla', PAST, 'DECIDE', 'overdue')).toEqual(['Hedy']);
});

test('each report refuses a grouping or filter it does not have, and an unknown cell', async () => {
  const cases: [string, string, string][] = [
    ['pass-through', 'groupBy=job', 'query.groupBy'],
    ['time-to-hire', 'groupBy=kind', 'query.groupBy'],
    ['time-in-stage', 'campaignIds=x', 'query.campaignIds'],
    ['stage-durations', 'interval=week', 'query.interval'],
    ['offers', 'groupBy=source', 'query.groupBy'],
    ['sources', 'groupBy=job', 'query.groupBy'],
    ['rejection-reasons', 'groupBy=source', 'query.groupBy'],
    ['interviewers', 'groupBy=job', 'query.groupBy'],
    ['task-sla', 'groupBy=source', 'query.groupBy'],
    ['task-sla', 'recruiterIds=nobody', 'query.recruiterIds.0'],
  ];
  for (const [id, query, path] of cases) {
    const res = await call('GET', `/api/analytics/reports/${id}?${RANGE}&${query}`);
    expect([id, query, res.status, res.body.error?.details?.map((d: any) => d.path)]).toEqual([id, query, 400, expect.arrayContaining([path])]);
  }
  expect((await call('GET', `/api/analytics/reports/offers/drill?${RANGE}&row=total&column=salary`)).status).toBe(404);
  expect((await call('GET', `/api/analytics/reports/time-to-hire/drill?${RANGE}&groupBy=period&row=march&column=hires`)).status).toBe(404);
  expect((await call('GET', `/api/analytics/reports/stage-durations/drill?${RANGE}&row=2&column=SCREEN`)).status).toBe(404);
  // An empty period is an empty table (or zero rows), never an error.
  for (const id of ['pass-through', 'time-to-hire', 'time-in-stage', 'stage-durations', 'offers', 'sources', 'rejection-reasons', 'interviewers', 'task-sla']) {
    const res = await call('GET', `/api/analytics/reports/${id}?from=2020-01-01&to=2020-02-01`);
    expect([id, res.status]).toEqual([id, 200]);
  }
});
