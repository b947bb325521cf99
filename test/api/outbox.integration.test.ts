// Applications never get lost: submitted while Temporal is down, the run starts
// when Temporal is back, exactly once, even if the start is delivered twice.
// With the database down, writes get 503 and nothing is half-written.
import { apiClient, createTestOrg, startTestSystem, waitFor } from '../support/harness';
import { applicant, createHiringJob } from '../support/fixtures';
import { freePort } from '../../api/platform/db/embedded-postgres';
import { startDevServer } from '../../api/platform/temporal/dev-server';
import { startSmtpSink } from '../../api/platform/mail/smtp-sink';
import { openDatabase } from '../../api/platform/db/database';
import { createApp } from '../../api/app';
import { createLogger } from '../../api/platform/logger';
import { loadConfig } from '../../api/platform/config';
import type { Services } from '../../api/services/services';

test('an application submitted while Temporal is down starts once Temporal is back, exactly once', async () => {
  const port = await freePort();
  const sink = await startSmtpSink();
  const api = await startTestSystem({ parts: { api: true, worker: false }, sink, config: { TEMPORAL_ADDRESS: `127.0.0.1:${port}` } });
  let temporal: Awaited<ReturnType<typeof startDevServer>> | undefined;
  let worker: Awaited<ReturnType<typeof startTestSystem>> | undefined;
  try {
    const org = await createTestOrg(api.prisma);
    const recruiter = apiClient(api.url, org.tokens.recruiter);
    const { jobId } = await createHiringJob(recruiter);
    const body = applicant(jobId);
    const res = await recruiter('POST', '/api/applications', body);
    expect(res.status).toBe(201);
    const outboxRow = await waitFor('a failed delivery attempt', async () => {
      const row = await api.prisma.outboxEvent.findUniqueOrThrow({ where: { dedupeKey: `start:${res.body.run.workflowId}` } });
      return row.attempts > 0 && !!row.lastError && row;
    });
    expect(outboxRow.status).toBe('PENDING');
    expect(await api.prisma.run.findUniqueOrThrow({ where: { id: res.body.run.id } })).toMatchObject({ status: 'PENDING' });

    temporal = await startDevServer({ dataDir: '/tmp', port, uiPort: await freePort(), namespace: 'default', isPersistent: false, log: () => undefined });
    worker = await startTestSystem({ parts: { api: false, worker: true }, sink, config: { TEMPORAL_ADDRESS: temporal.address, TEMPORAL_TASK_QUEUE: api.system.config.TEMPORAL_TASK_QUEUE } });
    await sink.waitFor((m) => m.to.includes(body.candidate.email), { timeoutMs: 60_000 });
    await waitFor('the outbox row delivered', async () => (await api.prisma.outboxEvent.findUniqueOrThrow({ where: { id: outboxRow.id } })).status === 'DONE');

    // Deliver the same start again, as a crashed dispatcher would: still one workflow.
    await api.prisma.outboxEvent.update({ where: { id: outboxRow.id }, data: { status: 'PENDING', availableAt: new Date() } });
    // The background poller may claim the row before this drain does; either way it ends DONE.
    await api.system.services!.outbox.drain();
    await waitFor('the re-delivered row done', async () => (await api.prisma.outboxEvent.findUniqueOrThrow({ where: { id: outboxRow.id } })).status === 'DONE');
    const client = await api.system.services!.temporal();
    const executions = [];
    for await (const wf of client.workflow.list({ query: `WorkflowId = '${res.body.run.workflowId}'` })) executions.push(wf);
    expect(executions).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 500));
    expect(sink.messages().filter((m) => m.to.includes(body.candidate.email))).toHaveLength(1);
  } finally {
    await worker?.stop();
    await api.stop();
    await temporal?.stop();
    await sink.stop();
  }
});

test('database down: writes get 503 with a clear message', async () => {
  const deadDb = openDatabase(`postgresql://postgres@127.0.0.1:${await freePort()}/postgres`, { maxConnections: 1 });
  const config = loadConfig({ DATABASE_URL: 'postgresql://unused@127.0.0.1/x', LOG_LEVEL: 'silent' });
  const services = { prisma: deadDb.prisma, pool: deadDb.pool, log: createLogger('silent'), config, temporal: () => Promise.reject(new Error('unused')), temporalUiUrl: '', outbox: { kick() {} } } as unknown as Services;
  const server = createApp(services).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  try {
    const { port } = server.address() as { port: number };
    const res = await apiClient(`http://127.0.0.1:${port}`, 'trl_any')('POST', '/api/applications', applicant('job-1'));
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({ code: 'UNAVAILABLE', message: expect.stringContaining('database is unavailable') });
  } finally {
    server.close();
    await deadDb.close();
  }
});
