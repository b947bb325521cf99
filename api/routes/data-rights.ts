// Data rights (docs/crm.md, Data rights): a person's data exported as one JSON document, erased
// (anonymized everywhere, admins only, with an explicit confirmation), and the organization's
// retention policy with its public consent-renewal page.
import type { Request, Response } from 'express';
import { z } from 'zod';
import { defineRoute } from '../route';
import { AppError, HTTP_STATUS } from '../errors';
import type { Services } from '../services/services';
import { ORG_WIDE_ROLES } from '../sessions/access-scope';
import { enforceRateLimit, type TRateLimit } from '../sessions/rate-limit';
import { keyedHash } from '../sessions/session-token';
import { exportCandidate } from '../services/data-rights/export-candidate';
import { erasePerson } from '../services/data-rights/erase-candidates';
import { readRetentionPolicy, updateRetentionPolicy, ZRetentionPolicy } from '../services/data-rights/retention-policy';
import { previewRetention } from '../services/data-rights/sweep-retention';
import { renewConsent, showConsentRenewal } from '../services/data-rights/consent-renewal';
import { renderRenewalPage, renderRenewalRefusedPage, renderRenewedPage } from '../services/data-rights/consent-renewal-page';

const ZCandidateParams = z.object({ id: z.string().min(1).max(64) }).strict();
const SCOPE = { kind: 'candidate' } as const;

/** The erasure cannot be undone: the caller types the word, so a stray request erases nothing. */
export const ZEraseRequest = z.object({ confirmation: z.literal('ERASE', { message: 'type ERASE to confirm: the erasure cannot be undone' }) }).strict();

const ZToken = z.object({ token: z.string().min(1).max(200) }).strict();

/** A person opens the page and clicks once: a handful of requests. Tokens are HMACs, so this bounds load, not guessing. */
export const CONSENT_RENEWAL_PER_IP: TRateLimit = { name: 'consent-renewal:ip', max: 30, windowSeconds: 600 };

/** The page's answer: its HTML, or a page saying why the link cannot be used (403 forged, 410 expired or erased, 429). */
async function renewalPage(services: Services, req: Request, res: Response, work: () => Promise<string>) {
  let status = 200;
  let html: string;
  try {
    await enforceRateLimit(services.pool, CONSENT_RENEWAL_PER_IP, keyedHash(services.config.AUTH_HMAC_KEY, `consent-renewal:${req.ip ?? 'unknown'}`));
    html = await work();
  } catch (err) {
    if (!(err instanceof AppError) || !['FORBIDDEN', 'GONE', 'RATE_LIMITED'].includes(err.code)) throw err;
    status = HTTP_STATUS[err.code];
    html = renderRenewalRefusedPage(err.message);
  }
  res.status(status).type('html').set({
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  }).send(html);
  return { isRaw: true };
}

export const dataRightsRoutes = [
  defineRoute({
    method: 'get', path: '/api/candidates/:id/export', scope: SCOPE, access: ORG_WIDE_ROLES, params: ZCandidateParams,
    summary: 'Everything held about the person (all merged records) as one JSON document: profile, applications with stages, interviews, scorecards, offers, messages both ways, engagement, consents with the text shown, notes, events, pools, job alerts, preferences, campaigns, resume files (base64); EEO answers for admins. Audited',
    handler: async ({ services, auth, params, res }) => {
      const document = await exportCandidate(services, auth, params.id);
      res.status(200).set({ 'Content-Type': 'application/json; charset=utf-8', 'Content-Disposition': `attachment; filename="candidate-${document.candidateId}.json"`, 'Cache-Control': 'private, no-store' });
      res.send(JSON.stringify(document, null, 2));
      return { isRaw: true };
    },
  }),
  defineRoute({
    method: 'post', path: '/api/candidates/:id/erase', scope: SCOPE, access: ['ADMIN'], params: ZCandidateParams, body: ZEraseRequest, bodyLimit: '1kb',
    summary: 'Erase the person (all merged records): anonymize the profile, delete resume files, scrub messages, notes, answers, audit diffs, reports and outbox payloads, stop and delete their runs, block their addresses. Body {"confirmation":"ERASE"}. Cannot be undone; erasing again is harmless',
    handler: async ({ services, auth, params }) => ({ body: await erasePerson(services, auth.orgId, params.id, { type: 'USER', id: auth.userId }) }),
  }),
  defineRoute({
    method: 'get', path: '/api/org/retention', access: ['ADMIN'],
    summary: 'The retention policy: months without activity or renewed consent before candidates are anonymized, the renewal notice, its email (null when none is set)',
    handler: async ({ services, auth }) => ({ body: await readRetentionPolicy(services.pool, auth.orgId) }),
  }),
  defineRoute({
    method: 'put', path: '/api/org/retention', access: ['ADMIN'], body: ZRetentionPolicy, bodyLimit: '32kb',
    summary: 'Set the retention policy (the daily retention sweep applies it; audited)',
    handler: async ({ services, auth, body }) => ({ body: await updateRetentionPolicy(services.pool, auth, body) }),
  }),
  defineRoute({
    method: 'post', path: '/api/org/retention/preview', access: ['ADMIN'], body: ZRetentionPolicy, bodyLimit: '32kb',
    summary: 'What a policy would do today, without doing it: candidates to notify, to anonymize, and waiting out their notice',
    handler: async ({ services, auth, body }) => ({ body: await previewRetention(services, auth.orgId, body) }),
  }),
  defineRoute({
    method: 'get', path: '/consent/renew/:token', access: 'public', params: ZToken,
    summary: 'Consent-renewal page of the renewal email: the consent text and one button (opening it changes nothing)',
    handler: async ({ services, params, req, res }) => renewalPage(services, req, res, async () =>
      renderRenewalPage(await showConsentRenewal(services, params.token), `/consent/renew/${encodeURIComponent(params.token)}`)),
  }),
  defineRoute({
    method: 'post', path: '/consent/renew/:token', access: 'public', params: ZToken,
    summary: 'Renew consent with one click (the signed link is the credential; no cookies): a GRANTED consent record, which restarts the retention period',
    handler: async ({ services, params, req, res }) => renewalPage(services, req, res, async () => renderRenewedPage(await renewConsent(services, params.token))),
  }),
];
