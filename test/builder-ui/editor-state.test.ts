// The builder's editing model: each gesture is one undo step, pasted nodes get fresh ids and keep
// their internal edges, deleting a node takes its edges, renames carry edges and positions.
import { edgeId, type TGraph } from '../../workflows/graph/schema';
import { validateGraph } from '../../workflows/graph/validate';
import { applicationReviewGraph } from '../../workflows/graph/examples/application-review';
import {
  applyEdit, copySelection, createEditorState, endCoalescing, HISTORY_LIMIT, newNodeId, pasteClipboard, redo, undo, PASTE_OFFSET,
} from '../../builder-ui/src/builder/editor-state';

const empty: TGraph = { nodes: [], edges: [] };

test('building a valid pipeline from an empty canvas, one edit at a time', () => {
  let state = createEditorState(empty);
  state = applyEdit(state, { kind: 'add_node', type: 'trigger.manual', typeVersion: 1, position: { x: 0, y: 0 } });
  state = applyEdit(state, { kind: 'add_node', type: 'action.end', typeVersion: 1, position: { x: 0, y: 150 } });
  const [trigger, end] = state.graph.nodes;
  expect(trigger!.id).toBe('manual_1');
  expect(end!.id).toBe('end_1');
  state = applyEdit(state, { kind: 'connect', source: 'manual_1', sourcePort: 'out', target: 'end_1' });
  expect(validateGraph(state.graph).issues).toEqual([]);
  expect(state.graph.layout).toEqual({ manual_1: { x: 0, y: 0 }, end_1: { x: 0, y: 150 } });
  expect(state.past).toHaveLength(3);
});

test('undo and redo walk the history; a new edit clears redo', () => {
  let state = createEditorState(empty);
  state = applyEdit(state, { kind: 'add_node', type: 'trigger.manual', typeVersion: 1, position: { x: 0, y: 0 } });
  state = applyEdit(state, { kind: 'add_node', type: 'action.end', typeVersion: 1, position: { x: 0, y: 150 } });
  state = undo(state);
  expect(state.graph.nodes.map((n) => n.id)).toEqual(['manual_1']);
  state = redo(state);
  expect(state.graph.nodes.map((n) => n.id)).toEqual(['manual_1', 'end_1']);
  state = undo(undo(state));
  expect(state.graph.nodes).toEqual([]);
  expect(undo(state)).toBe(state);
  state = applyEdit(redo(state), { kind: 'add_node', type: 'action.tag', typeVersion: 1, position: { x: 10, y: 10 } });
  expect(state.future).toEqual([]);
  expect(redo(state)).toBe(state);
});

test('the history keeps the last HISTORY_LIMIT steps', () => {
  let state = createEditorState(empty);
  for (let i = 0; i < HISTORY_LIMIT + 20; i++) state = applyEdit(state, { kind: 'move_nodes', positions: { [`n${i}`]: { x: i, y: i } } });
  expect(state.past).toHaveLength(HISTORY_LIMIT);
});

test('typing in one node\'s settings is one undo step until the user moves on', () => {
  let state = createEditorState(applicationReviewGraph());
  const node = state.graph.nodes.find((n) => n.id === 'acknowledge')!;
  for (const subject of ['H', 'Hi', 'Hi there']) {
    state = applyEdit(state, { kind: 'update_node', nodeId: 'acknowledge', node: { ...node, config: { ...(node.config as object), subject } } });
  }
  expect(state.past).toHaveLength(1);
  state = endCoalescing(state);
  state = applyEdit(state, { kind: 'update_node', nodeId: 'acknowledge', node: { ...node, label: 'Thanks' } });
  expect(state.past).toHaveLength(2);
  expect((undo(undo(state)).graph.nodes.find((n) => n.id === 'acknowledge')!.config as { subject: string }).subject).toBe((node.config as { subject: string }).subject);
});

test('deleting a node removes its edges and position; deleting an edge leaves the nodes', () => {
  let state = createEditorState(applicationReviewGraph());
  state = applyEdit(state, { kind: 'delete', nodeIds: ['decide'], edgeIds: [] });
  expect(state.graph.nodes.some((n) => n.id === 'decide')).toBe(false);
  expect(state.graph.edges.some((e) => e.source === 'decide' || e.target === 'decide')).toBe(false);
  expect(state.graph.layout?.decide).toBeUndefined();
  const edge = state.graph.edges[0]!;
  state = applyEdit(state, { kind: 'delete', nodeIds: [], edgeIds: [edgeId(edge)] });
  expect(state.graph.edges).not.toContainEqual(edge);
  expect(state.graph.nodes.some((n) => n.id === edge.source)).toBe(true);
});

test('copy and paste: fresh ids, offset positions, only the edges between copied nodes', () => {
  const graph = createEditorState(applicationReviewGraph()).graph;
  const clipboard = copySelection(graph, ['decide', 'to_interview', 'done']);
  expect(clipboard.edges.map((e) => `${e.source}->${e.target}`).sort()).toEqual(['decide->to_interview', 'to_interview->done']);
  const { graph: pasted, pastedIds } = pasteClipboard(graph, clipboard);
  expect(pastedIds).toEqual(['branch_1', 'move_to_stage_1', 'end_1']);
  expect(pasted.nodes).toHaveLength(graph.nodes.length + 3);
  expect(pasted.edges).toContainEqual({ source: 'branch_1', sourcePort: 'advance', target: 'move_to_stage_1' });
  expect(pasted.layout?.branch_1).toEqual({ x: graph.layout!.decide!.x + PASTE_OFFSET, y: graph.layout!.decide!.y + PASTE_OFFSET });
  // Pasting twice never reuses an id.
  const again = pasteClipboard(pasted, clipboard);
  expect(new Set(again.graph.nodes.map((n) => n.id)).size).toBe(again.graph.nodes.length);
});

test('renaming a node carries its edges and position', () => {
  let state = createEditorState(applicationReviewGraph());
  const node = state.graph.nodes.find((n) => n.id === 'screen')!;
  const before = state.graph.layout!.screen;
  state = applyEdit(state, { kind: 'update_node', nodeId: 'screen', node: { ...node, id: 'screening' } });
  expect(state.graph.edges.filter((e) => e.source === 'screening' || e.target === 'screening')).toHaveLength(3);
  expect(state.graph.layout!.screening).toEqual(before);
  expect(validateGraph(state.graph).issues).toEqual([]);
  expect(() => applyEdit(state, { kind: 'update_node', nodeId: 'screening', node: { ...node, id: 'decide' } })).toThrow('already used');
});

test('automatic layout places every node below the nodes that lead to it', () => {
  let state = createEditorState({ ...applicationReviewGraph(), layout: { applied: { x: 900, y: 900 } } });
  state = applyEdit(state, { kind: 'auto_layout' });
  const y = (id: string) => state.graph.layout![id]!.y;
  for (const edge of state.graph.edges) expect(y(edge.target)).toBeGreaterThan(y(edge.source));
});

test('an edit that changes nothing adds no undo step', () => {
  let state = createEditorState(applicationReviewGraph());
  state = applyEdit(state, { kind: 'connect', source: 'applied', sourcePort: 'out', target: 'acknowledge' });
  expect(state.past).toHaveLength(0);
  expect(newNodeId(state.graph, 'action.end')).toBe('end_1');
});
