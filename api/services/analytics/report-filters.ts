// The filters every report takes, from the query string: a period [from, to), an as-of date (facts recorded
// after it are ignored, so a past report reads the same tomorrow), jobs, departments, recruiters, sources,
// CRM audiences, and the trend interval. Impossible filters are refused with the field and the reason;
// ids are checked against the caller's organization; a hiring manager's reports cover their own jobs only.
import type { Pool } from 'pg';
import { z } from 'zod';
import { AppError, type ErrorDetail } from '../../errors';
import type { AuthContext } from '../../auth';
import { ORG_WIDE_ROLES } from '../../sessions/access-scope';
import type { SqlParams } from './sql-params';

const DAY_MS = 86_400_000;
/** Without `from`, a report covers this many days before its end. */
export const DEFAULT_PERIOD_DAYS = 90;
const MAX_LIST = 200;

/** A date (2026-03-01, midnight UTC) or a timestamp with its offset. */
const ZInstant = z.string().trim().max(40).refine((s) => /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2}))?$/.test(s) && !Number.isNaN(Date.parse(s)), 'a date (YYYY-MM-DD) or an ISO timestamp with its offset');
/** Comma-separated ids or names ("a,b"), or the key repeated (?jobIds=a&jobIds=b). */
const ZList = z.union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.string().max(200)).max(MAX_LIST));

export const ZReportQuery = z.object({
  from: ZInstant.optional(),
  to: ZInstant.optional(),
  asOf: ZInstant.optional(),
  jobIds: ZList.optional(),
  departments: ZList.optional(),
  recruiterIds: ZList.optional(),
  sources: ZList.optional(),
  campaignIds: ZList.optional(),
  segmentIds: ZList.optional(),
  eventIds: ZList.optional(),
  interval: z.enum(['week', 'month']).optional(),
  groupBy: z.enum(['job', 'department', 'recruiter', 'period', 'source', 'utmCampaign', 'stage', 'campaign', 'segment', 'event', 'skill', 'country', 'interviewer', 'assignee', 'kind']).optional(),
}).strict();
export type TGroupBy = NonNullable<TReportQuery['groupBy']>;
export type TReportQuery = z.infer<typeof ZReportQuery>;

/** Resolved: every date set, lists null when not filtered. `to` is never after `asOf`. */
export interface ReportFilters {
  from: string;
  to: string;
  asOf: string;
  interval: 'week' | 'month';
  /** How rows are grouped, among the report's `groupBys` (its first when not asked). */
  groupBy: TGroupBy | null;
  jobIds: string[] | null;
  departments: string[] | null;
  recruiterIds: string[] | null;
  sources: string[] | null;
  campaignIds: string[] | null;
  segmentIds: string[] | null;
  eventIds: string[] | null;
}

export const FILTER_NAMES = ['from', 'to', 'asOf', 'interval', 'groupBy', 'jobIds', 'departments', 'recruiterIds', 'sources', 'campaignIds', 'segmentIds', 'eventIds'] as const satisfies readonly (keyof ReportFilters)[];

/** The date rules alone (pure): defaults, end after start, no as-of in the future. */
export function resolveDates(query: Pick<TReportQuery, 'from' | 'to' | 'asOf'>, now: Date): { from: Date; to: Date; asOf: Date; notes: string[]; errors: ErrorDetail[] } {
  const errors: ErrorDetail[] = [];
  const notes: string[] = [];
  const asOf = query.asOf ? new Date(query.asOf) : now;
  if (asOf.getTime() > now.getTime() + 60_000) errors.push({ path: 'query.asOf', message: 'is in the future: a report can only be computed from facts already recorded' });
  let to = query.to ? new Date(query.to) : asOf;
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_PERIOD_DAYS * DAY_MS);
  if (to.getTime() <= from.getTime()) errors.push({ path: 'query.to', message: `ends before it starts (from ${from.toISOString()})` });
  else if (asOf.getTime() <= from.getTime()) errors.push({ path: 'query.asOf', message: `is before the period starts (from ${from.toISOString()}): nothing was recorded yet` });
  if (!errors.length && to.getTime() > asOf.getTime()) {
    notes.push(`The period is cut at the as-of date (${asOf.toISOString()}): nothing after it is known yet.`);
    to = asOf;
  }
  return { from, to, asOf, notes, errors };
}

async function unknownIds(pool: Pool, sql: string, values: unknown[], ids: string[] | undefined, path: string, what: string, errors: ErrorDetail[]) {
  if (!ids?.length) return;
  const { rows } = await pool.query<{ id: string }>(sql, [...values, ids]);
  const found = new Set(rows.map((r) => r.id));
  ids.forEach((id, i) => { if (!found.has(id)) errors.push({ path: `${path}.${i}`, message: `no ${what} ${id} in this organization` }); });
}

/**
 * Resolves the query for one caller: dates, known ids, and the job scope of a hiring manager (their jobs,
 * or the ones they asked for among them). Throws VALIDATION_FAILED with every problem at once.
 */
export async function resolveReportFilters(pool: Pool, auth: Pick<AuthContext, 'orgId' | 'userId' | 'role'>, query: TReportQuery, now = new Date()): Promise<{ filters: ReportFilters; notes: string[] }> {
  const dates = resolveDates(query, now);
  const errors = [...dates.errors];
  const isOrgWide = ORG_WIDE_ROLES.includes(auth.role);
  const org = [auth.orgId];
  if (isOrgWide) await unknownIds(pool, `SELECT id FROM "Job" WHERE "orgId" = $1 AND id = ANY($2::text[])`, org, query.jobIds, 'query.jobIds', 'job', errors);
  else {
    await unknownIds(pool, `SELECT j.id FROM "Job" j WHERE j."orgId" = $1 AND EXISTS (SELECT 1 FROM "JobMember" m WHERE m."jobId" = j.id AND m."userId" = $2) AND j.id = ANY($3::text[])`,
      [auth.orgId, auth.userId], query.jobIds, 'query.jobIds', 'job of yours', errors);
  }
  await unknownIds(pool, `SELECT id FROM "User" WHERE "orgId" = $1 AND id = ANY($2::text[])`, org, query.recruiterIds, 'query.recruiterIds', 'user', errors);
  await unknownIds(pool, `SELECT id FROM "Campaign" WHERE "orgId" = $1 AND id = ANY($2::text[])`, org, query.campaignIds, 'query.campaignIds', 'campaign', errors);
  await unknownIds(pool, `SELECT id FROM "Segment" WHERE "orgId" = $1 AND id = ANY($2::text[])`, org, query.segmentIds, 'query.segmentIds', 'segment', errors);
  await unknownIds(pool, `SELECT id FROM "RecruitingEvent" WHERE "orgId" = $1 AND id = ANY($2::text[])`, org, query.eventIds, 'query.eventIds', 'event', errors);
  if (errors.length) throw new AppError('VALIDATION_FAILED', `impossible report filters: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`, errors);

  let jobIds = query.jobIds?.length ? query.jobIds : null;
  if (!isOrgWide && !jobIds) {
    const { rows } = await pool.query<{ jobId: string }>(`SELECT DISTINCT m."jobId" FROM "JobMember" m JOIN "Job" j ON j.id = m."jobId" WHERE j."orgId" = $1 AND m."userId" = $2`, [auth.orgId, auth.userId]);
    jobIds = rows.map((r) => r.jobId);
  }
  const list = (v: string[] | undefined) => (v?.length ? v : null);
  return {
    filters: {
      from: dates.from.toISOString(), to: dates.to.toISOString(), asOf: dates.asOf.toISOString(), interval: query.interval ?? 'month', groupBy: query.groupBy ?? null,
      jobIds, departments: list(query.departments), recruiterIds: list(query.recruiterIds), sources: list(query.sources),
      campaignIds: list(query.campaignIds), segmentIds: list(query.segmentIds), eventIds: list(query.eventIds),
    },
    notes: dates.notes,
  };
}

/**
 * The job filters as SQL over a job alias: the organization, chosen jobs, departments, and recruiters (a
 * job's recruiters are its members with the RECRUITER role). Returns a condition to AND into a WHERE.
 */
export function jobScopeSql(p: SqlParams, orgId: string, filters: ReportFilters, job = 'j'): string {
  const parts = [`${job}."orgId" = ${p.add(orgId)}`];
  if (filters.jobIds) parts.push(`${job}.id = ANY(${p.add(filters.jobIds, 'text[]')})`);
  if (filters.departments) parts.push(`${job}.department = ANY(${p.add(filters.departments, 'text[]')})`);
  if (filters.recruiterIds) {
    parts.push(`EXISTS (SELECT 1 FROM "JobMember" jm WHERE jm."jobId" = ${job}.id AND jm.role = 'RECRUITER' AND jm."userId" = ANY(${p.add(filters.recruiterIds, 'text[]')}))`);
  }
  return parts.join(' AND ');
}
