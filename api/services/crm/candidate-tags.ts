// Tags on many people at once (add some, remove some, in one statement), and the organization's tags with
// how many live profiles carry each (the tag picker). Audited per person changed, with the tags named.
import type { Pool } from 'pg';
import { z } from 'zod';
import type { AuthContext } from '../../auth';
import { AppError } from '../../errors';
import { withTransaction } from '../../platform/db/transaction';
import { MAX_TAGS, ZTag } from './prospect';

export const MAX_BULK_TAG_CANDIDATES = 10_000;

export const ZBulkTagRequest = z
  .object({
    candidateIds: z.array(z.string().min(1).max(64)).min(1).max(MAX_BULK_TAG_CANDIDATES),
    add: z.array(ZTag).max(MAX_TAGS).default([]),
    remove: z.array(ZTag).max(MAX_TAGS).default([]),
  })
  .strict()
  .refine((r) => r.add.length || r.remove.length, { message: 'give tags to add or to remove', path: ['add'] })
  .refine((r) => !r.add.some((t) => r.remove.includes(t)), { message: 'a tag cannot be both added and removed', path: ['remove'] });

export const ZTagListQuery = z
  .object({ q: z.string().trim().max(100).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) })
  .strict();

export async function bulkTagCandidates(pool: Pool, auth: AuthContext, request: z.infer<typeof ZBulkTagRequest>) {
  const ids = [...new Set(request.candidateIds)];
  return withTransaction(pool, async (client) => {
    const { rows: found } = await client.query<{ id: string }>(
      `SELECT id FROM "Candidate" WHERE id = ANY($1::text[]) AND "orgId" = $2 AND "mergedIntoId" IS NULL AND "anonymizedAt" IS NULL`, [ids, auth.orgId]);
    if (found.length !== ids.length) {
      const live = new Set(found.map((r) => r.id));
      const missing = request.candidateIds.map((id, i) => ({ id, i })).filter((x) => !live.has(x.id)).slice(0, 20);
      throw new AppError('NOT_FOUND', `${ids.length - found.length} candidate(s) not found`, missing.map((x) => ({ path: `body.candidateIds.${x.i}`, message: 'no live candidate with this id' })));
    }
    // Existing tags keep their order; added ones follow; removed ones go. Only rows that change are written.
    const { rows: changed } = await client.query<{ id: string }>(
      `WITH next AS (
         SELECT c.id, ARRAY(SELECT t FROM unnest(c.tags || $3::text[]) WITH ORDINALITY u(t, i) WHERE t <> ALL($4::text[]) GROUP BY t ORDER BY min(i)) AS tags
           FROM "Candidate" c WHERE c.id = ANY($1::text[]) AND c."orgId" = $2)
       UPDATE "Candidate" c SET tags = next.tags, "updatedAt" = now() FROM next WHERE c.id = next.id AND c.tags IS DISTINCT FROM next.tags RETURNING c.id`,
      [ids, auth.orgId, request.add, request.remove],
    );
    if (changed.length) {
      await client.query(
        `INSERT INTO "AuditEvent" (id, "orgId", "actorType", "actorId", action, "entityType", "entityId", after)
         SELECT gen_random_uuid()::text, $1, 'USER', $2, 'candidate.tags_changed', 'Candidate', id, $4::jsonb FROM unnest($3::text[]) id`,
        [auth.orgId, auth.userId, changed.map((r) => r.id), JSON.stringify({ added: request.add, removed: request.remove })],
      );
    }
    return { changed: changed.length, unchanged: ids.length - changed.length };
  });
}

export async function listTags(pool: Pool, orgId: string, query: z.infer<typeof ZTagListQuery>) {
  const { rows } = await pool.query<{ tag: string; count: number }>(
    `SELECT t AS tag, count(*)::int AS count FROM "Candidate" c, unnest(c.tags) t
      WHERE c."orgId" = $1 AND c."mergedIntoId" IS NULL AND c."anonymizedAt" IS NULL AND ($2::text IS NULL OR t ILIKE $2 || '%')
      GROUP BY t ORDER BY count(*) DESC, t LIMIT $3`,
    [orgId, query.q ? query.q.replace(/[\\%_]/g, (c) => `\\${c}`) : null, query.limit],
  );
  return rows;
}
