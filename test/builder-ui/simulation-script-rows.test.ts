// The panel's editable script: rows turn into exactly what the API's script
// schema accepts, bad rows are caught on the row, and presets keep their timing.
import { ZSimulationScript } from '../../workflows/graph/simulate';
import { applicationReviewGraph } from '../../workflows/graph/examples/application-review';
import { simulationPresets } from '../../builder-ui/src/builder/simulation-script';
import { blankRow, joinOffset, moveRow, rowsFromPreset, scriptFromRows, splitOffset, type ScriptRow } from '../../builder-ui/src/builder/simulation-script-rows';

const row = (key: string, patch: Partial<ScriptRow> = {}): ScriptRow => ({ ...blankRow(key), ...patch });

test('a preset becomes rows and back the same events, which the API schema accepts', () => {
  const [preset] = simulationPresets(applicationReviewGraph(), { startAt: Date.parse('2026-03-02T09:00:00Z') });
  let n = 0;
  const rows = rowsFromPreset(preset!, () => `k${++n}`);
  expect(rows).toEqual([expect.objectContaining({ key: 'k1', name: 'feedback.submitted', atMs: 86_400_000, source: preset!.label })]);
  const parsed = scriptFromRows(rows);
  expect(parsed).toEqual({ ok: true, script: preset!.events });
  expect(ZSimulationScript.safeParse(parsed.ok && parsed.script).success).toBe(true);
});

test('an event at the start is sent with an empty offset, which the API schema accepts', () => {
  const parsed = scriptFromRows([row('a', { name: ' candidate.replied ', payloadText: '' })]);
  expect(parsed).toEqual({ ok: true, script: [{ at: {}, name: 'candidate.replied', payload: {} }] });
  expect(ZSimulationScript.safeParse(parsed.ok && parsed.script).success).toBe(true);
});

test('rows without a name or with a payload that is not a JSON object are reported by row, and nothing is sent', () => {
  const parsed = scriptFromRows([
    row('ok', { name: 'task.completed', payloadText: '{"outcome": {}}' }),
    row('unnamed'),
    row('broken', { name: 'x', payloadText: '{score: 4}' }),
    row('array', { name: 'x', payloadText: '[4]' }),
  ]);
  expect(parsed.ok).toBe(false);
  if (parsed.ok) return;
  expect(Object.keys(parsed.errors)).toEqual(['unnamed', 'broken', 'array']);
  expect(parsed.errors.broken).toMatch(/^payload is not JSON/);
  expect(parsed.errors.array).toMatch(/must be a JSON object/);
});

test('offsets split into days, hours and minutes and join back; junk input counts as zero', () => {
  expect(splitOffset(joinOffset({ days: 2, hours: 5, minutes: 30 }))).toEqual({ days: 2, hours: 5, minutes: 30 });
  expect(joinOffset({ days: Number(''), hours: -3, minutes: Number.NaN })).toBe(0);
});

test('rows move up and down within bounds', () => {
  const rows = [row('a'), row('b'), row('c')];
  expect(moveRow(rows, 'c', -1).map((r) => r.key)).toEqual(['a', 'c', 'b']);
  expect(moveRow(rows, 'a', -1).map((r) => r.key)).toEqual(['a', 'b', 'c']);
  expect(moveRow(rows, 'a', 1).map((r) => r.key)).toEqual(['b', 'a', 'c']);
});
