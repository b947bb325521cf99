// Side effect of message.send_email: render, record in the outbox, send once.
// The message row's idempotency key (workflow/node/visit) makes a retried or
// replayed activity return the first result instead of sending again.
import type { TSendEmailInput, TSendEmailResult } from '../workflows/graph/nodes/message-send-email';
import type { ActivityDeps } from './dependencies';
import { addressHash } from '../api/services/messaging/address-hash';
import { loadTemplateContext, renderTemplate } from './render-template';
import { touchRun } from './touch-run';
import { AppError } from '../api/errors';

function parseAddress(from: string): { name: string; email: string } {
  const m = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(from);
  return m ? { name: m[1]!.replace(/^"|"$/g, ''), email: m[2]! } : { name: from, email: from };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function sendEmail(deps: ActivityDeps) {
  return async (input: TSendEmailInput): Promise<TSendEmailResult> => {
    const { prisma, mailer } = deps;
    const existing = await prisma.message.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
    if (existing && (existing.status === 'SENT' || existing.status === 'SUPPRESSED')) return { messageId: existing.id, status: existing.status };

    const fallback = parseAddress(deps.mailFrom);
    const sender = { name: input.fromName ?? fallback.name, email: input.fromEmail ?? fallback.email };
    const context = await loadTemplateContext(prisma, input.run, sender, input.vars);
    const to = context.candidate.email;
    if (!to) throw new AppError('VALIDATION_FAILED', 'candidate has no email address', [{ path: 'candidate.email', message: 'missing' }]);
    const subject = renderTemplate(input.subject, context);
    const bodyText = renderTemplate(input.body, context);
    const bodyHtml = `<div style="font-family:sans-serif;white-space:pre-wrap">${escapeHtml(bodyText)}</div>`;
    const fromAddress = `"${sender.name.replace(/"/g, '')}" <${sender.email}>`;

    const suppressed = await prisma.suppression.findUnique({ where: { orgId_addressHash: { orgId: input.run.orgId, addressHash: addressHash(input.run.orgId, to) } } });
    const message = await prisma.message.upsert({
      where: { idempotencyKey: input.idempotencyKey },
      create: {
        orgId: input.run.orgId, candidateId: input.run.candidateId, runId: input.run.runId, idempotencyKey: input.idempotencyKey,
        category: input.category, status: suppressed ? 'SUPPRESSED' : 'SENDING', fromAddress, toAddress: to, subject, bodyText, bodyHtml, attempts: 1,
      },
      update: { attempts: { increment: 1 }, status: suppressed ? 'SUPPRESSED' : 'SENDING' },
    });
    if (suppressed) return { messageId: message.id, status: 'SUPPRESSED' };

    // Deterministic Message-ID: a relay that deduplicates drops the rare resend
    // after a crash between the SMTP transaction and the status update below.
    const { providerMessageId } = await mailer.send({
      from: fromAddress, to, subject, text: bodyText, html: bodyHtml,
      replyTo: input.replyTo, messageId: `<${message.id}@trellis>`,
      headers: { 'X-Trellis-Run': input.run.runId, 'X-Trellis-Node': input.nodeId },
    });
    await prisma.$transaction([
      prisma.message.update({ where: { id: message.id }, data: { status: 'SENT', providerMessageId, sentAt: new Date(), error: null } }),
      touchRun(prisma, input.run.runId, input.nodeId),
    ]);
    deps.log.info({ messageId: message.id, runId: input.run.runId, nodeId: input.nodeId }, 'email sent');
    return { messageId: message.id, status: 'SENT' };
  };
}
