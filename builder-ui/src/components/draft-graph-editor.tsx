// JSON editor for the pipeline draft. The canvas redraws from it as soon as the text parses.
type DraftGraphEditorProps = {
  text: string;
  parseError: string | null;
  isDirty: boolean;
  onChange: (text: string) => void;
};

export function DraftGraphEditor({ text, parseError, isDirty, onChange }: DraftGraphEditorProps) {
  return (
    <div className="card side-card draft-editor">
      <div className="card-title-row">
        <h2 className="card-title">Draft graph (JSON)</h2>
        {isDirty && <span className="badge badge-warning" data-testid="draft-dirty">Unsaved changes</span>}
      </div>
      <textarea
        className={parseError ? 'code-editor has-error' : 'code-editor'}
        value={text}
        onChange={(event) => onChange(event.target.value)}
        spellCheck={false}
        rows={18}
        aria-label="Draft graph JSON"
        aria-invalid={parseError ? true : undefined}
        data-testid="draft-json"
      />
      {parseError && (
        <div className="field-error" data-testid="draft-json-error">
          {parseError}
        </div>
      )}
    </div>
  );
}
