// The visual diff of two versions: what was added, removed, changed (with the
// fields, as readable paths), what only moved, and one merged graph that holds
// both versions for the canvas.
import { diffGraphs, mergeForDiffView, nodeDiffStatus } from '../../builder-ui/src/builder/graph-diff';
import { applicationReviewGraph } from '../../workflows/graph/examples/application-review';
import { standardHiringGraph } from '../../workflows/graph/examples/standard-hiring';
import { edgeId, type TGraph } from '../../workflows/graph/schema';

const node = (graph: TGraph, id: string) => graph.nodes.find((n) => n.id === id)!;

/** v2 of the application review: an invite before the interview, a new subject, two attempts to move, no rejection email. */
function editedReview(): TGraph {
  const graph = structuredClone(applicationReviewGraph());
  graph.nodes.push({ id: 'invite', type: 'message.send_email', typeVersion: 1, label: 'Invite', config: { subject: 'Let us meet', body: 'Hi {{candidate.firstName}}' } });
  graph.edges = graph.edges.map((e) => (e.source === 'decide' && e.sourcePort === 'advance' ? { ...e, target: 'invite' } : e));
  graph.edges.push({ source: 'invite', sourcePort: 'out', target: 'to_interview' });
  (node(graph, 'acknowledge').config as { subject: string }).subject = 'Thanks for applying, {{candidate.firstName}}';
  node(graph, 'to_interview').retry = { maximumAttempts: 2 };
  node(graph, 'screen').label = 'Phone screen';
  graph.nodes = graph.nodes.filter((n) => n.id !== 'rejection_email');
  graph.edges = graph.edges
    .map((e) => (e.target === 'rejection_email' ? { ...e, target: 'to_rejected' } : e))
    .filter((e) => e.source !== 'rejection_email');
  return graph;
}

test('identical graphs: an empty diff, every node unchanged', () => {
  const diff = diffGraphs(standardHiringGraph(), standardHiringGraph());
  expect(diff.isEmpty).toBe(true);
  expect(diff.nodes).toEqual({ added: [], removed: [], changed: [], moved: [] });
  expect(nodeDiffStatus(diff, 'screen')).toBe('unchanged');
});

test('added, removed and changed nodes, with the changed fields as dotted paths', () => {
  const before = applicationReviewGraph();
  const diff = diffGraphs(before, editedReview());
  expect(diff.isEmpty).toBe(false);
  expect(diff.nodes.added).toEqual(['invite']);
  expect(diff.nodes.removed).toEqual(['rejection_email']);
  expect(diff.nodes.changed).toEqual([
    { nodeId: 'acknowledge', changes: ['config.subject'] },
    { nodeId: 'screen', changes: ['label'] },
    { nodeId: 'to_interview', changes: ['retry.maximumAttempts'] },
  ]);
  expect(diff.edges.added.sort()).toEqual(['decide:advance->invite', 'decide:decline->to_rejected', 'invite:out->to_interview', 'screen:timeout->to_rejected']);
  expect(diff.edges.removed.sort()).toEqual(['decide:advance->to_interview', 'decide:decline->rejection_email', 'rejection_email:out->to_rejected', 'screen:timeout->rejection_email']);
  expect(['invite', 'rejection_email', 'acknowledge', 'decide'].map((id) => nodeDiffStatus(diff, id))).toEqual(['added', 'removed', 'changed', 'unchanged']);
});

test('paths go down into nested config and retry policies, and a type version bump is named', () => {
  const before = standardHiringGraph();
  const after = structuredClone(before);
  const schedule = node(after, 'schedule');
  (schedule.config as { dueIn: { days: number } }).dueIn.days = 3;
  schedule.retry = { maximumAttempts: 5 };
  node(before, 'schedule').retry = { maximumAttempts: 3 };
  (node(after, 'screen_passed').config as { rules: { when: { value: number }[] }[] }).rules[0]!.when[0]!.value = 4;
  const approval = node(after, 'offer_approval');
  (approval.config as { approverUserIds: string[] }).approverUserIds.push('user_2');
  const feedback = node(after, 'interview_feedback');
  feedback.typeVersion = 2;
  const diff = diffGraphs(before, after);
  expect(Object.fromEntries(diff.nodes.changed.map((c) => [c.nodeId, c.changes]))).toEqual({
    schedule: ['config.dueIn.days', 'retry.maximumAttempts'],
    screen_passed: ['config.rules.0.when.0.value'],
    offer_approval: ['config.approverUserIds'],
    interview_feedback: ['typeVersion'],
  });
});

test('a node that only moved is in moved, not changed; moving and editing counts as changed', () => {
  const before = standardHiringGraph();
  const after = structuredClone(before);
  after.layout!.screen = { x: 40, y: 450 };
  after.layout!.invite = { x: 0, y: 920 };
  node(after, 'invite').label = 'Invitation';
  const diff = diffGraphs(before, after);
  expect(diff.nodes.moved).toEqual(['screen']);
  expect(diff.nodes.changed).toEqual([{ nodeId: 'invite', changes: ['label'] }]);
  expect(nodeDiffStatus(diff, 'screen')).toBe('unchanged');
  expect(diff.isEmpty).toBe(false);
  expect(diffGraphs(before, { ...before, layout: { ...before.layout, screen: { x: 40, y: 450 } } })).toMatchObject({ nodes: { changed: [], moved: ['screen'] }, isEmpty: false });
});

test('a missing config equals an empty one; exit settings compare as sets', () => {
  const before: TGraph = { nodes: [{ id: 'end', type: 'action.end', typeVersion: 1, config: undefined }], edges: [], settings: { exitOn: ['candidate.replied', 'candidate.applied'] } };
  const after: TGraph = { nodes: [{ id: 'end', type: 'action.end', typeVersion: 1, config: {} }], edges: [], settings: { exitOn: ['candidate.applied', 'candidate.replied'] } };
  expect(diffGraphs(before, after).isEmpty).toBe(true);
  const exits = diffGraphs(before, { ...after, settings: { exitOn: ['candidate.applied'] } });
  expect(exits.settings).toEqual(['settings.exitOn']);
  expect(exits.isEmpty).toBe(false);
});

test('an edge keeping its explicit id but changing its target is removed and added', () => {
  const base: TGraph = {
    nodes: [{ id: 'a', type: 'trigger.manual', typeVersion: 1, config: {} }, { id: 'b', type: 'action.end', typeVersion: 1, config: {} }, { id: 'c', type: 'action.end', typeVersion: 1, config: {} }],
    edges: [{ id: 'e1', source: 'a', sourcePort: 'out', target: 'b' }],
  };
  const diff = diffGraphs(base, { ...base, edges: [{ id: 'e1', source: 'a', sourcePort: 'out', target: 'c' }] });
  expect(diff.edges).toEqual({ added: ['e1'], removed: ['e1'] });
});

test('the merged view holds both versions: removed nodes where they were, removed edges too', () => {
  const before = applicationReviewGraph();
  before.layout = Object.fromEntries(before.nodes.map((n, i) => [n.id, { x: 0, y: i * 150 }]));
  const after = editedReview();
  after.layout = { ...Object.fromEntries(after.nodes.map((n, i) => [n.id, { x: 300, y: i * 150 }])) };
  const merged = mergeForDiffView(before, after);
  expect(merged.nodes.map((n) => n.id).sort()).toEqual([...new Set([...before.nodes, ...after.nodes].map((n) => n.id))].sort());
  expect(merged.layout!.rejection_email).toEqual(before.layout.rejection_email);
  expect(merged.layout!.acknowledge).toEqual(after.layout.acknowledge);
  expect(node(merged, 'acknowledge').config).toEqual(node(after, 'acknowledge').config);
  const ids = merged.edges.map(edgeId);
  expect(ids).toEqual(expect.arrayContaining(['rejection_email:out->to_rejected', 'invite:out->to_interview']));
  expect(new Set(ids).size).toBe(ids.length);
  // Every node of the merged graph gets a status, and the removed one shows as removed.
  const diff = diffGraphs(before, after);
  expect(merged.nodes.filter((n) => nodeDiffStatus(diff, n.id) === 'removed').map((n) => n.id)).toEqual(['rejection_email']);
  expect(after.nodes.some((n) => n.id === 'rejection_email')).toBe(false);
});
