// Operator-driven migration of in-flight runs from one version of a pipeline to
// another. The report groups the runs by the node each is parked at, with a
// verdict per group; the migration itself is a validated Temporal update that
// each run applies at its next safe point.
import { z } from 'zod';
import { AppError, notFound } from '../errors';
import { compatibilityOf, type NodeCompatibility } from '../../workflows/graph/migration';
import { MIGRATE_UPDATE, STATE_QUERY } from '../../workflows/constants';
import type { MigrateRequest } from '../../workflows/pipeline-run';
import type { RunState } from '../../workflows/graph/interpreter';
import type { Plan } from '../../workflows/graph/plan';
import type { Services } from './services';

export const ZMigrationRequest = z
  .object({
    fromVersionId: z.string().min(1),
    toVersionId: z.string().min(1),
    mapping: z.record(z.string(), z.string()).default({}),
    /** Migrate only runs parked at these nodes (default: all). */
    nodeIds: z.array(z.string()).optional(),
  })
  .strict();
export type TMigrationRequest = z.infer<typeof ZMigrationRequest>;

const MAX_RUNS = 5000;

export interface ReportGroup extends NodeCompatibility {
  count: number;
  runIds: string[];
}

async function loadVersions(services: Services, orgId: string, pipelineId: string, req: TMigrationRequest) {
  const versions = await services.prisma.pipelineVersion.findMany({ where: { pipelineId, orgId, id: { in: [req.fromVersionId, req.toVersionId] } } });
  const from = versions.find((v) => v.id === req.fromVersionId);
  const to = versions.find((v) => v.id === req.toVersionId);
  if (!from) throw notFound('Version', req.fromVersionId);
  if (!to) throw notFound('Version', req.toVersionId);
  if (to.status !== 'PUBLISHED') throw new AppError('CONFLICT', `version ${to.version} is retired; migrate to a published version`, [{ path: 'body.toVersionId', message: 'retired' }]);
  return { from, to };
}

/** Runs of `from` grouped by the node they are parked at, as their workflows report it. */
export async function migrationReport(services: Services, orgId: string, pipelineId: string, req: TMigrationRequest) {
  const { from, to } = await loadVersions(services, orgId, pipelineId, req);
  const runs = await services.prisma.run.findMany({ where: { orgId, pipelineVersionId: from.id, status: 'RUNNING' }, select: { id: true, workflowId: true }, take: MAX_RUNS });
  const client = await services.temporal();
  const groups = new Map<string, ReportGroup>();
  const notParked: string[] = [];
  await Promise.all(
    runs.map(async (run) => {
      const state = await client.workflow.getHandle(run.workflowId).query<RunState>(STATE_QUERY).catch(() => null);
      if (!state || state.status !== 'running' || state.pending?.kind !== 'wait' || !state.cursor) return void notParked.push(run.id);
      const group = groups.get(state.cursor) ?? { ...compatibilityOf(from.plan as unknown as Plan, to.plan as unknown as Plan, state.cursor, req.mapping), count: 0, runIds: [] };
      group.count++;
      group.runIds.push(run.id);
      groups.set(state.cursor, group);
    }),
  );
  return { from: { id: from.id, version: from.version }, to: { id: to.id, version: to.version }, groups: [...groups.values()], notAtSafePoint: notParked, toPlan: to.plan as unknown as Plan };
}

export async function migrateRuns(services: Services, orgId: string, pipelineId: string, req: TMigrationRequest) {
  const { toPlan, ...report } = await migrationReport(services, orgId, pipelineId, req);
  const selected = report.groups.filter((g) => !req.nodeIds || req.nodeIds.includes(g.nodeId));
  const refused = selected.filter((g) => g.verdict !== 'automatic');
  if (refused.length) {
    throw new AppError('CONFLICT', `${refused.length} group(s) cannot move: ${refused.map((g) => `${g.nodeId} (${g.verdict}: ${g.reason})`).join('; ')}`,
      refused.map((g) => ({ path: `body.mapping.${g.nodeId}`, message: g.reason, code: g.verdict, nodeId: g.nodeId })));
  }
  const client = await services.temporal();
  const request: MigrateRequest = { plan: toPlan, pipelineVersionId: req.toVersionId, mapping: req.mapping };
  const migrated: string[] = [];
  const failed: { runId: string; reason: string }[] = [];
  const runs = await services.prisma.run.findMany({ where: { id: { in: selected.flatMap((g) => g.runIds) } }, select: { id: true, workflowId: true } });
  for (const run of runs) {
    try {
      await client.workflow.getHandle(run.workflowId).executeUpdate(MIGRATE_UPDATE, { args: [request] });
      migrated.push(run.id);
    } catch (err) {
      failed.push({ runId: run.id, reason: (err as Error).message });
    }
  }
  await services.prisma.auditEvent.create({ data: { orgId, actorType: 'USER', action: 'pipeline.runs_migrated', entityType: 'Pipeline', entityId: pipelineId, after: { from: req.fromVersionId, to: req.toVersionId, migrated: migrated.length, failed: failed.length } } });
  return { ...report, migrated, failed };
}
