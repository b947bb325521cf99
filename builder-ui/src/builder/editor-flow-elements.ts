// The editor graph as React Flow nodes and edges, with the builder's decorations (problems, live
// counts, simulated path, diff) folded into each element's data and class names.
import { MarkerType, type Edge } from '@xyflow/react';
import { edgeId, type TGraph, type TGraphNode } from '../../../workflows/graph/schema';
import { findNodeDefinition } from '../../../workflows/graph/registry';
import { EDITOR_NODE_TYPE, type DiffStatus, type EditorFlowNode } from './editor-node-card';
import { describeOverlayVersions, type OverlayNode } from './run-overlay';

export type CanvasDecorations = {
  issuesByNode: ReadonlyMap<string, readonly string[]>;
  issueEdgeIds: ReadonlySet<string>;
  /** Runs parked at each node now, in total and per version. */
  overlay: ReadonlyMap<string, OverlayNode>;
  path: { nodeIds: ReadonlySet<string>; edgeIds: ReadonlySet<string> } | null;
  diff: { nodes: ReadonlyMap<string, DiffStatus>; edges: ReadonlyMap<string, DiffStatus> } | null;
  isReadOnly: boolean;
  onOverlayClick: ((nodeId: string) => void) | null;
};

const NO_ISSUES: readonly string[] = [];

/**
 * The ports the node type defines for this config, even while the config is still incomplete (a
 * new node must be connectable before it is configured), plus any port an edge names.
 */
export function portsOf(node: TGraphNode, wired: readonly string[]): string[] {
  const def = findNodeDefinition(node.type, node.typeVersion);
  let defined: readonly string[] = [];
  if (def) {
    const parsed = def.config.safeParse(node.config ?? {});
    try {
      defined = def.ports(parsed.success ? parsed.data : (node.config ?? {}));
    } catch {
      defined = [];
    }
  }
  return [...defined, ...wired.filter((port) => !defined.includes(port))];
}

export function toEditorNodes(graph: TGraph, decorations: CanvasDecorations): EditorFlowNode[] {
  const wiredPorts = new Map<string, string[]>();
  for (const edge of graph.edges) {
    const ports = wiredPorts.get(edge.source) ?? [];
    if (!ports.includes(edge.sourcePort)) ports.push(edge.sourcePort);
    wiredPorts.set(edge.source, ports);
  }
  return graph.nodes.map((node) => {
    const def = findNodeDefinition(node.type, node.typeVersion);
    return {
      id: node.id,
      type: EDITOR_NODE_TYPE,
      position: graph.layout?.[node.id] ?? { x: 0, y: 0 },
      draggable: !decorations.isReadOnly,
      connectable: !decorations.isReadOnly,
      deletable: !decorations.isReadOnly,
      data: {
        label: node.label || def?.label || node.type,
        nodeType: node.type,
        typeVersion: node.typeVersion,
        category: def?.category ?? null,
        ports: portsOf(node, wiredPorts.get(node.id) ?? []),
        isTrigger: Boolean(def?.isTrigger),
        issues: decorations.issuesByNode.get(node.id) ?? NO_ISSUES,
        overlayCount: decorations.overlay.get(node.id)?.total ?? 0,
        overlayVersions: describeOverlayVersions(decorations.overlay.get(node.id)),
        isOnPath: decorations.path?.nodeIds.has(node.id) ?? false,
        diffStatus: decorations.diff?.nodes.get(node.id) ?? null,
        isReadOnly: decorations.isReadOnly,
        onOverlayClick: decorations.onOverlayClick,
      },
    };
  });
}

export function toEditorEdges(graph: TGraph, decorations: CanvasDecorations): Edge[] {
  const nodeIds = new Set(graph.nodes.map((node) => node.id));
  const seenIds = new Set<string>();
  return graph.edges.flatMap((edge, index) => {
    // Dangling edges are the validator's business; drawing them would only log React Flow warnings.
    if (!nodeIds.has(edge.source) || !nodeIds.has(edge.target)) return [];
    const id = edgeId(edge);
    // Duplicates are invalid too, but React Flow needs unique ids to draw them at all.
    const flowId = seenIds.has(id) ? `${id}#${index}` : id;
    seenIds.add(flowId);
    const diffStatus = decorations.diff?.edges.get(id);
    const classNames = [
      decorations.issueEdgeIds.has(id) ? 'has-issue' : '',
      decorations.path?.edgeIds.has(id) ? 'is-on-path' : '',
      diffStatus && diffStatus !== 'unchanged' ? `diff-${diffStatus}` : '',
    ].filter(Boolean);
    return [{
      id: flowId,
      source: edge.source,
      sourceHandle: edge.sourcePort,
      target: edge.target,
      className: classNames.join(' ') || undefined,
      deletable: !decorations.isReadOnly,
      markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
    }];
  });
}
