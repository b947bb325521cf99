// List inputs of the configuration form: strings as chips (or checkboxes for a
// fixed set, e.g. send-window days) and repeatable groups (branch rules, split
// variants, escalation steps) with add, remove and reorder, since order matters.
import { useState, type ReactNode } from 'react';
import { newListItem, type FieldDescriptor } from './config-form-fields';
import type { ConfigFieldProps } from './config-field';
import type { FieldEnv } from './config-field-parts';
import { childPointer } from './config-issues';
import { asObject, textOf, withItem, withKey } from './config-values';

const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

export function StringListInput({ id, value, options, onChange }: { id: string; value: unknown; options?: readonly string[]; onChange(value: unknown): void }) {
  const items = listOf(value).map(textOf);
  const [draft, setDraft] = useState('');
  if (options) {
    // Keep the options' order (mon..sun) whatever order they were ticked in.
    const toggle = (option: string, isOn: boolean) => onChange(options.filter((o) => (o === option ? isOn : items.includes(o))));
    return (
      <div className="config-checkboxes" id={id}>
        {options.map((option) => (
          <label key={option} className="config-checkbox">
            <input type="checkbox" checked={items.includes(option)} onChange={(e) => toggle(option, e.target.checked)} />
            {option}
          </label>
        ))}
      </div>
    );
  }
  const add = () => {
    const entries = draft.split(/[,\n]/).map((t) => t.trim()).filter((t) => t && !items.includes(t));
    if (entries.length) onChange([...items, ...new Set(entries)]);
    setDraft('');
  };
  return (
    <div className="config-chips">
      {items.map((item, i) => (
        <span key={`${item}-${i}`} className="config-chip" data-testid="config-chip">
          {item}
          <button type="button" className="config-chip-remove" aria-label={`Remove ${item}`} onClick={() => onChange(withItem(items, i, undefined))}>×</button>
        </span>
      ))}
      <input
        id={id}
        className="config-chip-input"
        value={draft}
        placeholder={items.length ? 'Add…' : 'Type and press Enter'}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ',') {
            e.preventDefault();
            add();
          } else if (e.key === 'Backspace' && draft === '' && items.length) onChange(items.slice(0, -1));
        }}
        onBlur={add}
      />
    </div>
  );
}

type GroupListField = Extract<FieldDescriptor, { kind: 'group-list' }>;

interface GroupListInputProps {
  field: GroupListField;
  value: unknown;
  pointer: string;
  path: string;
  env: FieldEnv;
  onChange(value: unknown): void;
  /** Draws one field of an item (ConfigField; passed in so the two modules do not import each other). */
  renderField(props: ConfigFieldProps & { key: string }): ReactNode;
}

export function GroupListInput({ field, value, pointer, path, env, onChange, renderField }: GroupListInputProps) {
  const items = listOf(value);
  const isFull = field.maxItems !== undefined && items.length >= field.maxItems;
  const move = (from: number, to: number) => {
    const next = [...items];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item);
    onChange(next);
  };
  return (
    <div className="config-group-list">
      {items.map((item, i) => {
        const at = childPointer(pointer, i);
        return (
          <div key={i} className="config-group-item" data-testid="config-group-item">
            <div className="config-group-item-header">
              <span>{field.itemLabel} {i + 1}</span>
              <span className="config-group-item-actions">
                <button type="button" className="button button-ghost button-small" aria-label={`Move ${field.itemLabel} ${i + 1} up`} disabled={i === 0} onClick={() => move(i, i - 1)}>↑</button>
                <button type="button" className="button button-ghost button-small" aria-label={`Move ${field.itemLabel} ${i + 1} down`} disabled={i === items.length - 1} onClick={() => move(i, i + 1)}>↓</button>
                <button type="button" className="button button-ghost button-small" aria-label={`Remove ${field.itemLabel} ${i + 1}`} onClick={() => onChange(withItem(items, i, undefined))}>Remove</button>
              </span>
            </div>
            {field.itemFields.map((sub) =>
              renderField({
                key: sub.name, field: sub, value: asObject(item)[sub.name], pointer: childPointer(at, sub.name), path: `${path}.${i}.${sub.name}`, env,
                onChange: (v) => onChange(withItem(items, i, withKey(asObject(item), sub.name, v))),
              }),
            )}
          </div>
        );
      })}
      <button type="button" className="button button-small" disabled={isFull} data-testid="config-add-item" onClick={() => onChange([...items, newListItem(field, items)])}>
        + Add {field.itemLabel.toLowerCase()}
      </button>
    </div>
  );
}
