// Runs a report for one caller: resolves and checks the filters, computes the table, and answers it as JSON
// or CSV; pages or streams the people behind one of its numbers (drill-down). No row caps: CSV streams every
// row; JSON drill pages are keyset-free offsets over a statement ordered by a unique key.
import type { Response } from 'express';
import { z } from 'zod';
import type { AuthContext } from '../../auth';
import { AppError, notFound } from '../../errors';
import { ORG_WIDE_ROLES } from '../../sessions/access-scope';
import type { Services } from '../services';
import { withTransaction } from '../../platform/db/transaction';
import { csvRow, startCsvDownload } from '../compliance/csv';
import { findReport, REPORTS } from './report-catalog';
import { FILTER_NAMES, resolveReportFilters, ZReportQuery, type TReportQuery } from './report-filters';
import { definitionTextOf } from './metric-definitions';
import type { ColumnKind, ReportColumn, ReportContext, ReportDefinition, ReportResult } from './report-types';

/** Statement timeout of one report: a dashboard is meant to be live, not a batch job. */
const REPORT_TIMEOUT_MS = 30_000;
const CSV_PAGE = 5000;

export const ZReportRequest = ZReportQuery.extend({ format: z.enum(['json', 'csv']).optional() }).strict();
export const ZDrillRequest = ZReportRequest.extend({
  row: z.string().min(1).max(200),
  column: z.string().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  offset: z.coerce.number().int().min(0).max(10_000_000).optional(),
}).strict();

type Caller = Pick<AuthContext, 'orgId' | 'userId' | 'role'>;

export function listReports(auth: Caller) {
  return REPORTS.filter((r) => mayRead(auth, r)).map(({ id, area, title, description, definition, filters, groupBys }) => ({
    id, area, title, description, definition, definitionText: definitionTextOf(definition), filters, groupBys: groupBys ?? [],
  }));
}

/** CRM reports span the organization's relationships: org-wide roles only. Hiring reports: a hiring manager sees their jobs. */
function mayRead(auth: Caller, report: ReportDefinition): boolean {
  return ORG_WIDE_ROLES.includes(auth.role) || (auth.role === 'HIRING_MANAGER' && report.area !== 'crm');
}

async function prepare(services: Services, auth: Caller, reportId: string, query: TReportQuery): Promise<{ report: ReportDefinition; ctx: ReportContext; notes: string[] }> {
  const report = findReport(reportId);
  if (!report) throw notFound('Report', reportId);
  if (!mayRead(auth, report)) throw new AppError('FORBIDDEN', `role ${auth.role} may not read ${report.area} reports`, [{ path: 'params.id', message: 'CRM reports are for recruiters, coordinators and admins' }]);
  const unread = FILTER_NAMES.filter((name) => query[name] !== undefined && !report.filters.includes(name));
  if (unread.length) {
    throw new AppError('VALIDATION_FAILED', `report ${report.id} does not filter by ${unread.join(', ')}`, unread.map((name) => ({ path: `query.${name}`, message: `not a filter of this report (it reads: ${report.filters.join(', ')})` })));
  }
  if (query.groupBy && !report.groupBys?.includes(query.groupBy)) {
    throw new AppError('VALIDATION_FAILED', `report ${report.id} cannot group by ${query.groupBy}`, [{ path: 'query.groupBy', message: `one of: ${(report.groupBys ?? []).join(', ') || 'none (this report has fixed rows)'}` }]);
  }
  const { filters, notes } = await resolveReportFilters(services.pool, auth, query);
  filters.groupBy ??= report.groupBys?.[0] ?? null;
  return { report, ctx: { pool: services.pool, orgId: auth.orgId, filters }, notes };
}

export async function runReport(services: Services, auth: Caller, reportId: string, query: TReportQuery): Promise<ReportResult> {
  const { report, ctx, notes } = await prepare(services, auth, reportId, query);
  const computed = await report.compute(ctx);
  return { id: report.id, title: report.title, description: report.description, definition: report.definition, filters: ctx.filters, ...computed, notes: [...notes, ...computed.notes] };
}

/** A number as it reads in a spreadsheet: percents as 0-100, days and hours with one decimal. */
function csvValue(kind: ColumnKind, value: unknown): unknown {
  if (typeof value !== 'number') return value;
  if (kind === 'percent') return Math.round(value * 1000) / 10;
  if (kind === 'days' || kind === 'hours') return Math.round(value * 10) / 10;
  return value;
}
const csvHeader = (c: Pick<ReportColumn, 'label' | 'kind'>) => (c.kind === 'percent' ? `${c.label} (%)` : c.kind === 'days' ? `${c.label} (days)` : c.kind === 'hours' ? `${c.label} (hours)` : c.label);

export async function writeReportCsv(res: Response, result: ReportResult): Promise<void> {
  const write = startCsvDownload(res, `${result.id}-${result.filters.asOf.slice(0, 10)}.csv`);
  await write(csvRow(result.columns.map(csvHeader)));
  for (const row of result.rows) await write(csvRow(result.columns.map((c) => csvValue(c.kind, row[c.key]))));
  if (result.totals) await write(csvRow(result.columns.map((c, i) => (i === 0 ? 'Total' : csvValue(c.kind, result.totals![c.key])))));
  res.end();
}

async function drillStatement(services: Services, auth: Caller, reportId: string, query: z.infer<typeof ZDrillRequest>) {
  const { row, column, limit: _l, offset: _o, format: _f, ...filters } = query;
  const { report, ctx } = await prepare(services, auth, reportId, filters);
  if (!report.drill) throw new AppError('NOT_FOUND', `report ${report.id} has no drill-down`, [{ path: 'params.id', message: 'no drill-down' }]);
  return { report, ctx, statement: await report.drill(ctx, row, column) };
}

export async function drillReport(services: Services, auth: Caller, reportId: string, query: z.infer<typeof ZDrillRequest>) {
  const { ctx, statement } = await drillStatement(services, auth, reportId, query);
  const limit = query.limit ?? 100;
  const offset = query.offset ?? 0;
  const p = statement.params;
  const { rows } = await timedQuery(services, `${statement.sql} LIMIT ${p.add(limit + 1)} OFFSET ${p.add(offset)}`, p.values);
  return {
    title: statement.title, filters: ctx.filters, columns: statement.columns,
    rows: rows.slice(0, limit), offset, nextOffset: rows.length > limit ? offset + limit : null,
  };
}

export async function writeDrillCsv(services: Services, auth: Caller, reportId: string, query: z.infer<typeof ZDrillRequest>, res: Response): Promise<void> {
  const { report, statement } = await drillStatement(services, auth, reportId, query);
  const write = startCsvDownload(res, `${report.id}-${query.row}-${query.column}.csv`);
  await write(csvRow(statement.columns.map(csvHeader)));
  const base = statement.params.values.length;
  for (let offset = 0; ; offset += CSV_PAGE) {
    const { rows } = await timedQuery(services, `${statement.sql} LIMIT $${base + 1} OFFSET $${base + 2}`, [...statement.params.values, CSV_PAGE, offset]);
    for (const row of rows) await write(csvRow(statement.columns.map((c) => csvValue(c.kind, row[c.key]))));
    if (rows.length < CSV_PAGE) break;
  }
  res.end();
}

async function timedQuery(services: Services, text: string, values: unknown[]) {
  return withTransaction(services.pool, async (client) => {
    await client.query(`SET TRANSACTION READ ONLY; SET LOCAL statement_timeout = ${REPORT_TIMEOUT_MS}`);
    return client.query<Record<string, unknown>>(text, values);
  });
}
