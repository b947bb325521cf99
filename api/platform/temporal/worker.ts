// The Temporal worker: the interpreter workflow plus every activity, bound to
// the database and the mailer.
import { bundleWorkflowCode, Worker, type BundleOptions, type NativeConnection, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createActivities } from '../../../activities/create-activities';
import type { ActivityDeps } from '../../../activities/dependencies';

export const WORKFLOWS_PATH = require.resolve('../../../workflows');

/**
 * Loaded once per worker thread instead of once per workflow: the sandbox gives each workflow its own copy
 * of every module, so without this each run start rebuilt the node catalog's zod config schemas (27 node
 * types) for nothing, tens of milliseconds of CPU and most of the garbage collection of a run's first task.
 * Both are pure and stateless (definitions, schemas, functions); the SDK freezes what it shares.
 */
export const PRELOADED_WORKFLOW_MODULES = ['zod', require.resolve('../../../workflows/graph/registry')];

/** How the workflow bundle is built, for the worker and for the replay tests (so they replay what runs). */
export function workflowBundleOptions(workflowsPath: string = WORKFLOWS_PATH): BundleOptions {
  return {
    workflowsPath, preloadModules: PRELOADED_WORKFLOW_MODULES,
    logger: { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} } as never,
  };
}

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;
/** Bundled once per process: several workers (tests, benchmarks) share it. */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflowCode(workflowBundleOptions());
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
