// Reading the audit log (admins): filter by entity, actor and time, newest
// first, keyset-paged on (at, id) over the (orgId, at) and (orgId, actorId, at)
// indexes, so a deep page costs what the first one does.
import { z } from 'zod';
import { AppError } from '../errors';
import type { Services } from './services';

export const ZAuditQuery = z
  .object({
    entityType: z.string().min(1).max(60).optional(),
    entityId: z.string().min(1).max(100).optional(),
    actorId: z.string().min(1).max(200).optional(),
    action: z.string().min(1).max(100).optional(),
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    cursor: z.string().max(300).optional(),
  })
  .strict()
  .refine((q) => !q.entityId || q.entityType, { message: 'entityId needs entityType', path: ['entityId'] })
  .refine((q) => !q.from || !q.to || q.from < q.to, { message: 'from must be before to', path: ['from'] });

function decodeCursor(raw: string): [string, string] {
  try {
    const v = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && !Number.isNaN(Date.parse(v[0])) && typeof v[1] === 'string') return [v[0], v[1]];
  } catch {
    // fall through
  }
  throw new AppError('VALIDATION_FAILED', 'invalid audit cursor', [{ path: 'query.cursor', message: 'not a cursor this API issued' }]);
}

export async function listAuditEvents(services: Services, orgId: string, q: z.infer<typeof ZAuditQuery>) {
  const params: unknown[] = [orgId];
  const p = (v: unknown) => `$${params.push(v)}`;
  const where = [`"orgId" = $1`];
  if (q.entityType) where.push(`"entityType" = ${p(q.entityType)}`);
  if (q.entityId) where.push(`"entityId" = ${p(q.entityId)}`);
  if (q.actorId) where.push(`"actorId" = ${p(q.actorId)}`);
  if (q.action) where.push(`action = ${p(q.action)}`);
  if (q.from) where.push(`at >= ${p(q.from)}`);
  if (q.to) where.push(`at < ${p(q.to)}`);
  if (q.cursor) {
    const [at, id] = decodeCursor(q.cursor);
    where.push(`(at, id) < (${p(at)}::timestamptz, ${p(id)})`);
  }
  const { rows } = await services.pool.query<{ id: string; at: Date }>(
    `SELECT id, at, "actorType", "actorId", action, "entityType", "entityId", before, after FROM "AuditEvent"
      WHERE ${where.join(' AND ')} ORDER BY at DESC, id DESC LIMIT ${p(q.limit + 1)}`,
    params,
  );
  const events = rows.slice(0, q.limit);
  const last = events[events.length - 1];
  return { events, nextCursor: rows.length > q.limit && last ? Buffer.from(JSON.stringify([last.at.toISOString(), last.id])).toString('base64url') : null };
}
