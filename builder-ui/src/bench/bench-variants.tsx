// The two canvases the benchmark compares on the same graph: ours (our node cards and edges, as
// the builder draws them) and the peer (React Flow's built-in default nodes at the same positions,
// the same edges on their single default handles). The page gives both the same ReactFlow props.
import type { Edge, Node, NodeTypes } from '@xyflow/react';
import { edgeId, type TGraph } from '../../../workflows/graph/schema';
import { layoutPipelineGraph } from '../layout-pipeline-graph';
import { PIPELINE_NODE_TYPE, toFlowEdges, toFlowNodes } from '../pipeline-flow-elements';
import { PipelineNodeCard } from '../components/pipeline-node-card';
import type { BenchVariantName } from './bench-graph';

export type BenchVariant = {
  /** Module-level constant: React Flow remounts every node when this object changes identity. */
  nodeTypes: NodeTypes | undefined;
  toNodes(graph: TGraph): Node[];
  toEdges(graph: TGraph): Edge[];
};

const NO_ISSUES: ReadonlySet<string> = new Set();

/** Our canvas. To benchmark a new canvas node, point these at its node types and element builders. */
const trellisVariant: BenchVariant = {
  nodeTypes: { [PIPELINE_NODE_TYPE]: PipelineNodeCard },
  toNodes: (graph) => toFlowNodes(graph, NO_ISSUES),
  toEdges: (graph) => toFlowEdges(graph, null),
};

const peerVariant: BenchVariant = {
  nodeTypes: undefined,
  toNodes: (graph) => {
    const positions = layoutPipelineGraph(graph);
    return graph.nodes.map((node) => ({ id: node.id, type: 'default', position: positions.get(node.id) ?? { x: 0, y: 0 }, data: { label: node.label ?? node.type } }));
  },
  toEdges: (graph) => graph.edges.map((edge) => ({ id: edgeId(edge), source: edge.source, target: edge.target })),
};

export const BENCH_VARIANTS: Record<BenchVariantName, BenchVariant> = { trellis: trellisVariant, peer: peerVariant };
