import reject from '../../../workflows/graph/nodes/action-reject';
import { validateGraph } from '../../../workflows/graph/validate';
import { linearGraph, node, RUN } from '../graph/graph-builders';
import { after, completed, configIssues, contextFor } from './node-context';

const WITH_EMAIL = { reason: 'Position filled', emailSubject: 'Your application for {{job.title}}', emailBody: 'Hi {{candidate.firstName}}', emailFromName: 'Acme Talent' };

test('rejects through rejectApplication into the "rejected" stage with the reason', () => {
  expect(reject.start(contextFor(reject, { reason: 'Position filled' }))).toMatchObject({
    kind: 'activity',
    activity: 'rejectApplication',
    input: { run: RUN, nodeId: 'n1', idempotencyKey: 'wf-1/n1/1', stage: 'rejected', reason: 'Position filled' },
  });
});

test('without an email, leaves by "out" once rejected', () => {
  const ctx = contextFor(reject, { reason: 'r', stage: 'declined' });
  expect(reject.resume!(after(ctx, reject.start(ctx)), completed({ stageId: 's1', transitionId: 'x1' }))).toEqual({ kind: 'next', port: 'out', vars: undefined });
});

test('with an email, sends it after the rejection under its own idempotency key, then leaves by "out"', () => {
  const ctx = contextFor(reject, WITH_EMAIL);
  const rejected = after(ctx, reject.start(ctx));
  const emailing = reject.resume!(rejected, completed({}));
  expect(emailing).toMatchObject({
    kind: 'activity',
    activity: 'sendEmail',
    input: { subject: 'Your application for {{job.title}}', body: 'Hi {{candidate.firstName}}', fromName: 'Acme Talent', category: 'TRANSACTIONAL', run: RUN, nodeId: 'n1', idempotencyKey: 'wf-1/n1/1/email' },
  });
  expect(reject.resume!(after(rejected, emailing), completed({ messageId: 'm1', status: 'SENT' }))).toEqual({ kind: 'next', port: 'out', vars: { lastEmail: { messageId: 'm1', status: 'SENT' } } });
});

test('needs a reason, and the email subject and body together', () => {
  expect(configIssues(reject, {})).toEqual(['reason']);
  expect(configIssues(reject, { reason: 'r', emailSubject: 'Hello' })).toEqual(['emailBody']);
  expect(configIssues(reject, { reason: 'r', sendEmail: { subject: 's', body: 'b' } })).toEqual(['(root)']);
});

test('publish checks both email fields as templates', () => {
  const { issues } = validateGraph(linearGraph(node('no', 'action.reject', { ...WITH_EMAIL, emailSubject: '{{job.titel}}', emailBody: '{{candidate.frstName}}' })));
  expect(issues.map((i) => i.path)).toEqual(['/nodes/1/config/emailSubject', '/nodes/1/config/emailBody']);
});
