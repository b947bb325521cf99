// The builder's canvas: the draft graph drawn with React Flow, editable by hand. Drops from the
// palette add nodes, dragging from a port to a node connects them (refused connections say why),
// drags move nodes (one undo step per drag), Delete removes the selection. Every change goes out
// as an `Edit` to the page, which owns the graph and its history. Must be inside a
// ReactFlowProvider.
import { useCallback, useEffect, useMemo, useRef, type DragEvent } from 'react';
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useEdgesState,
  useNodesInitialized,
  useNodesState,
  useReactFlow,
  useUpdateNodeInternals,
  type Connection,
  type Edge,
  type IsValidConnection,
  type NodeTypes,
  type OnSelectionChangeParams,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { TGraph } from '../../../workflows/graph/schema';
import { connectionProblem } from './connection-rules';
import type { Edit } from './editor-state';
import { EditorNodeCard, EDITOR_NODE_TYPE, type EditorFlowNode } from './editor-node-card';
import { toEditorEdges, toEditorNodes, type CanvasDecorations } from './editor-flow-elements';
import { PALETTE_DRAG_TYPE, parsePaletteDrag } from './node-palette';

export type CanvasFocusRequest = { nodeId: string | null; edgeId: string | null; nonce: number };
export type CanvasSelection = { nodeIds: string[]; edgeIds: string[] };

type EditorCanvasProps = {
  graph: TGraph;
  decorations: CanvasDecorations;
  selection: CanvasSelection;
  focusRequest: CanvasFocusRequest | null;
  /** Bump to zoom to fit once the nodes are drawn (after a load, a layout, a diff). */
  fitRequest: number;
  onEdit(edit: Edit): void;
  onAddNode(type: string, typeVersion: number, position: { x: number; y: number }): void;
  onSelectionChange(selection: CanvasSelection): void;
  onConnectRefused(reason: string): void;
};

const nodeTypes: NodeTypes = { [EDITOR_NODE_TYPE]: EditorNodeCard };
// Object props live outside the component: a new object on every render makes React Flow redraw
// every edge on every drag step.
const DEFAULT_EDGE_OPTIONS = { type: 'smoothstep' } as const;
const DEFAULT_VIEWPORT = { x: 40, y: 40, zoom: 1 } as const;
const MULTI_SELECT_KEYS = ['Meta', 'Control', 'Shift'];
const DELETE_KEYS = ['Delete', 'Backspace'];
const FOCUS_ZOOM = 1.2;
function handlePaletteDragOver(event: DragEvent) {
  if (!event.dataTransfer.types.includes(PALETTE_DRAG_TYPE)) return;
  event.preventDefault();
  event.dataTransfer.dropEffect = 'copy';
}

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

export function EditorCanvas({ graph, decorations, selection, focusRequest, fitRequest, onEdit, onAddNode, onSelectionChange, onConnectRefused }: EditorCanvasProps) {
  const { getInternalNode, setCenter, getZoom, screenToFlowPosition, fitView } = useReactFlow<EditorFlowNode>();
  const areNodesMeasured = useNodesInitialized();
  const updateNodeInternals = useUpdateNodeInternals();
  const fittedRequest = useRef(0);
  const derivedNodes = useMemo(() => toEditorNodes(graph, decorations), [graph, decorations]);
  const derivedEdges = useMemo(() => toEditorEdges(graph, decorations), [graph, decorations]);
  const [nodes, setNodes, onNodesChange] = useNodesState<EditorFlowNode>(derivedNodes);
  const [edges, setEdges, onEdgesChange] = useEdgesState<Edge>(derivedEdges);
  const selectionRef = useRef(selection);
  selectionRef.current = selection;
  const lastRefusal = useRef<string | null>(null);

  // The graph is the truth: redraw from it, keeping the selection and each node's measurements.
  // A node without `measured` loses its handle positions until React Flow measures it again, and
  // a connection dragged meanwhile finds no handle to land on.
  const drawnPorts = useRef(new Map<string, string>());
  useEffect(() => {
    const selectedNodes = new Set(selectionRef.current.nodeIds);
    setNodes((current) => {
      const previous = new Map(current.map((node) => [node.id, node]));
      return derivedNodes.map((node) => {
        const measured = previous.get(node.id)?.measured;
        return { ...node, selected: selectedNodes.has(node.id), ...(measured ? { measured } : {}) };
      });
    });
    // Handles added or removed (a new branch rule, a node type change) must be measured again.
    const changed: string[] = [];
    const ports = new Map<string, string>();
    for (const node of derivedNodes) {
      const key = `${node.data.isTrigger}|${node.data.ports.join(',')}`;
      ports.set(node.id, key);
      const before = drawnPorts.current.get(node.id);
      if (before !== undefined && before !== key) changed.push(node.id);
    }
    drawnPorts.current = ports;
    if (changed.length > 0) window.requestAnimationFrame(() => updateNodeInternals(changed));
  }, [derivedNodes, setNodes, updateNodeInternals]);
  useEffect(() => {
    const selectedEdges = new Set(selectionRef.current.edgeIds);
    setEdges(derivedEdges.map((edge) => (selectedEdges.has(edge.id) ? { ...edge, selected: true } : edge)));
  }, [derivedEdges, setEdges]);

  // Selection set by the page (a click in the problem list, a paste): touch only what changed.
  useEffect(() => {
    const selectedNodes = new Set(selection.nodeIds);
    const selectedEdges = new Set(selection.edgeIds);
    setNodes((current) => current.map((node) => (Boolean(node.selected) === selectedNodes.has(node.id) ? node : { ...node, selected: selectedNodes.has(node.id) })));
    setEdges((current) => current.map((edge) => (Boolean(edge.selected) === selectedEdges.has(edge.id) ? edge : { ...edge, selected: selectedEdges.has(edge.id) })));
  }, [selection, setNodes, setEdges]);

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
    // Only a new request (nonce) moves the viewport, not every edit.
  }, [focusRequest]);

  useEffect(() => {
    if (fitRequest === fittedRequest.current || !areNodesMeasured) return;
    fittedRequest.current = fitRequest;
    // A frame later, so an edit made with the request (a layout) has reached React Flow's store.
    window.requestAnimationFrame(() => void fitView({ padding: 0.2, maxZoom: 1, duration: 200 }));
  }, [fitRequest, areNodesMeasured, fitView]);

  const handleSelectionChange = useCallback(
    ({ nodes: selectedNodes, edges: selectedEdges }: OnSelectionChangeParams) => {
      const next = { nodeIds: selectedNodes.map((node) => node.id), edgeIds: selectedEdges.map((edge) => edge.id) };
      const current = selectionRef.current;
      if (!sameIds(next.nodeIds, current.nodeIds) || !sameIds(next.edgeIds, current.edgeIds)) onSelectionChange(next);
    },
    [onSelectionChange],
  );

  const isValidConnection: IsValidConnection = useCallback(
    (connection) => {
      const problem = connectionProblem(graph, { source: connection.source, sourcePort: connection.sourceHandle, target: connection.target });
      lastRefusal.current = problem;
      return problem === null;
    },
    [graph],
  );

  const handleConnect = useCallback(
    (connection: Connection) => {
      lastRefusal.current = null;
      if (connection.sourceHandle) onEdit({ kind: 'connect', source: connection.source, sourcePort: connection.sourceHandle, target: connection.target });
    },
    [onEdit],
  );

  const handleConnectEnd = useCallback(() => {
    if (lastRefusal.current) onConnectRefused(lastRefusal.current);
    lastRefusal.current = null;
  }, [onConnectRefused]);

  const handleDrop = useCallback(
    (event: DragEvent) => {
      const dropped = parsePaletteDrag(event.dataTransfer.getData(PALETTE_DRAG_TYPE));
      if (!dropped) return;
      event.preventDefault();
      onAddNode(dropped.type, dropped.typeVersion, screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    },
    [onAddNode, screenToFlowPosition],
  );

  const handleDragStop = useCallback(
    (_event: unknown, _node: unknown, dragged: EditorFlowNode[]) => {
      const positions = Object.fromEntries(dragged.map((node) => [node.id, { x: Math.round(node.position.x), y: Math.round(node.position.y) }]));
      onEdit({ kind: 'move_nodes', positions });
    },
    [onEdit],
  );

  const handleDelete = useCallback(
    ({ nodes: deletedNodes, edges: deletedEdges }: { nodes: EditorFlowNode[]; edges: Edge[] }) => {
      // Duplicate edges are drawn as `<id>#<index>`; the graph knows them by `<id>`.
      onEdit({ kind: 'delete', nodeIds: deletedNodes.map((node) => node.id), edgeIds: deletedEdges.map((edge) => edge.id.replace(/#\d+$/, '')) });
    },
    [onEdit],
  );

  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onSelectionChange={handleSelectionChange}
      onNodeDragStop={handleDragStop}
      onDelete={handleDelete}
      isValidConnection={isValidConnection}
      onConnect={handleConnect}
      onConnectEnd={handleConnectEnd}
      // Connections are drawn by dragging. React Flow's click-a-port-then-an-input mode selected the target
      // node in the same click that added the edge, and the two updates chased each other until React gave
      // up ("maximum update depth exceeded") and the builder went blank.
      connectOnClick={false}
      onDragOver={handlePaletteDragOver}
      onDrop={handleDrop}
      nodesDraggable={!decorations.isReadOnly}
      nodesConnectable={!decorations.isReadOnly}
      edgesReconnectable={false}
      deleteKeyCode={decorations.isReadOnly ? null : DELETE_KEYS}
      multiSelectionKeyCode={MULTI_SELECT_KEYS}
      selectionKeyCode="Shift"
      connectionRadius={30}
      // Auto-panning moves the viewport under a pointer that is connecting or clicking, and the
      // gesture then lands beside its target (seen in headless Chromium); zoom out to reach far nodes.
      autoPanOnConnect={false}
      autoPanOnNodeFocus={false}
      defaultViewport={DEFAULT_VIEWPORT}
      minZoom={0.1}
      defaultEdgeOptions={DEFAULT_EDGE_OPTIONS}
    >
      <Background gap={20} size={1} />
      <MiniMap pannable zoomable nodeStrokeWidth={3} />
      <Controls />
    </ReactFlow>
  );
}
