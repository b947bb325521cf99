// The live record a merged candidate ended up in: merges can chain (a into b,
// then b into c), so mergedIntoId is followed to its end. One statement, for
// pg ($1 candidate id, $2 organization id) and Prisma ($queryRawUnsafe) alike.

/** Longest chain of merges followed. */
const MAX_MERGE_DEPTH = 10;

/** Returns one row `{ id }`: the survivor, or the candidate itself when it was never merged (none when unknown). */
export const SURVIVING_CANDIDATE_SQL = `WITH RECURSIVE chain(id, next, depth) AS (
       SELECT id, "mergedIntoId", 0 FROM "Candidate" WHERE id = $1 AND "orgId" = $2
       UNION ALL
       SELECT c.id, c."mergedIntoId", chain.depth + 1 FROM "Candidate" c JOIN chain ON c.id = chain.next WHERE chain.depth < ${MAX_MERGE_DEPTH}
     ) SELECT id FROM chain ORDER BY depth DESC LIMIT 1`;

export async function survivingCandidateId(db: { query<R>(text: string, values: unknown[]): Promise<{ rows: R[] }> }, orgId: string, candidateId: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(SURVIVING_CANDIDATE_SQL, [candidateId, orgId]);
  return rows[0]?.id ?? candidateId;
}
