// Runs started before the Run row learned to follow a run into a wait that is its
// node's first command (record-parked-node) must replay unchanged: the history
// below was recorded with the previous workflow code (hello email, a time.wait,
// goodbye). The negative control bundles today's workflow with the patch gate
// removed, which must fail, proving the gate is what keeps the old history valid.
import fs from 'node:fs';
import path from 'node:path';
import { Worker, bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { DeterminismViolationError } from '@temporalio/workflow';

const DIR = path.resolve(__dirname, '../histories/pre-parked-node');
const history = historyFromJSON(JSON.parse(fs.readFileSync(path.join(DIR, 'cool-off-wait.json'), 'utf8')));
const quiet = { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} } as never;
const workflowsPath = require.resolve('../../workflows');

let current: WorkflowBundleWithSourceMap;
let ungated: WorkflowBundleWithSourceMap;

beforeAll(async () => {
  current = await bundleWorkflowCode({ workflowsPath, logger: quiet });
  ungated = await bundleWorkflowCode({
    workflowsPath, logger: quiet,
    webpackConfigHook: (config) => ({
      ...config,
      resolve: { ...config.resolve, alias: { ...(config.resolve?.alias as Record<string, string>), '@temporalio/workflow$': path.join(DIR, 'always-patched.ts') } },
    }),
  });
}, 120_000);

test('a run parked in a time.wait by the previous code replays against the current code', async () => {
  await expect(Worker.runReplayHistory({ workflowBundle: current }, history, 'cool-off-wait')).resolves.toBeUndefined();
});

test('negative control: without the patch gate the same history does not replay', async () => {
  await expect(Worker.runReplayHistory({ workflowBundle: ungated }, history, 'cool-off-wait')).rejects.toBeInstanceOf(DeterminismViolationError);
});
