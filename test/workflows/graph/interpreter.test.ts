// The pure interpreter driven by hand, the way the pipeline-run workflow drives
// it: carry out `pending`, feed the outcome back, until the run completes.
import { advanceRun, signalMatches, startRun, type RunState } from '../../../workflows/graph/interpreter';
import { compileGraph } from '../../../workflows/graph/compile';
import { applicationReviewGraph } from '../../../workflows/graph/examples/application-review';
import type { NodeEvent } from '../../../workflows/graph/node-definition';
import type { Plan } from '../../../workflows/graph/plan';
import type { TGraph } from '../../../workflows/graph/schema';
import { branch, collectFeedback, edge, end, RUN, trigger } from './graph-builders';

const FIVE_DAYS_MS = 5 * 24 * 60 * 60 * 1000;

function planOf(graph: TGraph): Plan {
  const result = compileGraph(graph);
  if (!result.ok) throw new Error(`expected the graph to compile: ${JSON.stringify(result.issues)}`);
  return result.plan;
}

const plan = planOf(applicationReviewGraph());

const completed = (result: unknown): NodeEvent => ({ type: 'activity.completed', result });
const feedback = (payload: Record<string, unknown>): NodeEvent => ({ type: 'signal', name: 'feedback.submitted', payload });
const path = (state: RunState) => state.steps.map((s) => (s.port ? `${s.nodeId}:${s.port}` : s.nodeId));

/** Started, acknowledgement sent, screening task t1 created: parked on the feedback wait. */
function waitingForFeedback(): RunState {
  const started = startRun(plan, RUN, 1000);
  const taskCreated = advanceRun(plan, started, completed({ messageId: 'm1', status: 'SENT' }), 2000);
  return advanceRun(plan, taskCreated, completed({ taskId: 't1' }), 3000);
}

describe('interpreter on the application review plan', () => {
  it('starts by sending the acknowledgement, with the template not yet rendered', () => {
    const state = startRun(plan, RUN, 1000);

    expect(state.status).toBe('running');
    expect(state.cursor).toBe('acknowledge');
    expect(state.pending).toMatchObject({
      kind: 'activity',
      nodeId: 'acknowledge',
      activity: 'sendEmail',
      input: { subject: 'We received your application for {{job.title}}', category: 'TRANSACTIONAL', idempotencyKey: 'wf-1/acknowledge/1', nodeId: 'acknowledge', run: RUN },
    });
    expect(path(state)).toEqual(['applied:out']);
  });

  it('creates the screening task once the acknowledgement is sent', () => {
    const started = startRun(plan, RUN, 1000);
    const state = advanceRun(plan, started, completed({ messageId: 'm1', status: 'SENT' }), 2000);

    expect(state.pending).toMatchObject({
      kind: 'activity',
      activity: 'createTask',
      input: { kind: 'FEEDBACK', title: 'Screen the application', assignee: { role: 'RECRUITER' }, dueInMs: FIVE_DAYS_MS, idempotencyKey: 'wf-1/screen/1' },
    });
    expect(state.vars.lastEmail).toEqual({ messageId: 'm1', status: 'SENT' });
    expect(state.steps.at(-1)).toMatchObject({ nodeId: 'acknowledge', port: 'out', at: 2000 });
  });

  it('waits for feedback on the created task, for five days', () => {
    expect(waitingForFeedback().pending).toEqual({ kind: 'wait', nodeId: 'screen', signals: ['feedback.submitted'], match: { taskId: 't1' }, timeoutMs: FIVE_DAYS_MS, deadlineAt: 3000 + FIVE_DAYS_MS });
  });

  it('matches only feedback for the awaited task', () => {
    const { pending } = waitingForFeedback();

    expect(signalMatches(pending, 'feedback.submitted', { taskId: 't1', score: 4 })).toBe(true);
    expect(signalMatches(pending, 'feedback.submitted', { taskId: 't2', score: 4 })).toBe(false);
    expect(signalMatches(pending, 'feedback.submitted', { score: 4 })).toBe(false);
    expect(signalMatches(pending, 'application.withdrawn', { taskId: 't1' })).toBe(false);
    expect(signalMatches(startRun(plan, RUN, 0).pending, 'feedback.submitted', { taskId: 't1' })).toBe(false);
  });

  it('advances a strong candidate to the interview stage and completes', () => {
    const moving = advanceRun(plan, waitingForFeedback(), feedback({ taskId: 't1', score: 4 }), 4000);

    expect(moving.pending).toMatchObject({ kind: 'activity', activity: 'moveToStage', input: { stage: 'interview', idempotencyKey: 'wf-1/to_interview/1' } });
    expect(moving.vars.feedback).toEqual({ taskId: 't1', score: 4 });

    const done = advanceRun(plan, moving, completed({}), 5000);

    expect(done.status).toBe('completed');
    expect(done.pending).toBeNull();
    expect(path(done)).toEqual(['applied:out', 'acknowledge:out', 'screen:submitted', 'decide:advance', 'to_interview:out', 'done']);
    expect(done.steps.map((s) => s.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('sends a weak candidate the rejection email, then moves them to rejected', () => {
    const emailing = advanceRun(plan, waitingForFeedback(), feedback({ taskId: 't1', score: 2 }), 4000);

    expect(emailing.pending).toMatchObject({ activity: 'sendEmail', nodeId: 'rejection_email' });

    const rejecting = advanceRun(plan, emailing, completed({ messageId: 'm2', status: 'SENT' }), 5000);

    expect(rejecting.pending).toMatchObject({ activity: 'moveToStage', input: { stage: 'rejected', reason: 'screen score below 3' } });

    const done = advanceRun(plan, rejecting, completed({}), 6000);

    expect(done.status).toBe('completed');
    expect(path(done)).toEqual(['applied:out', 'acknowledge:out', 'screen:submitted', 'decide:decline', 'rejection_email:out', 'to_rejected:out', 'closed']);
  });

  describe('when nobody answers in time', () => {
    const timedOut = () => advanceRun(plan, waitingForFeedback(), { type: 'timeout' }, 4000);

    it('cancels the task', () => {
      expect(timedOut().pending).toMatchObject({ kind: 'activity', nodeId: 'screen', activity: 'cancelTask', input: { taskId: 't1', reason: 'timeout', run: RUN } });
    });

    it('leaves by "timeout" once the task is cancelled', () => {
      const state = advanceRun(plan, timedOut(), completed({ status: 'CANCELLED' }), 5000);

      expect(state.pending).toMatchObject({ activity: 'sendEmail', nodeId: 'rejection_email' });
      expect(path(state).at(-1)).toBe('screen:timeout');
      expect(state.vars.feedback).toBeUndefined();
    });

    it('leaves by "submitted" when the feedback beat the cancellation', () => {
      const state = advanceRun(plan, timedOut(), completed({ status: 'COMPLETED', outcome: { score: 4 } }), 5000);

      expect(state.pending).toMatchObject({ activity: 'moveToStage', input: { stage: 'interview' } });
      expect(path(state).slice(-2)).toEqual(['screen:submitted', 'decide:advance']);
      expect(state.vars.feedback).toEqual({ score: 4 });
    });
  });

  it('refuses to advance a completed run', () => {
    const moving = advanceRun(plan, waitingForFeedback(), feedback({ taskId: 't1', score: 4 }), 4000);
    const done = advanceRun(plan, moving, completed({}), 5000);

    expect(() => advanceRun(plan, done, completed({}), 6000)).toThrow('run is not waiting for anything');
  });

  it('leaves the previous state untouched', () => {
    const before = waitingForFeedback();
    const snapshot = structuredClone(before);

    const after = advanceRun(plan, before, feedback({ taskId: 't1', score: 4 }), 4000);

    expect(before).toEqual(snapshot);
    expect(after.cursor).toBe('to_interview');
  });
});

describe('interpreter on a loop', () => {
  // Ask again while the score is below 2: the second visit gets its own idempotency key.
  const loopPlan = planOf({
    nodes: [
      trigger(), collectFeedback('screen'),
      branch('decide', [{ port: 'give_up', when: [{ field: 'visits.screen', op: 'gte', value: 3 }] }, { port: 'ask_again', when: [{ field: 'feedback.score', op: 'lt', value: 2 }] }]),
      end('done'), end('closed'),
    ],
    edges: [
      edge('applied', 'out', 'screen'), edge('screen', 'submitted', 'decide'), edge('screen', 'timeout', 'closed'),
      edge('decide', 'give_up', 'closed'), edge('decide', 'ask_again', 'screen'), edge('decide', 'otherwise', 'done'),
    ],
  });

  it('re-enters a node with a fresh visit number and memo', () => {
    let state = startRun(loopPlan, RUN, 0);
    state = advanceRun(loopPlan, state, completed({ taskId: 't1' }), 1);
    state = advanceRun(loopPlan, state, feedback({ taskId: 't1', score: 1 }), 2);

    expect(state.visits.screen).toBe(2);
    expect(state.pending).toMatchObject({ activity: 'createTask', input: { idempotencyKey: 'wf-1/screen/2' } });

    state = advanceRun(loopPlan, state, completed({ taskId: 't2' }), 3);

    expect(state.pending).toMatchObject({ kind: 'wait', match: { taskId: 't2' } });
  });
});
