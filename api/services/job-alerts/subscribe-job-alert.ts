// Subscribing to job alerts. From the careers page it is double opt-in: the
// alert is stored inactive and a confirmation email (transactional) carries a
// signed link; the person confirms on that page (a POST, so a mail scanner that
// follows links confirms nothing) and the alert becomes active. The same
// criteria and frequency from the same person reuse their alert instead of
// adding one. Recruiters subscribe a prospect through the API (active at once,
// or with the confirmation email if they ask for it). Digests are marketing
// mail, so the organization's consent rule and the person's unsubscribes apply
// to them at send time; the consent the form collected is recorded here.
import type { PoolClient } from 'pg';
import { z } from 'zod';
import { AppError, notFound } from '../../errors';
import type { AuthContext } from '../../auth';
import type { Services } from '../services';
import { withTransaction } from '../../platform/db/transaction';
import { recordAudit } from '../audit';
import { findPublicOrg } from '../../careers/careers-query';
import { careersPath } from '../../careers/public-job';
import { findOrCreateCandidate, flagDuplicates } from '../events/find-or-create-candidate';
import { ZRegistrant } from '../events/registration-input';
import { linkKeyOf, signLink, verifyLink } from '../events/signed-link';
import { deliverCandidateEmail } from '../events/candidate-email-deps';
import { publicBaseUrl } from '../events/event-record';
import { describeCriteria, JOB_ALERT_FREQUENCIES, ZJobAlertCriteria, type TJobAlertCriteria } from './job-alert-criteria';

export const ZPublicJobAlertRequest = z
  .object({
    person: ZRegistrant.extend({ lastName: z.string().trim().max(100).default('') }),
    criteria: ZJobAlertCriteria,
    frequency: z.enum(JOB_ALERT_FREQUENCIES).default('WEEKLY'),
    /** The marketing consent text's version, when the form showed one (then it is required). */
    consentTextVersion: z.string().min(1).max(100).optional(),
  })
  .strict();
export type TPublicJobAlertRequest = z.infer<typeof ZPublicJobAlertRequest>;

export const ZCreateJobAlert = z
  .object({
    candidateId: z.string().min(1).max(100),
    criteria: ZJobAlertCriteria,
    frequency: z.enum(JOB_ALERT_FREQUENCIES).default('WEEKLY'),
    /** Double opt-in for an alert a recruiter sets up: inactive until the person confirms from the email. */
    sendConfirmation: z.boolean().default(false),
  })
  .strict();

export const ZUpdateJobAlert = z
  .object({ criteria: ZJobAlertCriteria.optional(), frequency: z.enum(JOB_ALERT_FREQUENCIES).optional(), isActive: z.boolean().optional() })
  .strict()
  .refine((u) => Object.keys(u).length > 0, { message: 'nothing to change' });

export interface TJobAlertRow {
  id: string;
  orgId: string;
  candidateId: string;
  criteria: TJobAlertCriteria;
  frequency: string;
  isActive: boolean;
  lastSentAt: Date | null;
  createdAt: Date;
}

const ALERT_COLUMNS = `a.id, a."orgId", a."candidateId", a.criteria, a.frequency, a."isActive", a."lastSentAt", a."createdAt"`;

/** The newest marketing consent text: the signup form shows it, and it must be agreed to once published. */
export async function marketingConsentText(services: Services, orgId: string) {
  const { rows } = await services.pool.query<{ version: string; body: string }>(
    `SELECT version, body FROM "ConsentText" WHERE "orgId" = $1 AND purpose = 'marketing' ORDER BY "publishedAt" DESC LIMIT 1`, [orgId],
  );
  return rows[0] ?? null;
}

/** The person's alert with these criteria and frequency, or a new one. */
async function upsertAlert(client: PoolClient, orgId: string, candidateId: string, criteria: TJobAlertCriteria, frequency: string, isActive: boolean) {
  const { rows: [same] } = await client.query<TJobAlertRow>(
    `SELECT ${ALERT_COLUMNS} FROM "JobAlert" a WHERE a."candidateId" = $1 AND a.criteria = $2::jsonb AND a.frequency = $3 ORDER BY a."isActive" DESC, a."createdAt" LIMIT 1 FOR UPDATE`,
    [candidateId, JSON.stringify(criteria), frequency],
  );
  if (same) return { alert: same, isNew: false };
  const { rows: [created] } = await client.query<TJobAlertRow>(
    `INSERT INTO "JobAlert" AS a (id, "orgId", "candidateId", criteria, frequency, "isActive") VALUES (replace(gen_random_uuid()::text, '-', ''), $1, $2, $3::jsonb, $4, $5) RETURNING ${ALERT_COLUMNS}`,
    [orgId, candidateId, JSON.stringify(criteria), frequency, isActive],
  );
  return { alert: created!, isNew: true };
}

export async function subscribePublicly(services: Services, orgSlug: string, body: TPublicJobAlertRequest) {
  const org = await findPublicOrg(services.prisma, orgSlug);
  if (!org) throw notFound('Organization', orgSlug);
  const consent = await marketingConsentText(services, org.id);
  if (consent && !body.consentTextVersion) throw new AppError('VALIDATION_FAILED', 'agreeing to receive job emails is required', [{ path: 'body.consentTextVersion', message: 'required', code: 'required' }]);
  if (body.consentTextVersion) {
    const { rowCount } = await services.pool.query(`SELECT 1 FROM "ConsentText" WHERE "orgId" = $1 AND purpose = 'marketing' AND version = $2`, [org.id, body.consentTextVersion]);
    if (!rowCount) throw new AppError('VALIDATION_FAILED', `version ${body.consentTextVersion} of the marketing text was never published`, [{ path: 'body.consentTextVersion', message: 'unknown version', code: 'invalid_value' }]);
  }
  const result = await withTransaction(services.pool, async (client) => {
    const candidate = await findOrCreateCandidate(client, org.id, body.person, { source: 'careers_page', detail: { via: 'job_alert' } });
    const { alert, isNew } = await upsertAlert(client, org.id, candidate.id, body.criteria, body.frequency, false);
    if (body.consentTextVersion) {
      await client.query(
        `INSERT INTO "ConsentRecord" (id, "orgId", "candidateId", purpose, status, "textVersion", source) VALUES (gen_random_uuid()::text, $1, $2, 'marketing', 'GRANTED', $3, $4)`,
        [org.id, candidate.id, body.consentTextVersion, `job_alert:${alert.id}`],
      );
    }
    if (isNew) {
      await recordAudit(client, { orgId: org.id, actorType: 'CANDIDATE', actorId: candidate.id, action: 'job_alert.requested', entityType: 'JobAlert', entityId: alert.id, after: { criteria: body.criteria, frequency: body.frequency } });
    }
    return { alert, candidate };
  });
  if (result.candidate.isNew) await flagDuplicates(services, org.id, result.candidate.id);
  // Already active: nothing to confirm. Otherwise (new, or an earlier confirmation lost) the email goes (again, once per day at most).
  if (!result.alert.isActive) await sendConfirmation(services, org, result.alert);
  return { alertId: result.alert.id, isActive: result.alert.isActive };
}

async function sendConfirmation(services: Services, org: { slug: string; name: string }, alert: TJobAlertRow) {
  const token = signLink(linkKeyOf(services.config), 'job-alert-confirm', alert.id);
  const url = `${publicBaseUrl(services.config)}${careersPath(org)}/alerts/confirm/${token}`;
  const day = new Date().toISOString().slice(0, 10);
  const text = `Hello,\n\nplease confirm that you want ${alert.frequency === 'DAILY' ? 'daily' : 'weekly'} emails about new jobs at ${org.name} (${describeCriteria(alert.criteria)}):\n\n${url}\n\n` +
    `If you did not ask for this, ignore this email: nothing will be sent.\n\n${org.name}`;
  await deliverCandidateEmail(services, {
    orgId: alert.orgId, candidateId: alert.candidateId, category: 'TRANSACTIONAL', topic: 'jobs', idempotencyKey: `job-alert:${alert.id}:confirm:${day}`,
    content: { rendered: { subject: `Confirm your job alert from ${org.name}`, text } },
  }).catch((err) => services.log.warn({ alertId: alert.id, err: (err as Error).message }, 'job alert confirmation email failed'));
}

/** The alert a confirm or stop link names (null when forged or the alert is gone), with its organization. */
export async function alertOfLink(services: Services, purpose: 'job-alert-confirm' | 'job-alert-stop', orgSlug: string, token: string) {
  const id = verifyLink(linkKeyOf(services.config), purpose, token);
  if (!id) return null;
  const { rows: [row] } = await services.pool.query<TJobAlertRow & { orgSlug: string; orgName: string }>(
    `SELECT ${ALERT_COLUMNS}, o.slug AS "orgSlug", o.name AS "orgName" FROM "JobAlert" a JOIN "Organization" o ON o.id = a."orgId" WHERE a.id = $1`, [id],
  );
  return row && row.orgSlug === orgSlug ? row : null;
}

/** Confirm (activate) or stop (deactivate) through a signed link; the same answer when already so. */
export async function setAlertActiveByLink(services: Services, purpose: 'job-alert-confirm' | 'job-alert-stop', orgSlug: string, token: string) {
  const alert = await alertOfLink(services, purpose, orgSlug, token);
  if (!alert) throw new AppError('NOT_FOUND', 'this link is not valid', [{ path: 'token', message: 'invalid link', code: 'invalid_token' }]);
  const isActive = purpose === 'job-alert-confirm';
  if (alert.isActive !== isActive) {
    await withTransaction(services.pool, async (client) => {
      await client.query(`UPDATE "JobAlert" SET "isActive" = $2 WHERE id = $1`, [alert.id, isActive]);
      await recordAudit(client, { orgId: alert.orgId, actorType: 'CANDIDATE', actorId: alert.candidateId, action: isActive ? 'job_alert.confirmed' : 'job_alert.stopped', entityType: 'JobAlert', entityId: alert.id, before: { isActive: alert.isActive }, after: { isActive } });
    });
  }
  return { ...alert, isActive };
}

/** The stop link of a digest: the person's own switch for this one alert. */
export const stopAlertUrl = (services: Services, orgSlug: string, alertId: string) =>
  `${publicBaseUrl(services.config)}/careers/${encodeURIComponent(orgSlug)}/alerts/stop/${signLink(linkKeyOf(services.config), 'job-alert-stop', alertId)}`;

// ---------- Recruiters ----------

const view = (a: TJobAlertRow) => ({ ...a, description: describeCriteria(a.criteria) });

export async function createJobAlert(services: Services, auth: AuthContext, body: z.infer<typeof ZCreateJobAlert>) {
  const { alert, isNew } = await withTransaction(services.pool, async (client) => {
    const { rows: [c] } = await client.query<{ id: string; anonymizedAt: Date | null; mergedIntoId: string | null }>(
      `SELECT id, "anonymizedAt", "mergedIntoId" FROM "Candidate" WHERE id = $1 AND "orgId" = $2`, [body.candidateId, auth.orgId],
    );
    if (!c) throw new AppError('VALIDATION_FAILED', `invalid body: body.candidateId: no candidate ${body.candidateId}`, [{ path: 'body.candidateId', message: 'no such candidate' }]);
    if (c.anonymizedAt || c.mergedIntoId) throw new AppError('CONFLICT', 'this candidate was erased or merged', [{ path: 'body.candidateId', message: c.anonymizedAt ? 'erased' : 'merged' }]);
    const out = await upsertAlert(client, auth.orgId, c.id, body.criteria, body.frequency, !body.sendConfirmation);
    if (out.isNew) await recordAudit(client, { orgId: auth.orgId, actorType: 'USER', actorId: auth.userId, action: 'job_alert.created', entityType: 'JobAlert', entityId: out.alert.id, after: { candidateId: c.id, criteria: body.criteria, frequency: body.frequency, isActive: out.alert.isActive } });
    return out;
  });
  if (!alert.isActive && body.sendConfirmation) {
    const org = (await services.pool.query<{ slug: string; name: string }>(`SELECT slug, name FROM "Organization" WHERE id = $1`, [auth.orgId])).rows[0]!;
    await sendConfirmation(services, org, alert);
  }
  return { isNew, alert: view(alert) };
}

export const ZListJobAlertsQuery = z
  .object({
    candidateId: z.string().min(1).max(100).optional(),
    isActive: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export async function listJobAlerts(services: Services, orgId: string, q: z.infer<typeof ZListJobAlertsQuery>) {
  const { rows } = await services.pool.query<TJobAlertRow>(
    `SELECT ${ALERT_COLUMNS} FROM "JobAlert" a WHERE a."orgId" = $1 AND ($2::text IS NULL OR a."candidateId" = $2) AND ($3::boolean IS NULL OR a."isActive" = $3)
      ORDER BY a."createdAt" DESC, a.id LIMIT $4`,
    [orgId, q.candidateId ?? null, q.isActive ?? null, q.limit],
  );
  return { alerts: rows.map(view) };
}

export async function updateJobAlert(services: Services, auth: AuthContext, id: string, body: z.infer<typeof ZUpdateJobAlert>) {
  const updated = await withTransaction(services.pool, async (client) => {
    const { rows: [before] } = await client.query<TJobAlertRow>(`SELECT ${ALERT_COLUMNS} FROM "JobAlert" a WHERE a.id = $1 AND a."orgId" = $2 FOR UPDATE`, [id, auth.orgId]);
    if (!before) throw notFound('Job alert', id);
    const { rows: [after] } = await client.query<TJobAlertRow>(
      `UPDATE "JobAlert" AS a SET criteria = COALESCE($2::jsonb, criteria), frequency = COALESCE($3, frequency), "isActive" = COALESCE($4, "isActive") WHERE id = $1 RETURNING ${ALERT_COLUMNS}`,
      [id, body.criteria ? JSON.stringify(body.criteria) : null, body.frequency ?? null, body.isActive ?? null],
    );
    await recordAudit(client, {
      orgId: auth.orgId, actorType: 'USER', actorId: auth.userId, action: 'job_alert.updated', entityType: 'JobAlert', entityId: id,
      before: { criteria: before.criteria, frequency: before.frequency, isActive: before.isActive }, after: { criteria: after!.criteria, frequency: after!.frequency, isActive: after!.isActive },
    });
    return after!;
  });
  return view(updated);
}
