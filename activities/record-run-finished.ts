// Marks the run finished in the database with the steps it took and, for an exit, the event that ended it
// (Run.exitReason: candidate.replied, candidate.applied, operator.exit...), which campaign dashboards count.
import type { RunStep } from '../workflows/graph/interpreter';
import type { ActivityDeps } from './dependencies';

const EXIT_PORT_PREFIX = 'exit:';

/** The exit event of a run that exited: the interpreter's exitRun records it as the last step's port `exit:<event>`. */
export function exitReasonOf(steps: readonly RunStep[]): string | null {
  const port = steps[steps.length - 1]?.port;
  return port?.startsWith(EXIT_PORT_PREFIX) ? port.slice(EXIT_PORT_PREFIX.length) : null;
}

export function recordRunFinished(deps: ActivityDeps) {
  return async (input: { runId: string; steps: RunStep[]; status?: 'COMPLETED' | 'EXITED' }): Promise<void> => {
    const last = input.steps[input.steps.length - 1];
    const status = input.status ?? 'COMPLETED';
    await deps.prisma.$transaction([
      deps.prisma.run.update({
        where: { id: input.runId },
        data: {
          status, endedAt: new Date(), currentNodeId: last?.nodeId ?? null, steps: input.steps as never,
          exitReason: status === 'EXITED' ? exitReasonOf(input.steps) : null,
        },
      }),
      // Nobody should work on a task for a run that has ended (an exit, say).
      deps.prisma.task.updateMany({ where: { runId: input.runId, status: 'OPEN' }, data: { status: 'CANCELLED', outcome: { cancelledBecause: 'run ended' } } }),
    ]);
  };
}

/** A migrated run is pinned to its new version from now on. */
export function recordRunMigrated(deps: ActivityDeps) {
  return async (input: { runId: string; pipelineVersionId: string; nodeId: string }): Promise<void> => {
    const run = await deps.prisma.run.findUniqueOrThrow({ where: { id: input.runId } });
    if (run.pipelineVersionId === input.pipelineVersionId) return;
    await deps.prisma.$transaction([
      deps.prisma.run.update({ where: { id: input.runId }, data: { pipelineVersionId: input.pipelineVersionId, currentNodeId: input.nodeId } }),
      deps.prisma.auditEvent.create({
        data: { orgId: run.orgId, actorType: 'WORKFLOW', actorId: run.workflowId, action: 'run.migrated', entityType: 'Run', entityId: run.id, before: { pipelineVersionId: run.pipelineVersionId }, after: { pipelineVersionId: input.pipelineVersionId, nodeId: input.nodeId } },
      }),
    ]);
  };
}
