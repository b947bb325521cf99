// The Temporal worker: the interpreter workflow plus every activity, bound to
// the database and the mailer.
import { bundleWorkflowCode, Worker, type NativeConnection, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createActivities } from '../../../activities/create-activities';
import type { ActivityDeps } from '../../../activities/dependencies';

export const WORKFLOWS_PATH = require.resolve('../../../workflows');

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;
/** Bundled once per process: several workers (tests, benchmarks) share it. */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} } as never });
  return bundle;
}

export async function createWorker(opts: { connection: NativeConnection; namespace: string; taskQueue: string; deps: ActivityDeps }): Promise<Worker> {
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    workflowBundle: await workflowBundle(),
    activities: createActivities(opts.deps),
  });
}
