// The audit log: one row per change (who, when, what, before/after), written
// in the same transaction as the change so the log can never miss or invent
// one. Every service that writes calls recordAudit with its own client.
import type { PoolClient } from 'pg';

export type TAuditActorType = 'USER' | 'WORKFLOW' | 'SYSTEM' | 'CANDIDATE';

export interface TAuditEntry {
  orgId: string;
  actorType: TAuditActorType;
  actorId: string | null;
  /** `<entity>.<verb>`, e.g. `task.snoozed`, `offer.approved`. */
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Only the fields that changed, so a before/after pair reads as a diff. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const x = normalize(before[key]);
    const y = normalize(after[key]);
    if (JSON.stringify(x) !== JSON.stringify(y)) {
      b[key] = x;
      a[key] = y;
    }
  }
  return { before: b, after: a };
}

const normalize = (v: unknown) => (v instanceof Date ? v.toISOString() : v === undefined ? null : v);

export async function recordAudit(client: Pick<PoolClient, 'query'>, e: TAuditEntry): Promise<void> {
  await client.query(
    `INSERT INTO "AuditEvent" (id, "orgId", "actorType", "actorId", action, "entityType", "entityId", before, after)
     VALUES (gen_random_uuid()::text, $1, $2::"ActorType", $3, $4, $5, $6, $7::jsonb, $8::jsonb)`,
    [e.orgId, e.actorType, e.actorId, e.action, e.entityType, e.entityId, e.before === undefined ? null : JSON.stringify(e.before), e.after === undefined ? null : JSON.stringify(e.after)],
  );
}
