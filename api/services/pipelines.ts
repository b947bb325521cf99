// Pipelines: editable drafts (optimistic revision check) and immutable
// published versions holding the compiled plan.
import { z } from 'zod';
import type { Prisma as P } from '../../generated/prisma/client';
import { AppError, notFound } from '../errors';
import { compileGraph } from '../../workflows/graph/compile';
import { ZGraph } from '../../workflows/graph/schema';
import type { Services } from './services';

export const ZCreatePipeline = z.object({ name: z.string().trim().min(1).max(200), kind: z.enum(['HIRING', 'NURTURE']).default('HIRING'), graph: z.unknown() }).strict();
export const ZSaveDraft = z.object({ graph: z.unknown(), revision: z.number().int().min(0) }).strict();

const json = (v: unknown) => v as P.InputJsonValue;

/** Drafts may be incomplete, but must have the graph's shape. */
function parseDraft(graph: unknown) {
  const parsed = ZGraph.safeParse(graph);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ path: ['body', 'graph', ...i.path].join('.'), message: i.message }));
    throw new AppError('VALIDATION_FAILED', `graph is malformed: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`, details);
  }
  return parsed.data;
}

export async function createPipeline(services: Services, orgId: string, input: z.infer<typeof ZCreatePipeline>) {
  const graph = parseDraft(input.graph ?? { nodes: [], edges: [] });
  return services.prisma.pipeline.create({ data: { orgId, name: input.name, kind: input.kind, draft: json(graph) } });
}

export async function saveDraft(services: Services, orgId: string, pipelineId: string, input: z.infer<typeof ZSaveDraft>) {
  const graph = parseDraft(input.graph);
  const { count } = await services.prisma.pipeline.updateMany({
    where: { id: pipelineId, orgId, draftRevision: input.revision },
    data: { draft: json(graph), draftRevision: { increment: 1 } },
  });
  if (count === 0) {
    const current = await services.prisma.pipeline.findFirst({ where: { id: pipelineId, orgId } });
    if (!current) throw notFound('Pipeline', pipelineId);
    throw new AppError('CONFLICT', `the draft was saved by someone else (revision ${current.draftRevision}, yours ${input.revision}); reload it`, [{ path: 'body.revision', message: 'stale revision' }]);
  }
  return services.prisma.pipeline.findFirstOrThrow({ where: { id: pipelineId } });
}

/** Validates and compiles the draft (or a given graph) into the next immutable version. */
export async function publishPipeline(services: Services, orgId: string, pipelineId: string, userId: string | null) {
  const { prisma } = services;
  const pipeline = await prisma.pipeline.findFirst({ where: { id: pipelineId, orgId }, include: { jobs: { include: { stages: true } } } });
  if (!pipeline) throw notFound('Pipeline', pipelineId);
  // Stage targets must exist in every job this pipeline runs for.
  const stageKeys = pipeline.jobs.length ? pipeline.jobs.map((j) => j.stages.map((s) => s.key)).reduce((a, b) => a.filter((k) => b.includes(k))) : undefined;
  const compiled = compileGraph(pipeline.draft, { stageKeys });
  if (!compiled.ok) {
    const first = compiled.issues[0]!;
    throw new AppError('INVALID_GRAPH', `graph has ${compiled.issues.length} problem${compiled.issues.length === 1 ? '' : 's'}; first: ${first.nodeId ? `node "${first.nodeId}": ` : ''}${first.message}`, compiled.issues);
  }
  const latest = await prisma.pipelineVersion.findFirst({ where: { pipelineId }, orderBy: { version: 'desc' } });
  if (latest && latest.hash === compiled.plan.hash && latest.status === 'PUBLISHED') return { version: latest, isNew: false };
  const version = await prisma.pipelineVersion.create({
    data: {
      orgId, pipelineId, version: (latest?.version ?? 0) + 1, graph: json(pipeline.draft), plan: json(compiled.plan), hash: compiled.plan.hash, publishedById: userId,
    },
  });
  await prisma.auditEvent.create({ data: { orgId, actorType: 'USER', actorId: userId, action: 'pipeline.published', entityType: 'Pipeline', entityId: pipelineId, after: { version: version.version, hash: version.hash } } });
  return { version, isNew: true };
}
