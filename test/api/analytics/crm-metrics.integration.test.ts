// The CRM reports (campaigns, campaign-trend, segments, events, bench-health) against a known history with
// fixed dates (test/support/crm-history.ts): every number hand-computed below, now (30 November 2026) and as
// of 15 October 2026 where they differ; drill-downs name the right people; another organization's identical
// history never counts; bad filters are refused with the field.
import { apiClient, createTestOrg, startTestSystem, type TestOrg, type TestSystem } from '../../support/harness';
import { createCrmHistory, type CrmHistory } from '../../support/crm-history';

let t: TestSystem;
let org: TestOrg;
let h: CrmHistory;
let other: CrmHistory;
let recruiter: ReturnType<typeof apiClient>;
const NOW = 'from=2026-09-01&to=2026-11-30&asOf=2026-11-30';
const PAST = 'from=2026-09-01&to=2026-11-30&asOf=2026-10-15';

beforeAll(async () => {
  t = await startTestSystem({ parts: { api: true, worker: false } });
  org = await createTestOrg(t.prisma);
  recruiter = apiClient(t.url, org.tokens.recruiter);
  h = await createCrmHistory(t.prisma, org.orgId);
  other = await createCrmHistory(t.prisma, (await createTestOrg(t.prisma)).orgId);
}, 120_000);

afterAll(async () => {
  await t?.stop();
});

const report = async (id: string, query: string) => {
  const res = await recruiter('GET', `/api/analytics/reports/${id}?${query}`);
  expect([id, query, res.status]).toEqual([id, query, 200]);
  return res.body;
};
const drill = async (id: string, query: string, row: string, column: string) => {
  const res = await recruiter('GET', `/api/analytics/reports/${id}/drill?${query}&row=${row}&column=${column}`);
  expect([id, row, column, res.status]).toEqual([id, row, column, 200]);
  return res.body.rows.map((r: any) => r.candidateName);
};
const pick = (rows: any[], keys: string[]) => rows.map((r) => keys.map((k) => r[k]));

const CAMPAIGN_KEYS = ['campaign', 'enrolled', 'active', 'sent', 'reached', 'delivered', 'opened', 'clicked', 'replied', 'unsubscribed', 'applied', 'hired'];
const CAMPAIGN_RATES = ['deliveryRate', 'openRate', 'clickRate', 'replyRate', 'unsubscribeRate', 'applyRate', 'hireRate'];

test('campaigns: per campaign, now and as of a past date, with rates over their base', async () => {
  const now = await report('campaigns', NOW);
  expect(pick(now.rows, CAMPAIGN_KEYS)).toEqual([
    // Alpha: 4 enrolled, Grace still running; 4 sent, Grace's bounced; Ada and Grace opened, Ada clicked,
    // Linus replied, Hedy unsubscribed; Ada applied after enrolling and was hired. The held message is not sent.
    ['Alpha nurture', 4, 1, 4, 4, 3, 2, 1, 1, 1, 1, 1],
    // Beta: Katherine (applied before enrolling: not converted) and Alan (applied after).
    ['Beta nurture', 2, 1, 2, 2, 2, 1, 1, 0, 0, 1, 0],
    ['Gamma nurture', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  ]);
  expect(pick(now.rows, CAMPAIGN_RATES)).toEqual([
    [0.75, 0.5, 0.25, 0.25, 0.25, 0.25, 0.25],
    [1, 0.5, 0.5, 0, 0, 0.5, 0],
    [null, null, null, null, null, null, null],
  ]);
  expect(now.totals).toMatchObject({ enrolled: 6, active: 2, sent: 6, reached: 6, delivered: 5, opened: 3, clicked: 2, replied: 1, unsubscribed: 1, applied: 2, hired: 1, openRate: 0.5, applyRate: 2 / 6, deliveryRate: 5 / 6 });
  expect(now.columns.find((c: any) => c.key === 'opened')).toMatchObject({ isUnreliable: true });
  expect(now.charts.map((c: any) => c.kind)).toEqual(['funnel', 'bar']);
  expect(now.charts[0].series).toEqual(['enrolled', 'reached', 'clicked', 'replied', 'applied', 'hired']);

  // As of 15 October: Gamma did not exist; Ada, Grace and Hedy were still in Alpha; Grace's bounce and
  // Ada's application were still to come; Alan had not enrolled in Beta.
  const past = await report('campaigns', PAST);
  expect(pick(past.rows, CAMPAIGN_KEYS)).toEqual([
    ['Alpha nurture', 4, 3, 4, 4, 4, 2, 1, 1, 0, 0, 0],
    ['Beta nurture', 1, 1, 1, 1, 1, 0, 1, 0, 0, 0, 0],
  ]);
  expect(past.rows[0].applyRate).toBe(0);

  const beta = await report('campaigns', `${NOW}&campaignIds=${h.campaigns.beta}`);
  expect(pick(beta.rows, ['campaign', 'enrolled'])).toEqual([['Beta nurture', 2]]);
});

test('campaigns: the people behind the numbers', async () => {
  expect(await drill('campaigns', NOW, h.campaigns.alpha, 'clicked')).toEqual(['Ada Lovelace']);
  expect(await drill('campaigns', NOW, h.campaigns.alpha, 'delivered')).toEqual(['Ada Lovelace', 'Linus Torvalds', 'Hedy Lamarr']);
  expect(await drill('campaigns', PAST, h.campaigns.alpha, 'delivered')).toEqual(['Ada Lovelace', 'Grace Hopper', 'Linus Torvalds', 'Hedy Lamarr']);
  expect(await drill('campaigns', NOW, h.campaigns.alpha, 'active')).toEqual(['Grace Hopper']);
  expect(await drill('campaigns', PAST, h.campaigns.alpha, 'active')).toEqual(['Ada Lovelace', 'Grace Hopper', 'Hedy Lamarr']);
  expect(await drill('campaigns', NOW, h.campaigns.alpha, 'unsubscribed')).toEqual(['Hedy Lamarr']);
  const applied = await recruiter('GET', `/api/analytics/reports/campaigns/drill?${NOW}&row=total&column=applied`);
  expect(applied.body.rows.map((r: any) => [r.candidateName, r.campaignName, typeof r.applicationId])).toEqual([['Ada Lovelace', 'Alpha nurture', 'string'], ['Alan Turing', 'Beta nurture', 'string']]);
  expect(await drill('campaigns', NOW, 'total', 'hired')).toEqual(['Ada Lovelace']);
  expect((await recruiter('GET', `/api/analytics/reports/campaigns/drill?${NOW}&row=${other.campaigns.alpha}&column=sent`)).status).toBe(404);
  expect((await recruiter('GET', `/api/analytics/reports/campaigns/drill?${NOW}&row=total&column=openRate`)).status).toBe(404);
});

test('campaign-trend: per month, now and as of a past date; totals count people once', async () => {
  const keys = ['period', 'sent', 'opened', 'clicked', 'replied', 'unsubscribed'];
  const now = await report('campaign-trend', `${NOW}&interval=month`);
  expect(pick(now.rows, keys)).toEqual([
    ['2026-09-01', 3, 2, 2, 0, 0],
    ['2026-10-01', 3, 1, 0, 1, 0],
    ['2026-11-01', 0, 0, 0, 0, 1],
  ]);
  expect(now.totals).toEqual({ sent: 6, opened: 3, clicked: 2, replied: 1, unsubscribed: 1 });
  expect(now.columns.find((c: any) => c.key === 'opened')).toMatchObject({ isUnreliable: true });
  expect(now.charts[0]).toMatchObject({ kind: 'line', x: 'period' });
  const past = await report('campaign-trend', `${PAST}&interval=month`);
  expect(pick(past.rows, keys)).toEqual([['2026-09-01', 3, 2, 2, 0, 0], ['2026-10-01', 2, 0, 0, 1, 0]]);
  const beta = await report('campaign-trend', `${NOW}&interval=month&campaignIds=${h.campaigns.beta}`);
  expect(pick(beta.rows, keys)).toEqual([['2026-09-01', 1, 0, 1, 0, 0], ['2026-10-01', 1, 1, 0, 0, 0], ['2026-11-01', 0, 0, 0, 0, 0]]);
  expect(await drill('campaign-trend', `${NOW}&interval=month`, '2026-09-01', 'clicked')).toEqual(['Ada Lovelace', 'Katherine Johnson']);
  expect(await drill('campaign-trend', `${NOW}&interval=month`, 'total', 'opened')).toEqual(['Ada Lovelace', 'Grace Hopper', 'Alan Turing']);
});

test('segments: members now, and what they did in the period', async () => {
  const keys = ['segment', 'members', 'contacted', 'engaged', 'applied', 'hired'];
  const now = await report('segments', NOW);
  expect(pick(now.rows, keys)).toEqual([
    // Go: Ada, Linus, Barbara, Edsger; Ada and Linus emailed; Ada clicked, Linus replied, Barbara clicked; Ada applied and was hired.
    ['Go people', 4, 2, 3, 1, 1],
    // TypeScript: Ada, Grace, Alan, Margaret, Tim; Margaret's click counts, Tim's (August) does not.
    ['TypeScript people', 5, 3, 2, 2, 1],
  ]);
  expect(now.description).toMatch(/evaluated now/);
  expect(now.notes.join(' ')).toMatch(/Members are counted now/);
  const past = await report('segments', PAST);
  expect(pick(past.rows, keys)).toEqual([['Go people', 4, 2, 3, 0, 0], ['TypeScript people', 5, 2, 1, 0, 0]]);
  const one = await report('segments', `${NOW}&segmentIds=${h.segments.typescript}`);
  expect(pick(one.rows, ['segment'])).toEqual([['TypeScript people']]);
  expect(await drill('segments', NOW, h.segments.typescript, 'engaged')).toEqual(['Ada Lovelace', 'Margaret Hamilton']);
  expect(await drill('segments', NOW, h.segments.typescript, 'members')).toEqual(['Tim Berners-Lee', 'Margaret Hamilton', 'Grace Hopper', 'Ada Lovelace', 'Alan Turing']);
  expect(await drill('segments', NOW, h.segments.go, 'hired')).toEqual(['Ada Lovelace']);
  expect((await recruiter('GET', `/api/analytics/reports/segments/drill?${NOW}&row=${other.segments.go}&column=members`)).status).toBe(404);
});

test('events: registrations, attendance and follow-up conversion, now and as of a past date', async () => {
  const keys = ['event', 'capacity', 'registered', 'attended', 'noShows', 'attendanceRate', 'applied', 'followUpRate', 'hired'];
  const now = await report('events', NOW);
  expect(pick(now.rows, keys)).toEqual([
    // Ada and Hedy (a walk-in) came, Linus did not, Grace cancelled; Ada applied within 30 days and was hired.
    ['go meetup', 3, 3, 2, 1, 2 / 3, 1, 0.5, 1],
    ['open house', null, 1, 0, 0, 0, 0, null, 0],
  ]);
  expect(now.totals).toEqual({ registered: 4, attended: 2, noShows: 1, applied: 1, hired: 1, attendanceRate: 0.5, followUpRate: 0.5 });
  // As of 15 October: Grace had not cancelled yet, Ada had not applied; the open house is after the period's cut.
  const past = await report('events', PAST);
  expect(pick(past.rows, keys)).toEqual([['go meetup', 3, 4, 2, 1, 0.5, 0, 0, 0]]);
  expect(await drill('events', NOW, h.events.meetup, 'attended')).toEqual(['Ada Lovelace', 'Hedy Lamarr']);
  expect(await drill('events', NOW, h.events.meetup, 'noShows')).toEqual(['Linus Torvalds']);
  expect(await drill('events', PAST, h.events.meetup, 'registered')).toEqual(['Ada Lovelace', 'Linus Torvalds', 'Grace Hopper', 'Hedy Lamarr']);
  expect(await drill('events', NOW, 'total', 'applied')).toEqual(['Ada Lovelace']);
  const only = await report('events', `${NOW}&eventIds=${h.events.openHouse}`);
  expect(pick(only.rows, ['event'])).toEqual([['open house']]);
});

test('bench-health: contactable prospects by skill and by country, now and as of a past date', async () => {
  const keys = ['group', 'prospects', 'engaged', 'engagedShare', 'hot', 'warm'];
  // 30 November: Grace, Linus, Margaret, Tim (Ada, Alan, Katherine applied; Hedy unsubscribed; Barbara suppressed; Edsger has no email).
  const now = await report('bench-health', 'asOf=2026-11-30');
  expect(now.filters.groupBy).toBe('skill');
  expect(pick(now.rows, keys)).toEqual([['typescript', 3, 1, 1 / 3, 1, 2], ['go', 1, 1, 1, 1, 0], ['python', 1, 1, 1, 1, 0]]);
  expect(now.totals).toEqual({ prospects: 4, engaged: 2, engagedShare: 0.5, hot: 2, warm: 2 });
  const byCountry = await report('bench-health', 'asOf=2026-11-30&groupBy=country');
  expect(pick(byCountry.rows, keys)).toEqual([['DE', 2, 1, 0.5, 1, 1], ['US', 2, 1, 0.5, 1, 1]]);
  // 15 October: Ada and Alan had not applied, Hedy had not unsubscribed; Tim's August click was within 90 days, Margaret's November one was not.
  const past = await report('bench-health', 'asOf=2026-10-15');
  expect(pick(past.rows, keys)).toEqual([['typescript', 5, 2, 0.4, 2, 3], ['go', 2, 2, 1, 2, 0], ['python', 2, 1, 0.5, 1, 0]]);
  expect(past.totals).toEqual({ prospects: 7, engaged: 4, engagedShare: 4 / 7, hot: 3, warm: 3 });
  expect(await drill('bench-health', 'asOf=2026-11-30', 'typescript', 'engaged')).toEqual(['Margaret Hamilton']);
  expect(await drill('bench-health', 'asOf=2026-11-30', 'total', 'hot')).toEqual(['Margaret Hamilton', 'Linus Torvalds']);
  expect(await drill('bench-health', 'asOf=2026-10-15&groupBy=country', 'US', 'engaged')).toEqual(['Tim Berners-Lee', 'Hedy Lamarr', 'Linus Torvalds']);
});

test('bad filters are refused with the field; empty data sets are empty tables', async () => {
  const cases: [string, string, string][] = [
    ['campaigns', `${NOW}&campaignIds=${h.campaigns.alpha},${other.campaigns.beta}`, 'query.campaignIds.1'],
    ['campaigns', `${NOW}&campaignIds=nope`, 'query.campaignIds.0'],
    ['campaigns', `${NOW}&groupBy=campaign`, 'query.groupBy'],
    ['campaign-trend', `${NOW}&groupBy=period`, 'query.groupBy'],
    ['bench-health', 'asOf=2026-11-30&groupBy=job', 'query.groupBy'],
    ['bench-health', 'from=2026-09-01', 'query.from'],
    ['segments', `${NOW}&segmentIds=${other.segments.go}`, 'query.segmentIds.0'],
    ['events', `${NOW}&eventIds=nope`, 'query.eventIds.0'],
    ['events', `${NOW}&jobIds=nope`, 'query.jobIds'],
  ];
  for (const [id, query, path] of cases) {
    const res = await recruiter('GET', `/api/analytics/reports/${id}?${query}`);
    expect([id, query, res.status]).toEqual([id, query, 400]);
    expect([id, query, res.body.error.details.map((d: any) => d.path)]).toEqual([id, query, expect.arrayContaining([path])]);
  }
  const quiet = 'from=2025-01-01&to=2025-03-01&asOf=2025-03-01';
  expect((await report('campaigns', quiet)).rows).toEqual([]);
  expect((await report('campaign-trend', quiet)).totals).toEqual({ sent: 0, opened: 0, clicked: 0, replied: 0, unsubscribed: 0 });
  expect((await report('events', quiet)).rows).toEqual([]);
  expect((await report('bench-health', 'asOf=2025-03-01')).rows).toEqual([]);
  // CRM reports are for the recruiting team.
  expect((await apiClient(t.url, org.tokens.interviewer)('GET', `/api/analytics/reports/campaigns?${NOW}`)).status).toBe(403);
});
