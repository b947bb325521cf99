// Interview scorecards: each interviewer on an interview rates the attributes of
// the job's scorecard template (1-4) and gives an overall recommendation. The
// scorecard, its ratings, the interviewer's feedback task and the waiting run's
// feedback.submitted signal commit together. Reading an application's
// scorecards follows the independence rule: someone on its interview panels
// sees others' feedback only once they have submitted their own.
import crypto from 'node:crypto';
import type { PoolClient } from 'pg';
import { z } from 'zod';
import { AppError, notFound } from '../../errors';
import type { AuthContext } from '../../auth';
import type { Services } from '../services';
import { insertRunSignal, withRunSignals } from '../run-signals';
import { FEEDBACK_SUBMITTED } from '../../../workflows/graph/nodes/people-collect-feedback';

const RECOMMENDATIONS = ['strong_no', 'no', 'yes', 'strong_yes'] as const;
/** Roles that see interviews they are not on (the form, for instance). */
const SEES_ALL = new Set(['ADMIN', 'RECRUITER', 'COORDINATOR']);

export const ZInterviewScorecard = z
  .object({
    recommendation: z.enum(RECOMMENDATIONS),
    /** Overall 1-4; default: the recommendation's place (strong_no 1 .. strong_yes 4). */
    score: z.number().int().min(1).max(4).optional(),
    ratings: z.record(z.string().min(1).max(100), z.object({ rating: z.number().int().min(1).max(4), note: z.string().max(5000).optional() }).strict()),
    notes: z.string().max(20_000).optional(),
  })
  .strict();
export type TInterviewScorecard = z.infer<typeof ZInterviewScorecard>;

interface TemplateAttribute { key: string; label: string; description?: string }

/** The interview's template, else the job's template for the application's stage, else the job's general one. */
async function templateFor(client: { query: PoolClient['query'] }, interview: { scorecardTemplateId: string | null; jobId: string; stageId: string | null }) {
  const { rows } = await client.query<{ id: string; name: string; attributes: TemplateAttribute[] }>(
    `SELECT id, name, attributes FROM "ScorecardTemplate"
      WHERE ($1::text IS NOT NULL AND id = $1) OR ($1::text IS NULL AND "jobId" = $2 AND ("stageId" = $3 OR "stageId" IS NULL))
      ORDER BY (id = $1) DESC NULLS LAST, ("stageId" IS NULL), "createdAt" LIMIT 1`,
    [interview.scorecardTemplateId, interview.jobId, interview.stageId],
  );
  return rows[0] ?? null;
}

interface InterviewRow { id: string; status: string; applicationId: string; scorecardTemplateId: string | null; jobId: string; stageId: string | null; candidateId: string; feedbackTaskId: string | null; isParticipant: boolean }

async function loadInterview(client: { query: PoolClient['query'] }, orgId: string, interviewId: string, userId: string) {
  const { rows } = await client.query<InterviewRow>(
    `SELECT i.id, i.status, i."applicationId", i."scorecardTemplateId", a."jobId", a."stageId", a."candidateId", p."feedbackTaskId", (p."userId" IS NOT NULL) AS "isParticipant"
       FROM "Interview" i JOIN "Application" a ON a.id = i."applicationId"
       LEFT JOIN "InterviewParticipant" p ON p."interviewId" = i.id AND p."userId" = $3
      WHERE i.id = $1 AND i."orgId" = $2`,
    [interviewId, orgId, userId],
  );
  return rows[0];
}

export async function scorecardForm(services: Services, auth: AuthContext, interviewId: string) {
  const interview = await loadInterview(services.pool, auth.orgId, interviewId, auth.userId);
  if (!interview || (!interview.isParticipant && !SEES_ALL.has(auth.role))) throw notFound('Interview', interviewId);
  const template = await templateFor(services.pool, interview);
  return { interviewId, template: template ? { id: template.id, name: template.name, attributes: template.attributes } : null, recommendations: RECOMMENDATIONS };
}

export async function submitInterviewScorecard(services: Services, auth: AuthContext, interviewId: string, body: TInterviewScorecard) {
  return withRunSignals(services, async (client, signals) => {
    const interview = await loadInterview(client, auth.orgId, interviewId, auth.userId);
    // Only people on the interview give feedback on it; to anyone else it does not exist.
    if (!interview || !interview.isParticipant) throw notFound('Interview', interviewId);
    if (interview.status === 'REQUESTED' || interview.status === 'CANCELLED') throw new AppError('CONFLICT', `a ${interview.status.toLowerCase()} interview takes no feedback`, [{ path: 'params.id', message: `interview is ${interview.status}` }]);
    const template = await templateFor(client, interview);
    const keys = (template?.attributes ?? []).map((a) => a.key);
    const details = [
      ...Object.keys(body.ratings).filter((k) => !keys.includes(k)).map((k) => ({ path: `body.ratings.${k}`, message: 'not an attribute of this scorecard', code: 'unknown_attribute' })),
      ...keys.filter((k) => !body.ratings[k]).map((k) => ({ path: `body.ratings.${k}`, message: 'rating required', code: 'missing_rating' })),
    ];
    if (details.length) throw new AppError('VALIDATION_FAILED', `invalid ratings: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`, details);

    const score = body.score ?? RECOMMENDATIONS.indexOf(body.recommendation) + 1;
    const attributes = Object.fromEntries(Object.entries(body.ratings).map(([k, v]) => [k, v.rating]));
    // The feedback task this answers: the one linked to the panel seat, else the interviewer's open one for the application.
    const task = (await client.query<{ id: string; workflowId: string | null; runStatus: string | null }>(
      `SELECT t.id, r."workflowId", r.status AS "runStatus" FROM "Task" t LEFT JOIN "Run" r ON r.id = t."runId"
        WHERE t."orgId" = $1 AND t.kind = 'FEEDBACK' AND t.status = 'OPEN'
          AND (t.id = $2 OR ($2::text IS NULL AND t."applicationId" = $3 AND t."assigneeId" = $4))
        ORDER BY t."createdAt" LIMIT 1 FOR UPDATE OF t`,
      [auth.orgId, interview.feedbackTaskId, interview.applicationId, auth.userId],
    )).rows[0];
    const scorecardId = crypto.randomUUID();
    try {
      await client.query('SAVEPOINT card');
      await client.query(
        `INSERT INTO "Scorecard" (id, "orgId", "applicationId", "interviewId", "taskId", "interviewerId", score, recommendation, notes, attributes)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb)`,
        [scorecardId, auth.orgId, interview.applicationId, interview.id, task?.id ?? null, auth.userId, score, body.recommendation, body.notes ?? null, JSON.stringify(attributes)],
      );
    } catch (err) {
      if ((err as { code?: string }).code !== '23505') throw err;
      await client.query('ROLLBACK TO SAVEPOINT card');
      throw new AppError('CONFLICT', 'you already submitted a scorecard for this interview', [{ path: 'params.id', message: 'scorecard exists', code: 'already_submitted' }]);
    }
    const entries = Object.entries(body.ratings);
    if (entries.length) {
      await client.query(
        `INSERT INTO "ScorecardRating" ("scorecardId", "attributeKey", rating, note) SELECT $1, k, r, n FROM unnest($2::text[], $3::smallint[], $4::text[]) AS x(k, r, n)`,
        [scorecardId, entries.map(([k]) => k), entries.map(([, v]) => v.rating), entries.map(([, v]) => v.note ?? null)],
      );
    }
    await client.query(
      `INSERT INTO "AuditEvent" (id, "orgId", "actorType", "actorId", action, "entityType", "entityId", after) VALUES ($1, $2, 'USER', $3, 'scorecard.submitted', 'Scorecard', $4, $5::jsonb)`,
      [crypto.randomUUID(), auth.orgId, auth.userId, scorecardId, JSON.stringify({ interviewId, score, recommendation: body.recommendation, taskId: task?.id ?? null })],
    );
    if (task) {
      await client.query(`UPDATE "Task" SET status = 'COMPLETED', "completedAt" = now(), "completedById" = $2, outcome = $3::jsonb WHERE id = $1`, [task.id, auth.userId, JSON.stringify({ scorecardId, score, recommendation: body.recommendation })]);
      if (task.workflowId && task.runStatus === 'RUNNING') {
        signals.push(await insertRunSignal(client, auth.orgId, task.workflowId, { name: FEEDBACK_SUBMITTED, payload: { taskId: task.id, score, recommendation: body.recommendation, notes: body.notes, attributes } }, `signal:task:${task.id}`));
      }
    }
    return { scorecardId, interviewId, score, recommendation: body.recommendation, taskId: task?.id ?? null };
  });
}

/**
 * Whose scorecards on an application the caller may read (null: the application is not theirs to see).
 * Independent judgement: someone on the panel sees no one else's feedback before giving theirs; people who
 * decide without interviewing (recruiters, a hiring manager off the panel) see it all. Every route that
 * returns scorecards applies this.
 */
/**
 * The scorecard independence rule's two facts about viewer `user` and application `app` (SQL expressions):
 * whether they sit on one of its interviews, and whether they have submitted a scorecard for it.
 * Every place that shows scorecards (this file, the candidate profile and timeline) reads these.
 */
export const PANEL_FACTS_SQL = (app: string, user: string) => `
  EXISTS (SELECT 1 FROM "InterviewParticipant" p JOIN "Interview" i ON i.id = p."interviewId" WHERE i."applicationId" = ${app} AND p."userId" = ${user}) AS "isPanelist",
  EXISTS (SELECT 1 FROM "Scorecard" s WHERE s."applicationId" = ${app} AND s."interviewerId" = ${user}) AS "hasSubmitted"`;

/** A panelist sees only their own scorecard until they have submitted it. */
export const seesOnlyOwnScorecards = (facts: { isPanelist: boolean; hasSubmitted: boolean }) => facts.isPanelist && !facts.hasSubmitted;

export async function scorecardVisibility(services: Services, auth: AuthContext, applicationId: string): Promise<{ isOwnOnly: boolean } | null> {
  const { rows } = await services.pool.query<{ isPanelist: boolean; hasSubmitted: boolean }>(
    `SELECT ${PANEL_FACTS_SQL('a.id', '$3')} FROM "Application" a WHERE a.id = $1 AND a."orgId" = $2`,
    [applicationId, auth.orgId, auth.userId],
  );
  const access = rows[0];
  // An interviewer sees only applications they interview for.
  if (!access || (auth.role === 'INTERVIEWER' && !access.isPanelist)) return null;
  return { isOwnOnly: seesOnlyOwnScorecards(access) };
}

export async function listApplicationScorecards(services: Services, auth: AuthContext, applicationId: string) {
  const visibility = await scorecardVisibility(services, auth, applicationId);
  if (!visibility) throw notFound('Application', applicationId);
  const { isOwnOnly } = visibility;
  const cards = await services.prisma.scorecard.findMany({
    where: { applicationId, orgId: auth.orgId, ...(isOwnOnly ? { interviewerId: auth.userId } : {}) },
    orderBy: { submittedAt: 'asc' },
    include: { ratings: { select: { attributeKey: true, rating: true, note: true } } },
  });
  const hiddenCount = isOwnOnly ? await services.prisma.scorecard.count({ where: { applicationId, orgId: auth.orgId, NOT: { interviewerId: auth.userId } } }) : 0;
  return { applicationId, isOthersHidden: isOwnOnly, hiddenCount, scorecards: cards.map((c) => ({ id: c.id, interviewId: c.interviewId, interviewerId: c.interviewerId, score: c.score, recommendation: c.recommendation, notes: c.notes, submittedAt: c.submittedAt, ratings: c.ratings })) };
}
