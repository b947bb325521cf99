// POST a signed JSON payload to an external system (HRIS, Slack bridge, data warehouse...).
import { z } from 'zod';
import { defineNode, type RunRef } from '../node-definition';

/** https anywhere; plain http only to this machine (local tools and tests). */
export function isAllowedWebhookUrl(url: string): boolean {
  const m = /^(https?):\/\/(?:[^@/?#\s]*@)?(\[[^\]]+\]|[^:/?#\s]+)(?::\d{1,5})?(?:[/?#]\S*)?$/i.exec(url);
  if (!m) return false;
  return m[1]!.toLowerCase() === 'https' || ['localhost', '127.0.0.1'].includes(m[2]!.toLowerCase());
}

export const DEFAULT_WEBHOOK_PAYLOAD =
  '{"application":{"id":"{{application.id}}","stage":"{{application.stage}}"},' +
  '"candidate":{"firstName":"{{candidate.firstName}}","lastName":"{{candidate.lastName}}","email":"{{candidate.email}}"},' +
  '"job":{"title":"{{job.title}}"}}';

export const ZWebhookConfig = z
  .object({
    url: z.string().refine((url) => url.length <= 2000 && isAllowedWebhookUrl(url), 'an https:// URL (http:// only for localhost or 127.0.0.1)'),
    /**
     * Signs the body: X-Trellis-Signature: sha256=<hex HMAC-SHA256 of the body with the secret>. Prefer secretName:
     * the organization's named webhook secret, looked up at send time, so the secret never enters the graph, the
     * plan or the run's history. An inline secret is stored in all three.
     */
    secretName: z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/, 'letters, digits and _ . - only').optional(),
    secret: z.string().min(16).max(200).optional(),
    /** A JSON document as a Handlebars template; inserted values are JSON-escaped. */
    payload: z.string().min(2).max(20_000).default(DEFAULT_WEBHOOK_PAYLOAD),
  })
  .strict()
  .refine((c) => !(c.secret && c.secretName), { message: 'use secretName or secret, not both', path: ['secret'] });
export type TWebhookConfig = z.infer<typeof ZWebhookConfig>;

export interface TCallWebhookInput extends TWebhookConfig {
  run: RunRef;
  nodeId: string;
  idempotencyKey: string;
}
export interface TCallWebhookResult {
  status: number;
}

export default defineNode({
  type: 'action.webhook',
  typeVersion: 1,
  category: 'action',
  label: 'Call webhook',
  docs:
    'POSTs a JSON payload rendered from a Handlebars template (values are JSON-escaped) to an https URL, with an ' +
    'Idempotency-Key header that stays the same across retries and, if a secret is set, an X-Trellis-Signature: ' +
    'sha256=<HMAC-SHA256 of the body> header. Waits up to 10 seconds per attempt. Network errors, timeouts, 5xx, 408 ' +
    'and 429 are retried; other 4xx answers fail the step at once. {{lastWebhook.status}} holds the answer\'s status.',
  config: ZWebhookConfig,
  ports: () => ['out'],
  templateFields: ['payload'],
  provides: () => ['lastWebhook.status'],
  start: (ctx) => ({
    kind: 'activity',
    activity: 'callWebhook',
    input: { ...ctx.config, run: ctx.run, nodeId: ctx.nodeId, idempotencyKey: ctx.idempotencyKey } satisfies TCallWebhookInput,
  }),
  resume: (_ctx, event) => ({ kind: 'next', port: 'out', vars: event.type === 'activity.completed' ? { lastWebhook: event.result } : undefined }),
});
