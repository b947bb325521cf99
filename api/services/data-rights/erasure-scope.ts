// Who "this person" is for an export or an erasure: every candidate record of the merge tree
// the given record belongs to. Merges chain (a into b, b into c), and a record merged away is
// the same person, so the tree is found from its survivor (the end of the mergedIntoId chain)
// down through every record merged into it. A merge that was undone split the records again:
// the restored record is someone else and is left alone.
import type { Pool, PoolClient } from 'pg';
import { notFound } from '../../errors';
import { SURVIVING_CANDIDATE_SQL } from '../../merge/surviving-candidate';

/** Records merged into the survivors, at any depth (cycles cannot form: merge refuses a merged record). */
const MERGE_TREE_SQL = `WITH RECURSIVE tree(id, depth) AS (
       SELECT id, 0 FROM "Candidate" WHERE id = ANY($1::text[]) AND "orgId" = $2
       UNION ALL
       SELECT c.id, tree.depth + 1 FROM "Candidate" c JOIN tree ON c."mergedIntoId" = tree.id WHERE tree.depth < 10
     ) SELECT DISTINCT id FROM tree`;

export interface TPersonRecords {
  /** The live record: the end of the merge chain. */
  survivorId: string;
  /** The survivor and every record merged into it. */
  candidateIds: string[];
}

/** The person's records, from any one of them; 404 when the id is not a candidate of the organization. */
export async function personRecords(db: Pool | PoolClient, orgId: string, candidateId: string): Promise<TPersonRecords> {
  const { rows: [survivor] } = await db.query<{ id: string }>(SURVIVING_CANDIDATE_SQL, [candidateId, orgId]);
  if (!survivor) throw notFound('Candidate', candidateId);
  return { survivorId: survivor.id, candidateIds: await mergeTree(db, orgId, [survivor.id]) };
}

/** The survivors and all records merged into them. */
export async function mergeTree(db: Pool | PoolClient, orgId: string, survivorIds: readonly string[]): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(MERGE_TREE_SQL, [survivorIds, orgId]);
  return rows.map((r) => r.id).sort();
}
