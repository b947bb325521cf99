// A recruiter starts a sequence for a candidate by hand; the run is pinned to
// the latest published version and runs to the end. Pipelines with another
// trigger, and unknown candidates, are refused.
import { apiClient, createTestOrg, startTestSystem, waitFor, type TestSystem } from '../support/harness';
import { createHiringJob } from '../support/fixtures';
import { weeklyNurtureGraph } from '../../workflows/graph/examples/weekly-nurture';

let t: TestSystem;
beforeAll(async () => (t = await startTestSystem()));
afterAll(() => t?.stop());

test('start by hand: the run sends the sequence and completes; wrong trigger and unknown candidate refused', async () => {
  const org = await createTestOrg(t.prisma);
  const recruiter = apiClient(t.url, org.tokens.recruiter);
  const created = await recruiter('POST', '/api/pipelines', { name: 'Two-week nurture', kind: 'NURTURE', graph: weeklyNurtureGraph({ weeks: 2, every: { seconds: 1 } }) });
  expect((await recruiter('POST', `/api/pipelines/${created.body.id}/publish`)).status).toBe(201);
  const candidate = await t.prisma.candidate.create({ data: { orgId: org.orgId, firstName: 'Mei', lastName: 'Manual', email: `mei.${Date.now()}@example.com` } });

  expect((await recruiter('POST', `/api/pipelines/${created.body.id}/runs`, { candidateId: 'nobody' })).status).toBe(404);
  const started = await recruiter('POST', `/api/pipelines/${created.body.id}/runs`, { candidateId: candidate.id });
  expect(started.status).toBe(201);
  const audit = await t.prisma.auditEvent.findMany({ where: { orgId: org.orgId, entityId: { in: [created.body.id, started.body.id] } }, orderBy: { at: 'asc' } });
  expect(audit.map((a) => [a.action, a.actorId])).toEqual([['pipeline.created', org.userIds.recruiter], ['pipeline.published', org.userIds.recruiter], ['run.started', org.userIds.recruiter]]);
  expect(audit[2]!.after).toMatchObject({ pipelineId: created.body.id, candidateId: candidate.id, version: 1 });
  await waitFor('run completed', async () => (await t.prisma.run.findUniqueOrThrow({ where: { id: started.body.id } })).status === 'COMPLETED', 60_000);
  expect(t.sink.messages().filter((m) => m.to.includes(candidate.email!))).toHaveLength(2);

  const { pipelineId } = await createHiringJob(recruiter);
  const wrong = await recruiter('POST', `/api/pipelines/${pipelineId}/runs`, { candidateId: candidate.id });
  expect(wrong.status).toBe(409);
  expect(wrong.body.error.message).toContain('trigger.application_received');
});
