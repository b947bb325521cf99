// Inbound mail, from the inbound SMTP listener or the provider webhook: replies
// to a reply address (reply+<signed message id>@REPLY_DOMAIN) are threaded to
// the candidate and stop their campaigns; mail to a bounce address (the
// envelope sender of each email) is a bounce; mail to the mailto unsubscribe
// address unsubscribes. Without a signed address, a reply is matched by its
// In-Reply-To (our Message-ID) only when it comes from the address we wrote to.
// Anything else is dropped and logged without personal data.
import crypto from 'node:crypto';
import type { Services } from '../services';
import { withRunSignals, signalCandidateRuns } from '../run-signals';
import { survivingCandidateId } from '../../merge/surviving-candidate';
import { recordEngagement } from '../engagement/record-engagement';
import { verifySignedAddress } from './message-tokens';
import { bounceKindOf, isAutomaticReply, referencedMessageIds, type TInboundEmail } from './inbound-classify';
import { recordBounce } from './record-bounce';
import { forwardReplyToSender } from './forward-reply';
import { unsubscribeFromAll } from './unsubscribe';
import { senderFromAddress } from '../../../activities/sender-address';

export type TInboundOutcome = 'reply' | 'auto_reply' | 'duplicate' | 'bounce' | 'unsubscribe' | 'dropped';

export interface TOriginalMessage {
  id: string;
  orgId: string;
  candidateId: string | null;
  campaignId: string | null;
  runId: string | null;
  threadId: string | null;
  fromAddress: string;
  toAddress: string;
  subject: string | null;
}

const MAX_STORED_TEXT = 100_000;

async function originalMessage(services: Services, id: string): Promise<TOriginalMessage | null> {
  const { rows } = await services.pool.query<TOriginalMessage>(
    `SELECT id, "orgId", "candidateId", "campaignId", "runId", "threadId", "fromAddress", "toAddress", subject
       FROM "Message" WHERE id = $1 AND direction = 'OUTBOUND'`, [id],
  );
  return rows[0] ?? null;
}

/** The message and what the mail is to it: the first signed recipient, else a reply that names one of ours from the address we wrote to. */
async function targetOf(services: Services, mail: TInboundEmail): Promise<{ kind: 'reply' | 'bounce' | 'unsubscribe'; original: TOriginalMessage } | null> {
  const { LINK_SIGNING_KEY: key, REPLY_DOMAIN: domain } = services.config;
  for (const address of mail.to) {
    const signed = verifySignedAddress(key, address, domain);
    const original = signed && (await originalMessage(services, signed.messageId));
    if (signed && original) return { kind: signed.kind, original };
  }
  for (const id of referencedMessageIds(mail)) {
    const original = await originalMessage(services, id);
    if (original && original.toAddress.toLowerCase() === mail.from.toLowerCase()) return { kind: 'reply', original };
  }
  return null;
}

export async function ingestInboundEmail(services: Services, mail: TInboundEmail): Promise<TInboundOutcome> {
  const target = await targetOf(services, mail);
  if (!target) {
    services.log.info({ recipients: mail.to.length }, 'inbound email dropped: no signed address or known thread');
    return 'dropped';
  }
  const { kind, original } = target;
  if (kind === 'bounce') {
    const bounce = bounceKindOf(mail);
    if (!bounce) return 'dropped';
    await recordBounce(services, { original, kind: bounce, detail: /^\s*Status:\s*([\d.]+)/im.exec(mail.deliveryStatus ?? '')?.[1] ?? null });
    return 'bounce';
  }
  if (!original.candidateId) return 'dropped';
  const candidateId = await survivingCandidateId(services.pool, original.orgId, original.candidateId);
  if (kind === 'unsubscribe') {
    await unsubscribeFromAll(services, { orgId: original.orgId, candidateId, organization: '', email: null, messageId: original.id, campaignId: original.campaignId });
    return 'unsubscribe';
  }
  return ingestReply(services, mail, original, candidateId);
}

async function ingestReply(services: Services, mail: TInboundEmail, original: TOriginalMessage, candidateId: string): Promise<TInboundOutcome> {
  const isAuto = isAutomaticReply(mail);
  const fingerprint = mail.messageId ?? `${mail.from}\n${mail.subject}\n${mail.text}`;
  const idempotencyKey = `inbound:${crypto.createHash('sha256').update(fingerprint).digest('hex')}`;
  const inboundId = await withRunSignals(services, async (client, signals) => {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO "Message" (id, "orgId", "candidateId", "runId", "campaignId", channel, direction, category, "idempotencyKey", status,
                              "fromAddress", "toAddress", subject, "bodyText", "providerMessageId", "threadId", "inReplyToId", attempts)
       VALUES (gen_random_uuid()::text, $1, $2, $3, $4, 'EMAIL', 'INBOUND', 'TRANSACTIONAL', $5, 'RECEIVED', $6, $7, $8, $9, $10, $11, $12, 0)
       ON CONFLICT ("idempotencyKey") DO NOTHING RETURNING id`,
      [
        original.orgId, candidateId, original.runId, original.campaignId, idempotencyKey, mail.from, mail.to[0] ?? '',
        mail.subject.slice(0, 500), mail.text.slice(0, MAX_STORED_TEXT), mail.messageId ?? null, original.threadId ?? original.id, original.id,
      ],
    );
    const id = rows[0]?.id;
    if (!id || isAuto) return id ?? null;
    await client.query(`UPDATE "Message" SET "repliedAt" = COALESCE("repliedAt", now()) WHERE id = $1`, [original.id]);
    await client.query(`UPDATE "Candidate" SET "lastRepliedAt" = GREATEST("lastRepliedAt", now()) WHERE id = $1`, [candidateId]);
    await recordEngagement(client, { orgId: original.orgId, candidateId, kind: 'REPLIED', messageId: original.id, campaignId: original.campaignId, dedupeKey: `reply:${id}` });
    await signalCandidateRuns(client, signals, original.orgId, candidateId, { name: 'candidate.replied', payload: { messageId: id } }, id);
    return id;
  });
  if (!inboundId) return 'duplicate';
  services.log.info({ messageId: inboundId, inReplyTo: original.id, isAutomatic: isAuto }, 'inbound reply recorded');
  if (!isAuto) await forwardReplyToSender(services, { inboundId, original, mail, senderEmail: senderFromAddress(original.fromAddress).email });
  return isAuto ? 'auto_reply' : 'reply';
}
