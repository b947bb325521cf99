// The canvas benchmark page (`/bench.html?variant=trellis|peer&nodes=500&edges=600`): draws the
// generated graph with our node cards or with React Flow's default nodes, both under the same ReactFlow
// props, and exposes hooks for bench/builder-canvas.ts: `window.__benchReady` (time to first render)
// and `window.__bench` (frame meter around a drag). Built as the UI's second Vite entry.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Background, Controls, MiniMap, ReactFlow, useEdgesState, useNodesState, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import '../styles.css';
import '../workspace.css';
import '../builder/builder.css';
import './canvas-bench.css';
import { generateBenchGraph, parseBenchParams, type BenchParams } from './bench-graph';
import type { TGraph } from '../../../workflows/graph/schema';
import { BENCH_VARIANTS } from './bench-editor-variant';
import type { ElementsVariant } from './bench-variants';
import { startFrameMeter, type DragFrameSummary } from './frame-meter';

/** firstRenderMs and scriptStartMs count from navigation start; scriptStartMs is when the bundle had loaded and run its imports. */
export type BenchReady = BenchParams & { firstRenderMs: number; scriptStartMs: number; zoom: number };
export type BenchHooks = { startFrameMeter(nodeId: string): void; stopFrameMeter(): DragFrameSummary };
export type BenchWindow = Window & { __benchReady?: BenchReady; __benchError?: string; __bench?: BenchHooks };

const scriptStartMs = performance.now();
const benchWindow = window as BenchWindow;

// Module-level, never inline: React Flow copies these props into its store whenever their identity
// changes, and a new defaultEdgeOptions object re-renders every edge, so an inline literal would
// add that work to every drag step. Same values as the editor canvas.
const FIT_VIEW_OPTIONS = { padding: 0.2 };
const DEFAULT_EDGE_OPTIONS = { type: 'smoothstep' };

function BenchCanvas({ variant, initialNodes, initialEdges }: { variant: ElementsVariant; initialNodes: Node[]; initialEdges: Edge[] }) {
  // Controlled elements, as in the editor canvas: every drag step goes through onNodesChange and a re-render.
  const [nodes, , onNodesChange] = useNodesState(initialNodes);
  const [edges, , onEdgesChange] = useEdgesState(initialEdges);
  return (
    <div className="bench-canvas" data-testid="bench-canvas">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={variant.nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onlyRenderVisibleElements={false}
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        minZoom={0.1}
        defaultEdgeOptions={DEFAULT_EDGE_OPTIONS}
      >
        {/* The editor canvas's view props and panels (builder-ui/src/builder/editor-canvas.tsx). */}
        <Background gap={20} size={1} />
        <MiniMap pannable zoomable nodeStrokeWidth={3} />
        <Controls />
      </ReactFlow>
    </div>
  );
}

/** Elements are built inside the first render, so their cost (registry lookups, config parsing) is part of the measurement. */
function ElementsPage({ variant, graph }: { variant: ElementsVariant; graph: TGraph }) {
  const [elements] = useState(() => ({ nodes: variant.toNodes(graph), edges: variant.toEdges(graph) }));
  return <BenchCanvas variant={variant} initialNodes={elements.nodes} initialEdges={elements.edges} />;
}

function BenchPage({ params }: { params: BenchParams }) {
  const [graph] = useState(() => generateBenchGraph(params));
  const variant = BENCH_VARIANTS[params.variant];
  if (variant.kind === 'elements') return <ElementsPage variant={variant} graph={graph} />;
  return (
    <div className="bench-canvas" data-testid="bench-canvas">
      <variant.Canvas graph={graph} />
    </div>
  );
}

/**
 * Resolves with performance.now() (ms since navigation start) once every node is mounted and
 * measured (React Flow hides unmeasured nodes) and every edge is drawn, after that frame's paint:
 * checked in requestAnimationFrame, read in a task queued from it, which runs after the frame.
 */
function whenCanvasDrawn(root: HTMLElement, params: BenchParams): Promise<number> {
  return new Promise((resolve) => {
    const check = () => {
      const nodes = root.querySelectorAll<HTMLElement>('.react-flow__node');
      const isDrawn =
        nodes.length === params.nodes &&
        Array.from(nodes).every((node) => node.style.visibility !== 'hidden') &&
        root.querySelectorAll('.react-flow__edge').length === params.edges;
      if (isDrawn) setTimeout(() => resolve(performance.now()), 0);
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

function viewportZoom(root: HTMLElement): number {
  const transform = root.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '';
  return Number(/scale\(([\d.]+)\)/.exec(transform)?.[1] ?? NaN);
}

function installFrameMeterHooks(root: HTMLElement) {
  let meter: ReturnType<typeof startFrameMeter> | null = null;
  benchWindow.__bench = {
    startFrameMeter(nodeId) {
      meter = startFrameMeter(root.querySelector(`.react-flow__node[data-id="${CSS.escape(nodeId)}"]`));
    },
    stopFrameMeter() {
      if (!meter) throw new Error('startFrameMeter was not called');
      const summary = meter.stop();
      meter = null;
      return summary;
    },
  };
}

const root = document.getElementById('bench-root');
if (!root) throw new Error('Missing #bench-root element in bench.html');
try {
  const params = parseBenchParams(window.location.search);
  createRoot(root).render(<BenchPage params={params} />);
  installFrameMeterHooks(root);
  void whenCanvasDrawn(root, params).then((firstRenderMs) => {
    const tenths = (ms: number) => Math.round(ms * 10) / 10;
    benchWindow.__benchReady = { ...params, firstRenderMs: tenths(firstRenderMs), scriptStartMs: tenths(scriptStartMs), zoom: viewportZoom(root) };
  });
} catch (err) {
  // Bad query parameters: say so on the page and to the driver instead of drawing a default graph.
  benchWindow.__benchError = (err as Error).message;
  root.innerHTML = '';
  root.append(Object.assign(document.createElement('div'), { className: 'bench-error', textContent: benchWindow.__benchError }));
}
