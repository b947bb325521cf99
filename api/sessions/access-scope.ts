// Record-scoped access: a route that reads or changes one job, application,
// candidate, task, interview, run or offer declares `scope`, and this check runs
// before its handler. Another organization's id is 404 for everyone; inside the
// organization, admins, recruiters and coordinators see everything, a hiring
// manager only what belongs to jobs where they are a HIRING_MANAGER member (or
// interviews they sit on, or offers they are asked to approve), an interviewer only interviews they are booked on
// (and the application, candidate and job behind them) and tasks assigned to them.
import type { Pool } from 'pg';
import type { Role } from '../../generated/prisma/client';
import { AppError } from '../errors';

export type ScopeKind = 'job' | 'application' | 'candidate' | 'task' | 'interview' | 'run' | 'offer';

export interface RouteScope {
  kind: ScopeKind;
  /** The path parameter holding the record id; default "id". */
  param?: string;
}

export const ORG_WIDE_ROLES: readonly Role[] = ['ADMIN', 'RECRUITER', 'COORDINATOR'];

/** Records a role never reaches, even on its own jobs or interviews (an interviewer has no business with offers). */
export const SCOPE_EXCLUDED_ROLES: Partial<Record<ScopeKind, readonly Role[]>> = { offer: ['INTERVIEWER'] };

// $1 = record id, $2 = user id. Each returns the record's orgId and whether the
// user is its hiring manager (hm) or one of its interviewers (iv).
const HM_OF_JOB = (job: string) => `EXISTS (SELECT 1 FROM "JobMember" m WHERE m."jobId" = ${job} AND m."userId" = $2 AND m.role = 'HIRING_MANAGER')`;
const IV_OF_APPLICATION = (app: string) => `EXISTS (SELECT 1 FROM "Interview" i JOIN "InterviewParticipant" p ON p."interviewId" = i.id WHERE i."applicationId" = ${app} AND p."userId" = $2)`;

const SCOPE_SQL: Record<ScopeKind, string> = {
  job: `SELECT j."orgId", ${HM_OF_JOB('j.id')} AS hm,
          EXISTS (SELECT 1 FROM "JobMember" m WHERE m."jobId" = j.id AND m."userId" = $2)
          OR EXISTS (SELECT 1 FROM "Application" a WHERE a."jobId" = j.id AND ${IV_OF_APPLICATION('a.id')}) AS iv
          FROM "Job" j WHERE j.id = $1`,
  application: `SELECT a."orgId", ${HM_OF_JOB('a."jobId"')} AS hm, ${IV_OF_APPLICATION('a.id')} AS iv FROM "Application" a WHERE a.id = $1`,
  candidate: `SELECT c."orgId",
          EXISTS (SELECT 1 FROM "Application" a WHERE a."candidateId" = c.id AND ${HM_OF_JOB('a."jobId"')}) AS hm,
          EXISTS (SELECT 1 FROM "Application" a WHERE a."candidateId" = c.id AND ${IV_OF_APPLICATION('a.id')}) AS iv
          FROM "Candidate" c WHERE c.id = $1`,
  task: `SELECT t."orgId",
          t."assigneeId" IS NOT DISTINCT FROM $2
          OR ${HM_OF_JOB('COALESCE(t."jobId", (SELECT a."jobId" FROM "Application" a WHERE a.id = t."applicationId"))')} AS hm,
          t."assigneeId" IS NOT DISTINCT FROM $2 AS iv
          FROM "Task" t WHERE t.id = $1`,
  interview: `SELECT i."orgId",
          EXISTS (SELECT 1 FROM "Application" a WHERE a.id = i."applicationId" AND ${HM_OF_JOB('a."jobId"')}) AS hm,
          EXISTS (SELECT 1 FROM "InterviewParticipant" p WHERE p."interviewId" = i.id AND p."userId" = $2) AS iv
          FROM "Interview" i WHERE i.id = $1`,
  run: `SELECT r."orgId",
          EXISTS (SELECT 1 FROM "Application" a WHERE a.id = r."applicationId" AND ${HM_OF_JOB('a."jobId"')}) AS hm,
          r."applicationId" IS NOT NULL AND ${IV_OF_APPLICATION('r."applicationId"')} AS iv
          FROM "Run" r WHERE r.id = $1`,
  offer: `SELECT o."orgId",
          EXISTS (SELECT 1 FROM "Application" a WHERE a.id = o."applicationId" AND ${HM_OF_JOB('a."jobId"')})
          OR EXISTS (SELECT 1 FROM "OfferApproval" oa WHERE oa."offerId" = o.id AND oa."approverId" = $2) AS hm,
          false AS iv
          FROM "Offer" o WHERE o.id = $1`,
};

export interface TScopeCaller {
  orgId: string;
  userId: string;
  role: Role;
}

/** The decision, separated from the query so it can be unit tested. */
export function scopeDecision(caller: TScopeCaller, row: { orgId: string; hm: boolean; iv: boolean } | undefined, kind?: ScopeKind): 'allow' | 'not-found' | 'forbidden' {
  if (!row || row.orgId !== caller.orgId) return 'not-found';
  if (kind && SCOPE_EXCLUDED_ROLES[kind]?.includes(caller.role)) return 'forbidden';
  if (ORG_WIDE_ROLES.includes(caller.role)) return 'allow';
  if (caller.role === 'HIRING_MANAGER') return row.hm || row.iv ? 'allow' : 'forbidden';
  if (caller.role === 'INTERVIEWER') return row.iv ? 'allow' : 'forbidden';
  return 'forbidden';
}

export async function enforceScope(pool: Pool, caller: TScopeCaller, scope: RouteScope, params: Record<string, unknown>): Promise<void> {
  const param = scope.param ?? 'id';
  const id = params[param];
  if (typeof id !== 'string') throw new AppError('INTERNAL', `route scope names missing parameter ${param}`);
  const { rows } = await pool.query<{ orgId: string; hm: boolean; iv: boolean }>(SCOPE_SQL[scope.kind], [id, caller.userId]);
  const decision = scopeDecision(caller, rows[0], scope.kind);
  if (decision === 'not-found') throw new AppError('NOT_FOUND', `${scope.kind} ${id} not found`, [{ path: `params.${param}`, message: `no ${scope.kind} with this id` }]);
  if (decision === 'forbidden') throw new AppError('FORBIDDEN', `role ${caller.role} may not access this ${scope.kind}`, [{ path: `params.${param}`, message: `not one of your ${caller.role === 'INTERVIEWER' ? 'interviews' : 'jobs'}` }]);
}

/** Prisma filter for job lists: a hiring manager sees their jobs, an interviewer the jobs they are on. */
export function jobListFilter(caller: TScopeCaller): object {
  if (ORG_WIDE_ROLES.includes(caller.role)) return { orgId: caller.orgId };
  if (caller.role === 'HIRING_MANAGER') return { orgId: caller.orgId, members: { some: { userId: caller.userId, role: 'HIRING_MANAGER' } } };
  return { orgId: caller.orgId, members: { some: { userId: caller.userId } } };
}
