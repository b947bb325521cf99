// The operator's exit is an exit event for every plan, whether or not its graph
// lists exit conditions; other events still count only when listed.
import { exitRun, isExitEvent, startRun } from '../../../workflows/graph/interpreter';
import { compileGraph } from '../../../workflows/graph/compile';
import { applicationReviewGraph } from '../../../workflows/graph/examples/application-review';
import { OPERATOR_EXIT_EVENT } from '../../../workflows/constants';
import { RUN } from './graph-builders';

function planOf(settings?: { exitOn: ('candidate.withdrew' | 'candidate.replied')[] }) {
  const result = compileGraph({ ...applicationReviewGraph(), ...(settings ? { settings } : {}) });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.plan;
}

test('operator.exit ends runs of plans without exit conditions', () => {
  const plan = planOf();
  expect(plan.exitOn).toBeUndefined();
  expect(isExitEvent(plan, OPERATOR_EXIT_EVENT)).toBe(true);
  expect(isExitEvent(plan, 'candidate.withdrew')).toBe(false);
});

test('operator.exit ends runs of plans with other exit conditions too', () => {
  const plan = planOf({ exitOn: ['candidate.withdrew'] });
  expect(isExitEvent(plan, OPERATOR_EXIT_EVENT)).toBe(true);
  expect(isExitEvent(plan, 'candidate.withdrew')).toBe(true);
  expect(isExitEvent(plan, 'candidate.replied')).toBe(false);
});

test('the exit is recorded as the port the run left by', () => {
  const plan = planOf();
  const state = exitRun(plan, startRun(plan, RUN, 1000), OPERATOR_EXIT_EVENT, 2000);
  expect(state.status).toBe('exited');
  expect(state.steps.at(-1)).toMatchObject({ nodeId: 'acknowledge', port: 'exit:operator.exit', at: 2000 });
});
