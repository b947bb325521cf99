import waitForAny from '../../../workflows/graph/nodes/events-wait-for-any';
import { configIssues, contextFor, signal, timeout } from './node-context';

const CONFIG = {
  events: [
    { name: 'candidate.replied', port: 'engaged' },
    { name: 'form.submitted', port: 'engaged' },
    { name: 'stage.changed', port: 'moved' },
  ],
  timeout: { days: 5 },
};

test('ports are the listed ports, each once, plus "timeout" when a timeout is set', () => {
  expect(waitForAny.ports(waitForAny.config.parse(CONFIG))).toEqual(['engaged', 'moved', 'timeout']);
  expect(waitForAny.ports(waitForAny.config.parse({ events: [{ name: 'candidate.applied', port: 'applied' }] }))).toEqual(['applied']);
});

test('waits for all listed events at once, indefinitely without a timeout', () => {
  expect(waitForAny.start(contextFor(waitForAny, CONFIG))).toEqual({ kind: 'wait', signals: ['candidate.replied', 'form.submitted', 'stage.changed'], timeoutMs: 5 * 86_400_000 });
  expect(waitForAny.start(contextFor(waitForAny, { events: [{ name: 'candidate.applied', port: 'applied' }] }))).toEqual({ kind: 'wait', signals: ['candidate.applied'], timeoutMs: undefined });
});

test('leaves by the port of the event that came, with its data as lastEvent, or by "timeout"', () => {
  const ctx = contextFor(waitForAny, CONFIG);
  expect(waitForAny.resume!(ctx, signal('form.submitted', { formId: 'f1' }))).toEqual({ kind: 'next', port: 'engaged', vars: { lastEvent: { formId: 'f1' } } });
  expect(waitForAny.resume!(ctx, signal('stage.changed', { stage: 'offer' }))).toEqual({ kind: 'next', port: 'moved', vars: { lastEvent: { stage: 'offer' } } });
  expect(waitForAny.resume!(ctx, timeout)).toEqual({ kind: 'next', port: 'timeout' });
});

test('refuses unknown or repeated events, a port clashing with the timeout, and too many events', () => {
  expect(configIssues(waitForAny, { events: [] })).toEqual(['events']);
  expect(configIssues(waitForAny, { events: [{ name: 'candidate.ghosted', port: 'x' }] })).toEqual(['events.0.name']);
  expect(configIssues(waitForAny, { events: [{ name: 'candidate.replied', port: 'a' }, { name: 'candidate.replied', port: 'b' }] })).toEqual(['events.1.name']);
  expect(configIssues(waitForAny, { events: [{ name: 'candidate.replied', port: 'timeout' }], timeout: { days: 1 } })).toEqual(['events.0.port']);
  expect(configIssues(waitForAny, { events: [{ name: 'candidate.replied', port: 'Bad Port' }] })).toEqual(['events.0.port']);
  const eleven = Array.from({ length: 11 }, (_, i) => ({ name: 'candidate.replied', port: `p${i}` }));
  expect(configIssues(waitForAny, { events: eleven })).toContain('events');
});

test('waits for the hire an accepted offer reports (candidate.hired), so a pipeline can go on after it', () => {
  const ctx = contextFor(waitForAny, { events: [{ name: 'candidate.hired', port: 'hired' }], timeout: { days: 30 } });
  expect(waitForAny.start(ctx)).toEqual({ kind: 'wait', signals: ['candidate.hired'], timeoutMs: 30 * 86_400_000 });
  expect(waitForAny.resume!(ctx, signal('candidate.hired', { offerId: 'o1' }))).toEqual({ kind: 'next', port: 'hired', vars: { lastEvent: { offerId: 'o1' } } });
});
