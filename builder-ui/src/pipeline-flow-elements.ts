// Turns a pipeline graph into React Flow nodes and edges: one card per pipeline node, one source
// handle per outgoing port (the edges' `sourcePort`), edges attached to the handle of their port.
import type { Edge, Node } from '@xyflow/react';
import type { PipelineEdge, PipelineGraph } from './api-types';
import { layoutPipelineGraph } from './layout-pipeline-graph';
import { edgeId } from '../../workflows/graph/schema';
import { findNodeDefinition } from '../../workflows/graph/registry';

export const PIPELINE_NODE_TYPE = 'pipelineNode';

export type PipelineNodeData = {
  label: string;
  nodeType: string;
  typeVersion: number | undefined;
  ports: string[];
  hasIncoming: boolean;
  hasIssue: boolean;
};
export type PipelineFlowNode = Node<PipelineNodeData, typeof PIPELINE_NODE_TYPE>;

/** Same default id as `edgeId` in workflows/graph/schema.ts, so validator `edgeId`s match. */
export function edgeIdOf(edge: PipelineEdge): string {
  return edgeId(edge);
}

/** Every port the node type defines (shown even when unwired), plus any port an edge names. */
function portsOf(node: PipelineGraph['nodes'][number], wired: readonly string[]): string[] {
  const def = typeof node.typeVersion === 'number' ? findNodeDefinition(node.type, node.typeVersion) : undefined;
  const config = def?.config.safeParse(node.config ?? {});
  const defined = def && config?.success ? [...def.ports(config.data)] : [];
  return [...defined, ...wired.filter((p) => !defined.includes(p))];
}

export function toFlowNodes(graph: PipelineGraph, issueNodeIds: ReadonlySet<string>): PipelineFlowNode[] {
  const positions = layoutPipelineGraph(graph);
  const portsByNode = new Map<string, string[]>();
  const targetIds = new Set<string>();
  for (const edge of graph.edges) {
    const ports = portsByNode.get(edge.source) ?? [];
    if (!ports.includes(edge.sourcePort)) ports.push(edge.sourcePort);
    portsByNode.set(edge.source, ports);
    targetIds.add(edge.target);
  }
  return graph.nodes.map((node) => ({
    id: node.id,
    type: PIPELINE_NODE_TYPE,
    position: positions.get(node.id) ?? { x: 0, y: 0 },
    data: {
      label: node.label || node.type,
      nodeType: node.type,
      typeVersion: typeof node.typeVersion === 'number' ? node.typeVersion : undefined,
      ports: portsOf(node, portsByNode.get(node.id) ?? []),
      hasIncoming: targetIds.has(node.id),
      hasIssue: issueNodeIds.has(node.id),
    },
  }));
}

export function toFlowEdges(graph: PipelineGraph, selectedEdgeId: string | null): Edge[] {
  const nodeIds = new Set(graph.nodes.map((node) => node.id));
  const seenIds = new Set<string>();
  return graph.edges.flatMap((edge, index) => {
    // Dangling edges are the validator's business; drawing them would only log React Flow warnings.
    if (!nodeIds.has(edge.source) || !nodeIds.has(edge.target)) return [];
    // Duplicates are invalid too, but React Flow needs unique ids to draw them at all.
    const id = seenIds.has(edgeIdOf(edge)) ? `${edgeIdOf(edge)}#${index}` : edgeIdOf(edge);
    seenIds.add(id);
    return [{ id, source: edge.source, sourceHandle: edge.sourcePort, target: edge.target, selected: id === selectedEdgeId }];
  });
}
