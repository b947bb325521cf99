// One field of the node configuration form, drawn from its descriptor, with the
// validation issues placed at its JSON pointer shown right under it.
import { useState } from 'react';
import type { FieldDescriptor, ScalarType } from './config-form-fields';
import { FieldIssues, NumberInput, inputId, type FieldEnv } from './config-field-parts';
import { childPointer } from './config-issues';
import { asObject, scalarFromText, scalarTypeOf, textOf, withDurationUnit, withKey } from './config-values';
import { ConditionRowsEditor } from './condition-rows-editor';
import { GroupListInput, StringListInput } from './config-list-inputs';
import { TemplateEditor } from './template-editor';
import { useTextDraft } from './use-text-draft';

/** An emptied optional field is removed; one with a default stays empty rather than jump back to the default under the caret. */
const fromText = (field: FieldDescriptor, text: string) => (text === '' && !field.isRequired && field.defaultValue === undefined ? undefined : text);

const UNIT_LABELS = { days: 'd', hours: 'h', minutes: 'min', seconds: 's' } as const;

export interface ConfigFieldProps {
  field: FieldDescriptor;
  value: unknown;
  /** JSON pointer relative to the node, e.g. /config/rules/0/port. */
  pointer: string;
  /** Dotted name for tests and labels, e.g. rules.0.port. */
  path: string;
  env: FieldEnv;
  onChange(value: unknown): void;
}

export function ConfigField(props: ConfigFieldProps) {
  const { field, pointer, path, env } = props;
  const issues = env.issuesAt(pointer);
  const isGroup = field.kind === 'group' || field.kind === 'group-list' || field.kind === 'conditions';
  const label = (
    <>
      {field.label}
      {field.isRequired && field.defaultValue === undefined && <span className="config-required" aria-hidden="true"> *</span>}
    </>
  );
  return (
    <div className={`config-field config-field-${field.kind}${issues.length ? ' has-error' : ''}`} data-testid="config-field" data-field={path} data-kind={field.kind}>
      {isGroup ? <div className="config-field-label">{label}</div> : <label className="config-field-label" htmlFor={inputId(env, pointer)}>{label}</label>}
      <FieldInput {...props} isInvalid={issues.length > 0} />
      <FieldIssues issues={issues} />
    </div>
  );
}

function FieldInput({ field, value, pointer, path, env, onChange, isInvalid }: ConfigFieldProps & { isInvalid: boolean }) {
  const id = inputId(env, pointer);
  const current = value ?? field.defaultValue;
  const invalid = isInvalid || undefined;
  switch (field.kind) {
    case 'text':
      return (
        <>
          <input id={id} type={field.inputType} value={textOf(current)} maxLength={field.maxLength} aria-invalid={invalid} list={field.isFieldPath ? `${id}-variables` : undefined}
            placeholder={field.isFieldPath ? 'a field of the run, e.g. candidate.timeZone' : undefined}
            onChange={(e) => onChange(fromText(field, e.target.value))} />
          {field.isFieldPath && <datalist id={`${id}-variables`}>{env.variables.map((v) => <option key={v} value={v} />)}</datalist>}
        </>
      );
    case 'multiline':
      return <textarea id={id} rows={4} value={textOf(current)} aria-invalid={invalid}
        onChange={(e) => onChange(fromText(field, e.target.value))} />;
    case 'template':
      return <TemplateEditor id={id} value={textOf(current)} onChange={(text) => onChange(fromText(field, text))}
        variables={env.variables} previewContext={env.previewContext} isMultiline={field.isMultiline} isJson={field.isJson} isInvalid={isInvalid} />;
    case 'number':
      return <NumberInput id={id} value={current} min={field.minimum} max={field.maximum} step={field.isInteger ? 1 : 'any'} isInvalid={isInvalid} onChange={onChange} />;
    case 'boolean':
      return <input id={id} type="checkbox" checked={current === true} onChange={(e) => onChange(e.target.checked)} />;
    case 'enum':
      return (
        <select id={id} value={textOf(current)} aria-invalid={invalid} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}>
          {(current === undefined || (!field.isRequired && field.defaultValue === undefined)) && <option value="">—</option>}
          {field.options.map((option) => <option key={option} value={option}>{option}</option>)}
        </select>
      );
    case 'duration':
      return (
        <div className="config-duration">
          {field.units.map((unit) => (
            <label key={unit} className="config-duration-unit">
              <NumberInput id={unit === field.units[0] ? id : undefined} value={asObject(current)[unit]} min={0} step={1} isInvalid={isInvalid}
                onChange={(n) => onChange(withDurationUnit(current, unit, n === undefined ? '' : String(n)))} />
              <span title={unit}>{UNIT_LABELS[unit]}</span>
            </label>
          ))}
        </div>
      );
    case 'scalar':
      return <ScalarInput id={id} value={current} types={field.types} isInvalid={isInvalid} onChange={onChange} />;
    case 'string-list':
      return <StringListInput id={id} value={current} options={field.options} onChange={onChange} />;
    case 'group':
      return (
        <div className="config-group">
          {field.fields.map((sub) => (
            <ConfigField key={sub.name} field={sub} value={asObject(current)[sub.name]} pointer={childPointer(pointer, sub.name)} path={`${path}.${sub.name}`} env={env}
              onChange={(v) => {
                const next = withKey(asObject(current), sub.name, v);
                onChange(Object.keys(next).length || field.isRequired ? next : undefined);
              }} />
          ))}
        </div>
      );
    case 'group-list':
      return <GroupListInput field={field} value={current} pointer={pointer} path={path} env={env} onChange={onChange} renderField={(p) => <ConfigField {...p} />} />;
    case 'conditions':
      return <ConditionRowsEditor field={field} value={current} pointer={pointer} path={path} env={env} onChange={onChange} />;
    case 'json':
      return <JsonInput id={id} value={current} isInvalid={isInvalid} onChange={onChange} />;
  }
}

function ScalarInput({ id, value, types, isInvalid, onChange }: { id: string; value: unknown; types: readonly ScalarType[]; isInvalid: boolean; onChange(value: unknown): void }) {
  // An empty value has no type of its own: remember the one picked until something is typed.
  const [picked, setPicked] = useState<ScalarType | null>(null);
  const type = value === undefined || value === '' ? picked ?? scalarTypeOf(value, types) : scalarTypeOf(value, types);
  const names = { string: 'text', number: 'number', boolean: 'yes / no' } as const;
  return (
    <div className="config-inline">
      {types.length > 1 && (
        <select aria-label="Value type" value={type} onChange={(e) => {
          const next = e.target.value as ScalarType;
          setPicked(next);
          onChange(scalarFromText(next, textOf(value)));
        }}>
          {types.map((t) => <option key={t} value={t}>{names[t]}</option>)}
        </select>
      )}
      {type === 'boolean' ? (
        <select id={id} value={String(value === true)} onChange={(e) => onChange(e.target.value === 'true')}>
          <option value="true">true</option>
          <option value="false">false</option>
        </select>
      ) : type === 'number' ? (
        <NumberInput id={id} value={value} isInvalid={isInvalid} step="any" onChange={onChange} />
      ) : (
        <input id={id} value={textOf(value)} aria-invalid={isInvalid || undefined} onChange={(e) => onChange(e.target.value)} />
      )}
    </div>
  );
}

/** Last resort for shapes the form cannot draw: the field's JSON, applied once it parses. */
function JsonInput({ id, value, isInvalid, onChange }: { id: string; value: unknown; isInvalid: boolean; onChange(value: unknown): void }) {
  const format = (v: unknown) => (v === undefined ? '' : JSON.stringify(v, null, 2));
  const [text, setText] = useTextDraft(value, format);
  let parseError: string | null = null;
  try {
    if (text.trim()) JSON.parse(text);
  } catch (err) {
    parseError = (err as Error).message;
  }
  return (
    <>
      <textarea id={id} className="config-json" rows={5} spellCheck={false} value={text} aria-invalid={isInvalid || !!parseError || undefined}
        onChange={(e) => {
          const next = e.target.value;
          try {
            const parsed: unknown = next.trim() ? JSON.parse(next) : undefined;
            setText(next, parsed);
            onChange(parsed);
          } catch {
            setText(next, value);
          }
        }} />
      {parseError && <div className="config-field-error" data-testid="config-field-error">not valid JSON yet: {parseError}</div>}
    </>
  );
}
