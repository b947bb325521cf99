// Inline form that creates an empty hiring pipeline and opens it in the builder.
import { useState, type FormEvent } from 'react';
import { apiPost } from '../api';
import type { PipelineGraph } from '../api-types';
import { navigate } from '../hash-route';
import { ErrorNotice } from './error-notice';

const EMPTY_GRAPH: PipelineGraph = { nodes: [], edges: [] };

type NewPipelineFormProps = { onCancel: () => void; onCreated: () => void };

export function NewPipelineForm({ onCancel, onCreated }: NewPipelineFormProps) {
  const [name, setName] = useState('');
  const [isSaving, setIsSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setIsSaving(true);
    setError(null);
    try {
      const created = await apiPost<{ id?: string } | undefined>('/api/pipelines', {
        name: name.trim(),
        kind: 'HIRING',
        graph: EMPTY_GRAPH,
      });
      onCreated();
      if (created?.id) navigate(`/pipelines/${encodeURIComponent(created.id)}`);
    } catch (caught) {
      setError(caught);
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <form className="card inline-form" onSubmit={submit} data-testid="new-pipeline-form">
      <label className="field field-grow">
        <span>Pipeline name</span>
        <input
          type="text"
          value={name}
          onChange={(event) => setName(event.target.value)}
          placeholder="e.g. Engineering hiring"
          autoFocus
          required
          data-testid="new-pipeline-name"
        />
      </label>
      <div className="form-actions">
        <button type="button" className="button button-ghost" onClick={onCancel} disabled={isSaving}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={!name.trim() || isSaving} data-testid="new-pipeline-submit">
          {isSaving ? 'Creating…' : 'Create pipeline'}
        </button>
      </div>
      <ErrorNotice error={error} title="Could not create the pipeline" />
    </form>
  );
}
