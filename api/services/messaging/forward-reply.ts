// "Replies go to the recruiter": a copy of each candidate reply goes to the
// person the email was sent as, when that is a user of the organization (a
// campaign's sender, or a node's fromEmail naming a user). Their Reply-To is the
// candidate, so answering the copy answers the candidate directly. The copy is
// not a message to the candidate and is not recorded as one; its Message-ID
// derives from the reply, so a relay that deduplicates drops a second copy.
import type { Services } from '../services';
import type { TInboundEmail } from './inbound-classify';
import type { TOriginalMessage } from './inbound-email';
import { withoutAddresses } from './record-send-decision';

export async function forwardReplyToSender(
  services: Services, f: { inboundId: string; original: TOriginalMessage; mail: TInboundEmail; senderEmail: string },
): Promise<boolean> {
  if (!services.mailer) return false;
  const { rows } = await services.pool.query<{ email: string; name: string }>(
    `SELECT email, name FROM "User" WHERE "orgId" = $1 AND lower(email) = lower($2) AND NOT deactivated`, [f.original.orgId, f.senderEmail],
  );
  const user = rows[0];
  if (!user) return false;
  const who = f.mail.fromName ? `${f.mail.fromName} <${f.mail.from}>` : f.mail.from;
  try {
    await services.mailer.send({
      from: services.config.MAIL_FROM,
      to: user.email,
      replyTo: who,
      subject: `Reply from ${f.mail.fromName || f.mail.from}: ${f.mail.subject}`.replace(/[\r\n]+/g, ' ').slice(0, 300),
      text: `${who} replied to "${f.original.subject ?? ''}":\n\n${f.mail.text}\n\n--\nThe reply is on their profile in Trellis. Reply to this email to answer them.`,
      messageId: `<fwd-${f.inboundId}@trellis>`,
      headers: { 'Auto-Submitted': 'auto-forwarded', 'X-Trellis-Reply-To-Message': f.original.id },
    });
    return true;
  } catch (err) {
    // The reply is recorded and the runs told; a copy that failed is logged, not retried.
    services.log.warn({ messageId: f.inboundId, err: withoutAddresses((err as Error).message) }, 'could not forward the reply to its sender');
    return false;
  }
}
