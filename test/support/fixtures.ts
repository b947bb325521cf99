// Builds a job running a published pipeline, through the API as a recruiter would.
import { applicationReviewGraph } from '../../workflows/graph/examples/application-review';
import type { TGraph } from '../../workflows/graph/schema';
import type { apiClient } from './harness';

type Call = ReturnType<typeof apiClient>;

export async function createHiringJob(call: Call, graph: TGraph = applicationReviewGraph()) {
  const pipeline = await call('POST', '/api/pipelines', { name: 'Application review', graph });
  if (pipeline.status !== 201) throw new Error(`create pipeline: ${JSON.stringify(pipeline.body)}`);
  const job = await call('POST', '/api/jobs', { title: 'Staff Engineer', department: 'Engineering', pipelineId: pipeline.body.id });
  if (job.status !== 201) throw new Error(`create job: ${JSON.stringify(job.body)}`);
  const version = await call('POST', `/api/pipelines/${pipeline.body.id}/publish`);
  if (version.status !== 201) throw new Error(`publish: ${JSON.stringify(version.body)}`);
  return { pipelineId: pipeline.body.id as string, jobId: job.body.id as string, versionId: version.body.id as string };
}

let seq = 0;
export function applicant(jobId: string, overrides: Record<string, unknown> = {}) {
  seq++;
  return {
    jobId,
    candidate: { firstName: 'Grace', lastName: `Hopper${seq}`, email: `grace.${seq}.${Date.now()}@example.com` },
    source: 'linkedin',
    utm: { utm_source: 'linkedin', utm_campaign: 'backend' },
    ...overrides,
  };
}
