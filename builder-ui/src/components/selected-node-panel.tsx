// Details of the node selected on the canvas, including its config as the draft stores it.
import type { PipelineGraph } from '../api-types';

type SelectedNodePanelProps = { graph: PipelineGraph; nodeId: string | null };

export function SelectedNodePanel({ graph, nodeId }: SelectedNodePanelProps) {
  const node = nodeId ? graph.nodes.find((candidate) => candidate.id === nodeId) : undefined;
  if (!node) {
    return <div className="card side-card muted selected-node-hint">Select a node on the canvas to see its configuration.</div>;
  }
  const outgoing = graph.edges.filter((edge) => edge.source === node.id);
  return (
    <div className="card side-card" data-testid="selected-node" data-node-id={node.id}>
      <h2 className="card-title">{node.label || node.type}</h2>
      <dl className="definition-grid">
        <dt>Node id</dt>
        <dd><code>{node.id}</code></dd>
        <dt>Type</dt>
        <dd><code>{node.type}</code> v{String(node.typeVersion)}</dd>
        <dt>Next</dt>
        <dd>
          {outgoing.length === 0
            ? <span className="muted">— (end of path)</span>
            : outgoing.map((edge, index) => (
                <div key={`${edge.sourcePort}-${edge.target}-${index}`}>
                  <code>{edge.sourcePort}</code> → <code>{edge.target}</code>
                </div>
              ))}
        </dd>
      </dl>
      <pre className="code-block">{JSON.stringify(node.config ?? {}, null, 2)}</pre>
    </div>
  );
}
