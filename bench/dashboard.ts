// `npm run bench -- dashboard`: the analytics dashboards on the dashboards data set (bench/dashboard-data.ts).
// "Load a dashboard" = every report it shows requested through the HTTP API at once, as the UI does (default
// filters: the last 90 days, as of now), timed until the last one answers. The peer: for each report a
// hand-written plain SQL query of the same headline aggregate over the current columns (no as-of, no
// drill-down, no grouping choices), run the same way in parallel on a pg pool. Both sides take turns
// (side-by-side.ts); p50/p95 per dashboard and per report, the ratio, and EXPLAIN (ANALYZE, BUFFERS) of the
// statements of each report over the goal (and each dashboard's slowest). Goal (issue 7): p95 <= 300 ms per dashboard.
// Sizes: BENCH_CANDIDATES (default 1,000,000), BENCH_DASHBOARD_SAMPLES (per side, default 30), BENCH_SEARCH_FRESH=1.
import os from 'node:os';
import type { Pool } from 'pg';
import { REPORTS } from '../api/services/analytics/report-catalog';
import { resolveReportFilters } from '../api/services/analytics/report-filters';
import { BENCH_ORG_ID } from './search-data';
import { prepareDashboardDataset } from './dashboard-data';
import { measureSideBySide, startApiBeside } from './side-by-side';
import { now, round, summarize } from './stats';
import { machineInfo } from './report';

const GOAL_P95_MS = 300;
const PERIOD_DAYS = 90;

export const DASHBOARDS: Record<string, string[]> = {
  hiring: ['applications', 'pass-through', 'time-to-hire', 'stage-durations', 'sources', 'offers'],
  team: ['interviewers', 'task-sla'],
  crm: ['campaigns', 'campaign-trend', 'events', 'bench-health'],
  forecast: ['hiring-forecast'],
};

type Statement = { text: string; values: unknown[] };
/** The peer of each report: the simplest correct SQL for its headline numbers, over current columns. */
const PEERS: Record<string, (org: string, from: string, to: string) => Statement> = {
  applications: (org, from, to) => ({ text: `SELECT date_trunc('month', "appliedAt") AS period, count(*) FROM "Application"
      WHERE "orgId" = $1 AND "appliedAt" >= $2 AND "appliedAt" < $3 GROUP BY 1 ORDER BY 1`, values: [org, from, to] }),
  'pass-through': (org, from, to) => ({ text: `SELECT s.kind, count(*) AS entered FROM "StageTransition" t JOIN "Stage" s ON s.id = t."toStageId"
      WHERE t."orgId" = $1 AND t.at >= $2 AND t.at < $3 GROUP BY 1`, values: [org, from, to] }),
  'time-to-hire': (org, from, to) => ({ text: `SELECT count(*) AS hires,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch from a."hiredAt" - a."appliedAt") / 86400) AS "medianDaysToHire",
        percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch from a."hiredAt" - j."openedAt") / 86400) AS "medianDaysToFill"
      FROM "Application" a JOIN "Job" j ON j.id = a."jobId" WHERE a."orgId" = $1 AND a."hiredAt" >= $2 AND a."hiredAt" < $3`, values: [org, from, to] }),
  // Stays that ended in the period: the applications with a move in it, each move's next one.
  'stage-durations': (org, from, to) => ({ text: `SELECT width_bucket(extract(epoch from st."leftAt" - st.at) / 86400, ARRAY[1, 3, 7, 14, 30]) AS bucket, count(*)
      FROM (SELECT t.at, lead(t.at) OVER (PARTITION BY t."applicationId" ORDER BY t.at) AS "leftAt" FROM "StageTransition" t
             WHERE t."applicationId" IN (SELECT "applicationId" FROM "StageTransition" WHERE "orgId" = $1 AND at >= $2 AND at < $3)) st
     WHERE st."leftAt" >= $2 AND st."leftAt" < $3 GROUP BY 1`, values: [org, from, to] }),
  sources: (org, from, to) => ({ text: `SELECT source, count(*) AS applicants, count("hiredAt") AS hired FROM "Application"
      WHERE "orgId" = $1 AND "appliedAt" >= $2 AND "appliedAt" < $3 GROUP BY 1`, values: [org, from, to] }),
  offers: (org, from, to) => ({ text: `SELECT status, count(*) FROM "Offer" WHERE "orgId" = $1 AND "sentAt" >= $2 AND "sentAt" < $3 GROUP BY 1`, values: [org, from, to] }),
  interviewers: (org, from, to) => ({ text: `SELECT ip."userId", count(*) AS interviews, count(sc.id) AS scorecards
      FROM "Interview" i JOIN "InterviewParticipant" ip ON ip."interviewId" = i.id
      LEFT JOIN "Scorecard" sc ON sc."interviewId" = i.id AND sc."interviewerId" = ip."userId"
     WHERE i."orgId" = $1 AND i."startsAt" >= $2 AND i."startsAt" < $3 AND i.status <> 'CANCELLED' GROUP BY 1`, values: [org, from, to] }),
  'task-sla': (org, from, to) => ({ text: `SELECT kind, count(*) AS due, count(*) FILTER (WHERE "completedAt" <= "dueAt") AS "onTime" FROM "Task"
      WHERE "orgId" = $1 AND "dueAt" >= $2 AND "dueAt" < $3 AND status <> 'CANCELLED' GROUP BY 1`, values: [org, from, to] }),
  campaigns: (org, from, to) => ({ text: `SELECT c.id,
        (SELECT count(*) FROM "Run" r WHERE r."campaignId" = c.id AND r."startedAt" >= $2 AND r."startedAt" < $3) AS enrolled,
        (SELECT count(*) FROM "Message" m WHERE m."campaignId" = c.id AND m."sentAt" >= $2 AND m."sentAt" < $3) AS sent
      FROM "Campaign" c WHERE c."orgId" = $1`, values: [org, from, to] }),
  'campaign-trend': (org, from, to) => ({ text: `SELECT date_trunc('month', "sentAt") AS period, count(*) AS sent FROM "Message"
      WHERE "orgId" = $1 AND "campaignId" IS NOT NULL AND "sentAt" >= $2 AND "sentAt" < $3 GROUP BY 1`, values: [org, from, to] }),
  events: (org, from, to) => ({ text: `SELECT e.id, count(r."eventId") AS registered, count(r."checkedInAt") AS attended
      FROM "RecruitingEvent" e LEFT JOIN "EventRegistration" r ON r."eventId" = e.id AND r.status <> 'CANCELLED'
     WHERE e."orgId" = $1 AND e."startsAt" >= $2 AND e."startsAt" < $3 GROUP BY 1`, values: [org, from, to] }),
  'bench-health': (org) => ({ text: `SELECT skill, count(*) AS prospects FROM "Candidate" c, unnest(c.skills) skill
     WHERE c."orgId" = $1 AND c.kind = 'PROSPECT' AND c.email IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Application" a WHERE a."candidateId" = c.id)
     GROUP BY 1 ORDER BY 2 DESC LIMIT 20`, values: [org] }),
  'hiring-forecast': (org) => ({ text: `SELECT a."jobId", s.kind, count(*) FROM "Application" a JOIN "Job" j ON j.id = a."jobId" JOIN "Stage" s ON s.id = a."stageId"
     WHERE a."orgId" = $1 AND j.status = 'OPEN' AND a.status = 'ACTIVE' GROUP BY 1, 2`, values: [org] }),
};

const loadAverage = () => round(os.loadavg()[0]!, 2);

interface PlanNode { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; 'Actual Total Time': number; 'Actual Rows': number; 'Actual Loops': number; 'Shared Hit Blocks'?: number; 'Shared Read Blocks'?: number; 'Temp Written Blocks'?: number; Plans?: PlanNode[] }

/** One statement's EXPLAIN (ANALYZE, BUFFERS): times, buffers, and the nodes that spent the most time themselves. */
async function explainStatement(pool: Pool, statement: Statement) {
  const { rows } = await pool.query<{ 'QUERY PLAN': [{ 'Execution Time': number; 'Planning Time': number; Plan: PlanNode }] }>(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${statement.text}`, statement.values);
  const top = rows[0]!['QUERY PLAN'][0];
  const nodes: { node: string; selfMs: number; rows: number; loops: number }[] = [];
  const walk = (n: PlanNode) => {
    const children = n.Plans ?? [];
    const total = n['Actual Total Time'] * n['Actual Loops'];
    const self = total - children.reduce((s, c) => s + c['Actual Total Time'] * c['Actual Loops'], 0);
    nodes.push({ node: `${n['Node Type']}${n['Relation Name'] ? ` on ${n['Relation Name']}` : ''}${n['Index Name'] ? ` using ${n['Index Name']}` : ''}`, selfMs: round(Math.max(0, self), 1), rows: n['Actual Rows'], loops: n['Actual Loops'] });
    children.forEach(walk);
  };
  walk(top.Plan);
  return {
    executionMs: round(top['Execution Time'], 1), planningMs: round(top['Planning Time'], 1),
    sharedHitBlocks: top.Plan['Shared Hit Blocks'] ?? 0, sharedReadBlocks: top.Plan['Shared Read Blocks'] ?? 0, tempWrittenBlocks: top.Plan['Temp Written Blocks'] ?? 0,
    hottestNodes: nodes.sort((a, b) => b.selfMs - a.selfMs).slice(0, 4),
    statement: statement.text.replace(/\s+/g, ' ').slice(0, 400),
  };
}

/** The statements a report runs with the default filters (its compute against a recording pool), each explained. */
export async function explainReport(direct: Pool, reportId: string, recruiterId: string) {
  const report = REPORTS.find((r) => r.id === reportId)!;
  const { filters } = await resolveReportFilters(direct, { orgId: BENCH_ORG_ID, userId: recruiterId, role: 'RECRUITER' }, {});
  filters.groupBy ??= report.groupBys?.[0] ?? null;
  const statements: Statement[] = [];
  const recording = { query: (text: string, values: unknown[] = []) => { statements.push({ text, values }); return direct.query(text, values); } } as unknown as Pool;
  await report.compute({ pool: recording, orgId: BENCH_ORG_ID, filters });
  const explained = [];
  for (const statement of statements) explained.push(await explainStatement(direct, statement));
  return explained.sort((a, b) => b.executionMs - a.executionMs);
}

export async function benchDashboard(opts: { candidates: number; resumeWords: number; samples: number; isFresh: boolean }) {
  const dataset = await prepareDashboardDataset({ candidates: opts.candidates, resumeWords: opts.resumeWords, isFresh: opts.isFresh });
  console.log(`dataset ${dataset.databaseName}: ${dataset.candidates.toLocaleString('en')} candidates; dashboard data of ${dataset.dashboardDataAt} ${JSON.stringify(dataset.dashboardRows)}`);
  const { url: apiUrl, direct, probe, headers, stop } = await startApiBeside(dataset.databaseUrl, dataset.recruiterToken);
  const fetchReport = async (id: string) => {
    const res = await fetch(`${apiUrl}/api/analytics/reports/${id}`, { headers });
    if (res.status !== 200) throw new Error(`report ${id}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { rows: unknown[] };
  };

  try {
    const machine = await machineInfo(probe);
    // The catalog as the API lists it to the recruiter now: reports still being written are skipped.
    const listed = await fetch(`${apiUrl}/api/analytics/reports`, { headers });
    const available = new Set(((await listed.json()) as { id: string }[]).map((r) => r.id));
    const dashboards = [];
    for (const [name, wanted] of Object.entries(DASHBOARDS)) {
      const reports = wanted.filter((id) => available.has(id) && PEERS[id]);
      const skipped = wanted.filter((id) => !reports.includes(id));
      if (!reports.length) {
        console.log(`  ${name}: no report of it in the catalog yet (skipped ${skipped.join(', ')})`);
        dashboards.push({ name, reports, skipped });
        continue;
      }
      const to = new Date();
      const from = new Date(to.getTime() - PERIOD_DAYS * 86_400_000);
      const peerOf = (id: string) => PEERS[id]!(BENCH_ORG_ID, from.toISOString(), to.toISOString());
      const rows: Record<string, { ours: number; peer: number }> = {};
      for (const id of reports) rows[id] = { ours: (await fetchReport(id)).rows.length, peer: (await direct.query(peerOf(id).text, peerOf(id).values)).rowCount ?? 0 };

      // Per-report latencies inside each load; the first 2 loads of each side are measureSideBySide's warm-up.
      const perReport: Record<'ours' | 'peer', Record<string, number[]>> = { ours: {}, peer: {} };
      const loads = { ours: 0, peer: 0 };
      const loadDashboard = (side: 'ours' | 'peer', one: (id: string) => Promise<unknown>) => async () => {
        const isWarmup = loads[side]++ < 2;
        await Promise.all(reports.map(async (id) => {
          const t0 = now();
          await one(id);
          if (!isWarmup) (perReport[side][id] ??= []).push(now() - t0);
        }));
      };
      const loadBefore = loadAverage();
      const { ours, peer } = await measureSideBySide(opts.samples, 1, {
        ours: loadDashboard('ours', fetchReport),
        peer: loadDashboard('peer', (id) => direct.query(peerOf(id).text, peerOf(id).values)),
      });
      const byReport = Object.fromEntries(reports.map((id) => {
        const o = summarize(perReport.ours[id]!);
        const p = summarize(perReport.peer[id]!);
        return [id, { ours: o, peer: p, oursOverPeerP95: round(o.p95 / p.p95, 1), rows: rows[id]! }];
      }));
      // EXPLAIN the reports over the goal (at least the slowest): one more run of each, cheap next to the samples.
      const slowest = reports.reduce((a, b) => (byReport[b]!.ours.p95 > byReport[a]!.ours.p95 ? b : a));
      const explained: Record<string, Awaited<ReturnType<typeof explainReport>>> = {};
      for (const id of reports.filter((id) => id === slowest || byReport[id]!.ours.p95 > GOAL_P95_MS)) explained[id] = await explainReport(direct, id, dataset.recruiterId);
      const explainSlowest = explained[slowest]!;
      const ratio = round(ours!.p95 / peer!.p95, 1);
      const result = { name, reports, skipped, ours: ours!, peer: peer!, oursOverPeerP95: ratio, isMet: ours!.p95 <= GOAL_P95_MS, byReport, slowest, explained, loadAverage: [loadBefore, loadAverage()] };
      dashboards.push(result);
      console.log(`  ${name} (${reports.join(', ')}${skipped.length ? `; skipped ${skipped.join(', ')}` : ''}): ours p50 ${ours!.p50} p95 ${ours!.p95} ms, peer p50 ${peer!.p50} p95 ${peer!.p95} ms, ratio ${ratio}; goal <= ${GOAL_P95_MS} ms: ${result.isMet ? 'PASS' : 'MISS'} (load ${loadBefore} -> ${loadAverage()})`);
      for (const [id, r] of Object.entries(byReport)) console.log(`    ${id}: ours p95 ${r.ours.p95} ms, peer p95 ${r.peer.p95} ms (${r.rows.ours} rows / ${r.rows.peer})`);
      for (const s of explainSlowest.slice(0, 3)) console.log(`    slowest ${slowest}: ${s.executionMs} ms, hottest ${s.hottestNodes.slice(0, 2).map((x) => `${x.node} ${x.selfMs} ms x${x.loops}`).join('; ')}`);
    }
    const { recruiterToken: _token, ...datasetReport } = dataset;
    const measured = dashboards.filter((d): d is typeof d & { ours: { p95: number }; isMet: boolean } => 'ours' in d);
    return {
      benchmark: 'dashboard',
      params: { candidates: opts.candidates, samples: opts.samples, periodDays: PERIOD_DAYS, isFullSize: opts.candidates >= 1_000_000 },
      dataset: datasetReport,
      dashboards,
      goals: Object.fromEntries(measured.map((d) => [d.name, { goal: `p95 <= ${GOAL_P95_MS} ms (all its reports in parallel, through the API)`, value: d.ours.p95, isMet: d.isMet }])),
      machine: { ...machine, loadAverageAtEnd: loadAverage() },
    };
  } finally {
    await stop();
  }
}
