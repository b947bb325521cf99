// Moving inbox tasks between people and over time: claim a role's task, snooze
// it until later, hand it to someone else. Each locks the task, checks who may
// act, and writes the change with its audit row in one transaction.
import type { PoolClient } from 'pg';
import { z } from 'zod';
import { AppError, notFound } from '../errors';
import type { AuthContext } from '../auth';
import type { Services } from './services';
import { withTransaction } from '../platform/db/transaction';
import { changedFields, recordAudit } from './audit';

const MAX_SNOOZE_MS = 90 * 24 * 3600_000;

export const ZSnoozeTask = z
  .object({
    /** Until when the task leaves the open inbox; null wakes it now. */
    until: z.coerce.date().nullable(),
  })
  .strict();
export const ZReassignTask = z.object({ assigneeId: z.string().min(1).max(100), note: z.string().max(1000).optional() }).strict();

/** Roles that manage everyone's tasks. */
const TEAM_ROLES: readonly string[] = ['ADMIN', 'RECRUITER', 'COORDINATOR'];

interface LockedTask {
  status: string;
  assigneeId: string | null;
  assigneeRole: string | null;
  claimedById: string | null;
  claimedAt: Date | null;
  snoozedUntil: Date | null;
}

async function lockOpenTask(client: PoolClient, auth: AuthContext, taskId: string): Promise<LockedTask> {
  const { rows } = await client.query<LockedTask>(
    `SELECT status, "assigneeId", "assigneeRole", "claimedById", "claimedAt", "snoozedUntil" FROM "Task" WHERE id = $1 AND "orgId" = $2 FOR UPDATE`,
    [taskId, auth.orgId],
  );
  const task = rows[0];
  if (!task) throw notFound('Task', taskId);
  if (task.status !== 'OPEN') throw new AppError('CONFLICT', `task ${taskId} is already ${task.status.toLowerCase()}`, [{ path: 'params.id', message: `task is ${task.status}` }]);
  return task;
}

const pick = (t: LockedTask) => ({ assigneeId: t.assigneeId, claimedById: t.claimedById, snoozedUntil: t.snoozedUntil });

async function audit(client: PoolClient, auth: AuthContext, taskId: string, action: string, before: LockedTask, after: LockedTask, note?: string) {
  const diff = changedFields(pick(before), pick(after));
  await recordAudit(client, { orgId: auth.orgId, actorType: 'USER', actorId: auth.userId, action, entityType: 'Task', entityId: taskId, before: diff.before, after: note ? { ...diff.after, note } : diff.after });
}

/** Take a task: an unassigned role task (the caller has that role), or one already yours. */
export function claimTask(services: Services, auth: AuthContext, taskId: string) {
  return withTransaction(services.pool, async (client) => {
    const task = await lockOpenTask(client, auth, taskId);
    if (task.claimedById === auth.userId) return { taskId, assigneeId: auth.userId, claimedAt: task.claimedAt };
    if (task.claimedById) throw new AppError('CONFLICT', `task ${taskId} is already claimed by someone else`, [{ path: 'params.id', message: 'claimed' }]);
    const isMine = task.assigneeId === auth.userId;
    const isRoleTask = !task.assigneeId && (task.assigneeRole === auth.role || TEAM_ROLES.includes(auth.role));
    if (!isMine && !isRoleTask) {
      throw new AppError(task.assigneeId ? 'CONFLICT' : 'FORBIDDEN', `task ${taskId} is not open for you to claim`, [{ path: 'params.id', message: task.assigneeId ? 'assigned to someone else' : `for role ${task.assigneeRole}` }]);
    }
    const { rows: [after] } = await client.query<LockedTask>(
      `UPDATE "Task" SET "assigneeId" = $2, "claimedById" = $2, "claimedAt" = now() WHERE id = $1
       RETURNING status, "assigneeId", "assigneeRole", "claimedById", "claimedAt", "snoozedUntil"`,
      [taskId, auth.userId],
    );
    await audit(client, auth, taskId, 'task.claimed', task, after!);
    return { taskId, assigneeId: auth.userId, claimedAt: after!.claimedAt };
  });
}

export function snoozeTask(services: Services, auth: AuthContext, taskId: string, req: z.infer<typeof ZSnoozeTask>) {
  if (req.until) {
    const ms = req.until.getTime() - Date.now();
    if (ms <= 0) throw new AppError('VALIDATION_FAILED', 'snooze until a time in the future', [{ path: 'body.until', message: 'must be in the future' }]);
    if (ms > MAX_SNOOZE_MS) throw new AppError('VALIDATION_FAILED', 'a task can be snoozed for at most 90 days', [{ path: 'body.until', message: 'at most 90 days ahead' }]);
  }
  return withTransaction(services.pool, async (client) => {
    const task = await lockOpenTask(client, auth, taskId);
    if (task.assigneeId !== auth.userId && !TEAM_ROLES.includes(auth.role)) throw new AppError('FORBIDDEN', 'only the assignee (or the recruiting team) may snooze a task');
    const { rows: [after] } = await client.query<LockedTask>(
      `UPDATE "Task" SET "snoozedUntil" = $2 WHERE id = $1 RETURNING status, "assigneeId", "assigneeRole", "claimedById", "claimedAt", "snoozedUntil"`,
      [taskId, req.until],
    );
    await audit(client, auth, taskId, req.until ? 'task.snoozed' : 'task.woken', task, after!);
    return { taskId, snoozedUntil: after!.snoozedUntil };
  });
}

export function reassignTask(services: Services, auth: AuthContext, taskId: string, req: z.infer<typeof ZReassignTask>) {
  return withTransaction(services.pool, async (client) => {
    const task = await lockOpenTask(client, auth, taskId);
    if (task.assigneeId !== auth.userId && !TEAM_ROLES.includes(auth.role)) throw new AppError('FORBIDDEN', 'only the assignee (or the recruiting team) may reassign a task');
    const { rows: users } = await client.query<{ id: string }>(`SELECT id FROM "User" WHERE id = $1 AND "orgId" = $2 AND NOT deactivated`, [req.assigneeId, auth.orgId]);
    if (!users[0]) throw new AppError('VALIDATION_FAILED', `no active user ${req.assigneeId} in this organization`, [{ path: 'body.assigneeId', message: 'unknown or deactivated user' }]);
    if (task.assigneeId === req.assigneeId) throw new AppError('CONFLICT', 'the task is already assigned to this user', [{ path: 'body.assigneeId', message: 'same assignee' }]);
    // A handed-over task is the new assignee's own: the claim goes with the old owner.
    const { rows: [after] } = await client.query<LockedTask>(
      `UPDATE "Task" SET "assigneeId" = $2, "claimedById" = NULL, "claimedAt" = NULL WHERE id = $1
       RETURNING status, "assigneeId", "assigneeRole", "claimedById", "claimedAt", "snoozedUntil"`,
      [taskId, req.assigneeId],
    );
    await audit(client, auth, taskId, 'task.reassigned', task, after!, req.note);
    return { taskId, assigneeId: req.assigneeId };
  });
}
