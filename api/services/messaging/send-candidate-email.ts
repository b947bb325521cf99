// The one path every candidate-facing email takes (workflow nodes, job-alert
// digests, event confirmations, consent renewals): render, check the contact
// policy at send time, record the Message, add tracking and the unsubscribe
// headers, send as a real person with a reply address that threads replies
// back, and record the send on the profile. Idempotent: a call with a key
// already SENT or SUPPRESSED returns that result; a DEFERRED key is decided
// again. The Message-ID derives from the row, so a relay that deduplicates
// drops the rare resend after a crash between SMTP and the status update.
import type { Pool } from 'pg';
import type { Logger } from '../../platform/logger';
import type { Mailer, OutgoingEmail } from '../../platform/mail/mailer';
import { AppError } from '../../errors';
import { renderTemplate } from '../../../activities/render-template';
import { withRunVars } from '../../../workflows/graph/template-variables';
import { senderFromAddress } from '../../../activities/sender-address';
import type { TMessageCategory } from './contact-policy';
import { decideAndRecord, heldBackResult, markFailedAttempt, markSent } from './record-send-decision';
import { contextOrRecorded, policyOf, templateContextOf } from './send-context';
import { composeEmail, type TComposedEmail } from './compose-email';
import { signedAddress, signLinkToken } from './message-tokens';

export interface TSendDeps {
  pool: Pool;
  mailer: Mailer;
  log: Logger;
  /** Default sender, e.g. '"Acme Talent" <talent@acme.example>' (MAIL_FROM). */
  mailFrom: string;
  /** Base of the links in emails (PUBLIC_URL). */
  publicUrl: string;
  linkSigningKey: string;
  replyDomain: string;
  /** The clock (tests); default Date.now. */
  now?: () => number;
}

export type TEmailContent =
  /** Handlebars templates over the candidate, job, org, sender and `vars`. */
  | { subject: string; body: string; vars?: Record<string, unknown> }
  /** Rendered by the caller (digests with their own HTML). */
  | { rendered: { subject: string; text: string; html?: string } };

export interface TCandidateEmail {
  orgId: string;
  candidateId: string;
  /** Stable across retries: a second call with the same key never sends a second email. */
  idempotencyKey: string;
  category: TMessageCategory;
  /** Preference-center topic of a marketing email; default: the campaign's topic. */
  topic?: string;
  runId?: string;
  /** Default: the run's campaign. */
  campaignId?: string;
  /** Default: the run's application (the template's job and stage). */
  applicationId?: string;
  /** Sent as this person: a user of the organization, or a name and address; default the campaign's sender, else MAIL_FROM. */
  sender?: { userId?: string; name?: string; email?: string };
  /** Also listed in Reply-To, beside the reply address that threads the reply back. */
  replyTo?: string;
  content: TEmailContent;
  headers?: Record<string, string>;
  /** An iCalendar invite as a text/calendar part (event confirmations and cancellations). */
  calendar?: OutgoingEmail['calendar'];
}

export interface TCandidateEmailResult {
  messageId: string;
  status: 'SENT' | 'SUPPRESSED' | 'DEFERRED';
  /** SUPPRESSED / DEFERRED: suppressed, unsubscribed, no_consent, replied, erased, quiet_hours, frequency_cap. */
  policyReason?: string;
  /** DEFERRED: when the policy allows the send (ISO 8601); call again with the same key then. */
  deferredUntil?: string;
}

const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ').trim();
const quoteName = (name: string) => `"${name.replace(/["\\\r\n]/g, '')}"`;

export async function sendCandidateEmail(deps: TSendDeps, input: TCandidateEmail): Promise<TCandidateEmailResult> {
  const { pool } = deps;
  const { ctx, recorded } = await contextOrRecorded(pool, {
    orgId: input.orgId, candidateId: input.candidateId, runId: input.runId, campaignId: input.campaignId,
    applicationId: input.applicationId, senderUserId: input.sender?.userId, idempotencyKey: input.idempotencyKey,
  });
  if (recorded) return recorded;
  const fallback = senderFromAddress(deps.mailFrom);
  const sender = {
    name: input.sender?.name ?? ctx.senderUser?.name ?? fallback.name,
    email: input.sender?.email ?? ctx.senderUser?.email ?? fallback.email,
  };
  const to = ctx.candidate.email;
  if (!to && !ctx.isErased) throw new AppError('VALIDATION_FAILED', 'candidate has no email address', [{ path: 'candidate.email', message: 'missing' }]);
  const rendered = renderContent(input.content, templateContextOf(ctx, sender));
  const policy = policyOf(ctx);
  const topic = input.topic ?? ctx.campaign?.topic ?? null;
  const campaignId = ctx.campaign?.id ?? null;
  const fromAddress = `${quoteName(sender.name)} <${sender.email}>`;
  const now = deps.now?.() ?? Date.now();

  const { id, decision, content } = await decideAndRecord(pool, {
    orgId: input.orgId, candidateId: input.candidateId, runId: input.runId ?? null, campaignId, channel: 'EMAIL', category: input.category, topic,
    idempotencyKey: input.idempotencyKey, to, fromAddress, policy, now, conversationStartedAt: ctx.runStartedAt?.getTime() ?? null,
  }, (messageId, isSending) => {
    const composed = isSending ? compose(deps, { id: messageId, candidateId: input.candidateId }, input.category, rendered, ctx.orgName) : null;
    return { subject: rendered.subject, text: composed?.text ?? rendered.text, html: composed?.html ?? null, links: composed?.links ?? [] };
  });
  if (decision.outcome !== 'SEND') {
    deps.log.info({ messageId: id, outcome: decision.outcome, reason: decision.reason }, 'email held back by the contact policy');
    return { messageId: id, ...heldBackResult(decision) };
  }

  const replyAddress = signedAddress(deps.linkSigningKey, 'reply', id, deps.replyDomain);
  const headers: Record<string, string> = { ...input.headers };
  if (input.category === 'MARKETING') {
    const mailto = signedAddress(deps.linkSigningKey, 'unsubscribe', id, deps.replyDomain);
    headers['List-Unsubscribe'] = `<${linkUrl(deps, 'unsubscribe', id)}>, <mailto:${mailto}?subject=unsubscribe>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
    headers.Precedence = 'bulk';
  }
  let providerMessageId: string;
  try {
    ({ providerMessageId } = await deps.mailer.send({
      from: fromAddress, to: to!, subject: rendered.subject, text: content.text, html: content.html ?? undefined,
      replyTo: input.replyTo ? `${replyAddress}, ${input.replyTo}` : replyAddress,
      envelopeFrom: signedAddress(deps.linkSigningKey, 'bounce', id, deps.replyDomain),
      messageId: `<${id}@trellis>`, headers, calendar: input.calendar,
    }));
  } catch (err) {
    await markFailedAttempt(pool, id, err);
    throw err;
  }
  await markSent(pool, { id, orgId: input.orgId, candidateId: input.candidateId, campaignId, providerMessageId, sentAt: new Date(deps.now?.() ?? Date.now()) });
  deps.log.info({ messageId: id, runId: input.runId, category: input.category }, 'email sent');
  return { messageId: id, status: 'SENT' };
}

function renderContent(content: TEmailContent, context: ReturnType<typeof templateContextOf>): { subject: string; text: string; html?: string } {
  if ('rendered' in content) return { subject: oneLine(content.rendered.subject), text: content.rendered.text, html: content.rendered.html };
  const ctx = withRunVars(context, content.vars);
  return { subject: oneLine(renderTemplate(content.subject, ctx)), text: renderTemplate(content.body, ctx) };
}

export function linkUrl(deps: Pick<TSendDeps, 'publicUrl' | 'linkSigningKey'>, kind: 'open' | 'unsubscribe' | 'preferences', id: string): string {
  const token = signLinkToken(deps.linkSigningKey, kind, id);
  const base = deps.publicUrl.replace(/\/+$/, '');
  return kind === 'open' ? `${base}/t/o/${token}.gif` : kind === 'unsubscribe' ? `${base}/u/${token}` : `${base}/preferences/${token}`;
}

function compose(deps: TSendDeps, { id, candidateId }: { id: string; candidateId: string }, category: TMessageCategory, rendered: { text: string; html?: string }, orgName: string): TComposedEmail {
  if (category !== 'MARKETING') return composeEmail({ ...rendered, orgName, tracking: null });
  const base = deps.publicUrl.replace(/\/+$/, '');
  return composeEmail({
    ...rendered, orgName,
    tracking: {
      click: (i) => `${base}/t/c/${signLinkToken(deps.linkSigningKey, 'click', id, i)}`,
      open: linkUrl(deps, 'open', id),
      unsubscribe: linkUrl(deps, 'unsubscribe', id),
      // The preference center is the person's, not the message's: its token names the candidate.
      preferences: linkUrl(deps, 'preferences', candidateId),
    },
  });
}
