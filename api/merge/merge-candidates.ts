// Merging a duplicate candidate into a survivor, and undoing it exactly
// (docs/ats-data-model.md, Duplicates and merge). Every row of the duplicate
// moves to the survivor and its id is written to CandidateMerge.snapshot, so
// undo moves back exactly those rows and writes back the survivor's previous
// field values. Two applications to the same job cannot both belong to one
// candidate: such a merge is refused (409) and nothing changes. Plain SQL in
// one transaction, both candidates locked in id order so concurrent merges of
// the same records queue instead of interleaving.
import crypto from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { AppError, notFound } from '../errors';
import { withTransaction } from '../platform/db/transaction';
import { JSON_FIELDS, planSurvivorChange, type TCandidateFields } from './candidate-merge-plan';

/** Tables whose rows follow their candidate, with the unique key that may already exist on the survivor. */
const MOVED_TABLES: ReadonlyArray<{ table: string; key: string; sharedWith?: string }> = [
  { table: 'Application', key: 'id' },
  { table: 'ResumeFile', key: 'id' },
  { table: 'CandidateNote', key: 'id' },
  { table: 'Task', key: 'id' },
  { table: 'Message', key: 'id' },
  { table: 'ConsentRecord', key: 'id' },
  // Unique per (campaign, candidate), (event, candidate), (pool, candidate): a row the survivor already
  // has an equivalent of stays on the duplicate (kept, and listed as such).
  { table: 'Run', key: 'id', sharedWith: 'campaignId' },
  { table: 'EventRegistration', key: 'id', sharedWith: 'eventId' },
  { table: 'TalentPoolMember', key: 'poolId', sharedWith: 'poolId' },
];

export interface TMergeSnapshot {
  merged: TCandidateFields;
  survivorBefore: TCandidateFields;
  survivorAfter: TCandidateFields;
  moved: Record<string, string[]>;
  kept: Record<string, string[]>;
}

async function lockCandidates(client: PoolClient, orgId: string, ids: string[]) {
  const { rows } = await client.query(
    `SELECT to_jsonb(c) - 'searchVector' AS row FROM "Candidate" c WHERE c.id = ANY($1) AND c."orgId" = $2 ORDER BY c.id FOR UPDATE`,
    [ids, orgId],
  );
  return new Map(rows.map((r: { row: TCandidateFields }) => [r.row.id as string, r.row]));
}

async function writeFields(client: PoolClient, candidateId: string, fields: TCandidateFields) {
  const names = Object.keys(fields);
  if (names.length === 0) return;
  // Column names come from the plan's fixed lists, never from the request.
  const sets = names.map((n, i) => `"${n}" = $${i + 2}${JSON_FIELDS.has(n) ? '::jsonb' : ''}`);
  const values = names.map((n) => (JSON_FIELDS.has(n) ? JSON.stringify(fields[n]) : fields[n]));
  await client.query(`UPDATE "Candidate" SET ${sets.join(', ')}, "updatedAt" = now() WHERE id = $1`, [candidateId, ...values]);
}

export async function mergeCandidates(pool: Pool, orgId: string, survivorId: string, duplicateId: string, actorId: string) {
  if (survivorId === duplicateId) throw new AppError('VALIDATION_FAILED', 'a candidate cannot be merged into itself', [{ path: 'body.duplicateId', message: 'same as the survivor' }]);
  return withTransaction(pool, async (client) => {
    const rows = await lockCandidates(client, orgId, [survivorId, duplicateId]);
    const survivor = rows.get(survivorId);
    const merged = rows.get(duplicateId);
    if (!survivor) throw notFound('Candidate', survivorId);
    if (!merged) throw new AppError('NOT_FOUND', `Candidate ${duplicateId} not found`, [{ path: 'body.duplicateId', message: `no candidate with id ${duplicateId}` }]);
    if (survivor.mergedIntoId) throw new AppError('CONFLICT', `candidate ${survivorId} was itself merged into ${survivor.mergedIntoId}`, [{ path: 'params.id', message: 'already merged', code: 'merged' }]);
    if (merged.mergedIntoId) throw new AppError('CONFLICT', `candidate ${duplicateId} is already merged into ${merged.mergedIntoId}`, [{ path: 'body.duplicateId', message: 'already merged', code: 'merged' }]);

    const { rows: clashes } = await client.query<{ jobId: string }>(
      `SELECT a."jobId" FROM "Application" a JOIN "Application" b ON b."jobId" = a."jobId" AND b."candidateId" = $1 WHERE a."candidateId" = $2`,
      [survivorId, duplicateId],
    );
    if (clashes.length) {
      throw new AppError('CONFLICT', `both candidates applied to job ${clashes.map((c) => c.jobId).join(', ')}; withdraw or delete one application first`, clashes.map((c) => ({ path: 'body.duplicateId', message: `both applied to job ${c.jobId}`, code: 'same_job' })));
    }

    const moved: Record<string, string[]> = {};
    const kept: Record<string, string[]> = {};
    for (const { table, key, sharedWith } of MOVED_TABLES) {
      const skip = sharedWith ? ` AND ("${sharedWith}" IS NULL OR "${sharedWith}" NOT IN (SELECT "${sharedWith}" FROM "${table}" WHERE "candidateId" = $1 AND "${sharedWith}" IS NOT NULL))` : '';
      const res = await client.query<{ k: string }>(`UPDATE "${table}" SET "candidateId" = $1 WHERE "candidateId" = $2${skip} RETURNING "${key}" AS k`, [survivorId, duplicateId]);
      if (res.rows.length) moved[table] = res.rows.map((r) => r.k);
      if (sharedWith) {
        const left = await client.query<{ k: string }>(`SELECT "${key}" AS k FROM "${table}" WHERE "candidateId" = $1`, [duplicateId]);
        if (left.rows.length) kept[table] = left.rows.map((r) => r.k);
      }
    }

    const change = planSurvivorChange(survivor, merged);
    // currentResumeId is unique: the duplicate lets go of its resume before the survivor takes it.
    await client.query(`UPDATE "Candidate" SET "mergedIntoId" = $2, "currentResumeId" = CASE WHEN $3 THEN NULL ELSE "currentResumeId" END, "updatedAt" = now() WHERE id = $1`,
      [duplicateId, survivorId, 'currentResumeId' in change.after]);
    await writeFields(client, survivorId, change.after);

    const snapshot: TMergeSnapshot = { merged, survivorBefore: change.before, survivorAfter: change.after, moved, kept };
    const mergeId = crypto.randomUUID();
    await client.query(
      `INSERT INTO "CandidateMerge" (id, "orgId", "survivorId", "mergedId", "mergedById", snapshot) VALUES ($1, $2, $3, $4, $5, $6::jsonb)`,
      [mergeId, orgId, survivorId, duplicateId, actorId, JSON.stringify(snapshot)],
    );
    await client.query(
      `INSERT INTO "AuditEvent" (id, "orgId", "actorType", "actorId", action, "entityType", "entityId", before, after) VALUES ($1, $2, 'USER', $3, 'candidate.merged', 'Candidate', $4, $5::jsonb, $6::jsonb)`,
      [crypto.randomUUID(), orgId, actorId, survivorId, JSON.stringify(change.before), JSON.stringify({ mergeId, mergedId: duplicateId, ...change.after })],
    );
    return { id: mergeId, survivorId, mergedId: duplicateId, moved: Object.fromEntries(Object.entries(moved).map(([t, ids]) => [t, ids.length])), kept };
  });
}

export async function undoCandidateMerge(pool: Pool, orgId: string, mergeId: string, actorId: string) {
  return withTransaction(pool, async (client) => {
    const { rows } = await client.query<{ survivorId: string; mergedId: string; snapshot: TMergeSnapshot; undoneAt: Date | null }>(
      `SELECT "survivorId", "mergedId", snapshot, "undoneAt" FROM "CandidateMerge" WHERE id = $1 AND "orgId" = $2 FOR UPDATE`, [mergeId, orgId],
    );
    const merge = rows[0];
    if (!merge) throw notFound('Candidate merge', mergeId);
    if (merge.undoneAt) throw new AppError('CONFLICT', `merge ${mergeId} was already undone`, [{ path: 'params.id', message: 'already undone', code: 'undone' }]);
    const candidates = await lockCandidates(client, orgId, [merge.survivorId, merge.mergedId]);
    const survivor = candidates.get(merge.survivorId);
    if (!survivor || !candidates.get(merge.mergedId)) throw notFound('Candidate', merge.mergedId);
    // A later merge of the survivor into a third record would have moved these rows on; undo that first.
    if (survivor.mergedIntoId) throw new AppError('CONFLICT', `the survivor was since merged into ${survivor.mergedIntoId}; undo that merge first`, [{ path: 'params.id', message: 'undo the later merge first', code: 'later_merge' }]);
    const s = merge.snapshot;
    for (const { table, key } of MOVED_TABLES) {
      const ids = s.moved[table];
      if (ids?.length) await client.query(`UPDATE "${table}" SET "candidateId" = $1 WHERE "${key}" = ANY($2) AND "candidateId" = $3`, [merge.mergedId, ids, merge.survivorId]);
    }
    // Survivor first: it lets go of the duplicate's resume before the duplicate takes it back (unique column).
    await writeFields(client, merge.survivorId, s.survivorBefore);
    await client.query(`UPDATE "Candidate" SET "mergedIntoId" = NULL, "currentResumeId" = $2, "updatedAt" = now() WHERE id = $1`, [merge.mergedId, s.merged.currentResumeId ?? null]);
    await client.query(`UPDATE "CandidateMerge" SET "undoneAt" = now(), "undoneById" = $2 WHERE id = $1`, [mergeId, actorId]);
    await client.query(
      `INSERT INTO "AuditEvent" (id, "orgId", "actorType", "actorId", action, "entityType", "entityId", before, after) VALUES ($1, $2, 'USER', $3, 'candidate.merge_undone', 'Candidate', $4, $5::jsonb, $6::jsonb)`,
      [crypto.randomUUID(), orgId, actorId, merge.survivorId, JSON.stringify(s.survivorAfter), JSON.stringify({ mergeId, restoredId: merge.mergedId, ...s.survivorBefore })],
    );
    return { id: mergeId, survivorId: merge.survivorId, mergedId: merge.mergedId, restored: Object.fromEntries(Object.entries(s.moved).map(([t, ids]) => [t, ids.length])) };
  });
}
