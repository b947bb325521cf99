// The simulation panel's presets must move real (dry) runs: each one is fed to
// the same pure simulate() the API uses, and the run must leave the wait by the
// port the preset names. simulationPath must be the path those runs took.
import { compileGraph } from '../../workflows/graph/compile';
import { simulate, type SimulationResult } from '../../workflows/graph/simulate';
import { applicationReviewGraph } from '../../workflows/graph/examples/application-review';
import type { TGraph, TGraphNode } from '../../workflows/graph/schema';
import { msToDuration, simulationPath, simulationPresets, type SimulationPreset } from '../../builder-ui/src/builder/simulation-script';

const START = Date.parse('2026-03-02T09:00:00Z');
const context = { candidate: { firstName: 'Sam', lastName: 'Sample', fullName: 'Sam Sample', email: 'sam@example.com', phone: null }, job: { title: 'Role' }, application: { id: 'x', stage: 'Applied' }, org: { name: 'Acme' } };

function run(graph: TGraph, presets: SimulationPreset[] = []): SimulationResult {
  const compiled = compileGraph(graph);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
  return simulate({ plan: compiled.plan, context, startAt: START, script: presets.flatMap((p) => p.events) });
}

const portsLeft = (result: SimulationResult, nodeId: string) => result.steps.filter((s) => s.nodeId === nodeId).map((s) => s.port);

/** trigger -> the node under test -> one End per port (and whatever `after` adds). */
function around(node: TGraphNode, ports: string[], after: { nodes?: TGraphNode[]; edges?: TGraph['edges'] } = {}): TGraph {
  const wired = new Set((after.edges ?? []).filter((e) => e.source === node.id).map((e) => e.sourcePort));
  const ends = ports.filter((p) => !wired.has(p));
  return {
    nodes: [
      { id: 'start', type: 'trigger.manual', typeVersion: 1, config: {} },
      node,
      ...(after.nodes ?? []),
      ...ends.map((p) => ({ id: `end_${p}`, type: 'action.end', typeVersion: 1, config: {} })),
    ],
    edges: [{ source: 'start', sourcePort: 'out', target: node.id }, ...(after.edges ?? []), ...ends.map((p) => ({ source: node.id, sourcePort: p, target: `end_${p}` }))],
  };
}

describe('presets for the application review pipeline', () => {
  const graph = applicationReviewGraph();
  const presets = simulationPresets(graph, { startAt: START });

  test('offer a strong and a weak scorecard, one per port of the branch after the screen', () => {
    expect(presets.map((p) => [p.id, p.label])).toEqual([
      ['screen/decide:advance', 'Screening scorecard: feedback, score 4 → Score ≥ 3?: advance'],
      ['screen/decide:decline', 'Screening scorecard: feedback, score 2 → Score ≥ 3?: decline'],
    ]);
    // A day after the task is created: well inside the 5-day timeout.
    expect(presets[0]!.events).toEqual([{ at: { days: 1 }, name: 'feedback.submitted', payload: { score: 4, recommendation: 'yes', notes: 'Simulated scorecard' } }]);
  });

  test('with no script the run times out at the screen; each preset moves it past the wait to its branch', () => {
    expect(portsLeft(run(graph), 'screen')).toEqual(['timeout']);

    const advance = run(graph, [presets[0]!]);
    expect(advance.outcome).toBe('completed');
    expect(portsLeft(advance, 'screen')).toEqual(['submitted']);
    expect(portsLeft(advance, 'decide')).toEqual(['advance']);
    expect(advance.timeline).toContainEqual(expect.objectContaining({ kind: 'event', name: 'feedback.submitted', at: '2026-03-03T09:00:00.000Z' }));

    const decline = run(graph, [presets[1]!]);
    expect(portsLeft(decline, 'decide')).toEqual(['decline']);
    expect(decline.timeline.filter((e) => e.kind === 'stage')).toEqual([expect.objectContaining({ stage: 'rejected' })]);
  });

  test('simulationPath is the nodes and edges the run went through', () => {
    const path = simulationPath(run(graph, [presets[0]!]), graph);
    expect(path.nodeIds).toEqual(['applied', 'acknowledge', 'screen', 'decide', 'to_interview', 'done']);
    expect(path.edgeIds).toEqual(['applied:out->acknowledge', 'acknowledge:out->screen', 'screen:submitted->decide', 'decide:advance->to_interview', 'to_interview:out->done']);
  });
});

describe('presets move each kind of wait', () => {
  test('panel feedback: as many scorecards as the quorum', () => {
    const graph = around({ id: 'panel', type: 'people.collect_feedback', typeVersion: 2, config: { interviewerUserIds: ['u1', 'u2', 'u3'], quorum: 2, timeout: { days: 3 } } }, ['submitted', 'timeout']);
    const [preset, ...rest] = simulationPresets(graph, { startAt: START });
    expect(rest).toEqual([]);
    expect(preset!.events).toHaveLength(2);
    const result = run(graph, [preset!]);
    expect(portsLeft(result, 'panel')).toEqual(['submitted']);
    // One scorecard alone is not enough.
    expect(portsLeft(run(graph, [{ ...preset!, events: preset!.events.slice(1) }]), 'panel')).toEqual(['timeout']);
  });

  test('approval: enough approvals to approve, enough rejections to reject', () => {
    const graph = around({ id: 'approve', type: 'people.approval', typeVersion: 1, config: { approverUserIds: ['a', 'b', 'c'], required: 2 } }, ['approved', 'rejected']);
    const presets = simulationPresets(graph, { startAt: START });
    expect(presets.map((p) => [p.id, p.events.length])).toEqual([['approve/approved', 2], ['approve/rejected', 2]]);
    expect(portsLeft(run(graph, [presets[0]!]), 'approve')).toEqual(['approved']);
    expect(portsLeft(run(graph, [presets[1]!]), 'approve')).toEqual(['rejected']);
  });

  test('task: an outcome per port of the branch on the task outcome, before the task goes overdue', () => {
    const graph = around(
      { id: 'decide_task', type: 'people.create_task', typeVersion: 1, label: 'Decide', config: { title: 'Decide', dueIn: { hours: 4 }, escalateAfter: { hours: 4 } } },
      ['completed', 'overdue'],
      {
        nodes: [
          { id: 'route', type: 'logic.branch', typeVersion: 1, label: 'Route', config: { rules: [{ port: 'hire', when: [{ field: 'task.decision', op: 'eq', value: 'hire' }] }, { port: 'hold', when: [{ field: 'task.decision', op: 'in', value: ['hold', 'later'] }] }], otherwise: 'pass' } },
          ...['hire', 'hold', 'pass'].map((p) => ({ id: `end_${p}`, type: 'action.end', typeVersion: 1, config: {} })),
        ],
        edges: [{ source: 'decide_task', sourcePort: 'completed', target: 'route' }, ...['hire', 'hold', 'pass'].map((p) => ({ source: 'route', sourcePort: p, target: `end_${p}` }))],
      },
    );
    const presets = simulationPresets(graph, { startAt: START });
    expect(presets.map((p) => p.id)).toEqual(['decide_task/route:hire', 'decide_task/route:hold', 'decide_task/route:pass']);
    // Half the 8 hours before the run stops waiting.
    expect(presets[0]!.events[0]).toEqual({ at: { hours: 4 }, name: 'task.completed', payload: { outcome: { decision: 'hire' } } });
    for (const preset of presets) expect(portsLeft(run(graph, [preset]), 'route')).toEqual([preset.id.split(':')[1]]);
  });

  test('task with an SLA and nothing branching on it: one "done" preset', () => {
    const graph = around({ id: 'sla', type: 'people.create_task', typeVersion: 2, config: { title: 'Call', dueIn: { days: 2 }, remindEvery: { hours: 12 }, giveUpAfter: { days: 1 } } }, ['completed', 'overdue']);
    const presets = simulationPresets(graph, { startAt: START });
    expect(presets.map((p) => p.label)).toEqual(['sla: task done']);
    expect(portsLeft(run(graph, presets), 'sla')).toEqual(['completed']);
  });

  test('wait for any: one preset per event, each leaving by its port', () => {
    const graph = around({ id: 'any', type: 'events.wait_for_any', typeVersion: 1, config: { events: [{ name: 'candidate.replied', port: 'replied' }, { name: 'stage.changed', port: 'moved' }], timeout: { days: 10 } } }, ['replied', 'moved', 'timeout']);
    const presets = simulationPresets(graph, { startAt: START });
    expect(presets.map((p) => p.events.map((e) => e.name))).toEqual([['candidate.replied'], ['stage.changed']]);
    expect(portsLeft(run(graph, [presets[0]!]), 'any')).toEqual(['replied']);
    expect(portsLeft(run(graph, [presets[1]!]), 'any')).toEqual(['moved']);
  });

  test('interview: booked for a future date that a later "wait until" reads; or declined', () => {
    const graph = around(
      { id: 'book', type: 'scheduling.schedule_interview', typeVersion: 1, config: { interviewerIds: ['i1'] } },
      ['scheduled', 'declined', 'no_response'],
      {
        nodes: [
          { id: 'day_before', type: 'time.wait_until', typeVersion: 1, config: { field: 'interview.startsAt', offset: { days: 1 } } },
          { id: 'reminded', type: 'action.end', typeVersion: 1, config: {} },
          { id: 'bad_date', type: 'action.end', typeVersion: 1, config: {} },
        ],
        edges: [{ source: 'book', sourcePort: 'scheduled', target: 'day_before' }, { source: 'day_before', sourcePort: 'out', target: 'reminded' }, { source: 'day_before', sourcePort: 'invalid', target: 'bad_date' }],
      },
    );
    const [scheduled, declined] = simulationPresets(graph, { startAt: START });
    const booked = run(graph, [scheduled!]);
    expect(portsLeft(booked, 'book')).toEqual(['scheduled']);
    expect(portsLeft(booked, 'day_before')).toEqual(['out']);
    // Booked a day in, for three days later: the reminder waits until the day before.
    expect(booked.timeline).toContainEqual(expect.objectContaining({ kind: 'wait', nodeId: 'day_before', until: '2026-03-05T09:00:00.000Z' }));
    expect(portsLeft(run(graph, [declined!]), 'book')).toEqual(['declined']);
  });

  test('the answer to a later wait is scripted after the earlier ones, counting fixed waits', () => {
    const graph = applicationReviewGraph();
    graph.nodes.push({ id: 'pause', type: 'time.wait', typeVersion: 1, config: { duration: { days: 2 } } });
    graph.edges = graph.edges.map((e) => (e.source === 'acknowledge' ? { ...e, target: 'pause' } : e));
    graph.edges.push({ source: 'pause', sourcePort: 'out', target: 'screen' });
    const [preset] = simulationPresets(graph, { startAt: START });
    expect(preset!.events[0]!.at).toEqual({ days: 3 });
    expect(portsLeft(run(graph, [preset!]), 'decide')).toEqual(['advance']);
  });
});

test('simulationPath includes where a run is parked and skips what is no longer on the canvas', () => {
  const graph = around({ id: 'any', type: 'events.wait_for_any', typeVersion: 1, config: { events: [{ name: 'form.submitted', port: 'form' }] } }, ['form']);
  const result = run(graph);
  expect(result.outcome).toBe('waiting');
  expect(simulationPath(result, graph)).toEqual({ nodeIds: ['start', 'any'], edgeIds: ['start:out->any'] });
  const edited = { ...graph, nodes: graph.nodes.filter((n) => n.id !== 'any'), edges: [] };
  expect(simulationPath(result, edited)).toEqual({ nodeIds: ['start'], edgeIds: [] });
});

test('msToDuration splits into whole units, at least a second', () => {
  expect(msToDuration(93_784_000)).toEqual({ days: 1, hours: 2, minutes: 3, seconds: 4 });
  expect(msToDuration(0)).toEqual({ seconds: 1 });
});
