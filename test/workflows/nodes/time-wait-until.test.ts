import waitUntil, { parseInstant } from '../../../workflows/graph/nodes/time-wait-until';
import { configIssues, contextFor, NOW, timeout } from './node-context';

const HOUR = 3_600_000;
const startsIn = (ms: number) => new Date(NOW + ms).toISOString();
const start = (config: Record<string, unknown>, vars: Record<string, unknown>) => waitUntil.start(contextFor(waitUntil, config, { vars }));

test('waits until the date in the field, moved by the offset', () => {
  const vars = { interview: { startsAt: startsIn(48 * HOUR) } };
  expect(start({ field: 'interview.startsAt' }, vars)).toEqual({ kind: 'wait', signals: [], timeoutMs: 48 * HOUR });
  expect(start({ field: 'interview.startsAt', offset: { days: 1 }, direction: 'before' }, vars)).toEqual({ kind: 'wait', signals: [], timeoutMs: 24 * HOUR });
  expect(start({ field: 'interview.startsAt', offset: { hours: 2 }, direction: 'after' }, vars)).toEqual({ kind: 'wait', signals: [], timeoutMs: 50 * HOUR });
});

test('leaves by "out" at once when the moment has passed, and after the timer otherwise', () => {
  expect(start({ field: 'interview.startsAt', offset: { days: 1 } }, { interview: { startsAt: startsIn(12 * HOUR) } })).toEqual({ kind: 'next', port: 'out' });
  expect(start({ field: 'at' }, { at: NOW })).toEqual({ kind: 'next', port: 'out' });
  expect(waitUntil.resume!(contextFor(waitUntil, { field: 'at' }), timeout)).toEqual({ kind: 'next', port: 'out' });
});

test('leaves by "invalid" when the field is missing or not an unambiguous date', () => {
  expect(start({ field: 'interview.startsAt' }, {})).toEqual({ kind: 'next', port: 'invalid' });
  expect(start({ field: 'interview.startsAt' }, { interview: { startsAt: 'next tuesday' } })).toEqual({ kind: 'next', port: 'invalid' });
  expect(start({ field: 'interview.startsAt' }, { interview: { startsAt: '2025-06-03T10:00:00' } })).toEqual({ kind: 'next', port: 'invalid' });
  expect(start({ field: 'interview' }, { interview: { startsAt: startsIn(HOUR) } })).toEqual({ kind: 'next', port: 'invalid' });
});

test('reads ISO instants with Z or an offset, dates (UTC midnight) and epoch ms', () => {
  expect(parseInstant('2025-06-03T10:00:00Z')).toBe(Date.UTC(2025, 5, 3, 10));
  expect(parseInstant('2025-06-03T12:00:00+02:00')).toBe(Date.UTC(2025, 5, 3, 10));
  expect(parseInstant('2025-06-03T10:00:00.123Z')).toBe(Date.UTC(2025, 5, 3, 10, 0, 0, 123));
  expect(parseInstant('2025-06-03')).toBe(Date.UTC(2025, 5, 3));
  expect(parseInstant(1_750_000_000_000)).toBe(1_750_000_000_000);
  expect(parseInstant('2025-13-45T10:00:00Z')).toBeNull();
  expect(parseInstant(Number.NaN)).toBeNull();
  expect(parseInstant(null)).toBeNull();
});

test('has both ports and needs a field path', () => {
  expect(waitUntil.ports(waitUntil.config.parse({ field: 'a.b' }))).toEqual(['out', 'invalid']);
  expect(configIssues(waitUntil, {})).toEqual(['field']);
  expect(configIssues(waitUntil, { field: 'interview startsAt' })).toEqual(['field']);
  expect(configIssues(waitUntil, { field: 'a', direction: 'around' })).toEqual(['direction']);
});
