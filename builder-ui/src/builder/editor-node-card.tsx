// Canvas card for one pipeline node in the editor: label and type, an input handle on top (not on
// triggers), one labelled output handle per port, and the states the builder paints on it:
// validation problems, live run counts, the simulated path and a version diff.
import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { NodeCategory } from '../../../workflows/graph/node-definition';
import { OverlayBadge } from './overlay-badge';

export const EDITOR_NODE_TYPE = 'pipelineNode';

export type DiffStatus = 'added' | 'removed' | 'changed' | 'unchanged';

export type EditorNodeData = {
  label: string;
  nodeType: string;
  typeVersion: number;
  category: NodeCategory | null;
  ports: readonly string[];
  isTrigger: boolean;
  issues: readonly string[];
  overlayCount: number;
  /** Per version, e.g. "v1: 2 · v2: 1" (empty when no run is parked here). */
  overlayVersions: string;
  isOnPath: boolean;
  diffStatus: DiffStatus | null;
  isReadOnly: boolean;
  onOverlayClick: ((nodeId: string) => void) | null;
};
export type EditorFlowNode = Node<EditorNodeData, typeof EDITOR_NODE_TYPE>;

const MIN_CARD_WIDTH = 200;
const WIDTH_PER_PORT = 84;

/** Handles and their labels share one horizontal position, spread evenly along the bottom edge. */
const portOffset = (index: number, portCount: number) => `${((index + 1) / (portCount + 1)) * 100}%`;

function EditorNodeCardView({ id, data, selected }: NodeProps<EditorFlowNode>) {
  const { label, nodeType, typeVersion, category, ports, isTrigger, issues, overlayCount, overlayVersions, isOnPath, diffStatus, isReadOnly, onOverlayClick } = data;
  const classNames = [
    'pipeline-node',
    category ? `category-${category}` : 'category-unknown',
    selected ? 'is-selected' : '',
    issues.length > 0 ? 'has-issue' : '',
    isOnPath ? 'is-on-path' : '',
    diffStatus && diffStatus !== 'unchanged' ? `diff-${diffStatus}` : '',
  ].filter(Boolean);
  return (
    <div
      className={classNames.join(' ')}
      style={{ minWidth: Math.max(MIN_CARD_WIDTH, ports.length * WIDTH_PER_PORT) }}
      data-testid="pipeline-node"
      data-node-id={id}
      data-has-issue={issues.length > 0 ? 'true' : 'false'}
      title={issues.length > 0 ? issues.join('\n') : undefined}
    >
      {!isTrigger && <Handle type="target" position={Position.Top} isConnectable={!isReadOnly} data-testid="node-input-handle" />}
      <div className="pipeline-node-header">
        <span className="pipeline-node-label">{label}</span>
        <OverlayBadge count={overlayCount} onClick={() => onOverlayClick?.(id)} />
      </div>
      {overlayVersions && (
        <div className="pipeline-node-overlay" data-testid="overlay-versions">
          parked now: {overlayVersions}
        </div>
      )}
      <div className="pipeline-node-type">
        {nodeType} · v{typeVersion}
        {issues.length > 0 && <span className="pipeline-node-issue-count"> · {issues.length} problem{issues.length === 1 ? '' : 's'}</span>}
        {diffStatus && diffStatus !== 'unchanged' && <span className="pipeline-node-diff"> · {diffStatus}</span>}
      </div>
      {ports.length > 0 && (
        <div className="pipeline-node-ports">
          {ports.map((port, index) => (
            <span key={port} className="pipeline-node-port-label" style={{ left: portOffset(index, ports.length) }}>
              {port}
            </span>
          ))}
        </div>
      )}
      {ports.map((port, index) => (
        <Handle
          key={port}
          id={port}
          type="source"
          position={Position.Bottom}
          isConnectable={!isReadOnly}
          style={{ left: portOffset(index, ports.length) }}
          title={`port "${port}": drag to the node it leads to`}
          data-testid="node-port-handle"
          data-port={port}
        />
      ))}
    </div>
  );
}

export const EditorNodeCard = memo(EditorNodeCardView);
