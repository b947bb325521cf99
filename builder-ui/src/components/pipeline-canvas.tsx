// Read-only canvas of a pipeline draft: pan, zoom, select. A focus request (from the validation
// error list) selects a node and centres the viewport on it.
import { useEffect, useMemo } from 'react';
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useNodesState,
  useReactFlow,
  type NodeTypes,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { PipelineGraph } from '../api-types';
import { PIPELINE_NODE_TYPE, toFlowEdges, toFlowNodes, type PipelineFlowNode } from '../pipeline-flow-elements';
import { PipelineNodeCard } from './pipeline-node-card';

export type CanvasFocusRequest = { nodeId: string | null; edgeId: string | null; nonce: number };

type PipelineCanvasProps = {
  graph: PipelineGraph;
  issueNodeIds: ReadonlySet<string>;
  selectedNodeId: string | null;
  selectedEdgeId: string | null;
  focusRequest: CanvasFocusRequest | null;
  onSelectNode: (nodeId: string | null) => void;
};

const nodeTypes: NodeTypes = { [PIPELINE_NODE_TYPE]: PipelineNodeCard };
const FOCUS_ZOOM = 1.2;

function PipelineFlow({ graph, issueNodeIds, selectedNodeId, selectedEdgeId, focusRequest, onSelectNode }: PipelineCanvasProps) {
  const { getInternalNode, setCenter, fitView, getZoom } = useReactFlow<PipelineFlowNode>();
  const derivedNodes = useMemo(() => toFlowNodes(graph, issueNodeIds), [graph, issueNodeIds]);
  const edges = useMemo(() => toFlowEdges(graph, selectedEdgeId), [graph, selectedEdgeId]);
  const [nodes, setNodes, onNodesChange] = useNodesState<PipelineFlowNode>(derivedNodes);
  const nodeIdsKey = graph.nodes.map((node) => node.id).join('\u0000');

  useEffect(() => {
    setNodes(derivedNodes.map((node) => ({ ...node, selected: node.id === selectedNodeId })));
    // Selection changes are applied below without rebuilding nodes, so they keep their measurements.
  }, [derivedNodes, setNodes]);

  useEffect(() => {
    setNodes((current) =>
      current.map((node) => (Boolean(node.selected) === (node.id === selectedNodeId) ? node : { ...node, selected: node.id === selectedNodeId })),
    );
  }, [selectedNodeId, setNodes]);

  useEffect(() => {
    void fitView({ padding: 0.2, duration: 200 });
  }, [nodeIdsKey, fitView]);

  useEffect(() => {
    if (!focusRequest) return;
    const edge = focusRequest.edgeId ? edges.find((candidate) => candidate.id === focusRequest.edgeId) : undefined;
    const nodeId = focusRequest.nodeId ?? edge?.source ?? null;
    const internalNode = nodeId ? getInternalNode(nodeId) : undefined;
    if (!internalNode) return;
    const { x, y } = internalNode.internals.positionAbsolute;
    const width = internalNode.measured.width ?? 0;
    const height = internalNode.measured.height ?? 0;
    void setCenter(x + width / 2, y + height / 2, { zoom: Math.max(getZoom(), FOCUS_ZOOM), duration: 400 });
    // Only a new request (nonce) should move the viewport, not every edge or graph edit.
  }, [focusRequest]);

  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      onNodeClick={(_, node) => onSelectNode(node.id)}
      onPaneClick={() => onSelectNode(null)}
      nodesDraggable={false}
      nodesConnectable={false}
      edgesReconnectable={false}
      deleteKeyCode={null}
      fitView
      fitViewOptions={{ padding: 0.2 }}
      minZoom={0.2}
      defaultEdgeOptions={{ type: 'smoothstep' }}
    >
      <Background gap={20} size={1} />
      <MiniMap pannable zoomable nodeStrokeWidth={3} />
      <Controls showInteractive={false} />
    </ReactFlow>
  );
}

export function PipelineCanvas(props: PipelineCanvasProps) {
  return (
    <div className="pipeline-canvas" data-testid="pipeline-canvas">
      <ReactFlowProvider>
        <PipelineFlow {...props} />
      </ReactFlowProvider>
      {props.graph.nodes.length === 0 && (
        <div className="canvas-empty">This draft has no nodes yet. Add them in the JSON editor, then save.</div>
      )}
    </div>
  );
}
