// Canvas card for one pipeline node: its label, its type, and one labelled handle per outgoing
// port so branches (e.g. `yes` / `no`, `timeout`) are visible where they leave the node.
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { PipelineFlowNode } from '../pipeline-flow-elements';

const MIN_CARD_WIDTH = 200;
const WIDTH_PER_PORT = 90;

/** Handles and their labels share one horizontal position, spread evenly along the bottom edge. */
const portOffset = (index: number, portCount: number) => `${((index + 1) / (portCount + 1)) * 100}%`;

export function PipelineNodeCard({ id, data, selected }: NodeProps<PipelineFlowNode>) {
  const { label, nodeType, typeVersion, ports, hasIncoming, hasIssue } = data;
  const classNames = ['pipeline-node', selected ? 'is-selected' : '', hasIssue ? 'has-issue' : ''].filter(Boolean);
  return (
    <div
      className={classNames.join(' ')}
      style={{ minWidth: Math.max(MIN_CARD_WIDTH, ports.length * WIDTH_PER_PORT) }}
      data-testid="pipeline-node"
      data-node-id={id}
    >
      {hasIncoming && <Handle type="target" position={Position.Top} isConnectable={false} />}
      <div className="pipeline-node-label">{label}</div>
      <div className="pipeline-node-type">
        {nodeType}
        {typeVersion !== undefined && <span> · v{typeVersion}</span>}
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
          isConnectable={false}
          style={{ left: portOffset(index, ports.length) }}
          title={port}
        />
      ))}
    </div>
  );
}
