// TEMPORARY stand-in for the messaging send path (sendCandidateEmail, api/services/messaging/
// send-candidate-email.ts) until it lands: the same input, a Message row per idempotency key, SMTP once.
import type { Services } from '../services';
import { addressHash } from '../messaging/address-hash';

export interface TCandidateEmail {
  orgId: string;
  candidateId: string;
  category: 'TRANSACTIONAL' | 'MARKETING';
  topic?: string;
  idempotencyKey: string;
  subject: string;
  text: string;
  html?: string;
  calendar?: { method: 'REQUEST' | 'CANCEL'; content: string };
}

export async function deliverCandidateEmail(services: Services, input: TCandidateEmail): Promise<{ messageId: string; status: string }> {
  const { prisma } = services;
  const existing = await prisma.message.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
  if (existing && (existing.status === 'SENT' || existing.status === 'SUPPRESSED')) return { messageId: existing.id, status: existing.status };
  const candidate = await prisma.candidate.findUniqueOrThrow({ where: { id: input.candidateId } });
  if (!candidate.email) return { messageId: '', status: 'SUPPRESSED' };
  const suppressed = await prisma.suppression.findUnique({ where: { orgId_addressHash: { orgId: input.orgId, addressHash: addressHash(input.orgId, candidate.email) } } });
  const message = await prisma.message.upsert({
    where: { idempotencyKey: input.idempotencyKey },
    create: {
      orgId: input.orgId, candidateId: input.candidateId, idempotencyKey: input.idempotencyKey, category: input.category, topic: input.topic,
      status: suppressed ? 'SUPPRESSED' : 'SENDING', fromAddress: services.config.MAIL_FROM, toAddress: candidate.email, subject: input.subject, bodyText: input.text, bodyHtml: input.html,
    },
    update: { attempts: { increment: 1 } },
  });
  if (suppressed) return { messageId: message.id, status: 'SUPPRESSED' };
  const { providerMessageId } = await services.mailer!.send({
    from: services.config.MAIL_FROM, to: candidate.email, subject: input.subject, text: input.text, html: input.html, messageId: `<${message.id}@trellis>`, calendar: input.calendar,
  });
  await prisma.message.update({ where: { id: message.id }, data: { status: 'SENT', sentAt: new Date(), providerMessageId } });
  return { messageId: message.id, status: 'SENT' };
}
