// `npm run seed`'s work, given a running system's services: the organization
// and its people, the jobs and their pipelines, then each applicant applies
// and their application's story is acted out, a few at a time; the filled job
// is closed and the seed waits until every run is parked or finished.
// Idempotent: everything is found again by a natural key (emails, titles,
// names, the applications' idempotency keys); only what is missing is made.
import type { Services } from '../../api/services/services';
import { seededRandom } from '../../api/seed/resume-profile';
import { ensureDemoOrg, type TDemoOrg } from './demo-org';
import { closeFilledJobs, ensureDemoJobs, type TDemoJob } from './demo-jobs';
import { applyAs, planApplicants, type TApplicantPlan } from './demo-applicants';
import { tellStory } from './demo-stories';
import { writeFollowUps } from './demo-follow-ups';
import { waitForQuiet } from './run-waits';

export const DEFAULT_CANDIDATES = 200;

export interface TSeedOptions {
  orgSlug?: string;
  orgName?: string;
  candidates?: number;
  /** Applicants worked on at once. */
  concurrency?: number;
  report?: (line: string) => void;
}

export interface TSeedResult {
  org: TDemoOrg;
  jobs: TDemoJob[];
  created: { applications: number; notes: number; todos: number };
  /** Applicants of jobs that were no longer open (changed by hand since an earlier seed). */
  skipped: number;
}

/** Runs `work` on every item with at most `limit` at a time; the first failure stops the rest and is thrown. */
async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  let failure: unknown;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length && failure === undefined) {
      const item = items[next++]!;
      await work(item).catch((err) => (failure ??= err));
    }
  });
  await Promise.all(lanes);
  if (failure !== undefined) throw failure;
}

export async function seedDemo(services: Services, options: TSeedOptions = {}): Promise<TSeedResult> {
  const report = options.report ?? (() => undefined);
  const total = options.candidates ?? DEFAULT_CANDIDATES;
  const org = await ensureDemoOrg(services, options.orgSlug ?? 'acme', options.orgName ?? 'Acme Corp');
  report(`organization ${org.slug}: ${org.users.length} people`);
  const jobs = await ensureDemoJobs(services, org);
  report(`jobs: ${jobs.map((j) => `${j.title} (${j.status.toLowerCase().replace('_', ' ')})`).join(', ')}`);

  const created = { applications: 0, notes: 0, todos: 0 };
  let skipped = 0;
  const step = Math.max(1, Math.ceil(total / 20));
  let done = 0;
  await forEachLimited(planApplicants(org, jobs, total), options.concurrency ?? 3, async (plan: TApplicantPlan) => {
    const ids = await applyAs(services, org, plan);
    if (!ids) skipped += 1;
    else if (ids.isNew) {
      await tellStory({ services, org, job: plan.job, applicationId: ids.applicationId, resume: plan.resume, random: seededRandom(plan.index * 31 + 7).next }, plan.story);
      const written = await writeFollowUps(services, org, plan, ids);
      created.applications += 1;
      created.notes += written.notes;
      created.todos += written.todos;
    }
    done += 1;
    if (done % step === 0 || done === total) report(`candidates ${done}/${total}`);
  });

  await closeFilledJobs(services, org, jobs);
  report('waiting for the runs to park at their waits');
  await waitForQuiet(services.prisma, org.orgId);
  if (skipped) report(`${skipped} applicants skipped: their job is no longer open`);
  return { org, jobs, created, skipped };
}
