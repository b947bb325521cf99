// Erasure reaches into Temporal: a run's history holds its inputs, signals and activity results
// (run variables, event payloads), so the workflows of an erased person are deleted, not only
// stopped. Every execution of each workflow id is deleted (a long nurture run continues as new,
// leaving one closed execution per chapter); deleting a running execution terminates it first.
// Deletion happens after the database commit; a workflow already gone is skipped, so
// erasing again finishes what an unreachable Temporal left undone.
import { isGrpcServiceError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Logger } from '../../platform/logger';

export interface TWorkflowDeletion {
  /** Executions Temporal accepted to delete (it deletes in the background: a closed one can take some seconds to go). */
  deleted: number;
  /** Workflow ids Temporal could not be asked about (unreachable): erase again to finish. */
  failed: string[];
}

/** gRPC status NOT_FOUND. */
const GRPC_NOT_FOUND = 5;
const isNotFound = (err: unknown) => isGrpcServiceError(err) && err.code === GRPC_NOT_FOUND;

async function deleteExecution(client: Client, workflowId: string, runId: string): Promise<boolean> {
  try {
    await client.workflowService.deleteWorkflowExecution({ namespace: client.options.namespace, workflowExecution: { workflowId, runId } });
    return true;
  } catch (err) {
    if (isNotFound(err)) return false;
    throw err;
  }
}

/** Deletes every execution of each workflow id; returns how many executions went and which ids failed. */
export async function deleteWorkflowHistories(temporal: () => Promise<Client>, workflowIds: readonly string[], log: Logger): Promise<TWorkflowDeletion> {
  const result: TWorkflowDeletion = { deleted: 0, failed: [] };
  if (!workflowIds.length) return result;
  let client: Client;
  try {
    client = await temporal();
  } catch (err) {
    log.warn({ err: (err as Error).message, workflows: workflowIds.length }, 'erasure: Temporal unreachable, histories not deleted');
    return { deleted: 0, failed: [...workflowIds] };
  }
  for (const workflowId of workflowIds) {
    try {
      // The latest execution (visibility may not list it yet), and the closed chapters of a run that
      // continued as new, found through visibility (ids are ours, quoted safely).
      const runIds = new Set<string>();
      const latest = await client.workflow.getHandle(workflowId).describe().catch((err) => {
        if (err instanceof WorkflowNotFoundError || isNotFound(err)) return null;
        throw err;
      });
      if (latest) runIds.add(latest.runId);
      for await (const execution of client.workflow.list({ query: `WorkflowId = '${workflowId.replace(/'/g, "''")}'` })) runIds.add(execution.runId);
      for (const runId of runIds) if (await deleteExecution(client, workflowId, runId)) result.deleted++;
    } catch (err) {
      log.warn({ workflowId, err: (err as Error).message }, 'erasure: workflow history not deleted');
      result.failed.push(workflowId);
    }
  }
  return result;
}
