// `npm run bench -- search`: candidate search and the inbox at scale. Loads
// (or reuses) the generated dataset of bench/search-data.ts, starts the API on
// it, and measures at concurrency 8: search p95 per query class through the
// API next to the same statement run directly with pg, the inbox page, and
// keyset page 1,000 against page 1.
// Sizes: BENCH_CANDIDATES (default 1,000,000), BENCH_RESUME_WORDS (default 300),
// BENCH_SEARCH_SAMPLES (per measurement, default 200), BENCH_SEARCH_FRESH=1 to regenerate.
import os from 'node:os';
import { Client as PgClient, Pool } from 'pg';
import { loadConfig } from '../api/platform/config';
import { createLogger } from '../api/platform/logger';
import { startSystem } from '../api/system';
import { buildSearchSql, type SearchPlan } from '../api/search/build-search-sql';
import { chooseSearchPlan } from '../api/search/choose-search-plan';
import { decodeCursor, effectiveSort, encodeCursor, ZCandidateSearchRequest } from '../api/search/candidate-search-request';
import { KEYWORDS, prepareSearchDataset, BENCH_ORG_ID, type SearchDataset } from './search-data';
import { forEachConcurrently, now, round, summarize, type Summary } from './stats';
import { machineInfo } from './report';

const CONCURRENCY = 8;
const PAGE = 25;
const GOALS = { searchP95Ms: 50, apiOverSqlP95: 1.5, inboxP95Ms: 30, page1000OverPage1P95: 1.2 };

export interface SearchScenario {
  name: string;
  /** Counts toward the "keyword + filter search p95" goal. */
  isGoal: boolean;
  body: Record<string, unknown>;
}

export function searchScenarios(d: Pick<SearchDataset, 'jobId' | 'stageId'>): SearchScenario[] {
  return [
    { name: 'keyword rare', isGoal: true, body: { q: KEYWORDS.rare.word, sort: 'recent' } },
    { name: 'keyword medium (~0.5 %)', isGoal: true, body: { q: KEYWORDS.medium.word, sort: 'recent' } },
    { name: 'keyword common (~40 %)', isGoal: true, body: { q: KEYWORDS.common.word, sort: 'recent' } },
    { name: 'keyword common + skill + country', isGoal: true, body: { q: KEYWORDS.common.word, skills: ['javascript'], location: { countryCode: 'US' }, sort: 'recent' } },
    { name: 'keyword medium + years + tag', isGoal: true, body: { q: KEYWORDS.medium.word, minYears: 5, tags: ['alumni'], sort: 'recent' } },
    { name: 'filters only: skill + years + country', isGoal: true, body: { skills: ['javascript'], minYears: 10, location: { countryCode: 'DE' } } },
    { name: 'job + stage', isGoal: true, body: { jobId: d.jobId, stageId: d.stageId } },
    { name: 'relevance, keyword rare', isGoal: false, body: { q: KEYWORDS.rare.word, sort: 'relevance' } },
    { name: 'relevance, keyword medium', isGoal: false, body: { q: KEYWORDS.medium.word, sort: 'relevance' } },
  ];
}

/**
 * p95 of each side at concurrency 8. The sides take turns in ROUNDS slices, so
 * a burst of load from elsewhere on a shared machine falls on both rather than
 * on whichever happened to run then.
 */
const ROUNDS = 5;
async function measure(samples: number, sides: Record<string, () => Promise<void>>): Promise<Record<string, Summary>> {
  const latencies: Record<string, number[]> = {};
  for (const [name, fn] of Object.entries(sides)) {
    latencies[name] = [];
    for (let i = 0; i < CONCURRENCY * 2; i++) await fn(); // warm caches and connections
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, fn] of Object.entries(sides)) {
      await forEachConcurrently(Math.ceil(samples / ROUNDS), CONCURRENCY, async () => {
        const t0 = now();
        await fn();
        latencies[name]!.push(now() - t0);
      });
    }
  }
  return Object.fromEntries(Object.entries(latencies).map(([name, xs]) => [name, summarize(xs)]));
}

/** Server-side execution time (EXPLAIN ANALYZE, median of 5) and the plan's top nodes: what the query costs without any client. */
async function explain(pool: Pool, statement: { text: string; values: unknown[] }) {
  const times: number[] = [];
  let plan = '';
  for (let i = 0; i < 5; i++) {
    const { rows } = await pool.query<{ 'QUERY PLAN': [{ 'Execution Time': number; Plan: { 'Node Type': string; Plans?: { 'Node Type': string; 'Index Name'?: string; Plans?: { 'Node Type': string; 'Index Name'?: string }[] }[] } }] }>(
      `EXPLAIN (ANALYZE, FORMAT JSON) ${statement.text}`, statement.values);
    const top = rows[0]!['QUERY PLAN'][0];
    times.push(top['Execution Time']);
    const walk = (node: { 'Node Type': string; 'Index Name'?: string; Plans?: unknown[] }): string =>
      `${node['Node Type']}${node['Index Name'] ? ` on ${node['Index Name']}` : ''}${node.Plans?.length ? ` > ${(node.Plans as typeof node[]).map(walk).join(', ')}` : ''}`;
    plan = walk(top.Plan);
  }
  return { executionMs: round(times.sort((a, b) => a - b)[2]!, 2), plan };
}

const loadAverage = () => round(os.loadavg()[0]!, 2);

export async function benchSearch(opts: { candidates: number; resumeWords: number; samples: number; isFresh: boolean }) {
  const dataset = await prepareSearchDataset({ candidates: opts.candidates, resumeWords: opts.resumeWords, isFresh: opts.isFresh });
  console.log(`dataset ${dataset.databaseName}: ${dataset.candidates.toLocaleString('en')} candidates, ${dataset.events.total.toLocaleString('en')} timeline rows ${JSON.stringify(dataset.events)}; keyword matches ${JSON.stringify(dataset.keywordMatches)}`);

  const config = loadConfig({ DATABASE_URL: dataset.databaseUrl, TEMPORAL_ADDRESS: '127.0.0.1:1', SMTP_URL: 'smtp://127.0.0.1:1', PORT: '0', DEV_LOGIN: 'false', LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'error' });
  const system = await startSystem(config, { api: true, worker: false }, createLogger(config.LOG_LEVEL));
  // The direct side gets a pool of the API's size (10), so both queue alike at concurrency 8.
  const direct = new Pool({ connectionString: dataset.databaseUrl, max: 10 });
  const probe = new PgClient({ connectionString: dataset.databaseUrl });
  await probe.connect();
  const headers = { authorization: `Bearer ${dataset.recruiterToken}`, 'content-type': 'application/json' };
  const viaApi = async (body: unknown) => {
    const res = await fetch(`${system.url}/api/search/candidates`, { method: 'POST', headers, body: JSON.stringify(body) });
    if (res.status !== 200) throw new Error(`search ${JSON.stringify(body)}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { candidates: unknown[]; nextCursor: string | null };
  };
  // The direct side runs the statement the API runs, plan included; the API also pays for choosing the plan.
  const plans = new Map<string, SearchPlan>();
  const statementOf = async (body: Record<string, unknown>) => {
    const { cursor, limit, ...query } = ZCandidateSearchRequest.parse(body);
    const key = JSON.stringify(query);
    if (!plans.has(key)) plans.set(key, await chooseSearchPlan(direct, BENCH_ORG_ID, query, limit ?? PAGE));
    return buildSearchSql(BENCH_ORG_ID, query, { limit: limit ?? PAGE, plan: plans.get(key), cursor: cursor ? decodeCursor(cursor, effectiveSort(query)) : undefined });
  };
  const viaSql = async (body: Record<string, unknown>) => {
    const statement = await statementOf(body);
    return direct.query(statement.text, statement.values);
  };

  try {
    const machine = await machineInfo(probe);
    const scenarios = [];
    for (const scenario of searchScenarios(dataset)) {
      const page = await viaApi(scenario.body);
      const loadBefore = loadAverage();
      const { api, sql } = await measure(opts.samples, { api: async () => void (await viaApi(scenario.body)), sql: async () => void (await viaSql(scenario.body)) });
      const ratio = round(api!.p95 / sql!.p95, 2);
      const server = await explain(direct, await statementOf(scenario.body));
      const plan = plans.get(JSON.stringify(ZCandidateSearchRequest.parse(scenario.body)));
      scenarios.push({ ...scenario, plan, rowsOnPage: page.candidates.length, api: api!, sql: sql!, apiOverSqlP95: ratio, server, loadAverage: [loadBefore, loadAverage()] });
      console.log(`  ${scenario.name}: API p95 ${api!.p95} ms, SQL p95 ${sql!.p95} ms, ratio ${ratio}; ${plan} plan, server ${server.executionMs} ms (${page.candidates.length} rows; load ${loadBefore} -> ${loadAverage()}) ${server.plan}`);
    }

    // Keyset: walk to page 1,000 once (directly, it is only the way there), then time page 1 and page 1,000.
    const pagingBody = { location: { countryCode: 'US' } };
    let cursor: string | undefined;
    for (let p = 1; p < 1000; p++) {
      const { rows } = await viaSql({ ...pagingBody, ...(cursor ? { cursor } : {}), limit: PAGE });
      const last = rows[PAGE - 1] as { id: string; sortAt: Date } | undefined;
      if (!last) throw new Error(`fewer than 1,000 pages of ${JSON.stringify(pagingBody)}`);
      cursor = encodeCursor({ sort: 'recent', sortAt: last.sortAt.toISOString(), id: last.id });
    }
    const { page1, page1000 } = await measure(opts.samples, { page1: async () => void (await viaApi(pagingBody)), page1000: async () => void (await viaApi({ ...pagingBody, cursor })) });
    const paging = {
      body: pagingBody, page1, page1000, page1000OverPage1P95: round(page1000!.p95 / page1!.p95, 2),
      server: { page1: await explain(direct, await statementOf(pagingBody)), page1000: await explain(direct, await statementOf({ ...pagingBody, cursor })) },
    };
    console.log(`  keyset page 1 p95 ${page1!.p95} ms, page 1,000 p95 ${page1000!.p95} ms, ratio ${paging.page1000OverPage1P95}; server ${paging.server.page1.executionMs} vs ${paging.server.page1000.executionMs} ms`);

    // The inbox: the recruiter's own open tasks, first page (50, by SLA due time) with the counts per state.
    const inboxPath = '/api/tasks?assignee=me';
    const inboxFirst = await fetch(`${system.url}${inboxPath}`, { headers });
    if (inboxFirst.status !== 200) throw new Error(`inbox: ${inboxFirst.status} ${await inboxFirst.text()}`);
    const inboxBody = (await inboxFirst.json()) as unknown;
    const inboxRows = Array.isArray(inboxBody) ? inboxBody.length : Array.isArray((inboxBody as { tasks?: unknown[] }).tasks) ? (inboxBody as { tasks: unknown[] }).tasks.length : null;
    const { api: inboxApi } = await measure(opts.samples, { api: async () => {
      const res = await fetch(`${system.url}${inboxPath}`, { headers });
      await res.arrayBuffer();
    } });
    const inbox = { path: inboxPath, rowsOnPage: inboxRows, api: inboxApi! };
    console.log(`  inbox ${inboxPath}: p95 ${inbox.api.p95} ms (${inboxRows} rows)`);

    const goalScenarios = scenarios.filter((s) => s.isGoal);
    const worstSearchP95 = Math.max(...goalScenarios.map((s) => s.api.p95));
    const worstRatio = Math.max(...goalScenarios.map((s) => s.apiOverSqlP95));
    const goals = {
      searchP95: { goal: `<= ${GOALS.searchP95Ms} ms (worst keyword/filter class)`, value: worstSearchP95, isMet: worstSearchP95 <= GOALS.searchP95Ms },
      apiOverSql: { goal: `<= ${GOALS.apiOverSqlP95}x (worst class)`, value: worstRatio, isMet: worstRatio <= GOALS.apiOverSqlP95 },
      inboxP95: { goal: `<= ${GOALS.inboxP95Ms} ms`, value: inbox.api.p95, isMet: inbox.api.p95 <= GOALS.inboxP95Ms },
      keysetPage1000: { goal: `<= ${GOALS.page1000OverPage1P95}x page 1`, value: paging.page1000OverPage1P95, isMet: paging.page1000OverPage1P95 <= GOALS.page1000OverPage1P95 },
    };
    const { recruiterToken: _token, ...datasetReport } = dataset;
    return {
      benchmark: 'search',
      params: { candidates: opts.candidates, resumeWords: opts.resumeWords, samples: opts.samples, concurrency: CONCURRENCY, pageSize: PAGE, isFullSize: opts.candidates >= 1_000_000 },
      dataset: datasetReport, scenarios, paging, inbox, goals, machine: { ...machine, loadAverageAtEnd: loadAverage() },
    };
  } finally {
    await probe.end();
    await direct.end();
    await system.stop();
  }
}
