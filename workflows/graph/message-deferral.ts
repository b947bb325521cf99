// Shared by the message nodes: what a node does
// when the contact policy defers its message (quiet hours, frequency cap). It
// waits on a durable timer until the time the policy named, then calls the same
// activity again with the same idempotency key, which decides again at that
// moment. Histories recorded before deferrals existed never hold a DEFERRED
// result, so they replay unchanged.
import type { NodeContext, NodeEffect, NodeEvent } from './node-definition';

/** The least a deferred message waits, so a deferral that has just ended does not spin. */
export const MIN_DEFERRAL_MS = 1000;

export interface TMessageSendResult {
  messageId: string;
  /** SUPPRESSED and SENT leave by "out"; DEFERRED waits and tries again. */
  status: 'SENT' | 'SUPPRESSED' | 'DEFERRED';
  /** Why the policy held it back: suppressed, unsubscribed, no_consent, replied, erased, quiet_hours, frequency_cap. */
  policyReason?: string;
  /** DEFERRED: when to try again (ISO 8601). */
  deferredUntil?: string;
}

interface DeferralMemo {
  deferrals: number;
}

/** start() of a message node: its activity with the config, the run, the node, the visit's idempotency key and the run's variables. */
export function sendMessage<C extends object>(activity: 'sendEmail' | 'sendSms', ctx: NodeContext<C>): NodeEffect {
  return { kind: 'activity', activity, input: { ...ctx.config, run: ctx.run, nodeId: ctx.nodeId, idempotencyKey: ctx.idempotencyKey, vars: ctx.vars } };
}

/** resume() of a message node whose start() is `send`: the result leaves by "out" as `varName`, unless it is deferred. */
export function resumeMessageSend<C>(ctx: NodeContext<C>, event: NodeEvent, send: NodeEffect, varName: string): NodeEffect {
  if (event.type === 'timeout') return send;
  const result = event.type === 'activity.completed' ? (event.result as Partial<TMessageSendResult> | undefined) : undefined;
  if (result?.status === 'DEFERRED' && typeof result.deferredUntil === 'string') {
    const until = Date.parse(result.deferredUntil);
    const deferrals = ((ctx.memo as DeferralMemo | undefined)?.deferrals ?? 0) + 1;
    return { kind: 'wait', signals: [], timeoutMs: Math.max(MIN_DEFERRAL_MS, Number.isFinite(until) ? until - ctx.now : MIN_DEFERRAL_MS), memo: { deferrals } satisfies DeferralMemo };
  }
  return { kind: 'next', port: 'out', vars: event.type === 'activity.completed' ? { [varName]: event.result } : undefined };
}
