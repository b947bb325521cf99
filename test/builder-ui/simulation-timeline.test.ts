// How the simulation panel reads a dry run: entries grouped by day of the run,
// one line each, and the outcome in words, on timelines simulate() produced.
import { compileGraph } from '../../workflows/graph/compile';
import { simulate } from '../../workflows/graph/simulate';
import { applicationReviewGraph } from '../../workflows/graph/examples/application-review';
import type { TGraph } from '../../workflows/graph/schema';
import { describeEntry, describeOutcome, groupTimelineByDay } from '../../builder-ui/src/builder/simulation-timeline';

const START = Date.parse('2026-03-02T09:00:00Z');
const context = { candidate: { firstName: 'Sam', lastName: 'Sample', email: 'sam@example.com', phone: null }, job: { title: 'Role' }, org: { name: 'Acme' } };

function simulateGraph(graph: TGraph, script: Parameters<typeof simulate>[0]['script'] = []) {
  const compiled = compileGraph(graph);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
  return simulate({ plan: compiled.plan, context, startAt: START, script });
}

test('a run that times out on day 5 shows day 0 and day 5, each entry once, in order', () => {
  const result = simulateGraph(applicationReviewGraph());
  const days = groupTimelineByDay(result.timeline, START);
  expect(days.map((d) => [d.day, new Date(d.startsAt).toISOString(), d.entries.map((e) => e.entry.kind)])).toEqual([
    [0, '2026-03-02T09:00:00.000Z', ['email', 'task', 'wait']],
    [5, '2026-03-07T09:00:00.000Z', ['timeout', 'task_cancelled', 'email', 'stage', 'end']],
  ]);
  expect(days.flatMap((d) => d.entries.map((e) => e.index))).toEqual(result.timeline.map((_, i) => i));
  expect(describeOutcome(result, applicationReviewGraph())).toEqual({ kind: 'completed', text: 'Completed' });
});

test('entries read as a recruiter would say them', () => {
  const result = simulateGraph(applicationReviewGraph(), [{ at: { hours: 3 }, name: 'feedback.submitted', payload: { score: 4 } }]);
  const lines = result.timeline.map((e) => describeEntry(e, (iso) => iso.slice(0, 10)));
  expect(lines).toEqual([
    { title: 'Email: We received your application for Role', detail: 'to sam@example.com' },
    { title: 'Task: Screen the application', detail: 'feedback, due 2026-03-07' },
    { title: 'Waits for feedback.submitted', detail: 'until 2026-03-07' },
    { title: 'Event: feedback.submitted', detail: null },
    { title: 'Stage → interview', detail: null },
    { title: 'End of the run', detail: null },
  ]);
});

test('a run parked at a wait without a time limit says where and for what', () => {
  const graph: TGraph = {
    nodes: [
      { id: 'start', type: 'trigger.manual', typeVersion: 1, config: {} },
      { id: 'reply', type: 'events.wait_for_any', typeVersion: 1, label: 'Wait for a reply', config: { events: [{ name: 'candidate.replied', port: 'replied' }] } },
      { id: 'end', type: 'action.end', typeVersion: 1, config: {} },
    ],
    edges: [{ source: 'start', sourcePort: 'out', target: 'reply' }, { source: 'reply', sourcePort: 'replied', target: 'end' }],
  };
  const result = simulateGraph(graph);
  expect(describeOutcome(result, graph)).toEqual({ kind: 'waiting', text: 'Waiting at Wait for a reply (reply) for candidate.replied, with no time limit and nothing more scripted' });
  expect(describeEntry(result.timeline[0]!)).toEqual({ title: 'Waits for candidate.replied', detail: 'no time limit' });
});
