// Reading one job whole (locations, hiring team, questions, stages, approvals)
// and turning it into the plain JSON the API returns and the audit log keeps.
import type { Prisma, PrismaClient } from '../../../generated/prisma/client';
import { notFound } from '../../errors';

type Db = PrismaClient | Prisma.TransactionClient;

export const JOB_INCLUDE = {
  jobLocations: { orderBy: { position: 'asc' } },
  members: { orderBy: [{ role: 'asc' }, { addedAt: 'asc' }], include: { user: { select: { id: true, name: true, email: true } } } },
  questions: { orderBy: { position: 'asc' } },
  stages: { orderBy: { position: 'asc' } },
  approvals: { orderBy: [{ round: 'desc' }, { position: 'asc' }, { requestedAt: 'asc' }] },
} as const satisfies Prisma.JobInclude;

export type TJobRecord = Prisma.JobGetPayload<{ include: typeof JOB_INCLUDE }>;

/** The job of this organization, or 404: another organization's id looks exactly like a missing one. */
export async function loadJob(db: Db, orgId: string, jobId: string): Promise<TJobRecord> {
  const job = await db.job.findFirst({ where: { id: jobId, orgId }, include: JOB_INCLUDE });
  if (!job) throw notFound('Job', jobId);
  return job;
}

/** The API shape: salary as one object, structured locations without row ids. */
export function jobView(job: TJobRecord) {
  const { salaryMin, salaryMax, salaryCurrency, salaryUnit, jobLocations, members, questions, ...rest } = job;
  return {
    ...rest,
    salary: salaryCurrency && salaryUnit ? { min: salaryMin === null ? null : Number(salaryMin), max: salaryMax === null ? null : Number(salaryMax), currency: salaryCurrency, unit: salaryUnit } : null,
    jobLocations: jobLocations.map(({ id: _id, jobId: _jobId, position: _p, ...l }) => l),
    members: members.map((m) => ({ userId: m.userId, role: m.role, name: m.user.name, email: m.user.email })),
    questions: questions.map(({ id: _id, jobId: _jobId, position: _p, ...q }) => q),
  };
}

/** What the audit log records of a job: its editable state, without timestamps that change on every write. */
export function jobSnapshot(job: TJobRecord): Record<string, unknown> {
  const { updatedAt: _u, approvals: _a, ...view } = jobView(job);
  const snapshot = JSON.parse(JSON.stringify(view)) as Record<string, unknown>;
  snapshot.members = (snapshot.members as { userId: string; role: string }[]).map(({ userId, role }) => ({ userId, role }));
  snapshot.stages = (snapshot.stages as { key: string; name: string; kind: string }[]).map(({ key, name, kind }) => ({ key, name, kind }));
  return snapshot;
}

/** The top-level fields that differ, as { before, after } holding only those fields. */
export function diffSnapshots(before: Record<string, unknown>, after: Record<string, unknown>) {
  const changed = Object.keys({ ...before, ...after }).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  return {
    changed,
    before: Object.fromEntries(changed.map((k) => [k, before[k] ?? null])),
    after: Object.fromEntries(changed.map((k) => [k, after[k] ?? null])),
  };
}
