// Side effect of action.webhook: render the JSON payload, POST it signed with
// an Idempotency-Key that is the same on every retry, and record the delivery
// (audit entry keyed by the idempotency key, so a retry after success does not
// post again). 5xx, 408, 429, timeouts and network errors retry; other 4xx
// answers cannot be fixed by retrying and fail the step.
import crypto from 'node:crypto';
import { isAllowedWebhookUrl, type TCallWebhookInput, type TCallWebhookResult } from '../workflows/graph/nodes/action-webhook';
import type { ActivityDeps } from './dependencies';
import { AppError } from '../api/errors';
import { idForKey } from './id-for-key';
import { loadTemplateContext, renderTemplate, type TemplateContext } from './render-template';
import { senderFromAddress } from './sender-address';
import { touchRun } from './touch-run';

export const WEBHOOK_TIMEOUT_MS = 10_000;

export interface WebhookRequest {
  url: string;
  body: string;
  idempotencyKey: string;
  secret?: string;
}

export const signatureOf = (secret: string, body: string) => `sha256=${crypto.createHmac('sha256', secret).update(body).digest('hex')}`;

/** Where a webhook went, without credentials or query strings that may carry tokens. */
const safeUrl = (url: string) => {
  const u = new URL(url);
  return `${u.origin}${u.pathname}`;
};

/** POSTs once; returns the 2xx status or throws (AppError BAD_REQUEST for answers a retry cannot fix). */
export async function deliverWebhook(req: WebhookRequest, timeoutMs = WEBHOOK_TIMEOUT_MS): Promise<number> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'Trellis-Webhook/1',
    'idempotency-key': req.idempotencyKey,
  };
  if (req.secret) headers['x-trellis-signature'] = signatureOf(req.secret, req.body);
  let res: Response;
  try {
    // Redirects are not followed: a POST should not wander to another host.
    res = await fetch(req.url, { method: 'POST', headers, body: req.body, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    throw new Error(`webhook ${safeUrl(req.url)} did not answer: ${(err as Error).message}`);
  }
  await res.body?.cancel().catch(() => undefined);
  if (res.ok) return res.status;
  const isPermanent = res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429;
  const message = `webhook ${safeUrl(req.url)} answered ${res.status}`;
  if (isPermanent) throw new AppError('BAD_REQUEST', message, [{ path: 'config.url', message: `HTTP ${res.status}` }]);
  throw new Error(`${message}; retrying`);
}

/** Deep copy with every string JSON-escaped, so inserted values cannot break the payload's JSON. */
function jsonEscaped(value: unknown): unknown {
  if (typeof value === 'string') return JSON.stringify(value).slice(1, -1);
  if (Array.isArray(value)) return value.map(jsonEscaped);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonEscaped(v)]));
  return value;
}

export function renderJsonPayload(template: string, context: TemplateContext): string {
  const body = renderTemplate(template, jsonEscaped(context) as TemplateContext);
  try {
    JSON.parse(body);
  } catch (err) {
    throw new AppError('VALIDATION_FAILED', `webhook payload is not JSON once rendered: ${(err as Error).message}`, [{ path: 'config.payload', message: 'not JSON' }]);
  }
  return body;
}

/** The organization's webhook secret of this name (settings.webhookSecrets), set by an admin through the API. */
async function namedSecret(deps: ActivityDeps, orgId: string, name: string): Promise<string> {
  const org = await deps.prisma.organization.findUniqueOrThrow({ where: { id: orgId }, select: { settings: true } });
  const secret = (org.settings as { webhookSecrets?: Record<string, string> }).webhookSecrets?.[name];
  if (!secret) throw new AppError('VALIDATION_FAILED', `no webhook secret named "${name}": an admin sets it with PUT /api/org/webhook-secrets/${name}`, [{ path: 'config.secretName', message: 'unknown secret' }]);
  return secret;
}

export function callWebhook(deps: ActivityDeps) {
  return async (input: TCallWebhookInput): Promise<TCallWebhookResult> => {
    const { prisma } = deps;
    const deliveryId = idForKey('webhook', input.idempotencyKey);
    const delivered = await prisma.auditEvent.findUnique({ where: { id: deliveryId } });
    if (delivered) return { status: (delivered.after as { status: number }).status };
    if (!isAllowedWebhookUrl(input.url)) throw new AppError('VALIDATION_FAILED', 'webhook URL must be https (http only for localhost)', [{ path: 'config.url', message: 'not allowed' }]);

    const context = await loadTemplateContext(prisma, input.run, senderFromAddress(deps.mailFrom));
    const body = renderJsonPayload(input.payload, context);
    const secret = input.secretName ? await namedSecret(deps, input.run.orgId, input.secretName) : input.secret;
    const status = await deliverWebhook({ url: input.url, body, idempotencyKey: input.idempotencyKey, secret });
    await prisma.$transaction([
      prisma.auditEvent.create({
        data: {
          id: deliveryId, orgId: input.run.orgId, actorType: 'WORKFLOW', actorId: input.run.workflowId, action: 'webhook.delivered',
          entityType: 'Candidate', entityId: input.run.candidateId, after: { url: safeUrl(input.url), status, runId: input.run.runId, nodeId: input.nodeId },
        },
      }),
      touchRun(prisma, input.run.runId, input.nodeId),
    ]);
    deps.log.info({ runId: input.run.runId, nodeId: input.nodeId, status }, 'webhook delivered');
    return { status };
  };
}
