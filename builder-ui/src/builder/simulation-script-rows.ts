// The event script as the panel edits it (one row per event, the payload as
// JSON text) and as the API takes it. Pure: a bad row is reported on the row
// before anything is sent.
import { FEEDBACK_SUBMITTED } from '../../../workflows/graph/nodes/people-collect-feedback';
import { APPROVAL_DECIDED } from '../../../workflows/graph/nodes/people-approval';
import { TASK_COMPLETED } from '../../../workflows/graph/nodes/people-create-task';
import { INTERVIEW_DECLINED, INTERVIEW_SCHEDULED } from '../../../workflows/graph/nodes/scheduling-schedule-interview';
import { WAITABLE_EVENTS } from '../../../workflows/graph/nodes/events-wait-for-any';
import { durationToMs, type TDuration } from '../../../workflows/graph/schema';
import type { TSimulationEvent } from '../../../workflows/graph/simulate';
import { msToDuration, type SimulationPreset } from './simulation-script';

/** Every event name some node waits for: the free-form row suggests these. */
export const SCRIPTABLE_EVENTS: readonly string[] = [...new Set([FEEDBACK_SUBMITTED, APPROVAL_DECIDED, TASK_COMPLETED, INTERVIEW_SCHEDULED, INTERVIEW_DECLINED, ...WAITABLE_EVENTS])];

export interface ScriptRow {
  key: string;
  name: string;
  /** When the event happens, counted from the start of the run. */
  atMs: number;
  payloadText: string;
  /** The preset it came from, shown as a hint. */
  source?: string;
}

export function rowsFromPreset(preset: SimulationPreset, makeKey: () => string): ScriptRow[] {
  return preset.events.map((e) => ({ key: makeKey(), name: e.name, atMs: durationToMs(e.at as TDuration), payloadText: JSON.stringify(e.payload), source: preset.label }));
}

export function blankRow(key: string, atMs = 0): ScriptRow {
  return { key, name: '', atMs, payloadText: '{}' };
}

export type ScriptParse = { ok: true; script: TSimulationEvent[] } | { ok: false; errors: Record<string, string> };

export function scriptFromRows(rows: readonly ScriptRow[]): ScriptParse {
  const errors: Record<string, string> = {};
  const script: TSimulationEvent[] = [];
  for (const row of rows) {
    const name = row.name.trim();
    if (!name) {
      errors[row.key] = 'name the event, e.g. feedback.submitted';
      continue;
    }
    let payload: unknown;
    try {
      payload = row.payloadText.trim() ? JSON.parse(row.payloadText) : {};
    } catch (caught) {
      errors[row.key] = `payload is not JSON: ${(caught as Error).message}`;
      continue;
    }
    if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
      errors[row.key] = 'payload must be a JSON object, e.g. {"score": 4}';
      continue;
    }
    // Zero means "at the start": the API takes an empty duration for that.
    script.push({ at: row.atMs > 0 ? msToDuration(row.atMs) : {}, name, payload: payload as Record<string, unknown> });
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, script };
}

/** Days, hours and minutes of an offset, as the row's inputs show it. */
export function splitOffset(atMs: number): { days: number; hours: number; minutes: number } {
  const minutes = Math.round(atMs / 60_000);
  return { days: Math.floor(minutes / 1440), hours: Math.floor(minutes / 60) % 24, minutes: minutes % 60 };
}

export function joinOffset(parts: { days: number; hours: number; minutes: number }): number {
  const clean = (n: number) => (Number.isFinite(n) && n > 0 ? Math.floor(n) : 0);
  return ((clean(parts.days) * 24 + clean(parts.hours)) * 60 + clean(parts.minutes)) * 60_000;
}

export function moveRow(rows: readonly ScriptRow[], key: string, by: -1 | 1): ScriptRow[] {
  const from = rows.findIndex((r) => r.key === key);
  const to = from + by;
  if (from < 0 || to < 0 || to >= rows.length) return [...rows];
  const next = [...rows];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}
