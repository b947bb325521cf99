// The graph as JSON, for people who prefer text or paste graphs from elsewhere. Applying it is one
// undoable edit; text that is not a graph is refused with the reason.
import { useEffect, useState } from 'react';
import { ZGraph, type TGraph } from '../../../workflows/graph/schema';

export function GraphJsonPanel({ graph, isReadOnly, onApply }: { graph: TGraph; isReadOnly: boolean; onApply(graph: TGraph): void }) {
  const [text, setText] = useState(() => JSON.stringify(graph, null, 2));
  const [error, setError] = useState<string | null>(null);
  const [isEdited, setIsEdited] = useState(false);
  useEffect(() => {
    if (!isEdited) setText(JSON.stringify(graph, null, 2));
  }, [graph, isEdited]);

  const apply = () => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (cause) {
      return setError(`not JSON: ${(cause as Error).message}`);
    }
    const result = ZGraph.safeParse(parsed);
    if (!result.success) {
      return setError(result.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(graph)'}: ${issue.message}`).join('; '));
    }
    setError(null);
    setIsEdited(false);
    onApply(result.data);
  };

  return (
    <div className="graph-json-panel">
      <textarea
        className="draft-json"
        value={text}
        spellCheck={false}
        readOnly={isReadOnly}
        onChange={(event) => {
          setText(event.target.value);
          setIsEdited(true);
        }}
        data-testid="draft-json"
        aria-label="Graph JSON"
      />
      {error && <p className="field-error" data-testid="draft-json-error">{error}</p>}
      <div className="notice-actions">
        <button type="button" className="button button-small" onClick={apply} disabled={!isEdited || isReadOnly} data-testid="apply-json-button">Apply to canvas</button>
        <button type="button" className="button button-small button-ghost" onClick={() => { setIsEdited(false); setError(null); }} disabled={!isEdited}>Discard edits</button>
      </div>
    </div>
  );
}
