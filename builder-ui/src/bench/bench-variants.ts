// The two canvases the benchmark compares on the same graph: ours (the builder's node cards and
// edges, as the editor canvas draws them) and the peer (React Flow's built-in default nodes at the
// same positions, joined by the same edges on their single default handles). The bench page draws
// both with the same ReactFlow props, so the difference measured is the node cards. (The third
// variant, the whole EditorCanvas, is in bench-editor-variant.tsx.)
import type { Edge, Node, NodeTypes } from '@xyflow/react';
import type { TGraph } from '../../../workflows/graph/schema';
import { EditorNodeCard, EDITOR_NODE_TYPE } from '../builder/editor-node-card';
import { toEditorEdges, toEditorNodes, type CanvasDecorations } from '../builder/editor-flow-elements';

/** Elements for the bench page's own ReactFlow. */
export type ElementsVariant = {
  kind: 'elements';
  /** Module-level constant: React Flow remounts every node when this object changes identity. */
  nodeTypes: NodeTypes | undefined;
  toNodes(graph: TGraph): Node[];
  toEdges(graph: TGraph): Edge[];
};
/** A whole canvas component, drawn as the app draws it. */
export type ComponentVariant = { kind: 'component'; Canvas(props: { graph: TGraph }): React.JSX.Element };
export type BenchVariant = ElementsVariant | ComponentVariant;

/** An editable draft with nothing painted on it: no problems, no live runs, no simulated path, no diff. */
export const PLAIN_DRAFT: CanvasDecorations = {
  issuesByNode: new Map(),
  issueEdgeIds: new Set(),
  overlay: new Map(),
  path: null,
  diff: null,
  isReadOnly: false,
  onOverlayClick: null,
};

/** Ours: the editor canvas's card and element builders (builder-ui/src/builder/editor-canvas.tsx). */
export const TRELLIS_VARIANT: ElementsVariant = {
  kind: 'elements',
  nodeTypes: { [EDITOR_NODE_TYPE]: EditorNodeCard },
  toNodes: (graph) => toEditorNodes(graph, PLAIN_DRAFT),
  toEdges: (graph) => toEditorEdges(graph, PLAIN_DRAFT),
};

export const PEER_VARIANT: ElementsVariant = {
  kind: 'elements',
  nodeTypes: undefined,
  toNodes: (graph) => graph.nodes.map((node) => ({ id: node.id, type: 'default', position: graph.layout?.[node.id] ?? { x: 0, y: 0 }, data: { label: node.label ?? node.type } })),
  // Our edges (same ids, type, markers) on the default nodes' one source handle.
  toEdges: (graph) => TRELLIS_VARIANT.toEdges(graph).map(({ sourceHandle: _port, ...edge }) => edge),
};
