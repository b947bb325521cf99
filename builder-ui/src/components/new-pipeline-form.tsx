// Inline form that creates a pipeline, empty or from a starter template, and opens it in the builder.
import { useState, type FormEvent } from 'react';
import { apiPost } from '../api';
import { navigate } from '../hash-route';
import { useApiResource } from '../use-api-resource';
import { ErrorNotice } from './error-notice';

type StarterTemplate = { id: string; name: string; kind: 'HIRING' | 'NURTURE'; description: string; nodeCount: number };
type NewPipelineFormProps = { onCancel: () => void; onCreated: () => void };

const BLANK = { id: '', name: 'Blank canvas', kind: 'HIRING', description: 'Start from nothing and drag nodes from the palette.', nodeCount: 0 } as const;

export function NewPipelineForm({ onCancel, onCreated }: NewPipelineFormProps) {
  const templates = useApiResource<StarterTemplate[]>('/api/pipeline-templates');
  const [name, setName] = useState('');
  const [templateId, setTemplateId] = useState('');
  const [kind, setKind] = useState<'HIRING' | 'NURTURE'>('HIRING');
  const [isSaving, setIsSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const template = templates.data?.find((candidate) => candidate.id === templateId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setIsSaving(true);
    setError(null);
    try {
      const body = template
        ? { name: name.trim(), kind: template.kind, templateId: template.id }
        : { name: name.trim(), kind, graph: { nodes: [], edges: [] } };
      const created = await apiPost<{ id?: string } | undefined>('/api/pipelines', body);
      onCreated();
      if (created?.id) navigate(`/pipelines/${encodeURIComponent(created.id)}`);
    } catch (caught) {
      setError(caught);
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <form className="card inline-form new-pipeline-form" onSubmit={submit} data-testid="new-pipeline-form">
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
      <fieldset className="template-picker" data-testid="template-picker">
        <legend>Start from</legend>
        {[BLANK, ...(templates.data ?? [])].map((option) => (
          <label key={option.id || 'blank'} className={`template-option${templateId === option.id ? ' is-selected' : ''}`} data-testid="template-option" data-template-id={option.id}>
            <input type="radio" name="template" value={option.id} checked={templateId === option.id} onChange={() => setTemplateId(option.id)} />
            <span className="template-option-name">{option.name}</span>
            <span className="template-option-meta">{option.kind === 'NURTURE' ? 'Nurture' : 'Hiring'}{option.nodeCount ? ` · ${option.nodeCount} steps` : ''}</span>
            <span className="template-option-description">{option.description}</span>
          </label>
        ))}
      </fieldset>
      {!template && (
        <label className="field">
          <span>Kind</span>
          <select value={kind} onChange={(event) => setKind(event.target.value as 'HIRING' | 'NURTURE')} data-testid="new-pipeline-kind">
            <option value="HIRING">Hiring pipeline</option>
            <option value="NURTURE">Nurture sequence</option>
          </select>
        </label>
      )}
      <div className="form-actions">
        <button type="button" className="button button-ghost" onClick={onCancel} disabled={isSaving}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={!name.trim() || isSaving} data-testid="new-pipeline-submit">
          {isSaving ? 'Creating…' : 'Create pipeline'}
        </button>
      </div>
      <ErrorNotice error={templates.error} title="Could not load the starter templates" />
      <ErrorNotice error={error} title="Could not create the pipeline" />
    </form>
  );
}
