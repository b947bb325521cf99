// First-run data for the embedded setup: an organization, an admin with an API
// token for the dev login, a recruiter, and an open job running the
// application-review pipeline. Idempotent: runs at every start, creates once.
import fs from 'node:fs';
import path from 'node:path';
import type { PrismaClient } from '../../generated/prisma/client';
import { hashToken, newToken } from '../auth';
import { compileGraph } from '../../workflows/graph/compile';
import { applicationReviewGraph } from '../../workflows/graph/examples/application-review';
import { DEFAULT_STAGES } from '../routes/jobs';

export async function seedDevData(prisma: PrismaClient, dataDir: string): Promise<{ token: string; orgSlug: string }> {
  const org = await prisma.organization.upsert({ where: { slug: 'acme' }, create: { slug: 'acme', name: 'Acme Corp' }, update: {} });
  const admin = await prisma.user.upsert({
    where: { orgId_email: { orgId: org.id, email: 'admin@acme.test' } },
    create: { orgId: org.id, email: 'admin@acme.test', name: 'Alex Admin', role: 'ADMIN' },
    update: {},
  });
  await prisma.user.upsert({
    where: { orgId_email: { orgId: org.id, email: 'riley@acme.test' } },
    create: { orgId: org.id, email: 'riley@acme.test', name: 'Riley Recruiter', role: 'RECRUITER' },
    update: {},
  });

  // The dev token's plain text lives only in the data directory (mode 600).
  const tokenFile = path.join(dataDir, 'dev-token');
  let token = fs.existsSync(tokenFile) ? fs.readFileSync(tokenFile, 'utf8').trim() : '';
  const known = token && (await prisma.apiToken.findUnique({ where: { tokenHash: hashToken(token) } }));
  if (!known) {
    token = newToken();
    await prisma.apiToken.create({ data: { orgId: org.id, userId: admin.id, name: 'dev-login', tokenHash: hashToken(token) } });
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(tokenFile, token, { mode: 0o600 });
  }

  if (!(await prisma.job.findFirst({ where: { orgId: org.id } }))) {
    const graph = applicationReviewGraph();
    const compiled = compileGraph(graph);
    if (!compiled.ok) throw new Error(`seed pipeline is invalid: ${JSON.stringify(compiled.issues)}`);
    const pipeline = await prisma.pipeline.create({ data: { orgId: org.id, name: 'Application review', kind: 'HIRING', draft: graph as never } });
    await prisma.pipelineVersion.create({ data: { orgId: org.id, pipelineId: pipeline.id, version: 1, graph: graph as never, plan: compiled.plan as never, hash: compiled.plan.hash, publishedById: admin.id } });
    await prisma.job.create({
      data: {
        orgId: org.id, title: 'Senior Backend Engineer', department: 'Engineering', locations: ['Remote (EU)'], status: 'OPEN', openedAt: new Date(), pipelineId: pipeline.id,
        description: 'Build the durable workflow engine behind our hiring platform.',
        stages: { create: DEFAULT_STAGES.map((s, position) => ({ ...s, position })) },
      },
    });
  }
  return { token, orgSlug: org.slug };
}
