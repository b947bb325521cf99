// Ranks candidates for one job by explainable fit (docs/metrics.md#fit-ranking): the job's applicants, the
// organization's other people (prospects), or both, each with the score and its reasons. Prospects are
// narrowed in SQL to people sharing at least one of the job's skills (the skills GIN index) when the job
// names any; the score itself is computed in score-fit.ts, the same for every caller. Nothing leaves the system.
import type { Pool } from 'pg';
import { notFound } from '../../errors';
import { jobRequirements, type TJobRequirements } from './job-requirements';
import { scoreFit, type TFit } from './score-fit';

export type TFitKind = 'applicants' | 'prospects' | 'all';

export interface TRankedCandidate extends TFit {
  candidateId: string;
  name: string;
  headline: string | null;
  /** Their application to this job (applicants), else null. */
  applicationId: string | null;
  applicationStatus: string | null;
  /** The stage their application to this job is in (applicants), else null. */
  stageName: string | null;
}

export interface TFitRanking {
  jobId: string;
  requirements: TJobRequirements;
  total: number;
  candidates: TRankedCandidate[];
  nextOffset: number | null;
}

export async function rankCandidatesForJob(pool: Pool, orgId: string, jobId: string, opts: { kind: TFitKind; limit: number; offset: number }): Promise<TFitRanking> {
  const { rows: [job] } = await pool.query<{ title: string; description: string; remotePolicy: 'ONSITE' | 'HYBRID' | 'REMOTE'; remoteCountries: string[]; locations: { city: string | null; countryCode: string }[] }>(
    `SELECT j.title, j.description, j."remotePolicy", j."remoteCountries",
            COALESCE((SELECT json_agg(json_build_object('city', l.city, 'countryCode', l."countryCode") ORDER BY l.position) FROM "JobLocation" l WHERE l."jobId" = j.id), '[]') AS locations
       FROM "Job" j WHERE j.id = $1 AND j."orgId" = $2`, [jobId, orgId]);
  if (!job) throw notFound('Job', jobId);
  const requirements = jobRequirements(job);
  const jobSkills = [...requirements.requiredSkills, ...requirements.niceSkills];
  const parts: string[] = [];
  if (opts.kind !== 'prospects') {
    parts.push(`SELECT c.id, a.id AS "applicationId", a.status::text AS "applicationStatus", s.name AS "stageName"
                  FROM "Application" a JOIN "Candidate" c ON c.id = a."candidateId" LEFT JOIN "Stage" s ON s.id = a."stageId" WHERE a."jobId" = $1`);
  }
  if (opts.kind !== 'applicants') {
    parts.push(`SELECT c.id, NULL::text AS "applicationId", NULL::text AS "applicationStatus", NULL::text AS "stageName" FROM "Candidate" c
                 WHERE c."orgId" = $2 AND NOT EXISTS (SELECT 1 FROM "Application" a WHERE a."jobId" = $1 AND a."candidateId" = c.id)
                   ${jobSkills.length ? 'AND c.skills && $3::text[]' : ''}`);
  }
  const { rows } = await pool.query<{ id: string; applicationId: string | null; applicationStatus: string | null; stageName: string | null; name: string; headline: string | null; skills: string[]; yearsExperience: number | null; city: string | null; countryCode: string | null }>(
    `SELECT c.id, pick."applicationId", pick."applicationStatus", pick."stageName", concat_ws(' ', c."firstName", c."lastName") AS name, c.headline, c.skills, c."yearsExperience", c.city, c."countryCode"
       FROM (${parts.join(' UNION ALL ')}) pick JOIN "Candidate" c ON c.id = pick.id
      WHERE c."orgId" = $2 AND c."mergedIntoId" IS NULL AND c."anonymizedAt" IS NULL`,
    jobSkills.length && opts.kind !== 'applicants' ? [jobId, orgId, jobSkills] : [jobId, orgId]);
  const ranked = rows
    .map((c): TRankedCandidate => ({
      candidateId: c.id, name: c.name, headline: c.headline, applicationId: c.applicationId, applicationStatus: c.applicationStatus, stageName: c.stageName,
      ...scoreFit(requirements, { skills: c.skills, yearsExperience: c.yearsExperience, city: c.city, countryCode: c.countryCode }),
    }))
    // Highest score first; ties by name, then id, so pages are stable.
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name) || (a.candidateId < b.candidateId ? -1 : 1));
  const page = ranked.slice(opts.offset, opts.offset + opts.limit);
  return { jobId, requirements, total: ranked.length, candidates: page, nextOffset: opts.offset + page.length < ranked.length ? opts.offset + page.length : null };
}
