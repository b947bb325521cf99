// Durability: the worker process is killed (SIGKILL) while a run waits for
// feedback; a new worker picks the run up from Temporal's history and finishes
// it, and the candidate still receives exactly one email.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { apiClient, createTestOrg, startTestSystem, waitFor, type TestSystem } from '../support/harness';
import { applicant, createHiringJob } from '../support/fixtures';

// Starts whole processes (twice here): on a loaded 2-core machine that outlasts Jest's default.
const SLOW_PROCESS_TEST_MS = 300_000;

let t: TestSystem;
const children: ChildProcess[] = [];

function startWorkerProcess(): Promise<ChildProcess> {
  const cfg = t.system.config;
  // node itself (not the tsx wrapper), so SIGKILL hits the process that runs the worker.
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('test/support/worker-process.ts')], {
    env: { ...process.env, DATABASE_URL: process.env.TEST_DATABASE_URL, TEMPORAL_ADDRESS: t.system.temporalAddress, TEMPORAL_TASK_QUEUE: cfg.TEMPORAL_TASK_QUEUE, SMTP_URL: t.sink.url, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('worker-ready') && resolve(child));
    child.once('exit', (code) => reject(new Error(`worker process exited early with ${code}`)));
  });
}

beforeAll(async () => {
  t = await startTestSystem({ parts: { api: true, worker: false } });
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await t?.stop();
});

test('a run survives its worker being killed mid-run and finishes with exactly one email', async () => {
  const org = await createTestOrg(t.prisma);
  const recruiter = apiClient(t.url, org.tokens.recruiter);
  const { jobId } = await createHiringJob(recruiter);

  const first = await startWorkerProcess();
  const body = applicant(jobId);
  const { body: application } = await recruiter('POST', '/api/applications', body);
  await t.sink.waitFor((m) => m.to.includes(body.candidate.email));
  const task = await waitFor('the feedback task', () => t.prisma.task.findFirst({ where: { applicationId: application.id, status: 'OPEN' } }));

  first.kill('SIGKILL');
  await new Promise((r) => first.once('exit', r));

  // Feedback while no worker runs: the signal is stored by Temporal, nothing moves yet.
  expect((await recruiter('POST', `/api/tasks/${task.id}/feedback`, { score: 3, recommendation: 'yes' })).status).toBe(202);
  await waitFor('the signal outbox row to be delivered', async () => (await t.prisma.outboxEvent.findUnique({ where: { dedupeKey: `signal:task:${task.id}` } }))?.status === 'DONE');
  const handle = (await t.system.services!.temporal()).workflow.getHandle(application.run.workflowId);
  expect((await handle.describe()).status.name).toBe('RUNNING');
  expect((await t.prisma.application.findUniqueOrThrow({ where: { id: application.id }, include: { stage: true } })).stage.key).toBe('applied');

  await startWorkerProcess();
  await waitFor('the run to complete on the new worker', async () => (await handle.describe()).status.name === 'COMPLETED', 60_000);
  const stored = await t.prisma.application.findUniqueOrThrow({ where: { id: application.id }, include: { stage: true } });
  expect(stored.stage.key).toBe('interview');
  expect(t.sink.messages().filter((m) => m.to.includes(body.candidate.email))).toHaveLength(1);
  expect(await t.prisma.message.count({ where: { candidateId: application.candidateId } })).toBe(1);
}, SLOW_PROCESS_TEST_MS);
