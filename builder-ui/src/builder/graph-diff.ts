// The visual diff of two pipeline versions: which nodes were added, removed or
// changed (and in which fields, as dotted paths), which only moved on the
// canvas, and which edges came and went. Pure, so the version history panel
// and the canvas share it and unit tests drive it without a browser.
import { edgeId, type TGraph, type TGraphEdge, type TGraphNode } from '../../../workflows/graph/schema';

export interface GraphDiff {
  nodes: {
    added: string[];
    removed: string[];
    /** Content changes only: `label`, `type`, `typeVersion`, `config.subject`, `retry.maximumAttempts`, `timeout.days`... */
    changed: { nodeId: string; changes: string[] }[];
    /** Nodes whose content is the same and whose position on the canvas is not. */
    moved: string[];
  };
  /** Edges by edgeId(). */
  edges: { added: string[]; removed: string[] };
  /** Graph settings that differ, e.g. `settings.exitOn`. */
  settings: string[];
  /** Nothing differs at all, not even a position. */
  isEmpty: boolean;
}

export type NodeDiffStatus = 'added' | 'removed' | 'changed' | 'unchanged';

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Dotted paths where `before` and `after` differ; arrays of the same length are compared item by item. */
function changedPaths(before: unknown, after: unknown, path: string, out: string[]): void {
  if (Object.is(before, after)) return;
  // A policy or setting added or dropped as a whole is named by its fields (retry.maximumAttempts).
  if (before === undefined && isPlainObject(after)) before = {};
  if (after === undefined && isPlainObject(before)) after = {};
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    // A key set to undefined and a missing key are the same thing in JSON.
    for (const key of keys) changedPaths(before[key], after[key], path ? `${path}.${key}` : key, out);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    before.forEach((item, i) => changedPaths(item, after[i], `${path}.${i}`, out));
    return;
  }
  out.push(path);
}

/** What a node does (not where it sits): the fields compared for `changed`. */
const nodeContent = (node: TGraphNode) => ({
  type: node.type, typeVersion: node.typeVersion, label: node.label, config: node.config ?? {}, retry: node.retry, timeout: node.timeout,
});

const edgeKey = (edge: TGraphEdge) => `${edgeId(edge)}|${edge.source}:${edge.sourcePort}->${edge.target}`;

export function diffGraphs(before: TGraph, after: TGraph): GraphDiff {
  const beforeNodes = new Map(before.nodes.map((n) => [n.id, n]));
  const afterNodes = new Map(after.nodes.map((n) => [n.id, n]));
  const added = after.nodes.filter((n) => !beforeNodes.has(n.id)).map((n) => n.id);
  const removed = before.nodes.filter((n) => !afterNodes.has(n.id)).map((n) => n.id);
  const changed: GraphDiff['nodes']['changed'] = [];
  const moved: string[] = [];
  for (const node of after.nodes) {
    const old = beforeNodes.get(node.id);
    if (!old) continue;
    const changes: string[] = [];
    changedPaths(nodeContent(old), nodeContent(node), '', changes);
    if (changes.length) changed.push({ nodeId: node.id, changes });
    else {
      const [from, to] = [before.layout?.[node.id], after.layout?.[node.id]];
      if (from?.x !== to?.x || from?.y !== to?.y) moved.push(node.id);
    }
  }

  const beforeEdges = new Set(before.edges.map(edgeKey));
  const afterEdges = new Set(after.edges.map(edgeKey));
  const edges = {
    added: after.edges.filter((e) => !beforeEdges.has(edgeKey(e))).map(edgeId),
    removed: before.edges.filter((e) => !afterEdges.has(edgeKey(e))).map(edgeId),
  };

  const settings: string[] = [];
  changedPaths({ exitOn: [...(before.settings?.exitOn ?? [])].sort() }, { exitOn: [...(after.settings?.exitOn ?? [])].sort() }, 'settings', settings);

  const isEmpty = !added.length && !removed.length && !changed.length && !moved.length && !edges.added.length && !edges.removed.length && !settings.length;
  return { nodes: { added, removed, changed, moved }, edges, settings, isEmpty };
}

export function nodeDiffStatus(diff: GraphDiff, nodeId: string): NodeDiffStatus {
  if (diff.nodes.added.includes(nodeId)) return 'added';
  if (diff.nodes.removed.includes(nodeId)) return 'removed';
  if (diff.nodes.changed.some((c) => c.nodeId === nodeId)) return 'changed';
  return 'unchanged';
}

/**
 * One graph holding both versions, for a canvas to draw the diff: every node
 * and edge of `after`, plus the nodes and edges `before` had and `after` lost.
 * Nodes sit where `after` puts them; removed ones where `before` had them.
 */
export function mergeForDiffView(before: TGraph, after: TGraph): TGraph {
  const afterIds = new Set(after.nodes.map((n) => n.id));
  const removedNodes = before.nodes.filter((n) => !afterIds.has(n.id));
  const afterEdges = new Set(after.edges.map(edgeKey));
  const removedEdges = before.edges.filter((e) => !afterEdges.has(edgeKey(e)));
  const layout: NonNullable<TGraph['layout']> = { ...after.layout };
  for (const node of removedNodes) {
    const position = before.layout?.[node.id];
    if (position) layout[node.id] = position;
  }
  return { ...after, nodes: [...after.nodes, ...removedNodes], edges: [...after.edges, ...removedEdges], layout };
}
