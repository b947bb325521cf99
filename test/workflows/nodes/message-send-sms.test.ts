import sendSms from '../../../workflows/graph/nodes/message-send-sms';
import { validateGraph } from '../../../workflows/graph/validate';
import { linearGraph, node, RUN } from '../graph/graph-builders';
import { completed, configIssues, contextFor } from './node-context';

test('sends through the sendSms activity under the visit\'s idempotency key, template unrendered', () => {
  const effect = sendSms.start(contextFor(sendSms, { body: 'Hi {{candidate.firstName}}' }));
  expect(effect).toEqual({
    kind: 'activity',
    activity: 'sendSms',
    input: { body: 'Hi {{candidate.firstName}}', category: 'TRANSACTIONAL', run: RUN, nodeId: 'n1', idempotencyKey: 'wf-1/n1/1', vars: {} },
  });
});

test('leaves by "out" with the send result as lastSms (and tolerates a dry run\'s empty result)', () => {
  const ctx = contextFor(sendSms, { body: 'Hi' });
  expect(sendSms.resume!(ctx, completed({ messageId: 'm1', status: 'SENT' }))).toEqual({ kind: 'next', port: 'out', vars: { lastSms: { messageId: 'm1', status: 'SENT' } } });
  expect(sendSms.resume!(ctx, completed({}))).toMatchObject({ kind: 'next', port: 'out' });
});

test('caps the template at 1600 characters', () => {
  expect(configIssues(sendSms, { body: 'x'.repeat(1600) })).toEqual([]);
  expect(configIssues(sendSms, { body: 'x'.repeat(1601) })).toEqual(['body']);
  expect(configIssues(sendSms, { body: '' })).toEqual(['body']);
});

test('publish checks the body as a template', () => {
  const { issues } = validateGraph(linearGraph(node('sms', 'message.send_sms', { body: 'Hi {{candidate.frstName}}' })));
  expect(issues).toEqual([expect.objectContaining({ code: 'unknown_variable', nodeId: 'sms', path: '/nodes/1/config/body' })]);
});

test('a deferred text waits until the policy allows it, then is sent again under the same key', () => {
  const ctx = contextFor(sendSms, { body: 'Hi', category: 'MARKETING' });
  const wait = sendSms.resume!(ctx, completed({ messageId: 'm1', status: 'DEFERRED', policyReason: 'quiet_hours', deferredUntil: new Date(ctx.now + 60_000).toISOString() }));
  expect(wait).toEqual({ kind: 'wait', signals: [], timeoutMs: 60_000, memo: { deferrals: 1 } });
  expect(sendSms.resume!({ ...ctx, memo: { deferrals: 1 } }, { type: 'timeout' })).toEqual(sendSms.start(ctx));
});
