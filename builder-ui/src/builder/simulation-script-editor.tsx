// The event script: events added from the presets the graph suggests or typed
// in (name, day/hour/minute offset, JSON payload), reordered or removed.
import { useId } from 'react';
import type { SimulationPreset } from './simulation-script';
import { joinOffset, moveRow, SCRIPTABLE_EVENTS, splitOffset, type ScriptRow } from './simulation-script-rows';

type ScriptEditorProps = {
  rows: ScriptRow[];
  errors: Record<string, string>;
  presets: SimulationPreset[];
  onChange(rows: ScriptRow[]): void;
  onAddPreset(preset: SimulationPreset): void;
  onAddBlank(): void;
};

export function SimulationScriptEditor({ rows, errors, presets, onChange, onAddPreset, onAddBlank }: ScriptEditorProps) {
  const listId = useId();
  const update = (key: string, patch: Partial<ScriptRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const byNode = new Map<string, SimulationPreset[]>();
  for (const p of presets) byNode.set(p.nodeId, [...(byNode.get(p.nodeId) ?? []), p]);

  return (
    <fieldset className="sim-section" data-testid="simulation-script">
      <legend>Events</legend>
      <p className="muted sim-hint">Events happen at their time after the start; equal times keep this order. A wait with nothing scripted times out.</p>
      {rows.length === 0 && <p className="muted sim-hint" data-testid="simulation-script-empty">No events: every wait times out (or the run stays parked).</p>}
      <ol className="sim-events">
        {rows.map((row, index) => {
          const offset = splitOffset(row.atMs);
          const setOffset = (part: keyof typeof offset, value: string) => update(row.key, { atMs: joinOffset({ ...offset, [part]: Number(value) }) });
          return (
            <li key={row.key} className={`sim-event${errors[row.key] ? ' has-error' : ''}`} data-testid="simulation-script-event" data-event-name={row.name}>
              <div className="sim-event-head">
                <input className="sim-event-name" value={row.name} list={listId} placeholder="event name" aria-label="Event name" onChange={(e) => update(row.key, { name: e.target.value })} data-testid="simulation-event-name" />
                <div className="sim-event-actions">
                  <button type="button" className="button button-small button-ghost" onClick={() => onChange(moveRow(rows, row.key, -1))} disabled={index === 0} aria-label="Move up" title="Move up">↑</button>
                  <button type="button" className="button button-small button-ghost" onClick={() => onChange(moveRow(rows, row.key, 1))} disabled={index === rows.length - 1} aria-label="Move down" title="Move down">↓</button>
                  <button type="button" className="button button-small button-ghost" onClick={() => onChange(rows.filter((r) => r.key !== row.key))} aria-label="Remove event" title="Remove" data-testid="simulation-event-remove">×</button>
                </div>
              </div>
              <div className="sim-event-offset">
                {(['days', 'hours', 'minutes'] as const).map((part) => (
                  <label key={part}>
                    <input type="number" min={0} max={part === 'days' ? 3650 : part === 'hours' ? 23 : 59} value={offset[part]} onChange={(e) => setOffset(part, e.target.value)} data-testid={`simulation-event-${part}`} />
                    <span>{part === 'days' ? 'd' : part === 'hours' ? 'h' : 'min'}</span>
                  </label>
                ))}
                <span className="muted">after the start</span>
              </div>
              <textarea className="sim-event-payload" rows={2} spellCheck={false} value={row.payloadText} aria-label="Payload (JSON)" onChange={(e) => update(row.key, { payloadText: e.target.value })} data-testid="simulation-event-payload" />
              {row.source && <p className="muted sim-hint">{row.source}</p>}
              {errors[row.key] && <p className="field-error" role="alert">{errors[row.key]}</p>}
            </li>
          );
        })}
      </ol>
      <datalist id={listId}>
        {SCRIPTABLE_EVENTS.map((name) => <option key={name} value={name} />)}
      </datalist>
      <div className="sim-add">
        <select
          value="" aria-label="Add an event from a suggestion" data-testid="simulation-preset-select" disabled={presets.length === 0}
          onChange={(e) => {
            const preset = presets.find((p) => p.id === e.target.value);
            if (preset) onAddPreset(preset);
          }}
        >
          <option value="">{presets.length ? 'Add a suggested event…' : 'No waits to script in this graph'}</option>
          {[...byNode.entries()].map(([nodeId, group]) => (
            <optgroup key={nodeId} label={nodeId}>
              {group.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
            </optgroup>
          ))}
        </select>
        <button type="button" className="button button-small" onClick={onAddBlank} data-testid="simulation-add-event">Add event</button>
      </div>
    </fieldset>
  );
}
