// Marks the run finished in the database with the steps it took.
import type { RunStep } from '../workflows/graph/interpreter';
import type { ActivityDeps } from './dependencies';

export function recordRunFinished(deps: ActivityDeps) {
  return async (input: { runId: string; steps: RunStep[] }): Promise<void> => {
    const last = input.steps[input.steps.length - 1];
    await deps.prisma.run.update({
      where: { id: input.runId },
      data: { status: 'COMPLETED', endedAt: new Date(), currentNodeId: last?.nodeId ?? null, steps: input.steps as never },
    });
  };
}
