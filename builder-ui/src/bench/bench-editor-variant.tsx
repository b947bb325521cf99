// The benchmark's third variant: the builder's whole EditorCanvas component as the pipeline page
// mounts it (its own ReactFlow props, controlled state and callbacks), on a draft nobody edits.
// Kept apart from bench-variants.tsx because the editor canvas imports CSS, which unit tests cannot load.
import type { ComponentProps } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { EditorCanvas } from '../builder/editor-canvas';
import type { BenchVariantName } from './bench-graph';
import { PEER_VARIANT, PLAIN_DRAFT, TRELLIS_VARIANT, type BenchVariant, type ComponentVariant } from './bench-variants';

const noop = () => undefined;
// If EditorCanvas gains a required prop, the type check points here.
const EDITOR_PROPS: Omit<ComponentProps<typeof EditorCanvas>, 'graph'> = {
  decorations: PLAIN_DRAFT,
  selection: { nodeIds: [], edgeIds: [] },
  focusRequest: null,
  fitRequest: 1,
  onEdit: noop,
  onAddNode: noop,
  onSelectionChange: noop,
  onConnectRefused: noop,
};

const EDITOR_VARIANT: ComponentVariant = {
  kind: 'component',
  Canvas: ({ graph }) => (
    <ReactFlowProvider>
      <EditorCanvas graph={graph} {...EDITOR_PROPS} />
    </ReactFlowProvider>
  ),
};

export const BENCH_VARIANTS: Record<BenchVariantName, BenchVariant> = { trellis: TRELLIS_VARIANT, peer: PEER_VARIANT, editor: EDITOR_VARIANT };
