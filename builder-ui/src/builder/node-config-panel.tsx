// The configuration panel for the node selected on the canvas: label, the
// config form generated from the node type's schema, activity settings, the
// type's docs, and validation issues inline at their fields (the rest on top).
// Every edit calls onChange at once: the builder validates live and autosaves.
import { useMemo } from 'react';
import type { GraphIssue } from '../../../workflows/graph/plan';
import { findNodeDefinition } from '../../../workflows/graph/registry';
import type { TGraphNode } from '../../../workflows/graph/schema';
import { ConfigField } from './config-field';
import { FieldIssues, type FieldEnv } from './config-field-parts';
import { configFieldsFor, nodeSettingsFields, type FieldDescriptor } from './config-form-fields';
import { fieldPointers, placeIssues } from './config-issues';
import { asObject, textOf, withKey } from './config-values';
import { sampleTemplateContext, type SampleJob } from './template-preview';
import './node-config-panel.css';

export interface NodeConfigPanelProps {
  node: TGraphNode;
  /** Issues of this node (paths under /nodes/<i> for it); others are shown at the top too. */
  issues: readonly GraphIssue[];
  /** Variables available on every path into the node (availableVariablesByNode(graph).get(node.id)). */
  availableVariables: readonly string[];
  onChange(next: TGraphNode): void;
  onDelete(): void;
  /** The pipeline's job for the template preview (default "Sample Role"). */
  sampleJob?: SampleJob;
  orgName?: string;
}

const SETTINGS_LABELS: Record<string, string> = { retry: 'Retries of the side effect', timeout: 'Time limit per attempt' };
/** Node kinds that never call an activity: retry and time limit would not apply. */
const hasActivity = (category: string, type: string) => !['trigger', 'logic', 'time'].includes(category) && type !== 'action.end';
const JSON_CONFIG_FIELD: FieldDescriptor = { kind: 'json', name: 'config', label: 'Config (JSON)', isRequired: false };

export function NodeConfigPanel({ node, issues, availableVariables, onChange, onDelete, sampleJob, orgName }: NodeConfigPanelProps) {
  const def = findNodeDefinition(node.type, node.typeVersion);
  const config = asObject(node.config);
  const fields = def ? configFieldsFor(def) : [];
  const settings = def && hasActivity(def.category, def.type) ? nodeSettingsFields().map((f) => ({ ...f, label: SETTINGS_LABELS[f.name] ?? f.label })) : [];
  const pointers = ['/label', ...(def ? fieldPointers(fields, config, '/config') : ['/config']), ...fieldPointers(settings, node, '')];
  const placed = placeIssues(issues, pointers);
  const variablesKey = availableVariables.join('\n');
  // Keyed by content: callers may pass a fresh array on every render.
  const variables = useMemo(() => [...availableVariables].sort(), [variablesKey]);
  const sender = { name: textOf(config.fromName ?? config.emailFromName) || undefined, email: textOf(config.fromEmail) || undefined };
  const previewContext = useMemo(
    () => sampleTemplateContext(variables, { job: sampleJob, orgName, sender }),
    [variables, sampleJob?.title, sampleJob?.department, sampleJob?.location, orgName, sender.name, sender.email],
  );
  const env: FieldEnv = { issuesAt: (p) => placed.byPointer.get(p) ?? [], variables, previewContext, idPrefix: `node-config-${node.id}` };
  const setConfig = (name: string, value: unknown) => onChange({ ...node, config: withKey(config, name, value) });
  const setNodeKey = (name: string, value: unknown) => onChange(withKey(node, name, value) as TGraphNode);
  const hasSettings = settings.some((f) => node[f.name as keyof TGraphNode] !== undefined || placed.byPointer.has(`/${f.name}`));

  return (
    <div className="node-config-panel" data-testid="node-config-panel" data-node-id={node.id} key={node.id}>
      <div className="node-config-header">
        <div>
          <h2 className="node-config-title">{node.label || def?.label || node.type}</h2>
          <div className="node-config-type muted">
            <code>{node.type}</code> v{node.typeVersion} · id <code>{node.id}</code>
          </div>
        </div>
        <button type="button" className="button button-small node-config-delete" data-testid="node-config-delete" onClick={onDelete}>Delete</button>
      </div>
      {placed.unplaced.length > 0 && (
        <div className="node-config-issues" data-testid="node-config-issues">
          {placed.unplaced.map((issue, i) => (
            <div key={`${issue.code}-${i}`} className="node-config-issue" data-testid="node-config-issue" data-code={issue.code}>{issue.message}</div>
          ))}
        </div>
      )}
      {def ? <p className="node-config-docs" data-testid="node-config-docs">{def.docs}</p> : <p className="node-config-docs">This node type is not in the catalog; its config is shown as JSON.</p>}

      <div className="config-field" data-testid="config-field" data-field="label">
        <label className="config-field-label" htmlFor={`${env.idPrefix}-label`}>Label</label>
        <input id={`${env.idPrefix}-label`} value={node.label ?? ''} placeholder={def?.label} maxLength={200}
          onChange={(e) => setNodeKey('label', e.target.value === '' ? undefined : e.target.value)} />
        <FieldIssues issues={env.issuesAt('/label')} />
      </div>

      {def
        ? fields.map((field) => (
            <ConfigField key={field.name} field={field} value={config[field.name]} pointer={`/config/${field.name}`} path={field.name} env={env} onChange={(v) => setConfig(field.name, v)} />
          ))
        : <ConfigField field={JSON_CONFIG_FIELD} value={node.config} pointer="/config" path="config" env={env} onChange={(v) => onChange({ ...node, config: v ?? {} })} />}
      {def && fields.length === 0 && <p className="muted node-config-empty">Nothing to configure.</p>}

      {settings.length > 0 && (
        <details className="node-config-settings" open={hasSettings || undefined}>
          <summary>Retries and time limit</summary>
          {settings.map((field) => (
            <ConfigField key={field.name} field={field} value={node[field.name as keyof TGraphNode]} pointer={`/${field.name}`} path={field.name} env={env} onChange={(v) => setNodeKey(field.name, v)} />
          ))}
        </details>
      )}
    </div>
  );
}
