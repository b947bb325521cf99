// Job alerts. Recruiters (org-wide roles) list a person's alerts, subscribe a
// prospect and change or stop an alert. The public side, no login: the signup
// form of the careers page (double opt-in, answered with HTML) and its JSON
// twin, rate-limited per IP like public apply, and the pages behind the signed
// confirm and stop links of the emails.
import type { Response } from 'express';
import { z } from 'zod';
import { defineRoute } from '../route';
import { AppError } from '../errors';
import { toAppError } from '../http-errors';
import { formErrorsOf } from '../careers/form-errors';
import { notFoundHtml } from '../careers/careers-html';
import { findPublicOrg } from '../careers/careers-query';
import { careersPath } from '../careers/public-job';
import { enforceApplyRateLimit } from '../apply/apply-rate-limit';
import { readUrlEncodedForm } from '../careers/read-url-encoded-form';
import { describeCriteria } from '../services/job-alerts/job-alert-criteria';
import { alertFormPageHtml, alertLinkHtml, checkYourEmailHtml, jobAlertFormHtml } from '../services/job-alerts/job-alert-pages-html';
import {
  alertOfLink, createJobAlert, listJobAlerts, marketingConsentText, setAlertActiveByLink, subscribePublicly, updateJobAlert,
  ZCreateJobAlert, ZListJobAlertsQuery, ZPublicJobAlertRequest, ZUpdateJobAlert,
} from '../services/job-alerts/subscribe-job-alert';

const ORG_WIDE = ['ADMIN', 'RECRUITER', 'COORDINATOR'] as const;
const EDITORS = ['ADMIN', 'RECRUITER'] as const;
const ZSlug = z.string().min(1).max(120);
const ZOrgParams = z.object({ orgSlug: ZSlug }).strict();
const ZLinkParams = z.object({ orgSlug: ZSlug, token: z.string().min(1).max(200) }).strict();

function sendHtml(res: Response, status: number, html: string) {
  res.status(status).set('Cache-Control', 'no-store').type('html').send(html);
  return { isRaw: true } as const;
}

/** The careers form's fields -> the JSON request (its filters become the criteria). */
function requestFromForm(v: Record<string, string>) {
  const list = (value: string | undefined) => (value?.trim() ? [value.trim()] : []);
  return {
    person: { firstName: v.firstName ?? '', email: v.email ?? '' },
    criteria: {
      keywords: (v.keywords ?? '').split(',').map((k) => k.trim()).filter(Boolean),
      departments: list(v.department), locations: list(v.location), remotePolicies: list(v.remote?.toUpperCase()),
    },
    frequency: v.frequency || 'WEEKLY',
    ...(v.consent ? { consentTextVersion: v.consent } : {}),
  };
}

function fieldOf(path: string): string | null {
  if (path.startsWith('body.person.')) return path.split('.')[2]!;
  if (path.startsWith('body.criteria.keywords')) return 'keywords';
  if (path.startsWith('body.consentTextVersion')) return 'consent';
  return null;
}

/** Confirm and stop links: GET shows the page, POST (its button) acts. */
function linkRoutes(kind: 'confirm' | 'stop') {
  const purpose = kind === 'confirm' ? 'job-alert-confirm' : 'job-alert-stop';
  const path = `/careers/:orgSlug/alerts/${kind}/:token`;
  const selfPath = (p: z.infer<typeof ZLinkParams>) => `${careersPath({ slug: p.orgSlug })}/alerts/${kind}/${p.token}`;
  return [
    defineRoute({
      method: 'get', path, summary: `The page of a job alert's ${kind} link (signed): its state and a button to ${kind} it`, access: 'public', params: ZLinkParams,
      handler: async ({ services, params, res }) => {
        const alert = await alertOfLink(services, purpose, params.orgSlug, params.token);
        if (!alert) return sendHtml(res, 404, notFoundHtml('This job alert'));
        return sendHtml(res, 200, alertLinkHtml({ slug: alert.orgSlug, name: alert.orgName }, kind, { isActive: alert.isActive, description: describeCriteria(alert.criteria) }, selfPath(params)));
      },
    }),
    defineRoute({
      method: 'post', path, summary: `${kind === 'confirm' ? 'Confirm (activate)' : 'Stop'} the job alert the signed link names; answers with the page`, access: 'public', params: ZLinkParams,
      handler: async ({ services, params, res }) => {
        try {
          const alert = await setAlertActiveByLink(services, purpose, params.orgSlug, params.token);
          return sendHtml(res, 200, alertLinkHtml({ slug: alert.orgSlug, name: alert.orgName }, kind, { isActive: alert.isActive, description: describeCriteria(alert.criteria) }, selfPath(params), true));
        } catch (err) {
          if (toAppError(err).code === 'NOT_FOUND') return sendHtml(res, 404, notFoundHtml('This job alert'));
          throw err;
        }
      },
    }),
  ];
}

export const jobAlertRoutes = [
  defineRoute({
    method: 'get', path: '/api/job-alerts', summary: "Job alerts, newest first; ?candidateId= for one person's, ?isActive=", access: ORG_WIDE, query: ZListJobAlertsQuery,
    handler: async ({ services, auth, query }) => ({ body: await listJobAlerts(services, auth.orgId, query) }),
  }),
  defineRoute({
    method: 'post', path: '/api/job-alerts', summary: 'Subscribe a candidate to new jobs matching criteria (keywords, departments, locations, remote policies, employment types), DAILY or WEEKLY; sendConfirmation makes it double opt-in', access: EDITORS,
    body: ZCreateJobAlert,
    handler: async ({ services, auth, body }) => {
      const { isNew, alert } = await createJobAlert(services, auth, body);
      return { status: isNew ? 201 : 200, body: alert };
    },
  }),
  defineRoute({
    method: 'patch', path: '/api/job-alerts/:id', summary: 'Change the criteria or frequency of a job alert, or stop/restart it (isActive)', access: EDITORS,
    params: z.object({ id: z.string().min(1).max(100) }).strict(), body: ZUpdateJobAlert,
    handler: async ({ services, auth, params, body }) => ({ body: await updateJobAlert(services, auth, params.id, body) }),
  }),
  defineRoute({
    method: 'post', path: '/api/public/orgs/:orgSlug/job-alerts', summary: 'Ask for job alerts (no login, rate-limited per IP): the alert starts once the person confirms from the email', access: 'public',
    params: ZOrgParams, body: ZPublicJobAlertRequest, bodyLimit: '16kb',
    handler: async ({ services, params, body, req }) => {
      await enforceApplyRateLimit(services.pool, req.ip);
      await subscribePublicly(services, params.orgSlug, body);
      // The same answer whether or not the address already has this alert: nothing about anyone is revealed.
      return { status: 202, body: { status: 'received' } };
    },
  }),
  defineRoute({
    method: 'post', path: '/careers/:orgSlug/alerts', summary: "The careers page's job-alert form (application/x-www-form-urlencoded); answers with HTML", access: 'public',
    params: ZOrgParams,
    handler: async ({ services, params, req, res }) => {
      const org = await findPublicOrg(services.prisma, params.orgSlug);
      if (!org) return sendHtml(res, 404, notFoundHtml('This careers page'));
      let values: Record<string, string> = {};
      try {
        await enforceApplyRateLimit(services.pool, req.ip);
        values = await readUrlEncodedForm(req);
        const parsed = ZPublicJobAlertRequest.safeParse(requestFromForm(values));
        if (!parsed.success) {
          throw new AppError('VALIDATION_FAILED', 'the form has errors', parsed.error.issues.map((i) => ({ path: ['body', ...i.path].join('.'), message: i.message, code: i.code })));
        }
        await subscribePublicly(services, params.orgSlug, parsed.data);
        return sendHtml(res, 202, checkYourEmailHtml(org, parsed.data.person.email));
      } catch (err) {
        const { status, errors } = formErrorsOf(err, fieldOf);
        const form = jobAlertFormHtml(org, {}, await marketingConsentText(services, org.id), { values, errors });
        return sendHtml(res, status, alertFormPageHtml(org, form));
      }
    },
  }),
  ...linkRoutes('confirm'),
  ...linkRoutes('stop'),
];

