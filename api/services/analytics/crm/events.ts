// Per recruiting event held in the period: capacity, who had a place, who came (checked in), who did not,
// and the follow-up conversion: attendees who applied to a job within 30 days after the event, and of them
// who was hired by the as-of date (docs/metrics.md#events). Registrations are read from their recorded facts
// (the REGISTERED / ATTENDED / NO_SHOW engagement events and the check-in time), not their current status.
import { stageKindAsOf, reachedKindAt } from '../hiring/as-of';
import { unknownCell } from '../report-errors';
import type { DrillStatement, ReportColumn, ReportContext, ReportDefinition } from '../report-types';
import { SqlParams } from '../sql-params';
import { PERSON_COLUMN, PERSON_SQL, periodParams, rate } from './crm-report-parts';

/** Days after the event within which an attendee's application counts as its follow-up. */
export const FOLLOW_UP_DAYS = 30;
const METRICS = ['registered', 'attended', 'noShows', 'applied', 'hired'] as const;
type TEventMetric = (typeof METRICS)[number];

const COLUMNS: ReportColumn[] = [
  { key: 'event', label: 'Event', kind: 'text' },
  { key: 'startsAt', label: 'Date', kind: 'date' },
  { key: 'capacity', label: 'Capacity', kind: 'count', description: 'places (as set now; empty when unlimited)' },
  { key: 'registered', label: 'Registered', kind: 'count', isDrillable: true, description: 'had a place by the as-of date (registered, walk-ins), not cancelled' },
  { key: 'attended', label: 'Attended', kind: 'count', isDrillable: true, description: 'checked in by the as-of date' },
  { key: 'noShows', label: 'No-shows', kind: 'count', isDrillable: true, description: 'marked no-show by the as-of date and not checked in' },
  { key: 'attendanceRate', label: 'Attendance %', kind: 'percent', description: 'attended of registered' },
  { key: 'applied', label: 'Applied within 30 days', kind: 'count', isDrillable: true, description: `attendees who applied to a job within ${FOLLOW_UP_DAYS} days after the event (by the as-of date)` },
  { key: 'followUpRate', label: 'Follow-up %', kind: 'percent', description: 'applied of attended' },
  { key: 'hired', label: 'Hired', kind: 'count', isDrillable: true, description: 'of those, hired by the as-of date' },
];

/** `WITH evs AS (...), regs AS (...), facts AS (...)`: facts ("eventId", "candidateId", metric, at, "applicationId"). */
function eventFactsSql(ctx: ReportContext, p: SqlParams): string {
  const { from, to, asOf } = periodParams(ctx, p);
  const chosen = ctx.filters.eventIds ? ` AND id = ANY(${p.add(ctx.filters.eventIds, 'text[]')})` : '';
  const fact = (kinds: string) => `EXISTS (SELECT 1 FROM "EngagementEvent" e WHERE e."candidateId" = r."candidateId" AND e."eventId" = r."eventId" AND e.kind IN (${kinds}) AND e.at <= ${asOf})`;
  const followUps = `SELECT r."eventId", r."candidateId", a.id AS "applicationId", a."appliedAt", ${stageKindAsOf('a', asOf)} AS "kindAsOf", ${reachedKindAt('a', 'HIRED', asOf)} AS "hiredAt"
      FROM regs r JOIN evs ON evs.id = r."eventId"
      JOIN "Application" a ON a."candidateId" = r."candidateId" AND a."orgId" = ${p.add(ctx.orgId)} AND a."appliedAt" >= evs."startsAt"
       AND a."appliedAt" < coalesce(evs."endsAt", evs."startsAt") + make_interval(days => ${FOLLOW_UP_DAYS}) AND a."appliedAt" <= ${asOf}
     WHERE r."isAttended"`;
  return `WITH evs AS (SELECT id, name, "startsAt", "endsAt", capacity FROM "RecruitingEvent"
                    WHERE "orgId" = ${p.add(ctx.orgId)} AND status <> 'DRAFT' AND "startsAt" >= ${from} AND "startsAt" < ${to}${chosen}),
       regs AS (SELECT r."eventId", r."candidateId", r."createdAt", r."checkedInAt",
                       (r."checkedInAt" IS NOT NULL AND r."checkedInAt" <= ${asOf}) AS "isAttended",
                       ${fact(`'REGISTERED', 'ATTENDED', 'NO_SHOW'`)} AS "hadPlace",
                       ${fact(`'NO_SHOW'`)} AS "wasMarkedNoShow",
                       (r.status = 'CANCELLED' AND coalesce(r."cancelledAt", r."updatedAt") <= ${asOf}) AS "isCancelled"
                  FROM "EventRegistration" r JOIN evs ON evs.id = r."eventId" WHERE r."createdAt" <= ${asOf}),
       follow_ups AS (${followUps}),
       facts AS (
         SELECT "eventId", "candidateId", 'registered' AS metric, "createdAt" AS at, NULL::text AS "applicationId" FROM regs WHERE ("hadPlace" OR "isAttended") AND NOT "isCancelled"
         UNION ALL SELECT "eventId", "candidateId", 'attended', "checkedInAt", NULL FROM regs WHERE "isAttended"
         UNION ALL SELECT "eventId", "candidateId", 'noShows', "createdAt", NULL FROM regs WHERE "wasMarkedNoShow" AND NOT "isAttended"
         UNION ALL SELECT "eventId", "candidateId", 'applied', "appliedAt", "applicationId" FROM follow_ups
         UNION ALL SELECT "eventId", "candidateId", 'hired', "hiredAt", "applicationId" FROM follow_ups WHERE "kindAsOf" = 'HIRED')`;
}

export const eventsReport: ReportDefinition = {
  id: 'events',
  area: 'crm',
  title: 'Events',
  description: `Per recruiting event held in the period: capacity, registered, attended (checked in), no-shows, the attendance rate, and attendees who applied within ${FOLLOW_UP_DAYS} days after the event and were hired by the as-of date.`,
  definition: 'docs/metrics.md#events',
  filters: ['from', 'to', 'asOf', 'eventIds'],

  async compute(ctx) {
    const p = new SqlParams();
    const { rows } = await ctx.pool.query<Record<TEventMetric, number> & { id: string; name: string; startsAt: Date; capacity: number | null }>(
      `${eventFactsSql(ctx, p)}
       SELECT evs.id, evs.name, evs."startsAt", evs.capacity,
              ${METRICS.map((m) => `count(DISTINCT f."candidateId") FILTER (WHERE f.metric = '${m}')::int AS "${m}"`).join(', ')}
         FROM evs LEFT JOIN facts f ON f."eventId" = evs.id
        GROUP BY evs.id, evs.name, evs."startsAt", evs.capacity ORDER BY evs."startsAt", evs.id`,
      p.values,
    );
    const sum = (k: TEventMetric) => rows.reduce((s, r) => s + r[k], 0);
    const totals = Object.fromEntries(METRICS.map((m) => [m, sum(m)])) as Record<TEventMetric, number>;
    return {
      columns: COLUMNS,
      rows: rows.map((r) => ({
        key: r.id, event: r.name, startsAt: r.startsAt.toISOString(), capacity: r.capacity,
        registered: r.registered, attended: r.attended, noShows: r.noShows, attendanceRate: rate(r.attended, r.registered),
        applied: r.applied, followUpRate: rate(r.applied, r.attended), hired: r.hired,
      })),
      totals: { ...totals, attendanceRate: rate(totals.attended, totals.registered), followUpRate: rate(totals.applied, totals.attended) },
      charts: [{ kind: 'bar', title: 'Registered, attended and followed up', x: 'event', series: ['registered', 'attended', 'noShows', 'applied', 'hired'] }],
      notes: ['Capacity is the event\'s capacity now (its changes are not recorded). A cancellation is dated by the registration\'s last change.'],
    };
  },

  async drill(ctx, row, column): Promise<DrillStatement> {
    if (!(METRICS as readonly string[]).includes(column)) throw unknownCell('column', column);
    const p = new SqlParams();
    const facts = eventFactsSql(ctx, p);
    if (row !== 'total') {
      const { rowCount } = await ctx.pool.query(`SELECT 1 FROM "RecruitingEvent" WHERE id = $1 AND "orgId" = $2`, [row, ctx.orgId]);
      if (!rowCount) throw unknownCell('row', row);
    }
    const where = row === 'total' ? '' : ` AND f."eventId" = ${p.add(row)}`;
    const isApplication = column === 'applied' || column === 'hired';
    return {
      title: `${COLUMNS.find((c) => c.key === column)!.label}: ${row === 'total' ? 'every event in the period' : 'one event'}`,
      columns: [PERSON_COLUMN, { key: 'eventName', label: 'Event', kind: 'text' }, { key: 'at', label: 'When', kind: 'date' }],
      sql: `${facts}
            SELECT * FROM (
              SELECT DISTINCT ON (f."eventId", f."candidateId") f."candidateId", ${isApplication ? 'f."applicationId", ' : ''}${PERSON_SQL} AS "candidateName", evs.name AS "eventName", f.at, f."eventId"
                FROM facts f JOIN evs ON evs.id = f."eventId" JOIN "Candidate" c ON c.id = f."candidateId"
               WHERE f.metric = ${p.add(column)}${where}
               ORDER BY f."eventId", f."candidateId", f.at) d
             ORDER BY d.at, d."candidateId", d."eventId"`,
      params: p,
    };
  },
};
