// Pipelines: editable drafts (optimistic revision check) and immutable
// published versions holding the compiled plan. A version is published from
// the draft, or by rolling back to an older version's graph; both go through
// publishGraph, so both get the same compile and stage-key checks.
import { z } from 'zod';
import type { Prisma as P } from '../../generated/prisma/client';
import { AppError, notFound } from '../errors';
import { compileGraph } from '../../workflows/graph/compile';
import { ZGraph } from '../../workflows/graph/schema';
import { STARTER_TEMPLATES, findStarterTemplate, instantiateStarterTemplate } from '../../workflows/graph/examples/starter-templates';
import type { Services } from './services';

export const ZCreatePipeline = z
  .object({
    name: z.string().trim().min(1).max(200),
    /** Defaults to the template's kind, else HIRING. */
    kind: z.enum(['HIRING', 'NURTURE']).optional(),
    graph: z.unknown().optional(),
    /** Seed the draft from a starter template (GET /api/pipeline-templates) instead of a graph. */
    templateId: z
      .string()
      .refine((id) => !!findStarterTemplate(id), { message: `unknown template; one of ${STARTER_TEMPLATES.map((t) => t.id).join(', ')}` })
      .optional(),
  })
  .strict()
  .refine((b) => b.graph === undefined || b.templateId === undefined, { message: 'give a graph or a templateId, not both', path: ['templateId'] });
export const ZSaveDraft = z.object({ graph: z.unknown(), revision: z.number().int().min(0) }).strict();
export const ZRollback = z.object({ revision: z.number().int().min(0) }).strict();

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

/** Who approves offers in a pipeline made from a template: a hiring manager, else an admin, else its creator. */
async function offerApprovers(services: Services, orgId: string, userId: string): Promise<string[]> {
  const people = await services.prisma.user.findMany({ where: { orgId, deactivated: false, role: { in: ['HIRING_MANAGER', 'ADMIN'] } }, orderBy: { createdAt: 'asc' }, select: { id: true, role: true } });
  const pick = people.find((u) => u.role === 'HIRING_MANAGER') ?? people[0];
  return [pick?.id ?? userId];
}

export async function createPipeline(services: Services, orgId: string, userId: string, input: z.infer<typeof ZCreatePipeline>) {
  const template = input.templateId ? findStarterTemplate(input.templateId) : undefined;
  const graph = template
    ? instantiateStarterTemplate(template, { offerApproverUserIds: await offerApprovers(services, orgId, userId) })
    : parseDraft(input.graph ?? { nodes: [], edges: [] });
  return services.prisma.$transaction(async (tx) => {
    const pipeline = await tx.pipeline.create({ data: { orgId, name: input.name, kind: input.kind ?? template?.kind ?? 'HIRING', draft: json(graph) } });
    await tx.auditEvent.create({
      data: { orgId, actorType: 'USER', actorId: userId, action: 'pipeline.created', entityType: 'Pipeline', entityId: pipeline.id, after: { name: pipeline.name, kind: pipeline.kind, templateId: input.templateId ?? null } },
    });
    return pipeline;
  });
}

const staleDraft = (current: number, yours: number) =>
  new AppError('CONFLICT', `the draft was saved by someone else (revision ${current}, yours ${yours}); reload it`, [{ path: 'body.revision', message: 'stale revision' }]);

export async function saveDraft(services: Services, orgId: string, pipelineId: string, input: z.infer<typeof ZSaveDraft>) {
  const graph = parseDraft(input.graph);
  const { count } = await services.prisma.pipeline.updateMany({
    where: { id: pipelineId, orgId, draftRevision: input.revision },
    data: { draft: json(graph), draftRevision: { increment: 1 } },
  });
  if (count === 0) {
    const current = await services.prisma.pipeline.findFirst({ where: { id: pipelineId, orgId } });
    if (!current) throw notFound('Pipeline', pipelineId);
    throw staleDraft(current.draftRevision, input.revision);
  }
  return services.prisma.pipeline.findFirstOrThrow({ where: { id: pipelineId } });
}

async function findPipeline(tx: P.TransactionClient, orgId: string, pipelineId: string) {
  const pipeline = await tx.pipeline.findFirst({ where: { id: pipelineId, orgId }, include: { jobs: { include: { stages: true } } } });
  if (!pipeline) throw notFound('Pipeline', pipelineId);
  return pipeline;
}
type PipelineWithJobs = Awaited<ReturnType<typeof findPipeline>>;

/**
 * Validates and compiles a graph into the pipeline's next immutable version.
 * A graph equal to the latest published version gives that version back
 * (isNew false) rather than a duplicate.
 */
async function publishGraph(tx: P.TransactionClient, orgId: string, pipeline: PipelineWithJobs, graph: unknown, userId: string | null) {
  // Stage targets must exist in every job this pipeline runs for.
  const stageKeys = pipeline.jobs.length ? pipeline.jobs.map((j) => j.stages.map((s) => s.key)).reduce((a, b) => a.filter((k) => b.includes(k))) : undefined;
  const compiled = compileGraph(graph, { stageKeys });
  if (!compiled.ok) {
    const first = compiled.issues[0]!;
    throw new AppError('INVALID_GRAPH', `graph has ${compiled.issues.length} problem${compiled.issues.length === 1 ? '' : 's'}; first: ${first.nodeId ? `node "${first.nodeId}": ` : ''}${first.message}`, compiled.issues);
  }
  const live = await tx.pipelineVersion.findFirst({ where: { pipelineId: pipeline.id, status: 'PUBLISHED' }, orderBy: { version: 'desc' } });
  if (live && live.hash === compiled.plan.hash) return { version: live, isNew: false };
  const latest = await tx.pipelineVersion.findFirst({ where: { pipelineId: pipeline.id }, orderBy: { version: 'desc' }, select: { version: true } });
  const version = await tx.pipelineVersion.create({
    data: { orgId, pipelineId: pipeline.id, version: (latest?.version ?? 0) + 1, graph: json(graph), plan: json(compiled.plan), hash: compiled.plan.hash, publishedById: userId },
  });
  return { version, isNew: true };
}

/** Publishes the draft. */
export async function publishPipeline(services: Services, orgId: string, pipelineId: string, userId: string | null) {
  return services.prisma.$transaction(async (tx) => {
    const pipeline = await findPipeline(tx, orgId, pipelineId);
    const result = await publishGraph(tx, orgId, pipeline, pipeline.draft, userId);
    if (result.isNew) {
      await tx.auditEvent.create({ data: { orgId, actorType: 'USER', actorId: userId, action: 'pipeline.published', entityType: 'Pipeline', entityId: pipelineId, after: { version: result.version.version, hash: result.version.hash } } });
    }
    return result;
  });
}

/**
 * Rolls back: publishes an older version's graph as the newest version and
 * replaces the draft with it, so the builder shows what is live. `revision` is
 * the draft revision the client holds; a stale one changes nothing.
 */
export async function rollbackPipeline(services: Services, orgId: string, pipelineId: string, versionId: string, input: z.infer<typeof ZRollback>, userId: string | null) {
  return services.prisma.$transaction(async (tx) => {
    const pipeline = await findPipeline(tx, orgId, pipelineId);
    const target = await tx.pipelineVersion.findFirst({ where: { id: versionId, pipelineId, orgId } });
    if (!target) throw notFound('Version', versionId);
    // Claim the draft first: the row lock orders this against concurrent saves and rollbacks.
    const { count } = await tx.pipeline.updateMany({ where: { id: pipelineId, orgId, draftRevision: input.revision }, data: { draft: json(target.graph), draftRevision: { increment: 1 } } });
    if (count === 0) throw staleDraft((await tx.pipeline.findFirstOrThrow({ where: { id: pipelineId } })).draftRevision, input.revision);
    const result = await publishGraph(tx, orgId, pipeline, target.graph, userId);
    await tx.auditEvent.create({
      data: {
        orgId, actorType: 'USER', actorId: userId, action: 'pipeline.rolled_back', entityType: 'Pipeline', entityId: pipelineId,
        before: { draftRevision: input.revision }, after: { fromVersion: target.version, version: result.version.version, hash: result.version.hash, isNewVersion: result.isNew },
      },
    });
    return { ...result, rolledBackFrom: target.version, draftRevision: input.revision + 1 };
  });
}
