// An organization's wording of its event emails (EventEmailTemplate, one row
// per kind; no row = the built-in text): read every kind, store a checked
// template, go back to the built-in text, and preview a wording on a sample
// registration. Changes are audited with the wording before and after.
import { z } from 'zod';
import { AppError } from '../../errors';
import type { AuthContext } from '../../auth';
import type { Services } from '../services';
import { recordAudit } from '../audit';
import { withTransaction } from '../../platform/db/transaction';
import { publicBaseUrl } from './event-record';
import {
  checkEventEmailTemplate, DEFAULT_EVENT_EMAIL_TEMPLATES, EVENT_EMAIL_KINDS, EVENT_EMAIL_VARIABLES, renderEventEmail, sampleEventEmailContext,
  type TEventEmailKind, type TEventEmailTemplate,
} from './event-email-template';

export const ZEventEmailTemplate = z
  .object({
    subject: z.string().trim().min(1).max(300).regex(/^[^\r\n]*$/, 'must be one line (no line breaks)'),
    body: z.string().trim().min(1).max(20_000),
  })
  .strict();
export type TEventEmailTemplateInput = z.infer<typeof ZEventEmailTemplate>;

export const ZEventEmailKindParams = z.object({ kind: z.enum(EVENT_EMAIL_KINDS) }).strict();

type TRow = { kind: string; subject: string; body: string; updatedAt: Date; updatedById: string | null };

function templateView(kind: TEventEmailKind, row: TRow | undefined) {
  const wording = row ? { subject: row.subject, body: row.body } : DEFAULT_EVENT_EMAIL_TEMPLATES[kind];
  return { kind, ...wording, isCustomized: !!row, updatedAt: row?.updatedAt ?? null, updatedById: row?.updatedById ?? null, default: DEFAULT_EVENT_EMAIL_TEMPLATES[kind] };
}

/** Every kind with its current wording, whether the organization wrote it, and the variables templates may use. */
export async function listEventEmailTemplates(services: Services, orgId: string) {
  const { rows } = await services.pool.query<TRow>(`SELECT kind, subject, body, "updatedAt", "updatedById" FROM "EventEmailTemplate" WHERE "orgId" = $1`, [orgId]);
  return { templates: EVENT_EMAIL_KINDS.map((kind) => templateView(kind, rows.find((r) => r.kind === kind))), variables: EVENT_EMAIL_VARIABLES };
}

function assertValid(template: TEventEmailTemplate) {
  const problems = checkEventEmailTemplate(template);
  if (problems.length) throw new AppError('VALIDATION_FAILED', `the template is refused: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, problems);
}

export async function saveEventEmailTemplate(services: Services, auth: AuthContext, kind: TEventEmailKind, template: TEventEmailTemplateInput) {
  assertValid(template);
  return withTransaction(services.pool, async (client) => {
    const { rows: [before] } = await client.query<TRow>(`SELECT kind, subject, body FROM "EventEmailTemplate" WHERE "orgId" = $1 AND kind = $2 FOR UPDATE`, [auth.orgId, kind]);
    const { rows: [row] } = await client.query<TRow & { id: string }>(
      `INSERT INTO "EventEmailTemplate" (id, "orgId", kind, subject, body, "updatedById", "updatedAt") VALUES (gen_random_uuid()::text, $1, $2, $3, $4, $5, now())
       ON CONFLICT ("orgId", kind) DO UPDATE SET subject = EXCLUDED.subject, body = EXCLUDED.body, "updatedById" = EXCLUDED."updatedById", "updatedAt" = now()
       RETURNING id, kind, subject, body, "updatedAt", "updatedById"`,
      [auth.orgId, kind, template.subject, template.body, auth.userId],
    );
    await recordAudit(client, {
      orgId: auth.orgId, actorType: 'USER', actorId: auth.userId, action: 'event_email_template.updated', entityType: 'EventEmailTemplate', entityId: row!.id,
      before: { kind, ...(before ? { subject: before.subject, body: before.body } : DEFAULT_EVENT_EMAIL_TEMPLATES[kind]), isCustomized: !!before }, after: { kind, ...template, isCustomized: true },
    });
    return templateView(kind, row);
  });
}

/** Back to the built-in text: the row goes (nothing to do, and nothing audited, when there was none). */
export async function resetEventEmailTemplate(services: Services, auth: AuthContext, kind: TEventEmailKind) {
  return withTransaction(services.pool, async (client) => {
    const { rows: [before] } = await client.query<TRow & { id: string }>(`DELETE FROM "EventEmailTemplate" WHERE "orgId" = $1 AND kind = $2 RETURNING id, subject, body`, [auth.orgId, kind]);
    if (before) {
      await recordAudit(client, {
        orgId: auth.orgId, actorType: 'USER', actorId: auth.userId, action: 'event_email_template.reset', entityType: 'EventEmailTemplate', entityId: before.id,
        before: { kind, subject: before.subject, body: before.body, isCustomized: true }, after: { kind, ...DEFAULT_EVENT_EMAIL_TEMPLATES[kind], isCustomized: false },
      });
    }
    return templateView(kind, undefined);
  });
}

/** A wording rendered for a made-up registration (nothing sent), refused like a save would be. */
export async function previewEventEmailTemplate(services: Services, orgId: string, template: TEventEmailTemplateInput) {
  assertValid(template);
  const { rows: [org] } = await services.pool.query<{ name: string }>(`SELECT name FROM "Organization" WHERE id = $1`, [orgId]);
  return renderEventEmail(template, sampleEventEmailContext(org!.name, publicBaseUrl(services.config)));
}

export type TEventEmailTemplateView = ReturnType<typeof templateView>;
export type TEventEmailTemplateList = Awaited<ReturnType<typeof listEventEmailTemplates>>;
