// The demo applicants: who applies where, from which source, with which
// resume. Deterministic (a seeded PRNG and the resume generator's seeds), so
// a second run computes the same plan and finds every application again by its
// idempotency key. They apply through the public apply path: the resume is
// typed by content, stored, parsed, and duplicates are flagged.
import type { Services } from '../../api/services/services';
import { currentConsentText, submitPublicApplication } from '../../api/apply/submit-public-application';
import { makeResumeFixture, seededRandom, type TResumeFixture } from '../../api/seed/resume-profile';
import { renderResumePdf } from '../../api/seed/resume-pdf';
import type { TDemoOrg } from './demo-org';
import type { TDemoJob } from './demo-jobs';
import { storyFor, type TStory } from './demo-stories';

export interface TApplicantPlan {
  index: number;
  job: TDemoJob;
  localIndex: number;
  story: TStory;
  resume: TResumeFixture;
  /** Set for the few who apply again under another address (the duplicate check flags them by phone and name). */
  email: string;
  source: string;
  utm: Record<string, string>;
  idempotencyKey: string;
}

const SOURCES: Array<{ weight: number; source: string; utm: (job: TDemoJob, r: () => number) => Record<string, string> }> = [
  { weight: 35, source: 'careers_page', utm: (_job, r) => (r() < 0.3 ? { utm_source: 'acme_blog', utm_medium: 'referral' } : ({} as Record<string, string>)) },
  { weight: 28, source: 'linkedin', utm: (job) => ({ utm_source: 'linkedin', utm_medium: 'social', utm_campaign: `${job.key}_2026q1` }) },
  { weight: 15, source: 'referral', utm: (_job, r) => ({ utm_source: 'employee_referral', utm_content: ['morgan_lee', 'priya_shah', 'sam_carter', 'jordan_kim'][Math.floor(r() * 4)]! }) },
  { weight: 14, source: 'indeed', utm: (job) => ({ utm_source: 'indeed', utm_medium: 'cpc', utm_campaign: job.key }) },
  { weight: 8, source: 'job_board', utm: (job) => ({ utm_source: job.track === 'engineering' ? 'stackoverflow_jobs' : 'weworkremotely', utm_medium: 'job_board' }) },
];

function pickSource(r: () => number) {
  let roll = r() * SOURCES.reduce((sum, s) => sum + s.weight, 0);
  for (const s of SOURCES) if ((roll -= s.weight) < 0) return s;
  return SOURCES[0]!;
}

/** Applicants per job by share (largest remainder, so they add up), interleaved so progress moves through every job. */
function allocate(jobs: TDemoJob[], count: number): TDemoJob[] {
  const open = jobs.filter((j) => j.share > 0);
  const total = open.reduce((sum, j) => sum + j.share, 0);
  const exact = open.map((j) => (j.share / total) * count);
  const counts = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; counts.reduce((a, b) => a + b, 0) < count; k++) counts[order[k % order.length]![1]]! += 1;
  const queue: TDemoJob[] = [];
  for (let round = 0; queue.length < count; round++) open.forEach((j, i) => round < counts[i]! && queue.push(j));
  return queue;
}

export function planApplicants(org: TDemoOrg, jobs: TDemoJob[], count: number): TApplicantPlan[] {
  const r = seededRandom(20260115).next;
  const perJob = new Map<string, number>();
  const plans: TApplicantPlan[] = [];
  allocate(jobs, count).forEach((job, index) => {
    const localIndex = perJob.get(job.id) ?? 0;
    perJob.set(job.id, localIndex + 1);
    // One applicant in sixty is someone from twelve places earlier, applying again with a personal address.
    const repeat = index % 60 === 17 ? plans[index - 12] : undefined;
    const resume = repeat?.resume ?? makeResumeFixture(index + 1, { track: job.track });
    const email = repeat ? resume.email.replace(/@.*$/, '.home@example.net') : resume.email;
    const source = pickSource(r);
    plans.push({
      index, job, localIndex, story: storyFor(job, localIndex), resume, email, source: source.source, utm: source.utm(job, r),
      idempotencyKey: `seed:${org.slug}:applicant:${index + 1}`,
    });
  });
  return plans;
}

/**
 * The application of a plan, applying if it does not exist yet; isNew false when an earlier seed made it,
 * null when it does not exist and cannot (someone closed or unpublished the job since).
 */
export async function applyAs(services: Services, org: TDemoOrg, plan: TApplicantPlan): Promise<{ applicationId: string; candidateId: string; isNew: boolean } | null> {
  const previous = await services.prisma.application.findUnique({ where: { orgId_idempotencyKey: { orgId: org.orgId, idempotencyKey: plan.idempotencyKey } } });
  if (previous) return { applicationId: previous.id, candidateId: previous.candidateId, isNew: false };
  if (plan.job.status !== 'OPEN') return null;
  const [firstName, ...rest] = plan.resume.name.split(' ');
  const consent = await currentConsentText(services, org.orgId);
  const bytes = await renderResumePdf(plan.resume);
  const result = await submitPublicApplication(services, org.slug, {
    jobId: plan.job.id,
    candidate: { firstName: firstName!, lastName: rest.join(' '), email: plan.email, phone: plan.resume.phone.written, location: plan.resume.jobs[0]!.location },
    source: plan.source,
    ...(Object.keys(plan.utm).length ? { utm: plan.utm } : {}),
    ...(consent ? { consent: { textVersion: consent.version, isGiven: true as const } } : {}),
  }, { bytes, fileName: `${plan.resume.name.replace(/[^A-Za-z]+/g, '_')}_Resume.pdf` }, plan.idempotencyKey);
  return { applicationId: result.applicationId, candidateId: result.candidateId, isNew: !result.isReplay };
}
