// Side effect of message.send_sms: render, record in the outbox, text once.
// Same contract as send-email.ts: the message row's idempotency key makes a
// retried or replayed activity return the first result instead of sending again.
import { SMS_MAX_CHARS, type TSendSmsInput, type TSendSmsResult } from '../workflows/graph/nodes/message-send-sms';
import type { ActivityDeps } from './dependencies';
import { addressHash } from '../api/services/messaging/address-hash';
import { loadTemplateContext, renderTemplate } from './render-template';
import { senderFromAddress } from './sender-address';
import { DevSmsSink } from './sms-provider';
import { touchRun } from './touch-run';
import { AppError } from '../api/errors';

export function sendSms(deps: ActivityDeps) {
  const provider = deps.sms ?? new DevSmsSink();
  return async (input: TSendSmsInput): Promise<TSendSmsResult> => {
    const { prisma } = deps;
    const existing = await prisma.message.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
    if (existing && (existing.status === 'SENT' || existing.status === 'SUPPRESSED')) return { messageId: existing.id, status: existing.status };

    const context = await loadTemplateContext(prisma, input.run, senderFromAddress(deps.mailFrom), input.vars);
    const to = context.candidate.phone;
    if (!to) throw new AppError('VALIDATION_FAILED', 'candidate has no phone number', [{ path: 'candidate.phone', message: 'missing' }]);
    const body = renderTemplate(input.body, context);
    if (body.length > SMS_MAX_CHARS) {
      throw new AppError('VALIDATION_FAILED', `rendered SMS is ${body.length} characters, more than ${SMS_MAX_CHARS}`, [{ path: 'config.body', message: 'too long once rendered' }]);
    }

    // Suppressions are matched on the number as stored on the candidate.
    const suppressed = await prisma.suppression.findUnique({ where: { orgId_addressHash: { orgId: input.run.orgId, addressHash: addressHash(input.run.orgId, to) } } });
    const message = await prisma.message.upsert({
      where: { idempotencyKey: input.idempotencyKey },
      create: {
        orgId: input.run.orgId, candidateId: input.run.candidateId, runId: input.run.runId, idempotencyKey: input.idempotencyKey, channel: 'SMS',
        category: input.category, status: suppressed ? 'SUPPRESSED' : 'SENDING', fromAddress: provider.from, toAddress: to, bodyText: body, attempts: 1,
      },
      update: { attempts: { increment: 1 }, status: suppressed ? 'SUPPRESSED' : 'SENDING' },
    });
    if (suppressed) return { messageId: message.id, status: 'SUPPRESSED' };

    const { providerMessageId } = await provider.send({ messageId: message.id, from: provider.from, to, body });
    await prisma.$transaction([
      prisma.message.update({ where: { id: message.id }, data: { status: 'SENT', providerMessageId, sentAt: new Date(), error: null } }),
      touchRun(prisma, input.run.runId, input.nodeId),
    ]);
    deps.log.info({ messageId: message.id, runId: input.run.runId, nodeId: input.nodeId }, 'sms sent');
    return { messageId: message.id, status: 'SENT' };
  };
}
