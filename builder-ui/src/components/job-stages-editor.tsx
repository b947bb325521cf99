// The job's interview plan: stages in order, each with a key (what pipelines and applications refer
// to), a name and a kind. Start from a stage template, then rename, add, remove and reorder.
import type { EditableStage, StageKind, StageTemplate } from '../jobs/job-types';
import type { FieldErrors } from '../jobs/job-form';
import { JobFieldError } from './job-field-error';

const KINDS: StageKind[] = ['APPLIED', 'SCREEN', 'INTERVIEW', 'OFFER', 'HIRED', 'REJECTED', 'OTHER'];

type Props = {
  stages: EditableStage[];
  templates: StageTemplate[];
  /** The template the stages came from while unchanged; null once edited (or when editing a saved job). */
  templateId: string | null;
  isNew: boolean;
  errors: FieldErrors;
  onChange: (stages: EditableStage[], templateId: string | null) => void;
};

const keyFromName = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^[^a-z]+|_+$/g, '').slice(0, 60);

export function JobStagesEditor({ stages, templates, templateId, isNew, errors, onChange }: Props) {
  const edit = (next: EditableStage[]) => onChange(next, null);
  const update = (index: number, patch: Partial<EditableStage>) => edit(stages.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  const move = (index: number, by: number) => {
    const next = [...stages];
    const [stage] = next.splice(index, 1);
    next.splice(index + by, 0, stage!);
    edit(next);
  };
  return (
    <fieldset className="card job-editor-section" data-testid="job-stages-editor">
      <legend className="card-title">Stages</legend>
      {isNew && templates.length > 0 && (
        <label className="field">
          <span>Start from a stage template</span>
          <select value={templateId ?? ''} data-testid="job-stage-template"
            onChange={(e) => {
              const template = templates.find((t) => t.id === e.target.value);
              if (template) onChange(template.stages.map((s) => ({ ...s })), template.id);
            }}>
            <option value="">{templateId ? '' : 'Custom stages'}</option>
            {templates.map((t) => <option key={t.id} value={t.id}>{t.name}{t.isDefault ? ' (default)' : ''}</option>)}
          </select>
        </label>
      )}
      <ol className="job-stage-list">
        {stages.map((stage, index) => (
          <li key={index} className="job-stage-row" data-testid="job-stage-row" data-stage={stage.key}>
            <input aria-label={`Stage ${index + 1} name`} value={stage.name} onChange={(e) => update(index, { name: e.target.value })} data-testid="job-stage-name" />
            <input aria-label={`Stage ${index + 1} key`} value={stage.key} className="mono" onChange={(e) => update(index, { key: e.target.value })} />
            <select aria-label={`Stage ${index + 1} kind`} value={stage.kind} onChange={(e) => update(index, { kind: e.target.value as StageKind })}>
              {KINDS.map((k) => <option key={k} value={k}>{k.toLowerCase()}</option>)}
            </select>
            <button type="button" className="button button-small button-ghost" aria-label="Move up" disabled={index === 0} onClick={() => move(index, -1)}>↑</button>
            <button type="button" className="button button-small button-ghost" aria-label="Move down" disabled={index === stages.length - 1} onClick={() => move(index, 1)}>↓</button>
            <button type="button" className="button button-small button-ghost" aria-label="Remove stage" onClick={() => edit(stages.filter((_, i) => i !== index))}>✕</button>
            <JobFieldError errors={errors} path={`stages.${index}`} />
          </li>
        ))}
      </ol>
      <JobFieldError errors={errors} path="stages" isExact />
      <JobFieldError errors={errors} path="stageTemplateId" />
      <button type="button" className="button button-small"
        onClick={() => {
          const name = `Stage ${stages.length + 1}`;
          // New stages go before the closing ones (hired, rejected), where recruiters expect them.
          const closing = stages.findIndex((s) => s.kind === 'HIRED' || s.kind === 'REJECTED');
          const at = closing === -1 ? stages.length : closing;
          edit([...stages.slice(0, at), { key: `${keyFromName(name)}_${Date.now().toString(36).slice(-4)}`, name, kind: 'INTERVIEW' }, ...stages.slice(at)]);
        }}>
        Add stage
      </button>
    </fieldset>
  );
}
