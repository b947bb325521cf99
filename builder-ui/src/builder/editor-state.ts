// The builder's editing model: the draft graph plus undo/redo history, changed only through
// `applyEdit`. Pure (no React, no DOM), so every canvas gesture (add, connect, move, delete, paste,
// configure, auto layout) is one tested function and one undo step.
import { edgeId, type TGraph, type TGraphEdge, type TGraphNode } from '../../../workflows/graph/schema';
import { findNodeDefinition } from '../../../workflows/graph/registry';
import { layoutPipelineGraph, type CanvasPosition } from '../layout-pipeline-graph';

export const HISTORY_LIMIT = 100;
/** Where pasted copies land relative to their originals. */
export const PASTE_OFFSET = 40;

export type EditorState = {
  graph: TGraph;
  past: TGraph[];
  future: TGraph[];
  /** Consecutive edits of one node's settings (typing in its panel) make one undo step. */
  lastCoalesceKey: string | null;
};

/** What a copy holds: the nodes, their positions, and only the edges between them. */
export type Clipboard = { nodes: TGraphNode[]; edges: TGraphEdge[]; layout: Record<string, CanvasPosition> };

export type Edit =
  | { kind: 'add_node'; type: string; typeVersion: number; position: CanvasPosition; id?: string }
  | { kind: 'move_nodes'; positions: Record<string, CanvasPosition> }
  | { kind: 'connect'; source: string; sourcePort: string; target: string }
  | { kind: 'delete'; nodeIds: readonly string[]; edgeIds: readonly string[] }
  | { kind: 'paste'; clipboard: Clipboard; offset?: number }
  | { kind: 'update_node'; nodeId: string; node: TGraphNode }
  | { kind: 'update_settings'; settings: TGraph['settings'] }
  | { kind: 'auto_layout' }
  | { kind: 'replace'; graph: TGraph };

export function createEditorState(graph: TGraph): EditorState {
  return { graph: withLayout(graph), past: [], future: [], lastCoalesceKey: null };
}

/** Every node gets a saved position, so later edits never make the canvas jump. */
function withLayout(graph: TGraph): TGraph {
  const missing = graph.nodes.some((node) => !graph.layout?.[node.id]);
  if (!missing) return graph;
  const positions = layoutPipelineGraph(graph);
  const layout = { ...graph.layout };
  for (const node of graph.nodes) layout[node.id] ??= positions.get(node.id) ?? { x: 0, y: 0 };
  return { ...graph, layout };
}

/** A readable id that is unique in the graph: `send_email_1`, `send_email_2`, ... */
export function newNodeId(graph: TGraph, type: string, taken: ReadonlySet<string> = new Set()): string {
  const base = (type.split('.').pop() ?? 'node').replace(/[^A-Za-z0-9_]/g, '_');
  const used = new Set([...graph.nodes.map((node) => node.id), ...taken]);
  for (let n = 1; ; n++) if (!used.has(`${base}_${n}`)) return `${base}_${n}`;
}

function addNode(graph: TGraph, edit: Extract<Edit, { kind: 'add_node' }>): TGraph {
  const def = findNodeDefinition(edit.type, edit.typeVersion);
  if (!def) throw new Error(`unknown node type ${edit.type} v${edit.typeVersion}`);
  const id = edit.id ?? newNodeId(graph, edit.type);
  const node: TGraphNode = { id, type: edit.type, typeVersion: edit.typeVersion, label: def.label, config: {} };
  return { ...graph, nodes: [...graph.nodes, node], layout: { ...graph.layout, [id]: edit.position } };
}

function connect(graph: TGraph, { source, sourcePort, target }: Extract<Edit, { kind: 'connect' }>): TGraph {
  const edge: TGraphEdge = { source, sourcePort, target };
  if (graph.edges.some((e) => edgeId(e) === edgeId(edge))) return graph;
  return { ...graph, edges: [...graph.edges, edge] };
}

function deleteElements(graph: TGraph, nodeIds: readonly string[], edgeIds: readonly string[]): TGraph {
  const goneNodes = new Set(nodeIds);
  const goneEdges = new Set(edgeIds);
  const layout = { ...graph.layout };
  for (const id of goneNodes) delete layout[id];
  return {
    ...graph,
    nodes: graph.nodes.filter((node) => !goneNodes.has(node.id)),
    edges: graph.edges.filter((edge) => !goneEdges.has(edgeId(edge)) && !goneNodes.has(edge.source) && !goneNodes.has(edge.target)),
    layout,
  };
}

export function copySelection(graph: TGraph, nodeIds: readonly string[]): Clipboard {
  const picked = new Set(nodeIds);
  const nodes = graph.nodes.filter((node) => picked.has(node.id));
  const layout: Record<string, CanvasPosition> = {};
  for (const node of nodes) layout[node.id] = graph.layout?.[node.id] ?? { x: 0, y: 0 };
  const edges = graph.edges.filter((edge) => picked.has(edge.source) && picked.has(edge.target));
  return structuredClone({ nodes, edges, layout });
}

/** Pasted nodes get fresh ids; edges between them follow; the copies become the selection. */
export function pasteClipboard(graph: TGraph, clipboard: Clipboard, offset = PASTE_OFFSET): { graph: TGraph; pastedIds: string[] } {
  const idMap = new Map<string, string>();
  const taken = new Set<string>();
  for (const node of clipboard.nodes) {
    const id = newNodeId(graph, node.type, taken);
    taken.add(id);
    idMap.set(node.id, id);
  }
  const nodes = clipboard.nodes.map((node) => ({ ...structuredClone(node), id: idMap.get(node.id)! }));
  const edges = clipboard.edges.map(({ id: _id, ...edge }) => ({ ...edge, source: idMap.get(edge.source)!, target: idMap.get(edge.target)! }));
  const layout = { ...graph.layout };
  for (const node of clipboard.nodes) {
    const at = clipboard.layout[node.id] ?? { x: 0, y: 0 };
    layout[idMap.get(node.id)!] = { x: at.x + offset, y: at.y + offset };
  }
  return { graph: { ...graph, nodes: [...graph.nodes, ...nodes], edges: [...graph.edges, ...edges], layout }, pastedIds: [...idMap.values()] };
}

function updateNode(graph: TGraph, nodeId: string, next: TGraphNode): TGraph {
  if (next.id !== nodeId && graph.nodes.some((node) => node.id === next.id)) throw new Error(`node id "${next.id}" is already used`);
  const nodes = graph.nodes.map((node) => (node.id === nodeId ? next : node));
  if (next.id === nodeId) return { ...graph, nodes };
  // A renamed node keeps its edges and position.
  const rename = (id: string) => (id === nodeId ? next.id : id);
  const layout = { ...graph.layout };
  if (layout[nodeId]) {
    layout[next.id] = layout[nodeId]!;
    delete layout[nodeId];
  }
  return { ...graph, nodes, edges: graph.edges.map((edge) => ({ ...edge, source: rename(edge.source), target: rename(edge.target) })), layout };
}

function autoLayout(graph: TGraph): TGraph {
  const positions = layoutPipelineGraph({ ...graph, layout: undefined });
  const layout: Record<string, CanvasPosition> = {};
  for (const node of graph.nodes) layout[node.id] = positions.get(node.id) ?? { x: 0, y: 0 };
  return { ...graph, layout };
}

/** The graph after one edit (no history). */
export function editGraph(graph: TGraph, edit: Edit): TGraph {
  switch (edit.kind) {
    case 'add_node': return addNode(graph, edit);
    case 'move_nodes': return { ...graph, layout: { ...graph.layout, ...edit.positions } };
    case 'connect': return connect(graph, edit);
    case 'delete': return deleteElements(graph, edit.nodeIds, edit.edgeIds);
    case 'paste': return pasteClipboard(graph, edit.clipboard, edit.offset).graph;
    case 'update_node': return updateNode(graph, edit.nodeId, edit.node);
    case 'update_settings': return { ...graph, settings: edit.settings };
    case 'auto_layout': return autoLayout(graph);
    case 'replace': return withLayout(edit.graph);
  }
}

const coalesceKeyOf = (edit: Edit) => (edit.kind === 'update_node' && edit.node.id === edit.nodeId ? `node:${edit.nodeId}` : null);

/**
 * One undo step per edit, except a run of edits to the same node's settings, which is one step.
 * An edit that changes nothing leaves the history alone.
 */
export function applyEdit(state: EditorState, edit: Edit): EditorState {
  const graph = editGraph(state.graph, edit);
  if (graph === state.graph) return state;
  const coalesceKey = coalesceKeyOf(edit);
  if (coalesceKey !== null && coalesceKey === state.lastCoalesceKey) return { ...state, graph, future: [] };
  return { graph, past: [...state.past, state.graph].slice(-HISTORY_LIMIT), future: [], lastCoalesceKey: coalesceKey };
}

export function undo(state: EditorState): EditorState {
  const previous = state.past.at(-1);
  if (!previous) return state;
  return { graph: previous, past: state.past.slice(0, -1), future: [state.graph, ...state.future], lastCoalesceKey: null };
}

export function redo(state: EditorState): EditorState {
  const [next, ...rest] = state.future;
  if (!next) return state;
  return { graph: next, past: [...state.past, state.graph].slice(-HISTORY_LIMIT), future: rest, lastCoalesceKey: null };
}

/** The next settings edit starts a new undo step (the user moved on to something else). */
export function endCoalescing(state: EditorState): EditorState {
  return state.lastCoalesceKey === null ? state : { ...state, lastCoalesceKey: null };
}
