// Side effect of message.send_sms: render, check the contact policy at send time
// (the same policy and Message record as email: api/services/messaging/
// record-send-decision.ts; suppression by number, and for MARKETING texts
// unsubscribes, consent, stop-on-reply, quiet hours and frequency caps), text
// once. The idempotency key makes a retried or replayed activity return the
// first result; a DEFERRED text is decided again when the node calls back.
import { SMS_MAX_CHARS, type TSendSmsInput, type TSendSmsResult } from '../workflows/graph/nodes/message-send-sms';
import type { ActivityDeps } from './dependencies';
import { renderTemplate } from './render-template';
import { senderFromAddress } from './sender-address';
import { DevSmsSink } from './sms-provider';
import { touchRun } from './touch-run';
import { AppError } from '../api/errors';
import { withRunVars } from '../workflows/graph/template-variables';
import { contextOrRecorded, policyOf, templateContextOf } from '../api/services/messaging/send-context';
import { decideAndRecord, heldBackResult, markFailedAttempt, markSent } from '../api/services/messaging/record-send-decision';

export function sendSms(deps: ActivityDeps) {
  const provider = deps.sms ?? new DevSmsSink();
  return async (input: TSendSmsInput): Promise<TSendSmsResult> => {
    const { pool } = deps;
    const { run } = input;
    const { ctx, recorded } = await contextOrRecorded(pool, { orgId: run.orgId, candidateId: run.candidateId, runId: run.runId, applicationId: run.applicationId, idempotencyKey: input.idempotencyKey });
    if (recorded) return recorded;
    const to = ctx.candidate.phone;
    if (!to && !ctx.isErased) throw new AppError('VALIDATION_FAILED', 'candidate has no phone number', [{ path: 'candidate.phone', message: 'missing' }]);
    const body = renderTemplate(input.body, withRunVars(templateContextOf(ctx, senderFromAddress(deps.mailFrom)), input.vars));
    if (body.length > SMS_MAX_CHARS) {
      throw new AppError('VALIDATION_FAILED', `rendered SMS is ${body.length} characters, more than ${SMS_MAX_CHARS}`, [{ path: 'config.body', message: 'too long once rendered' }]);
    }

    // Suppressions are matched on the number as stored on the candidate.
    const { id, decision } = await decideAndRecord(pool, {
      orgId: run.orgId, candidateId: run.candidateId, runId: run.runId, campaignId: ctx.campaign?.id ?? null, channel: 'SMS', category: input.category,
      topic: ctx.campaign?.topic ?? null, idempotencyKey: input.idempotencyKey, to, fromAddress: provider.from, policy: policyOf(ctx), now: Date.now(),
      conversationStartedAt: ctx.runStartedAt?.getTime() ?? null,
    }, () => ({ subject: null, text: body, html: null, links: [] }));
    if (decision.outcome !== 'SEND') return { messageId: id, ...heldBackResult(decision) };

    let providerMessageId: string;
    try {
      ({ providerMessageId } = await provider.send({ messageId: id, from: provider.from, to: to!, body }));
    } catch (err) {
      await markFailedAttempt(pool, id, err);
      throw err;
    }
    await markSent(pool, { id, orgId: run.orgId, candidateId: run.candidateId, campaignId: ctx.campaign?.id ?? null, providerMessageId, sentAt: new Date() });
    await touchRun(deps.prisma, run.runId, input.nodeId);
    deps.log.info({ messageId: id, runId: run.runId, nodeId: input.nodeId }, 'sms sent');
    return { messageId: id, status: 'SENT' };
  };
}
