// Voluntary EEO self-identification, kept apart from everything reviewers see:
// written on apply (optional) into EeoResponse, which no Prisma relation
// reaches; read only by ADMIN routes, one application's answers or counts per
// job. "declined" is an answer of its own.
import { z } from 'zod';
import type { PrismaClient } from '../../../generated/prisma/client';
import { notFound } from '../../errors';
import type { Services } from '../services';

export const EEO_CODES = {
  gender: ['female', 'male', 'non_binary', 'declined'],
  raceEthnicity: ['hispanic_or_latino', 'white', 'black_or_african_american', 'native_hawaiian_or_pacific_islander', 'asian', 'american_indian_or_alaska_native', 'two_or_more_races', 'declined'],
  veteranStatus: ['protected_veteran', 'not_a_protected_veteran', 'declined'],
  disabilityStatus: ['yes', 'no', 'declined'],
} as const;

/** The optional `eeo` part of an application: every answer optional, only known codes. */
export const ZEeoAnswers = z
  .object({
    gender: z.enum(EEO_CODES.gender).optional(),
    raceEthnicity: z.enum(EEO_CODES.raceEthnicity).optional(),
    veteranStatus: z.enum(EEO_CODES.veteranStatus).optional(),
    disabilityStatus: z.enum(EEO_CODES.disabilityStatus).optional(),
  })
  .strict();
export type TEeoAnswers = z.infer<typeof ZEeoAnswers>;

/** Call inside the apply transaction (Prisma's `tx`), after the application row exists. */
export async function recordEeoResponse(tx: Pick<PrismaClient, 'eeoResponse'>, input: { orgId: string; applicationId: string; jobId: string; answers: TEeoAnswers }) {
  await tx.eeoResponse.upsert({
    where: { applicationId: input.applicationId },
    create: { orgId: input.orgId, applicationId: input.applicationId, jobId: input.jobId, ...input.answers },
    update: { ...input.answers, submittedAt: new Date() },
  });
}

/** One application's answers (ADMIN only). */
export async function eeoForApplication(services: Services, orgId: string, applicationId: string) {
  const { rows: [row] } = await services.pool.query(
    `SELECT e.gender, e."raceEthnicity", e."veteranStatus", e."disabilityStatus", e."submittedAt" FROM "EeoResponse" e WHERE e."applicationId" = $1 AND e."orgId" = $2`,
    [applicationId, orgId],
  );
  if (!row) throw notFound('EEO response for application', applicationId);
  return row;
}

/** Counts per answer, per job or for the organization: no row can be traced to a person from here. */
export async function eeoReport(services: Services, orgId: string, jobId: string | undefined) {
  const { rows } = await services.pool.query<{ field: string; answer: string; count: number }>(
    `SELECT field, answer, count(*)::int AS count FROM (
       SELECT 'gender' AS field, coalesce(gender, 'not_answered') AS answer FROM "EeoResponse" WHERE "orgId" = $1 AND ($2::text IS NULL OR "jobId" = $2)
       UNION ALL SELECT 'raceEthnicity', coalesce("raceEthnicity", 'not_answered') FROM "EeoResponse" WHERE "orgId" = $1 AND ($2::text IS NULL OR "jobId" = $2)
       UNION ALL SELECT 'veteranStatus', coalesce("veteranStatus", 'not_answered') FROM "EeoResponse" WHERE "orgId" = $1 AND ($2::text IS NULL OR "jobId" = $2)
       UNION ALL SELECT 'disabilityStatus', coalesce("disabilityStatus", 'not_answered') FROM "EeoResponse" WHERE "orgId" = $1 AND ($2::text IS NULL OR "jobId" = $2)
     ) answers GROUP BY field, answer ORDER BY field, answer`,
    [orgId, jobId ?? null],
  );
  const { rows: [total] } = await services.pool.query<{ responses: number }>(
    `SELECT count(*)::int AS responses FROM "EeoResponse" WHERE "orgId" = $1 AND ($2::text IS NULL OR "jobId" = $2)`, [orgId, jobId ?? null],
  );
  const counts: Record<string, Record<string, number>> = { gender: {}, raceEthnicity: {}, veteranStatus: {}, disabilityStatus: {} };
  for (const r of rows) counts[r.field]![r.answer] = r.count;
  return { jobId: jobId ?? null, responses: total?.responses ?? 0, counts };
}
