// `npm run bench -- segment`: live segment counts over the search benchmark's 1,000,000 candidates
// (bench/segment-data.ts). For realistic segments, the count through the API (POST /api/segments/count:
// validation, the records it names checked, a statement timeout) next to the same COUNT statement run
// directly with pg, taking turns; p95 of each, the ratio, and the server's execution time and plan.
// Sizes: BENCH_CANDIDATES (default 1,000,000), BENCH_SEGMENT_SAMPLES (per side, default 100),
// BENCH_SEGMENT_CONCURRENCY (default 1: one person editing a segment), BENCH_SEARCH_FRESH=1 to regenerate.
import os from 'node:os';
import { ZSegmentQuery } from '../api/services/segments/segment-query';
import { segmentCountSql } from '../api/services/segments/segment-sql';
import { BENCH_ORG_ID, KEYWORDS } from './search-data';
import { BENCH_POOLS, prepareSegmentDataset } from './segment-data';
import { explain, measureSideBySide, startApiBeside } from './side-by-side';
import { round } from './stats';
import { machineInfo } from './report';

const GOAL_P95_MS = 200;

export const SEGMENT_SCENARIOS: { name: string; conditions: unknown[] }[] = [
  { name: 'everyone (all live profiles)', conditions: [] },
  { name: 'skill + country: Rust people in Germany', conditions: [{ field: 'skills', values: ['rust'] }, { field: 'location', countryCodes: ['DE'] }] },
  { name: 'warm or hot, not contacted in 90 days', conditions: [{ field: 'interest_level', values: ['WARM', 'HOT'] }, { field: 'last_contacted', notWithinDays: 90 }] },
  { name: 'alumni or silver medalists with engagement >= 30', conditions: [{ field: 'tags', match: 'any', values: ['alumni', 'silver-medalist'] }, { field: 'engagement_score', min: 30 }] },
  { name: 'silver medalists: reached an offer, never hired', conditions: [{ field: 'stage_reached', stageKinds: ['OFFER'] }, { field: 'applications', match: 'none', statuses: ['HIRED'] }] },
  { name: 'reached the stage named Onsite', conditions: [{ field: 'stage_reached', stageName: 'onsite' }] },
  { name: 'in a pool (5 %) and contactable', conditions: [{ field: 'pools', poolIds: [BENCH_POOLS.large] }, { field: 'contactable', value: true }] },
  { name: 'prospects who clicked in the last 30 days', conditions: [{ field: 'engagement', kinds: ['CLICKED'], withinDays: 30 }, { field: 'kind', value: 'PROSPECT' }] },
  { name: 'keyword (~0.5 %) in the US', conditions: [{ field: 'keywords', q: KEYWORDS.medium.word }, { field: 'location', countryCodes: ['US'] }] },
  { name: 'hot, or engaged in 14 days, with an email', conditions: [{ field: 'any_of', conditions: [{ field: 'interest_level', values: ['HOT'] }, { field: 'last_engaged', withinDays: 14 }] }, { field: 'has_email', value: true }] },
];

const loadAverage = () => round(os.loadavg()[0]!, 2);

export async function benchSegment(opts: { candidates: number; resumeWords: number; samples: number; concurrency: number; isFresh: boolean }) {
  const dataset = await prepareSegmentDataset({ candidates: opts.candidates, resumeWords: opts.resumeWords, isFresh: opts.isFresh });
  const { url: apiUrl, direct, probe, headers, stop } = await startApiBeside(dataset.databaseUrl, dataset.recruiterToken);
  const viaApi = async (conditions: unknown[]) => {
    const res = await fetch(`${apiUrl}/api/segments/count`, { method: 'POST', headers, body: JSON.stringify({ query: { conditions } }) });
    if (res.status !== 200) throw new Error(`count ${JSON.stringify(conditions)}: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { count: number }).count;
  };
  const statementOf = (conditions: unknown[]) => segmentCountSql(BENCH_ORG_ID, ZSegmentQuery.parse({ conditions }));
  const viaSql = async (conditions: unknown[]) => {
    const statement = statementOf(conditions);
    return (await direct.query<{ count: number }>(statement.text, statement.values)).rows[0]!.count;
  };

  try {
    const machine = await machineInfo(probe);
    const scenarios = [];
    for (const scenario of SEGMENT_SCENARIOS) {
      const count = await viaApi(scenario.conditions);
      if (count !== (await viaSql(scenario.conditions))) throw new Error(`${scenario.name}: the API and SQL counts differ`);
      const loadBefore = loadAverage();
      const { api, sql } = await measureSideBySide(opts.samples, opts.concurrency, {
        api: async () => void (await viaApi(scenario.conditions)),
        sql: async () => void (await viaSql(scenario.conditions)),
      });
      const server = await explain(direct, statementOf(scenario.conditions));
      const ratio = round(api!.p95 / sql!.p95, 2);
      scenarios.push({ ...scenario, count, api: api!, sql: sql!, apiOverSqlP95: ratio, server, loadAverage: [loadBefore, loadAverage()] });
      console.log(`  ${scenario.name}: ${count.toLocaleString('en')} members; API p95 ${api!.p95} ms, SQL p95 ${sql!.p95} ms, ratio ${ratio}; server ${server.executionMs} ms (load ${loadBefore} -> ${loadAverage()}) ${server.plan}`);
    }
    const worstP95 = Math.max(...scenarios.map((s) => s.api.p95));
    const worstRatio = Math.max(...scenarios.map((s) => s.apiOverSqlP95));
    const { recruiterToken: _token, ...datasetReport } = dataset;
    return {
      benchmark: 'segment',
      params: { candidates: opts.candidates, samples: opts.samples, concurrency: opts.concurrency, isFullSize: opts.candidates >= 1_000_000 },
      dataset: datasetReport,
      scenarios,
      goals: {
        countP95: { goal: `<= ${GOAL_P95_MS} ms (worst segment, through the API)`, value: worstP95, isMet: worstP95 <= GOAL_P95_MS },
        apiOverSql: { goal: 'reported (the API adds validation, the reference check and a transaction for the statement timeout)', value: worstRatio, isMet: true },
      },
      machine: { ...machine, loadAverageAtEnd: loadAverage() },
    };
  } finally {
    await stop();
  }
}
