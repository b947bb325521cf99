import webhook, { DEFAULT_WEBHOOK_PAYLOAD, isAllowedWebhookUrl } from '../../../workflows/graph/nodes/action-webhook';
import { validateGraph } from '../../../workflows/graph/validate';
import { linearGraph, node, RUN } from '../graph/graph-builders';
import { completed, configIssues, contextFor } from './node-context';

test('posts through callWebhook with the default payload template, then leaves by "out" with the status', () => {
  const ctx = contextFor(webhook, { url: 'https://hooks.example.com/trellis', secret: 'a-long-enough-secret' });
  expect(webhook.start(ctx)).toEqual({
    kind: 'activity',
    activity: 'callWebhook',
    input: { url: 'https://hooks.example.com/trellis', secret: 'a-long-enough-secret', payload: DEFAULT_WEBHOOK_PAYLOAD, run: RUN, nodeId: 'n1', idempotencyKey: 'wf-1/n1/1' },
  });
  expect(webhook.resume!(ctx, completed({ status: 202 }))).toEqual({ kind: 'next', port: 'out', vars: { lastWebhook: { status: 202 } } });
});

test('allows https anywhere and plain http only to this machine', () => {
  expect(isAllowedWebhookUrl('https://hooks.example.com/x?y=1')).toBe(true);
  expect(isAllowedWebhookUrl('http://localhost:8080/hook')).toBe(true);
  expect(isAllowedWebhookUrl('http://127.0.0.1/hook')).toBe(true);
  expect(isAllowedWebhookUrl('http://hooks.example.com/x')).toBe(false);
  expect(isAllowedWebhookUrl('http://127.0.0.1.evil.example/x')).toBe(false);
  expect(isAllowedWebhookUrl('http://localhost@evil.example/x')).toBe(false);
  expect(isAllowedWebhookUrl('ftp://files.example.com')).toBe(false);
  expect(isAllowedWebhookUrl('javascript:alert(1)')).toBe(false);
});

test('refuses a short secret and a non-https URL', () => {
  expect(configIssues(webhook, { url: 'https://h.example.com', secret: 'short' })).toEqual(['secret']);
  expect(configIssues(webhook, { url: 'http://h.example.com' })).toEqual(['url']);
});

test('the default payload is valid JSON and uses only variables every run has', () => {
  expect(() => JSON.parse(DEFAULT_WEBHOOK_PAYLOAD.replace(/{{[^}]+}}/g, 'x'))).not.toThrow();
  expect(validateGraph(linearGraph(node('hook', 'action.webhook', { url: 'https://h.example.com' }))).issues).toEqual([]);
});

test('publish checks the payload as a template', () => {
  const { issues } = validateGraph(linearGraph(node('hook', 'action.webhook', { url: 'https://h.example.com', payload: '{"id":"{{candidate.id}}"}' })));
  expect(issues).toEqual([expect.objectContaining({ code: 'unknown_variable', path: '/nodes/1/config/payload' })]);
});
