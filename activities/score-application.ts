// Side effect of logic.score_criteria: read the application's screening facts,
// score them with the node's pure rule, and store the score and per-criterion
// results on the application with an audit entry. A retry recomputes the same
// score from the same rows and overwrites it; the audit id derives from the
// idempotency key, so it is written once.
import { AppError } from '../api/errors';
import { withTransaction } from '../api/platform/db/transaction';
import { scoreCriteria, type TScoreApplicationInput, type TScreeningFacts, type TScreeningResult } from '../workflows/graph/nodes/logic-score-criteria';
import type { ActivityDeps } from './dependencies';
import { idForKey } from './id-for-key';
import { touchRun } from './touch-run';

export function scoreApplication(deps: ActivityDeps) {
  return async (input: TScoreApplicationInput): Promise<TScreeningResult> => {
    const applicationId = input.run.applicationId;
    if (!applicationId) throw new AppError('BAD_REQUEST', 'logic.score_criteria needs a run for an application', [{ path: 'run.applicationId', message: 'missing' }]);
    const keywordIndexes = input.criteria.flatMap((c, i) => (c.kind === 'keywords' ? [i] : []));
    const keywordQueries = input.criteria.flatMap((c) => (c.kind === 'keywords' ? [c.q] : []));

    const result = await withTransaction(deps.pool, async (client) => {
      // Lock the application: a concurrent stage move or rejection sees the score or waits for it.
      const { rows } = await client.query<Omit<TScreeningFacts, 'keywordMatches'> & { candidateId: string }>(
        `SELECT c.skills, c."yearsExperience", c."countryCode", c.tags, a."knockoutFailures", a."candidateId"
           FROM "Application" a JOIN "Candidate" c ON c.id = a."candidateId"
          WHERE a.id = $1 AND a."orgId" = $2 FOR UPDATE OF a`,
        [applicationId, input.run.orgId],
      );
      const row = rows[0];
      if (!row) throw new AppError('NOT_FOUND', `application ${applicationId} not found`, [{ path: 'run.applicationId', message: 'no such application' }]);
      const keywordMatches: Record<number, boolean> = {};
      if (keywordQueries.length) {
        const matches = await client.query<{ i: number; isMatch: boolean }>(
          `SELECT q.i, coalesce(c."searchVector" @@ websearch_to_tsquery('simple', q.text), false) AS "isMatch"
             FROM "Candidate" c, unnest($2::int[], $3::text[]) AS q(i, text) WHERE c.id = $1`,
          [row.candidateId, keywordIndexes, keywordQueries],
        );
        for (const m of matches.rows) keywordMatches[m.i] = m.isMatch;
      }
      const scored = scoreCriteria(input, { ...row, keywordMatches });
      await client.query(`UPDATE "Application" SET "screeningScore" = $2, screening = $3, "updatedAt" = now() WHERE id = $1`, [applicationId, scored.score, JSON.stringify(scored)]);
      await client.query(
        `INSERT INTO "AuditEvent" (id, "orgId", "actorType", "actorId", action, "entityType", "entityId", after)
         VALUES ($1, $2, 'WORKFLOW', $3, 'application.screened', 'Application', $4, $5) ON CONFLICT (id) DO NOTHING`,
        [idForKey('screening', input.idempotencyKey), input.run.orgId, input.run.workflowId, applicationId, JSON.stringify({ ...scored, runId: input.run.runId, nodeId: input.nodeId })],
      );
      return scored;
    });
    await touchRun(deps.prisma, input.run.runId, input.nodeId);
    return result;
  };
}
