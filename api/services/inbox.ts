// The recruiter inbox query: open (or snoozed, completed, cancelled) tasks of
// the organization, filtered by job, assignee, due window and kind, ordered by
// SLA due time and paged by keyset, with counts per state for the same filters.
// Plain SQL on the Task indexes (orgId, [assigneeId | jobId,] status, dueAt, id).
import { z } from 'zod';
import { AppError } from '../errors';
import type { AuthContext } from '../auth';
import type { Services } from './services';
import { afterCursorSql, decodeInboxCursor, encodeInboxCursor } from './inbox-cursor';

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const ZInboxQuery = z
  .object({
    state: z.enum(['open', 'snoozed', 'completed', 'cancelled']).default('open'),
    /** `me`, `unassigned` (a role's task nobody has claimed) or a user id. */
    assignee: z.string().min(1).max(100).optional(),
    jobId: z.string().min(1).max(100).optional(),
    due: z.enum(['overdue', 'today', 'week']).optional(),
    kind: z.enum(['REVIEW', 'SCHEDULE', 'FEEDBACK', 'DECIDE', 'APPROVE', 'TODO']).optional(),
    /** Where "today" and "this week" end. */
    timeZone: z.string().max(64).refine(isTimeZone, 'unknown IANA time zone').default('UTC'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(500).optional(),
    /** Counts per state cost one more scan of the open tasks: pages after the first can skip them. */
    counts: z.enum(['true', 'false']).default('true'),
  })
  .strict();
export type TInboxQuery = z.infer<typeof ZInboxQuery>;

/** Open tasks counted at most (see the counts query). */
export const COUNT_CAP = 1000;

/** Roles that work the whole organization's inbox; others see only their own tasks. */
const TEAM_ROLES: readonly string[] = ['ADMIN', 'RECRUITER', 'COORDINATOR'];

interface InboxRow {
  id: string; kind: string; title: string; status: string; dueAt: Date | null; snoozedUntil: Date | null; createdAt: Date;
  assigneeId: string | null; assigneeName: string | null; assigneeRole: string | null; claimedById: string | null; claimedAt: Date | null;
  candidateId: string | null; candidateFirstName: string | null; candidateLastName: string | null; applicationId: string | null; jobId: string | null; jobTitle: string | null;
  stageKey: string | null; stageName: string | null; runId: string | null; nodeId: string | null; outcome: unknown; completedAt: Date | null;
  isOverdue: boolean;
  isDueToday: boolean;
}

export async function listInbox(services: Services, auth: AuthContext, q: TInboxQuery) {
  let assignee = q.assignee;
  if (!TEAM_ROLES.includes(auth.role)) {
    if (assignee && assignee !== 'me' && assignee !== auth.userId) {
      throw new AppError('FORBIDDEN', `role ${auth.role} sees only its own tasks`, [{ path: 'query.assignee', message: 'only "me"' }]);
    }
    assignee = 'me';
  }
  const params: unknown[] = [auth.orgId, q.timeZone];
  const p = (v: unknown) => `$${params.push(v)}`;
  // Filters shared by the page and the counts.
  const common: string[] = [`t."orgId" = $1`];
  if (assignee === 'me') common.push(`t."assigneeId" = ${p(auth.userId)}`);
  else if (assignee === 'unassigned') common.push(`t."assigneeId" IS NULL`);
  else if (assignee) common.push(`t."assigneeId" = ${p(assignee)}`);
  if (q.jobId) common.push(`t."jobId" = ${p(q.jobId)}`);
  if (q.kind) common.push(`t.kind = ${p(q.kind)}::"TaskKind"`);
  const endOfToday = `((date_trunc('day', now() AT TIME ZONE $2) + interval '1 day') AT TIME ZONE $2)`;
  if (q.due === 'overdue') common.push(`t."dueAt" < now()`);
  else if (q.due === 'today') common.push(`t."dueAt" < ${endOfToday}`);
  else if (q.due === 'week') common.push(`t."dueAt" < ${endOfToday} + interval '6 days'`);

  const notSnoozed = `(t."snoozedUntil" IS NULL OR t."snoozedUntil" <= now())`;
  const stateSql = {
    open: `t.status = 'OPEN' AND ${notSnoozed}`,
    snoozed: `t.status = 'OPEN' AND t."snoozedUntil" > now()`,
    completed: `t.status = 'COMPLETED'`,
    cancelled: `t.status = 'CANCELLED'`,
  }[q.state];
  const countParams = [...params];

  const page = [...common, stateSql];
  if (q.cursor) {
    const after = afterCursorSql(decodeInboxCursor(q.cursor), params.length + 1);
    params.push(...after.params);
    page.push(after.sql);
  }
  const limit = p(q.limit + 1);
  const { rows } = await services.pool.query<InboxRow>(
    `SELECT t.id, t.kind, t.title, t.status, t."dueAt", t."snoozedUntil", t."createdAt", t."assigneeId", u.name AS "assigneeName",
            t."assigneeRole", t."claimedById", t."claimedAt", t."candidateId", c."firstName" AS "candidateFirstName", c."lastName" AS "candidateLastName",
            t."applicationId", t."jobId", j.title AS "jobTitle", s.key AS "stageKey", s.name AS "stageName", t."runId", t."nodeId",
            t.outcome, t."completedAt", coalesce(t.status = 'OPEN' AND t."dueAt" < now(), false) AS "isOverdue",
            coalesce(t.status = 'OPEN' AND t."dueAt" >= now() AND t."dueAt" < ${endOfToday}, false) AS "isDueToday"
       FROM "Task" t
       LEFT JOIN "User" u ON u.id = t."assigneeId"
       LEFT JOIN "Candidate" c ON c.id = t."candidateId"
       LEFT JOIN "Application" a ON a.id = t."applicationId"
       LEFT JOIN "Job" j ON j.id = t."jobId"
       LEFT JOIN "Stage" s ON s.id = a."stageId"
      WHERE ${page.join(' AND ')}
      ORDER BY t."dueAt" ASC NULLS LAST, t.id ASC
      LIMIT ${limit}`,
    params,
  );
  // Counted over the COUNT_CAP + 1 soonest-due open tasks, on the same index as the page: a person's inbox costs the
  // same whether they have 40 open tasks or 40,000. Past the cap the counts are lower bounds (`isCapped`), shown as
  // "1000+"; overdue and due-today tasks come first in that order, so theirs stay exact unless they pass the cap too.
  const countLimit = `$${countParams.push(COUNT_CAP + 1)}`;
  const counts = q.counts === 'false' ? null : (await services.pool.query<{ open: number; overdue: number; dueToday: number; snoozed: number; total: number }>(
    `SELECT count(*) FILTER (WHERE ${notSnoozed})::int AS open,
            count(*) FILTER (WHERE ${notSnoozed} AND t."dueAt" < now())::int AS overdue,
            count(*) FILTER (WHERE ${notSnoozed} AND t."dueAt" >= now() AND t."dueAt" < ${endOfToday})::int AS "dueToday",
            count(*) FILTER (WHERE t."snoozedUntil" > now())::int AS snoozed,
            count(*)::int AS total
       FROM (SELECT t."snoozedUntil", t."dueAt" FROM "Task" t WHERE ${common.join(' AND ')} AND t.status = 'OPEN'
              ORDER BY t."dueAt" ASC NULLS LAST, t.id ASC LIMIT ${countLimit}) t`,
    countParams,
  )).rows[0];
  const hasMore = rows.length > q.limit;
  const tasks = rows.slice(0, q.limit);
  const last = tasks[tasks.length - 1];
  return {
    tasks: tasks.map(toInboxTask),
    counts: counts && cappedCounts(counts),
    nextCursor: hasMore && last ? encodeInboxCursor({ dueAt: last.dueAt?.toISOString() ?? null, id: last.id }) : null,
  };
}

function cappedCounts(c: { open: number; overdue: number; dueToday: number; snoozed: number; total: number }) {
  const cap = (n: number) => Math.min(n, COUNT_CAP);
  return { open: cap(c.open), overdue: cap(c.overdue), dueToday: cap(c.dueToday), snoozed: cap(c.snoozed), isCapped: c.total > COUNT_CAP };
}

function toInboxTask(r: InboxRow) {
  return {
    id: r.id, kind: r.kind, title: r.title, status: r.status, dueAt: r.dueAt, snoozedUntil: r.snoozedUntil, createdAt: r.createdAt,
    isOverdue: r.isOverdue, isDueToday: r.isDueToday, isSnoozed: !!r.snoozedUntil && r.snoozedUntil.getTime() > Date.now(),
    assignee: r.assigneeId ? { id: r.assigneeId, name: r.assigneeName } : null, assigneeRole: r.assigneeRole,
    claimedById: r.claimedById, claimedAt: r.claimedAt,
    candidate: r.candidateId ? { id: r.candidateId, firstName: r.candidateFirstName, lastName: r.candidateLastName } : null,
    applicationId: r.applicationId,
    application: r.applicationId ? { id: r.applicationId, stage: r.stageKey ? { key: r.stageKey, name: r.stageName } : null } : null,
    job: r.jobId ? { id: r.jobId, title: r.jobTitle } : null,
    runId: r.runId, nodeId: r.nodeId, outcome: r.outcome, completedAt: r.completedAt,
  };
}
