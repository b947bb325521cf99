// The demo jobs: engineering, design, sales and support requisitions with
// departments, locations, salary ranges, markdown descriptions, hiring teams,
// stages from the organization's templates and a published pipeline from the
// starter templates. Created through the jobs and pipelines services, so each
// one has its audit trail. Found again by title on later runs.
import type { Services } from '../../api/services/services';
import type { TResumeTrack } from '../../api/seed/resume-profile';
import { ZCreateJob, ZUpdateJob, ZSubmitJob, ZCloseJob } from '../../api/services/jobs/job-input';
import { createJob, updateJob } from '../../api/services/jobs/save-job';
import { closeJob, submitJob } from '../../api/services/jobs/job-status';
import { createPipeline, publishPipeline, ZCreatePipeline } from '../../api/services/pipelines';
import { applicationReviewGraph } from '../../workflows/graph/examples/application-review';
import { authOf, type TDemoOrg, type TDemoUser } from './demo-org';
import { JOB_SPECS, type TDemoJobSpec } from './demo-job-specs';

export type TPipelineKind = 'standard-hiring' | 'application-review';

export interface TDemoJob {
  id: string;
  key: string;
  title: string;
  status: string;
  track: TResumeTrack;
  pipeline: TPipelineKind | null;
  /** Share of the applicants (0 for jobs that take none). */
  share: number;
  hires: number;
  hiringManager: TDemoUser;
  panel: TDemoUser[];
  scorecardTemplateId: string | null;
  /** Closed once its applicants' stories are told (a filled role). */
  isClosedAfterApplicants: boolean;
  isNew: boolean;
}

const PIPELINE_NAMES: Record<TPipelineKind, string> = { 'standard-hiring': 'Standard hiring pipeline', 'application-review': 'Application review' };

/** One published pipeline per kind, shared by the jobs that run it (the dev seed's "Application review" when present). */
async function ensurePipeline(services: Services, org: TDemoOrg, kind: TPipelineKind): Promise<string> {
  const existing = await services.prisma.pipeline.findFirst({ where: { orgId: org.orgId, name: PIPELINE_NAMES[kind] }, orderBy: { createdAt: 'asc' } });
  const pipeline = existing ?? await createPipeline(services, org.orgId, org.admin.id, ZCreatePipeline.parse(
    kind === 'standard-hiring' ? { name: PIPELINE_NAMES[kind], templateId: 'standard-hiring' } : { name: PIPELINE_NAMES[kind], graph: applicationReviewGraph() },
  ));
  const published = await services.prisma.pipelineVersion.findFirst({ where: { pipelineId: pipeline.id, status: 'PUBLISHED' } });
  if (!published) await publishPipeline(services, org.orgId, pipeline.id, org.admin.id);
  return pipeline.id;
}

async function ensureScorecardTemplate(services: Services, org: TDemoOrg, jobId: string, spec: TDemoJobSpec): Promise<string> {
  const { prisma } = services;
  const existing = await prisma.scorecardTemplate.findFirst({ where: { jobId } });
  if (existing) return existing.id;
  const stage = await prisma.stage.findFirst({ where: { jobId, key: 'interview' } });
  return prisma.$transaction(async (tx) => {
    const row = await tx.scorecardTemplate.create({ data: { orgId: org.orgId, jobId, stageId: stage?.id ?? null, name: `${spec.title} interview`, attributes: spec.scorecard } });
    await tx.auditEvent.create({ data: { orgId: org.orgId, actorType: 'USER', actorId: org.recruiter.id, action: 'scorecard_template.created', entityType: 'ScorecardTemplate', entityId: row.id, after: { jobId, name: row.name, attributes: spec.scorecard } } });
    return row.id;
  });
}

function team(org: TDemoOrg, spec: TDemoJobSpec) {
  const hiringManager = spec.department === 'Engineering' ? org.engineeringManager : org.businessManager;
  const panel = spec.panel.map((i) => org.interviewers[i]!);
  const members = [
    { userId: org.recruiter.id, role: 'RECRUITER' as const },
    { userId: org.coordinator.id, role: 'COORDINATOR' as const },
    { userId: hiringManager.id, role: 'HIRING_MANAGER' as const },
    ...panel.map((p) => ({ userId: p.id, role: 'INTERVIEWER' as const })),
  ];
  return { hiringManager, panel, members };
}

/** The job's fields as the jobs API takes them. */
function jobFields(org: TDemoOrg, spec: TDemoJobSpec, pipelineId: string | null) {
  return {
    title: spec.title, department: spec.department, requisitionId: spec.requisitionId, locations: spec.locations, jobLocations: spec.jobLocations,
    remotePolicy: spec.remotePolicy, remoteCountries: spec.remoteCountries, employmentType: spec.employmentType, salary: spec.salary,
    description: spec.description, openings: spec.openings, pipelineId, members: team(org, spec).members,
  };
}

async function createDemoJob(services: Services, org: TDemoOrg, spec: TDemoJobSpec, pipelineId: string | null) {
  const recruiter = authOf(org.orgId, org.recruiter);
  const created = await createJob(services, recruiter, ZCreateJob.parse({
    ...jobFields(org, spec, pipelineId),
    stageTemplateId: org.stageTemplates.get(spec.stageTemplate),
    requiredApprovals: spec.status === 'PENDING_APPROVAL' ? 1 : 0,
    status: spec.status === 'OPEN' || spec.status === 'CLOSED' ? 'OPEN' : 'DRAFT',
  }));
  if (spec.status === 'PENDING_APPROVAL') await submitJob(services, recruiter, created.id, ZSubmitJob.parse({ approverIds: [org.admin.id] }));
  return created.id;
}

export async function ensureDemoJobs(services: Services, org: TDemoOrg): Promise<TDemoJob[]> {
  const jobs: TDemoJob[] = [];
  for (const spec of JOB_SPECS) {
    const pipelineId = spec.pipeline ? await ensurePipeline(services, org, spec.pipeline) : null;
    const existing = await services.prisma.job.findFirst({ where: { orgId: org.orgId, title: spec.title }, orderBy: { createdAt: 'asc' } });
    let id = existing?.id;
    if (existing && !existing.requisitionId && existing.status === 'OPEN') {
      // The dev seed's job: give it the requisition's details and hiring team, keep its pipeline.
      await updateJob(services, authOf(org.orgId, org.recruiter), existing.id, ZUpdateJob.parse(jobFields(org, spec, existing.pipelineId ?? pipelineId)));
    }
    id ??= await createDemoJob(services, org, spec, pipelineId);
    const row = await services.prisma.job.findUniqueOrThrow({ where: { id } });
    const { hiringManager, panel } = team(org, spec);
    jobs.push({
      id, key: spec.key, title: spec.title, status: row.status, track: spec.track, pipeline: spec.pipeline, share: spec.share, hires: spec.hires,
      hiringManager, panel, scorecardTemplateId: spec.pipeline ? await ensureScorecardTemplate(services, org, id, spec) : null,
      isClosedAfterApplicants: spec.status === 'CLOSED', isNew: !existing,
    });
  }
  return jobs;
}

/** A filled role: closed once its stories are told. */
export async function closeFilledJobs(services: Services, org: TDemoOrg, jobs: TDemoJob[]) {
  for (const job of jobs.filter((j) => j.isClosedAfterApplicants && j.status !== 'CLOSED')) {
    await closeJob(services, authOf(org.orgId, org.recruiter), job.id, ZCloseJob.parse({ reason: 'Position filled' }));
    job.status = 'CLOSED';
  }
}
