import sendEmail from '../../../workflows/graph/nodes/message-send-email';
import { MIN_DEFERRAL_MS } from '../../../workflows/graph/message-deferral';
import { RUN } from '../graph/graph-builders';
import { after, completed, contextFor, NOW, timeout } from './node-context';

const CONFIG = { subject: 'News', body: 'Hi {{candidate.firstName}}', category: 'MARKETING' };

test('sends through the sendEmail activity under the visit\'s idempotency key, templates unrendered', () => {
  expect(sendEmail.start(contextFor(sendEmail, CONFIG))).toEqual({
    kind: 'activity', activity: 'sendEmail',
    input: { subject: 'News', body: 'Hi {{candidate.firstName}}', category: 'MARKETING', run: RUN, nodeId: 'n1', idempotencyKey: 'wf-1/n1/1', vars: {} },
  });
});

test('SENT and SUPPRESSED leave by "out" with the result as lastEmail (as recorded histories do)', () => {
  const ctx = contextFor(sendEmail, CONFIG);
  for (const result of [{ messageId: 'm1', status: 'SENT' }, { messageId: 'm1', status: 'SUPPRESSED', policyReason: 'unsubscribed' }, {}]) {
    expect(sendEmail.resume!(ctx, completed(result))).toEqual({ kind: 'next', port: 'out', vars: { lastEmail: result } });
  }
});

test('DEFERRED waits on a timer until the policy allows it, then sends again under the same key', () => {
  const ctx = contextFor(sendEmail, CONFIG);
  const deferredUntil = new Date(NOW + 3_600_000).toISOString();
  const wait = sendEmail.resume!(ctx, completed({ messageId: 'm1', status: 'DEFERRED', policyReason: 'quiet_hours', deferredUntil }));
  expect(wait).toEqual({ kind: 'wait', signals: [], timeoutMs: 3_600_000, memo: { deferrals: 1 } });
  const again = sendEmail.resume!(after(ctx, wait, { now: NOW + 3_600_000 }), timeout);
  expect(again).toEqual(sendEmail.start(ctx));
  // Deferred a second time (the cap), then sent.
  const ctx2 = after(ctx, wait, { now: NOW + 3_600_000 });
  const wait2 = sendEmail.resume!(ctx2, completed({ messageId: 'm1', status: 'DEFERRED', policyReason: 'frequency_cap', deferredUntil: new Date(NOW + 7_200_000).toISOString() }));
  expect(wait2).toEqual({ kind: 'wait', signals: [], timeoutMs: 3_600_000, memo: { deferrals: 2 } });
  expect(sendEmail.resume!(after(ctx2, wait2), completed({ messageId: 'm1', status: 'SENT' }))).toEqual({ kind: 'next', port: 'out', vars: { lastEmail: { messageId: 'm1', status: 'SENT' } } });
});

test('a deferral already over (or unreadable) still waits a moment instead of spinning', () => {
  const ctx = contextFor(sendEmail, CONFIG);
  expect(sendEmail.resume!(ctx, completed({ messageId: 'm1', status: 'DEFERRED', deferredUntil: new Date(NOW - 5000).toISOString() }))).toMatchObject({ kind: 'wait', timeoutMs: MIN_DEFERRAL_MS });
  expect(sendEmail.resume!(ctx, completed({ messageId: 'm1', status: 'DEFERRED', deferredUntil: 'soon' }))).toMatchObject({ kind: 'wait', timeoutMs: MIN_DEFERRAL_MS });
});
