// Hiring forecast (docs/metrics.md#hiring-forecast): per job open at the as-of date, its openings, hires so
// far, candidates now in each stage kind, and the hires to expect from them with an interval, the dates
// the job fills with 50 % and 90 % chance, and its bottleneck stage. Rates come from the history in the
// report's period (job's own, or the organization's when the job has too little); the method is exact.
import { unknownCell } from '../report-errors';
import type { DrillStatement, ReportColumn, ReportDefinition, ReportRow } from '../report-types';
import { SqlParams } from '../sql-params';
import { forecastJob } from './job-forecast';
import { loadForecast, currentApplicationsSql, type TForecastJob } from './hiring-forecast-data';
import { capPmf, convolvePmf, pmfQuantile, poissonBinomialPmf } from './poisson-binomial';
import { ACTIVE_KINDS, bottleneck, type TActiveKind } from './stage-rates';

const DAY_MS = 86_400_000;
const KIND_LABELS: Record<TActiveKind, string> = { APPLIED: 'Applied', SCREEN: 'Screen', INTERVIEW: 'Interview', OFFER: 'Offer', OTHER: 'Other stages' };
/** Drillable columns: the kind they list (null: every active candidate). */
const DRILL_COLUMNS: Record<string, string | null> = { hired: 'HIRED', inPipeline: null, expectedHires: null, low: null, high: null, ...Object.fromEntries(ACTIVE_KINDS.map((k) => [k.toLowerCase(), k])) };

const dateAfter = (asOf: string, days: number | null) => (days === null ? null : new Date(new Date(asOf).getTime() + Math.ceil(days) * DAY_MS).toISOString().slice(0, 10));
const percent = (x: number) => `${Math.round(x * 100)} %`;

function jobRow(job: TForecastJob, asOf: string, notes: string[]): { row: ReportRow; pmf: number[] | null } {
  const hired = job.byKind.HIRED ?? 0;
  const left = Math.max(0, job.openings - hired);
  const kinds = job.activeKinds as TActiveKind[];
  const f = forecastJob(kinds, job.rates, left);
  const worst = bottleneck(job.rates);
  if (f.p50 === null && kinds.length) notes.push(`${job.title}: no history to forecast from (no decided candidate at its stages in the period, in the job or the organization): no expectation.`);
  else if (job.rates.usesOrgFor.length && kinds.length) notes.push(`${job.title}: too little history of its own at ${job.rates.usesOrgFor.map((k) => KIND_LABELS[k]).join(', ')}; the organization's rates are used there.`);
  if (left > 0 && f.fillChance !== null && kinds.length && f.fillDaysP50 === null) notes.push(`${job.title}: its current pipeline fills the ${left} remaining opening(s) with ${percent(f.fillChance)} chance only: no fill date.`);
  const row: ReportRow = {
    key: job.id, job: job.title, openings: job.openings, hired,
    ...Object.fromEntries(ACTIVE_KINDS.map((k) => [k.toLowerCase(), job.byKind[k] ?? 0])),
    inPipeline: kinds.length, expectedHires: f.p50, low: f.p10, high: f.p90,
    fillDate: dateAfter(asOf, f.fillDaysP50), fillDateP90: dateAfter(asOf, f.fillDaysP90),
    bottleneck: worst ? `${KIND_LABELS[worst.kind]} (${percent(worst.passThrough)} pass)` : null,
  };
  const pmf = f.p50 === null ? null : capPmf(poissonBinomialPmf(kinds.map((k) => job.rates.pHire[k]!)), left);
  return { row, pmf };
}

export const hiringForecastReport: ReportDefinition = {
  id: 'hiring-forecast',
  area: 'forecast',
  title: 'Hiring forecast',
  description: 'Per open job: hires to expect from the candidates in its pipeline (median, 10th-90th percentile), when it fills its openings, and its bottleneck stage; rates from the history in the period.',
  definition: 'docs/metrics.md#hiring-forecast',
  filters: ['from', 'to', 'asOf', 'jobIds', 'departments', 'recruiterIds'],

  async compute(ctx) {
    const { jobs, historyCount } = await loadForecast(ctx);
    const notes = [`Rates from the ${historyCount} application(s) with a stage move between ${ctx.filters.from.slice(0, 10)} and ${ctx.filters.to.slice(0, 10)} (the period); candidates are forecast from ${ctx.filters.asOf.slice(0, 10)}.`];
    const computed = jobs.map((j) => jobRow(j, ctx.filters.asOf, notes));
    const rows = computed.map((c) => c.row);
    const sum = (key: string) => rows.reduce((s, r) => s + (r[key] as number), 0);
    // Jobs are independent: the total's distribution is the convolution of each job's (capped) one.
    const pmfs = computed.map((c) => c.pmf);
    const total = pmfs.every((x) => x !== null) ? (pmfs as number[][]).reduce(convolvePmf, [1]) : null;
    const columns: ReportColumn[] = [
      { key: 'job', label: 'Job', kind: 'text' },
      { key: 'openings', label: 'Openings', kind: 'count' },
      { key: 'hired', label: 'Hired', kind: 'count', isDrillable: true, description: 'hired by the as-of date' },
      ...ACTIVE_KINDS.map((k): ReportColumn => ({ key: k.toLowerCase(), label: KIND_LABELS[k], kind: 'count', isDrillable: true, description: 'candidates in a stage of this kind now' })),
      { key: 'inPipeline', label: 'In pipeline', kind: 'count', isDrillable: true, description: 'active candidates (not hired or rejected)' },
      { key: 'expectedHires', label: 'Expected hires (p50)', kind: 'number', isDrillable: true, description: 'median hires from the pipeline, up to the openings left' },
      { key: 'low', label: 'Low (p10)', kind: 'number', isDrillable: true },
      { key: 'high', label: 'High (p90)', kind: 'number', isDrillable: true },
      { key: 'fillDate', label: 'Expected fill date', kind: 'date', description: 'openings filled with 50 % chance' },
      { key: 'fillDateP90', label: 'Fill date (p90)', kind: 'date', description: 'openings filled with 90 % chance' },
      { key: 'bottleneck', label: 'Bottleneck stage', kind: 'text', description: 'lowest pass-through' },
    ];
    return {
      columns, rows,
      totals: {
        openings: sum('openings'), hired: sum('hired'), inPipeline: sum('inPipeline'), ...Object.fromEntries(ACTIVE_KINDS.map((k) => [k.toLowerCase(), sum(k.toLowerCase())])),
        expectedHires: total && pmfQuantile(total, 0.5), low: total && pmfQuantile(total, 0.1), high: total && pmfQuantile(total, 0.9),
      },
      charts: [{ kind: 'bar', title: 'Expected hires per job', x: 'job', series: ['expectedHires', 'low', 'high'] }],
      notes,
    };
  },

  async drill(ctx, row, column): Promise<DrillStatement> {
    if (!(column in DRILL_COLUMNS)) throw unknownCell('column', column);
    const { jobs } = await loadForecast({ ...ctx, filters: { ...ctx.filters, jobIds: ctx.filters.jobIds ? ctx.filters.jobIds.filter((id) => id === row) : [row] } });
    const job = jobs.find((j) => j.id === row);
    if (!job) throw unknownCell('row', row);
    const kind = DRILL_COLUMNS[column];
    const p = new SqlParams();
    const scoped = { ...ctx, filters: { ...ctx.filters, jobIds: [row] } };
    const apps = currentApplicationsSql(scoped, p);
    const rateKinds = p.add(ACTIVE_KINDS, 'text[]');
    const rateValues = p.add(ACTIVE_KINDS.map((k) => job.rates.pHire[k]), 'float8[]');
    const asOf = p.add(ctx.filters.asOf, 'timestamptz');
    const where = kind ? `apps.kind = ${p.add(kind)}` : `apps.kind IS NOT NULL AND apps.kind NOT IN ('HIRED', 'REJECTED')`;
    return {
      title: `${job.title}: ${kind ? (kind === 'HIRED' ? 'hired' : `candidates at ${KIND_LABELS[kind as TActiveKind]}`) : 'candidates in the pipeline'} with their chance of a hire`,
      columns: [
        { key: 'candidateName', label: 'Candidate', kind: 'text' },
        { key: 'stage', label: 'Stage', kind: 'text' },
        { key: 'stageKind', label: 'Stage kind', kind: 'text' },
        { key: 'pHire', label: 'p(hire)', kind: 'percent' },
      ],
      sql: `WITH apps AS (${apps}), rates AS (SELECT * FROM unnest(${rateKinds}, ${rateValues}) AS r(kind, p))
            SELECT apps.id AS "applicationId", apps."candidateId", concat_ws(' ', c."firstName", c."lastName") AS "candidateName",
                   (SELECT s.name FROM "StageTransition" t JOIN "Stage" s ON s.id = t."toStageId" WHERE t."applicationId" = apps.id AND t.at <= ${asOf} ORDER BY t.at DESC, t.id DESC LIMIT 1) AS stage,
                   apps.kind AS "stageKind", CASE WHEN apps.kind = 'HIRED' THEN 1 ELSE rates.p END AS "pHire"
              FROM apps JOIN "Candidate" c ON c.id = apps."candidateId" LEFT JOIN rates ON rates.kind = apps.kind
             WHERE ${where}
             ORDER BY "pHire" DESC NULLS LAST, apps.id`,
      params: p,
    };
  },
};
