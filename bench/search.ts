// `npm run bench -- search`: candidate search and the inbox at scale. Loads
// (or reuses) the generated dataset of bench/search-data.ts, starts the API on
// it, and measures at concurrency 8: search p95 per query class through the
// API next to the same statement run directly with pg, the inbox page, and
// keyset page 1,000 against page 1.
// Sizes: BENCH_CANDIDATES (default 1,000,000), BENCH_RESUME_WORDS (default 300),
// BENCH_SEARCH_SAMPLES (per measurement, default 200), BENCH_SEARCH_FRESH=1 to regenerate.
import os from 'node:os';
import { runSearch } from '../api/search/run-search';
import { decodeCursor, effectiveSort, encodeCursor, ZCandidateSearchRequest } from '../api/search/candidate-search-request';
import { KEYWORDS, prepareSearchDataset, BENCH_ORG_ID, type SearchDataset } from './search-data';
import { round } from './stats';
import { explain, measureSideBySide, startApiBeside } from './side-by-side';
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

const loadAverage = () => round(os.loadavg()[0]!, 2);

export async function benchSearch(opts: { candidates: number; resumeWords: number; samples: number; isFresh: boolean }) {
  const dataset = await prepareSearchDataset({ candidates: opts.candidates, resumeWords: opts.resumeWords, isFresh: opts.isFresh });
  console.log(`dataset ${dataset.databaseName}: ${dataset.candidates.toLocaleString('en')} candidates, ${dataset.events.total.toLocaleString('en')} timeline rows ${JSON.stringify(dataset.events)}; keyword matches ${JSON.stringify(dataset.keywordMatches)}`);

  const { url: apiUrl, direct, probe, headers, stop } = await startApiBeside(dataset.databaseUrl, dataset.recruiterToken);
  const viaApi = async (body: unknown) => {
    const res = await fetch(`${apiUrl}/api/search/candidates`, { method: 'POST', headers, body: JSON.stringify(body) });
    if (res.status !== 200) throw new Error(`search ${JSON.stringify(body)}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { candidates: unknown[]; nextCursor: string | null };
  };
  // The direct side runs what the API's search service runs (api/search/run-search.ts: the plan, its statement
  // or statements) on a pool of its own; the API also pays for HTTP, validation and JSON.
  const viaSql = async (body: Record<string, unknown>) => {
    const { cursor, limit, ...query } = ZCandidateSearchRequest.parse(body);
    return runSearch<{ id: string; sortAt: Date }>(direct, BENCH_ORG_ID, query, { limit: limit ?? PAGE, cursor: cursor ? decodeCursor(cursor, effectiveSort(query)) : undefined });
  };
  /** The server's time for the statements one search runs (summed), and the plan of the last. */
  const serverTime = async (body: Record<string, unknown>) => {
    const { statements } = await viaSql(body);
    const explained = [];
    for (const statement of statements) explained.push(await explain(direct, statement));
    return { executionMs: round(explained.reduce((sum, e) => sum + e.executionMs, 0), 2), statements: statements.length, plan: explained.map((e) => e.plan).join(' ; then ') };
  };

  try {
    const machine = await machineInfo(probe);
    const scenarios = [];
    for (const scenario of searchScenarios(dataset)) {
      const page = await viaApi(scenario.body);
      const loadBefore = loadAverage();
      const { api, sql } = await measureSideBySide(opts.samples, CONCURRENCY, { api: async () => void (await viaApi(scenario.body)), sql: async () => void (await viaSql(scenario.body)) });
      const ratio = round(api!.p95 / sql!.p95, 2);
      const server = await serverTime(scenario.body);
      const { plan, statements } = await viaSql(scenario.body);
      scenarios.push({ ...scenario, plan, statementsRun: statements.length, rowsOnPage: page.candidates.length, api: api!, sql: sql!, apiOverSqlP95: ratio, server, loadAverage: [loadBefore, loadAverage()] });
      console.log(`  ${scenario.name}: API p95 ${api!.p95} ms, SQL p95 ${sql!.p95} ms, ratio ${ratio}; ${plan} plan (${statements.length} statement(s)), server ${server.executionMs} ms (${page.candidates.length} rows; load ${loadBefore} -> ${loadAverage()}) ${server.plan}`);
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
    const { page1, page1000 } = await measureSideBySide(opts.samples, CONCURRENCY, { page1: async () => void (await viaApi(pagingBody)), page1000: async () => void (await viaApi({ ...pagingBody, cursor })) });
    const paging = {
      body: pagingBody, page1, page1000, page1000OverPage1P95: round(page1000!.p95 / page1!.p95, 2),
      server: { page1: await serverTime(pagingBody), page1000: await serverTime({ ...pagingBody, cursor }) },
    };
    console.log(`  keyset page 1 p95 ${page1!.p95} ms, page 1,000 p95 ${page1000!.p95} ms, ratio ${paging.page1000OverPage1P95}; server ${paging.server.page1.executionMs} vs ${paging.server.page1000.executionMs} ms`);

    // The inbox: the recruiter's own open tasks, first page (50, by SLA due time) with the counts per state.
    const inboxPath = '/api/tasks?assignee=me';
    const inboxFirst = await fetch(`${apiUrl}${inboxPath}`, { headers });
    if (inboxFirst.status !== 200) throw new Error(`inbox: ${inboxFirst.status} ${await inboxFirst.text()}`);
    const inboxBody = (await inboxFirst.json()) as unknown;
    const inboxRows = Array.isArray(inboxBody) ? inboxBody.length : Array.isArray((inboxBody as { tasks?: unknown[] }).tasks) ? (inboxBody as { tasks: unknown[] }).tasks.length : null;
    const { api: inboxApi } = await measureSideBySide(opts.samples, CONCURRENCY, { api: async () => {
      const res = await fetch(`${apiUrl}${inboxPath}`, { headers });
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
    await stop();
  }
}
