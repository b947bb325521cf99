// Records the node a run is parked at when the wait is the node's first command
// (time.wait, time.wait_until, time.send_window, events.wait_for_any): no activity
// of that node ran to record it, so without this the Run row would still name the
// node before, and the live overlay would count the run in the wrong place.
import type { ActivityDeps } from './dependencies';
import { touchRun } from './touch-run';

export function recordRunParked(deps: ActivityDeps) {
  return async (input: { runId: string; nodeId: string }): Promise<void> => {
    await touchRun(deps.prisma, input.runId, input.nodeId);
  };
}
