// The offer letter: rendered with Handlebars when the offer is sent and stored
// as a Message row (idempotency key offer:<id>:r<round>) in the same
// transaction that marks the offer SENT; delivered right after commit. The
// claim PENDING/FAILED -> SENDING is one conditional UPDATE and the
// Message-ID is derived from the row, so a repeated send or a retry never
// mails the candidate twice. Approver notes are never in the context.
import type { PoolClient } from 'pg';
import { AppError } from '../../errors';
import type { Services } from '../services';
import { renderTemplate, type TemplateContext } from '../../../activities/render-template';
import type { OfferRow } from './save-offer';

export const DEFAULT_OFFER_SUBJECT = 'Your offer from {{org.name}}: {{job.title}}';
export const DEFAULT_OFFER_BODY =
  'Hi {{candidate.firstName}},\n\nWe are delighted to offer you the position of {{job.title}} at {{org.name}}.\n\n' +
  'Salary: {{offer.salary}} {{offer.currency}} per {{offer.per}}\n{{#if offer.startDate}}Start date: {{offer.startDate}}\n{{/if}}' +
  '{{#if offer.bonus}}Bonus: {{offer.bonus}}\n{{/if}}{{#if offer.equity}}Equity: {{offer.equity}}\n{{/if}}' +
  '{{#if offer.expiresAt}}\nPlease let us know by {{offer.expiresAt}}.\n{{/if}}\nBest regards,\n{{sender.name}}';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function parseAddress(from: string): { name: string; email: string } {
  const m = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(from);
  return m ? { name: m[1]!.replace(/^"|"$/g, ''), email: m[2]! } : { name: from, email: from };
}

/** Renders the letter and stores it as a PENDING message; returns its id (the existing one on a repeat). */
export async function queueOfferEmail(client: PoolClient, services: Services, offer: OfferRow, template: { subject?: string; body?: string }): Promise<string> {
  const { rows: [ctx] } = await client.query<{ candidateId: string; firstName: string; lastName: string; email: string | null; phone: string | null; title: string; department: string | null; location: string | null; orgName: string; stageName: string; subject: string | null; body: string | null }>(
    `SELECT c.id AS "candidateId", c."firstName", c."lastName", c.email, c.phone, j.title, j.department, j.locations[1] AS location, o.name AS "orgName", s.name AS "stageName", t.subject, t.body
       FROM "Application" a JOIN "Candidate" c ON c.id = a."candidateId" JOIN "Job" j ON j.id = a."jobId" JOIN "Organization" o ON o.id = a."orgId"
       JOIN "Stage" s ON s.id = a."stageId" LEFT JOIN "Template" t ON t."orgId" = a."orgId" AND t.name = 'offer_email' AND t.channel = 'EMAIL'
      WHERE a.id = $1`,
    [offer.applicationId],
  );
  if (!ctx!.email) throw new AppError('CONFLICT', 'the candidate has no email address', [{ path: 'candidate.email', message: 'missing' }]);
  const sender = parseAddress(services.config.MAIL_FROM);
  const context: TemplateContext = {
    candidate: { firstName: ctx!.firstName, lastName: ctx!.lastName, fullName: `${ctx!.firstName} ${ctx!.lastName}`.trim(), email: ctx!.email, phone: ctx!.phone },
    job: { title: ctx!.title, department: ctx!.department, location: ctx!.location },
    application: { id: offer.applicationId, stage: ctx!.stageName },
    org: { name: ctx!.orgName },
    sender,
    offer: {
      salary: Number(offer.salaryAmount).toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 2 }), currency: offer.currency,
      per: offer.salaryUnit.toLowerCase(), startDate: offer.startDate, bonus: offer.bonus, equity: offer.equity, expiresAt: offer.expiresAt?.toISOString().slice(0, 10) ?? null,
    },
  };
  let subject: string;
  let text: string;
  try {
    subject = renderTemplate(template.subject ?? ctx!.subject ?? DEFAULT_OFFER_SUBJECT, context).replace(/[\r\n]+/g, ' ');
    text = renderTemplate(template.body ?? ctx!.body ?? DEFAULT_OFFER_BODY, context);
  } catch (err) {
    throw new AppError('VALIDATION_FAILED', `the offer template does not render: ${(err as Error).message}`, [{ path: template.body ? 'body.body' : 'body.subject', message: 'invalid Handlebars' }]);
  }
  const from = `"${sender.name.replace(/"/g, '')}" <${sender.email}>`;
  const key = `offer:${offer.id}:r${offer.approvalRound}`;
  await client.query(
    `INSERT INTO "Message" (id, "orgId", "candidateId", "idempotencyKey", status, "fromAddress", "toAddress", subject, "bodyText", "bodyHtml")
     VALUES (gen_random_uuid()::text, $1, $2, $3, 'PENDING', $4, $5, $6, $7, $8) ON CONFLICT ("idempotencyKey") DO NOTHING`,
    [offer.orgId, ctx!.candidateId, key, from, ctx!.email, subject, text, `<div style="font-family:sans-serif;white-space:pre-wrap">${escapeHtml(text)}</div>`],
  );
  const { rows: [message] } = await client.query<{ id: string }>(`SELECT id FROM "Message" WHERE "idempotencyKey" = $1`, [key]);
  return message!.id;
}

/** Sends a queued message once: only the caller whose UPDATE claims it talks to SMTP. */
export async function deliverMessage(services: Services, messageId: string): Promise<'SENT' | 'FAILED' | 'SKIPPED'> {
  if (!services.mailer) return 'SKIPPED';
  const { rows: [m] } = await services.pool.query<{ fromAddress: string; toAddress: string; subject: string; bodyText: string; bodyHtml: string }>(
    `UPDATE "Message" SET status = 'SENDING', attempts = attempts + 1 WHERE id = $1 AND status IN ('PENDING', 'FAILED')
     RETURNING "fromAddress", "toAddress", subject, "bodyText", "bodyHtml"`,
    [messageId],
  );
  if (!m) return 'SKIPPED';
  try {
    const { providerMessageId } = await services.mailer.send({ from: m.fromAddress, to: m.toAddress, subject: m.subject, text: m.bodyText, html: m.bodyHtml, messageId: `<${messageId}@trellis>` });
    await services.pool.query(`UPDATE "Message" SET status = 'SENT', "providerMessageId" = $2, "sentAt" = now(), error = NULL WHERE id = $1`, [messageId, providerMessageId]);
    return 'SENT';
  } catch (err) {
    services.log.warn({ messageId, err: (err as Error).message }, 'offer email failed; POST /api/offers/:id/send retries it');
    await services.pool.query(`UPDATE "Message" SET status = 'FAILED', error = $2 WHERE id = $1`, [messageId, (err as Error).message]);
    return 'FAILED';
  }
}
