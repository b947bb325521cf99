// Positions for a pipeline graph on the canvas. Saved `layout` positions win; nodes without one
// get a top-to-bottom layered layout by depth from the trigger, so drafts written by hand or by
// the API still read in the order the workflow runs them.
import type { PipelineGraph } from './api-types';

export type CanvasPosition = { x: number; y: number };

const LAYER_SPACING_Y = 150;
const NODE_SPACING_X = 300;

function findStartNodeIds(graph: PipelineGraph): string[] {
  const triggers = graph.nodes.filter((node) => node.type.toLowerCase().includes('trigger'));
  if (triggers.length > 0) return triggers.map((node) => node.id);
  const targets = new Set(graph.edges.map((edge) => edge.target));
  const sources = graph.nodes.filter((node) => !targets.has(node.id));
  if (sources.length > 0) return sources.map((node) => node.id);
  const first = graph.nodes[0];
  return first ? [first.id] : [];
}

/**
 * Longest-path layering from the start nodes, ignoring edges that close a loop, so a node sits
 * below every node that leads into it (a shared "reject" step lands under all its branches).
 * Unreachable nodes are absent.
 */
function measureDepths(graph: PipelineGraph, startIds: string[]): Map<string, number> {
  const targetsBySource = new Map<string, string[]>();
  for (const edge of graph.edges) {
    targetsBySource.set(edge.source, [...(targetsBySource.get(edge.source) ?? []), edge.target]);
  }
  // Depth-first search in edge order gives both a reverse topological order and the back edges.
  const finished: string[] = [];
  const state = new Map<string, 'active' | 'done'>();
  const visit = (nodeId: string): void => {
    state.set(nodeId, 'active');
    for (const targetId of targetsBySource.get(nodeId) ?? []) {
      if (!state.has(targetId)) visit(targetId);
    }
    state.set(nodeId, 'done');
    finished.push(nodeId);
  };
  for (const startId of startIds) if (!state.has(startId)) visit(startId);

  const order = finished.reverse();
  const rank = new Map(order.map((nodeId, index) => [nodeId, index]));
  const depthById = new Map<string, number>(startIds.map((id) => [id, 0]));
  for (const nodeId of order) {
    const depth = depthById.get(nodeId) ?? 0;
    for (const targetId of targetsBySource.get(nodeId) ?? []) {
      const isLoopBack = (rank.get(targetId) ?? 0) <= (rank.get(nodeId) ?? 0);
      if (!isLoopBack) depthById.set(targetId, Math.max(depthById.get(targetId) ?? 0, depth + 1));
    }
  }
  return depthById;
}

export function layoutPipelineGraph(graph: PipelineGraph): Map<string, CanvasPosition> {
  const depthById = measureDepths(graph, findStartNodeIds(graph));
  const deepest = Math.max(-1, ...depthById.values());
  const layers = new Map<number, string[]>();
  // Within a layer, siblings keep the order the draft lists them; unreachable nodes go last.
  for (const { id } of graph.nodes) {
    const depth = depthById.get(id) ?? deepest + 1;
    layers.set(depth, [...(layers.get(depth) ?? []), id]);
  }

  const positions = new Map<string, CanvasPosition>();
  for (const [depth, nodeIds] of layers) {
    nodeIds.forEach((nodeId, index) => {
      const offset = index - (nodeIds.length - 1) / 2;
      positions.set(nodeId, { x: offset * NODE_SPACING_X, y: depth * LAYER_SPACING_Y });
    });
  }
  for (const node of graph.nodes) {
    const saved = graph.layout?.[node.id];
    if (saved && Number.isFinite(saved.x) && Number.isFinite(saved.y)) positions.set(node.id, { x: saved.x, y: saved.y });
  }
  return positions;
}
