// Replay safety: histories recorded from real runs (npm run histories:record)
// must replay against the current workflow code. The negative control replays
// them against a deliberately changed workflow, which must fail: it proves the
// test can catch a non-deterministic change.
import fs from 'node:fs';
import path from 'node:path';
import { Worker, bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { DeterminismViolationError } from '@temporalio/workflow';
import { workflowBundleOptions } from '../../api/platform/temporal/worker';

const HISTORIES = path.resolve(__dirname, '../histories');
const files = fs.readdirSync(HISTORIES).filter((f) => f.endsWith('.json')).sort();
const load = (file: string) => historyFromJSON(JSON.parse(fs.readFileSync(path.join(HISTORIES, file), 'utf8')));
const quiet = { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} } as never;

let current: WorkflowBundleWithSourceMap;
let drifted: WorkflowBundleWithSourceMap;

beforeAll(async () => {
  // The worker's own bundle options (preloaded modules included): what replays is what runs.
  current = await bundleWorkflowCode({ ...workflowBundleOptions(), logger: quiet });
  drifted = await bundleWorkflowCode({ workflowsPath: path.join(HISTORIES, 'drifted-workflow.ts'), logger: quiet });
}, 120_000);

test('there are recorded histories for every path of the example pipeline', () => {
  expect(files).toEqual(['application-review-advance.json', 'application-review-reject.json', 'application-review-timeout.json']);
});

test.each(files)('%s replays against the current workflow code', async (file) => {
  await expect(Worker.runReplayHistory({ workflowBundle: current }, load(file), file)).resolves.toBeUndefined();
});

test.each(files)('negative control: %s does not replay against a changed workflow', async (file) => {
  await expect(Worker.runReplayHistory({ workflowBundle: drifted }, load(file), file)).rejects.toBeInstanceOf(DeterminismViolationError);
});
