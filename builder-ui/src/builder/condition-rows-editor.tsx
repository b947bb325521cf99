// Branch conditions as rows of field / operator / value (all must hold), instead
// of raw JSON. Fields are suggested from the variables available at the node;
// loop counters are visits.<nodeId>. Semantics: workflows/graph/conditions.ts.
import { useState } from 'react';
import type { FieldDescriptor } from './config-form-fields';
import { FieldIssues, NumberInput, inputId, type FieldEnv } from './config-field-parts';
import { childPointer } from './config-issues';
import {
  asObject, conditionValueFrom, conditionValueText, conditionValueType, operatorIsNumeric, operatorTakesList, operatorTakesValue,
  textOf, withItem, withKey, withOperator, type ConditionValueType, type ConfigObject,
} from './config-values';
import { useTextDraft } from './use-text-draft';

const OPERATOR_LABELS: Record<string, string> = {
  eq: 'equals', neq: 'does not equal', gt: '>', gte: '≥', lt: '<', lte: '≤', in: 'is one of', contains: 'contains', exists: 'exists',
};
const TYPE_LABELS: Record<ConditionValueType, string> = { string: 'text', number: 'number', boolean: 'yes / no' };

interface ConditionRowsEditorProps {
  field: Extract<FieldDescriptor, { kind: 'conditions' }>;
  value: unknown;
  pointer: string;
  path: string;
  env: FieldEnv;
  onChange(value: unknown): void;
}

export function ConditionRowsEditor({ field, value, pointer, path, env, onChange }: ConditionRowsEditorProps) {
  const rows = (Array.isArray(value) ? value : []).map(asObject);
  const listId = inputId(env, `${pointer}/fields`);
  return (
    <div className="condition-rows">
      <datalist id={listId}>
        {env.variables.map((v) => <option key={v} value={v} />)}
      </datalist>
      {rows.length > 1 && <div className="condition-rows-hint muted">All of these must hold.</div>}
      {rows.map((row, i) => (
        <ConditionRow key={i} row={row} operators={field.operators} listId={listId} id={inputId(env, childPointer(pointer, i))} path={`${path}.${i}`}
          issues={env.issuesAt(childPointer(pointer, i))} canRemove={rows.length > (field.minItems ?? 0)}
          onChange={(next) => onChange(withItem(rows, i, next))} />
      ))}
      <button type="button" className="button button-small" data-testid="condition-add"
        onClick={() => onChange([...rows, { field: '', op: field.operators[0] ?? 'eq' }])}>
        + Add condition
      </button>
    </div>
  );
}

interface ConditionRowProps {
  row: ConfigObject;
  operators: readonly string[];
  listId: string;
  id: string;
  path: string;
  issues: Parameters<typeof FieldIssues>[0]['issues'];
  canRemove: boolean;
  onChange(next: ConfigObject | undefined): void;
}

function ConditionRow({ row, operators, listId, id, path, issues, canRemove, onChange }: ConditionRowProps) {
  const op = textOf(row.op) || 'eq';
  // An empty value has no type of its own: remember the one picked until something is typed.
  const [picked, setPicked] = useState<ConditionValueType | null>(null);
  const type = row.value === undefined && picked && !operatorIsNumeric(op) ? picked : conditionValueType(op, row.value);
  const isNumberMismatch = operatorIsNumeric(op) && row.value !== undefined && typeof row.value !== 'number';
  return (
    <div className={issues.length ? 'condition-row has-error' : 'condition-row'} data-testid="condition-row" data-field={path}>
      <div className="condition-row-inputs">
        <input id={id} className="condition-field" list={listId} placeholder="field, e.g. feedback.score" aria-label="Field" value={textOf(row.field)}
          onChange={(e) => onChange(withKey(row, 'field', e.target.value))} />
        <select className="condition-op" aria-label="Operator" value={op} onChange={(e) => onChange(withOperator(row, e.target.value))}>
          {operators.map((o) => <option key={o} value={o}>{OPERATOR_LABELS[o] ?? o}</option>)}
        </select>
        {operatorTakesValue(op) && !operatorIsNumeric(op) && (
          <select className="condition-type" aria-label="Value type" value={type}
            onChange={(e) => {
              const next = e.target.value as ConditionValueType;
              setPicked(next);
              onChange(withKey(row, 'value', conditionValueFrom(op, next, conditionValueText(row.value))));
            }}>
            {(['string', 'number', 'boolean'] as const).filter((t) => t !== 'boolean' || !operatorTakesList(op)).map((t) => <option key={t} value={t}>{TYPE_LABELS[t]}</option>)}
          </select>
        )}
        {operatorTakesValue(op) && <ConditionValueInput op={op} type={type} value={row.value} onChange={(v) => onChange(withKey(row, 'value', v))} />}
        <button type="button" className="button button-ghost button-small condition-remove" aria-label="Remove condition" disabled={!canRemove} onClick={() => onChange(undefined)}>×</button>
      </div>
      {isNumberMismatch && <div className="condition-row-hint">{OPERATOR_LABELS[op]} compares numbers: enter a number</div>}
      <FieldIssues issues={issues} />
    </div>
  );
}

function ConditionValueInput({ op, type, value, onChange }: { op: string; type: ConditionValueType; value: unknown; onChange(value: unknown): void }) {
  const [text, setText] = useTextDraft(value, conditionValueText);
  if (type === 'boolean') {
    return (
      <select className="condition-value" aria-label="Value" value={String(value === true)} onChange={(e) => onChange(e.target.value === 'true')}>
        <option value="true">true</option>
        <option value="false">false</option>
      </select>
    );
  }
  if (type === 'number' && !operatorTakesList(op)) return <NumberInput value={value} step="any" onChange={onChange} />;
  return (
    <input className="condition-value" aria-label="Value" placeholder={operatorTakesList(op) ? 'a, b, c' : 'value'} value={text}
      onChange={(e) => {
        const parsed = conditionValueFrom(op, type, e.target.value);
        setText(e.target.value, parsed);
        onChange(parsed);
      }} />
  );
}
