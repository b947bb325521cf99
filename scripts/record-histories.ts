// `npm run histories:record`: runs the example pipeline through the real stack
// (embedded PostgreSQL, a throwaway Temporal dev server, the SMTP sink) along
// each of its paths and saves the workflow histories to test/histories/. The
// replay test then proves that today's workflow code still replays them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../api/platform/config';
import { createLogger } from '../api/platform/logger';
import { startSystem } from '../api/system';
import { freePort } from '../api/platform/db/embedded-postgres';
import { submitApplication } from '../api/services/applications';
import { submitFeedback } from '../api/services/tasks';
import { compileGraph } from '../workflows/graph/compile';
import { applicationReviewGraph } from '../workflows/graph/examples/application-review';
import { DEFAULT_STAGES } from '../api/routes/jobs';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';

const OUT = path.resolve(__dirname, '../test/histories');

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-histories-'));
  const config = loadConfig({
    TRELLIS_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn',
    TEMPORAL_DEV_PORT: String(await freePort()), TEMPORAL_DEV_UI_PORT: String(await freePort()),
  });
  const system = await startSystem(config, { api: true, worker: true }, createLogger('warn'));
  const services = system.services!;
  const { prisma } = system.db;
  try {
    const org = await prisma.organization.findUniqueOrThrow({ where: { slug: 'acme' } });
    const recruiter = await prisma.user.findFirstOrThrow({ where: { orgId: org.id, role: 'RECRUITER' } });
    const graph = applicationReviewGraph({ feedbackTimeout: { seconds: 3 } });
    const compiled = compileGraph(graph);
    if (!compiled.ok) throw new Error('example graph is invalid');
    const pipeline = await prisma.pipeline.create({ data: { orgId: org.id, name: 'History recording', draft: graph as never } });
    await prisma.pipelineVersion.create({ data: { orgId: org.id, pipelineId: pipeline.id, version: 1, graph: graph as never, plan: compiled.plan as never, hash: compiled.plan.hash } });
    const job = await prisma.job.create({ data: { orgId: org.id, title: 'Recorded Role', status: 'OPEN', pipelineId: pipeline.id, stages: { create: DEFAULT_STAGES.map((s, position) => ({ ...s, position })) } } });

    const scenarios: { name: string; score?: number }[] = [{ name: 'application-review-advance', score: 4 }, { name: 'application-review-reject', score: 1 }, { name: 'application-review-timeout' }];
    for (const scenario of scenarios) {
      const { run } = await submitApplication(services, org.id, { jobId: job.id, candidate: { firstName: 'Rec', lastName: scenario.name, email: `${scenario.name}@example.com` } });
      const handle = (await services.temporal()).workflow.getHandle(run!.workflowId);
      let task = null;
      while (!task) {
        task = await prisma.task.findFirst({ where: { runId: run!.id } });
        await new Promise((r) => setTimeout(r, 100));
      }
      if (scenario.score) await submitFeedback(services, org.id, recruiter.id, task.id, { score: scenario.score, recommendation: scenario.score >= 3 ? 'yes' : 'no' });
      await handle.result();
      const history = await handle.fetchHistory();
      fs.writeFileSync(path.join(OUT, `${scenario.name}.json`), historyToJSON(history) + '\n');
      console.log(`recorded ${scenario.name}: ${history.events?.length} events`);
    }
  } finally {
    await system.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
