// Reading runs: the database row, plus the live state Temporal reports.
import type { Services } from './services';
import { notFound } from '../errors';
import { STATE_QUERY } from '../../workflows/constants';
import type { RunState } from '../../workflows/graph/interpreter';

export async function getRun(services: Services, orgId: string, runId: string) {
  const run = await services.prisma.run.findFirst({
    where: { id: runId, orgId },
    include: { candidate: { select: { id: true, firstName: true, lastName: true, email: true } }, version: { select: { id: true, version: true, hash: true, pipeline: { select: { id: true, name: true } } } } },
  });
  if (!run) throw notFound('Run', runId);
  let live: { state?: RunState; temporalStatus?: string; temporalRunId?: string; error?: string } = {};
  if (run.status !== 'PENDING') {
    try {
      const handle = (await services.temporal()).workflow.getHandle(run.workflowId);
      const description = await handle.describe();
      live = { temporalStatus: description.status.name, temporalRunId: description.runId };
      if (description.status.name === 'RUNNING') live.state = await handle.query<RunState>(STATE_QUERY);
    } catch (err) {
      live.error = (err as Error).message;
    }
  }
  const steps = live.state?.steps ?? (run.steps as unknown as RunState['steps']);
  const ns = encodeURIComponent(services.config.TEMPORAL_NAMESPACE);
  return {
    id: run.id,
    workflowId: run.workflowId,
    status: run.status,
    temporalStatus: live.temporalStatus ?? null,
    currentNodeId: live.state ? live.state.cursor : run.currentNodeId,
    waitingFor: live.state?.pending ?? null,
    steps: steps.map((s) => ({ ...s, at: new Date(s.at).toISOString() })),
    candidate: run.candidate,
    version: run.version,
    applicationId: run.applicationId,
    startedAt: run.startedAt,
    endedAt: run.endedAt,
    temporalUrl: `${services.temporalUiUrl}/namespaces/${ns}/workflows/${encodeURIComponent(run.workflowId)}${live.temporalRunId ? `/${live.temporalRunId}/history` : ''}`,
    liveError: live.error ?? null,
  };
}
