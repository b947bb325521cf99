// The seed's closing report: what the organization now holds (read back from
// the database, not from what the seed meant to do) and the demo logins.
import type { PrismaClient } from '../../generated/prisma/client';
import { DEMO_PASSWORD, type TDemoOrg } from './demo-org';
import type { TSeedResult } from './seed-demo';

const tally = (rows: Array<{ key: string; count: number }>) => rows.map((r) => `${r.count} ${r.key.toLowerCase().replace(/_/g, ' ')}`).join(', ');

export async function seedSummary(prisma: PrismaClient, result: TSeedResult): Promise<string[]> {
  const orgId = result.org.orgId;
  const [jobs, candidates, resumes, stages, runs, openTasks, overdue, interviews, scorecards, notes, messages] = await Promise.all([
    prisma.job.groupBy({ by: ['status'], where: { orgId }, _count: true }),
    prisma.candidate.count({ where: { orgId } }),
    prisma.resumeFile.count({ where: { orgId, parseStatus: 'PARSED' } }),
    prisma.$queryRaw<Array<{ key: string; count: number }>>`
      SELECT s.name AS key, count(*)::int AS count FROM "Application" a JOIN "Stage" s ON s.id = a."stageId"
       WHERE a."orgId" = ${orgId} GROUP BY s.name, s.position ORDER BY s.position, s.name`,
    prisma.run.groupBy({ by: ['status'], where: { orgId }, _count: true }),
    prisma.task.count({ where: { orgId, status: 'OPEN' } }),
    prisma.task.count({ where: { orgId, status: 'OPEN', dueAt: { lt: new Date() } } }),
    prisma.interview.count({ where: { orgId } }),
    prisma.scorecard.count({ where: { orgId } }),
    prisma.candidateNote.count({ where: { orgId } }),
    prisma.message.count({ where: { orgId } }),
  ]);
  return [
    `  jobs:          ${tally(jobs.map((j) => ({ key: j.status, count: j._count })))}`,
    `  candidates:    ${candidates} (${resumes} parsed PDF resumes)`,
    `  applications:  ${tally(stages)}`,
    `  runs:          ${tally(runs.map((r) => ({ key: r.status, count: r._count })))}`,
    `  inbox:         ${openTasks} open tasks (${overdue} overdue), ${interviews} interviews, ${scorecards} scorecards, ${notes} notes, ${messages} emails`,
    `  this run added ${result.created.applications} applications${result.created.applications === 0 ? ' (everything was already there)' : ''}`,
  ];
}

/** Demo logins: printed to the terminal only. A password someone changed is not shown (the seed leaves it alone). */
export function loginLines(org: TDemoOrg): string[] {
  const width = Math.max(...org.users.map((u) => u.email.length));
  return org.users.map((u) => `  ${u.email.padEnd(width)}  ${u.role.toLowerCase().replace('_', ' ').padEnd(14)}  ${u.hasDemoPassword ? DEMO_PASSWORD : '(own password)'}`);
}
