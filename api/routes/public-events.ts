// Public event pages, no login: the registration page (HTML form that works
// without script, answered with HTML), the JSON registration API, the event's
// .ics, and the registrant's own page from their confirmation email (signed
// link: view, add to calendar, cancel by POST). Registrations are rate-limited
// per client IP on the public apply budget.
import type { Response } from 'express';
import { z } from 'zod';
import { defineRoute } from '../route';
import { AppError } from '../errors';
import { toAppError } from '../http-errors';
import { formErrorsOf } from '../careers/form-errors';
import { notFoundHtml } from '../careers/careers-html';
import { baseUrl } from './careers';
import { enforceApplyRateLimit } from '../apply/apply-rate-limit';
import { readUrlEncodedForm } from '../careers/read-url-encoded-form';
import { eventIcs } from '../services/events/event-ics';
import { eventPath, publicBaseUrl } from '../services/events/event-record';
import { eventPageHtml, ownRegistrationHtml, registeredHtml } from '../services/events/event-page-html';
import { cancelOwnRegistration, findOwnRegistration, findPublicEvent, registerPublicly } from '../services/events/public-registration';
import { registrationPath } from '../services/events/registration-emails';
import { ZPublicRegistration, EVENT_CONSENT_PURPOSES } from '../services/events/registration-input';

const ZSlug = z.string().min(1).max(120);
const ZEventParams = z.object({ orgSlug: ZSlug, eventSlug: ZSlug }).strict();
const ZTokenParams = z.object({ token: z.string().min(1).max(200) }).strict();

function sendHtml(res: Response, status: number, html: string, cache = 'no-store') {
  res.status(status).set('Cache-Control', cache).type('html').send(html);
  return { isRaw: true } as const;
}

/** Form fields -> the JSON request; the same validation as the API follows. */
function requestFromForm(values: Record<string, string>) {
  const person: Record<string, string> = {};
  for (const f of ['firstName', 'lastName', 'email', 'phone']) if (values[f]?.trim()) person[f] = values[f]!;
  const consents = EVENT_CONSENT_PURPOSES.filter((p) => values[`consent.${p}`]).map((purpose) => ({ purpose, textVersion: values[`consent.${purpose}`]! }));
  return { person, consents };
}

/** An API error detail's path -> the form field it is about. */
function fieldOf(path: string): string | null {
  const person = /^body\.person\.(\w+)/.exec(path);
  if (person) return person[1]!;
  if (path === 'body.consents' || path.startsWith('body.consents.')) return 'consent.talent_pool';
  return null;
}

export const publicEventRoutes = [
  defineRoute({
    method: 'get', path: '/events/:orgSlug/:eventSlug', summary: 'Public page of a published event (HTML) with its registration form', access: 'public',
    params: ZEventParams,
    handler: async ({ services, params, req, res }) => {
      const found = await findPublicEvent(services, params.orgSlug, params.eventSlug);
      if (!found) return sendHtml(res, 404, notFoundHtml('This event'));
      return sendHtml(res, 200, eventPageHtml(found, { baseUrl: baseUrl(services, req), now: new Date() }), 'public, max-age=30');
    },
  }),
  defineRoute({
    method: 'post', path: '/events/:orgSlug/:eventSlug', summary: 'Register through the page form (application/x-www-form-urlencoded); answers with a "check your email" page (202), or the form again with errors and the API status on bad input', access: 'public',
    params: ZEventParams,
    handler: async ({ services, params, req, res }) => {
      const found = await findPublicEvent(services, params.orgSlug, params.eventSlug);
      if (!found) return sendHtml(res, 404, notFoundHtml('This event'));
      let values: Record<string, string> = {};
      try {
        await enforceApplyRateLimit(services.pool, req.ip);
        values = await readUrlEncodedForm(req);
        const parsed = ZPublicRegistration.safeParse(requestFromForm(values));
        if (!parsed.success) {
          const details = parsed.error.issues.map((i) => ({ path: ['body', ...i.path].join('.'), message: i.message, code: i.code }));
          throw new AppError('VALIDATION_FAILED', 'the form has errors', details);
        }
        await registerPublicly(services, params.orgSlug, params.eventSlug, parsed.data);
        return sendHtml(res, 202, registeredHtml(found.org, found.event, parsed.data.person.email));
      } catch (err) {
        const { status, errors } = formErrorsOf(err, fieldOf);
        const fresh = (await findPublicEvent(services, params.orgSlug, params.eventSlug)) ?? found;
        return sendHtml(res, status, eventPageHtml(fresh, { baseUrl: baseUrl(services, req), now: new Date(), values, errors }));
      }
    },
  }),
  defineRoute({
    method: 'get', path: '/events/:orgSlug/:eventSlug/event.ics', summary: 'The event as an iCalendar file for "add to calendar" (no online link: that comes with the confirmation)', access: 'public',
    params: ZEventParams,
    handler: async ({ services, params, req, res }) => {
      const found = await findPublicEvent(services, params.orgSlug, params.eventSlug);
      if (!found) return sendHtml(res, 404, notFoundHtml('This event'));
      const base = baseUrl(services, req);
      const ics = eventIcs({ method: 'PUBLISH', event: found.event, pageUrl: base + eventPath(found.org.slug, found.event.slug), host: new URL(publicBaseUrl(services.config)).hostname, isForRegistrant: false, now: new Date() });
      res.status(200).set('Cache-Control', 'public, max-age=60').set('Content-Disposition', `attachment; filename="${found.event.slug}.ics"`).type('text/calendar; charset=utf-8').send(ics);
      return { isRaw: true };
    },
  }),
  defineRoute({
    method: 'post', path: '/api/public/orgs/:orgSlug/events/:eventSlug/registrations', summary: 'Register for a published event (no login, rate-limited per IP): the person and the consent texts agreed to. Always 202 { status: received }: the confirmation email says whether they are registered or on the waitlist (an existing registrant gets it again), so the answer reveals nothing about who is registered', access: 'public',
    params: ZEventParams, body: ZPublicRegistration, bodyLimit: '16kb',
    handler: async ({ services, params, body, req }) => {
      await enforceApplyRateLimit(services.pool, req.ip);
      await registerPublicly(services, params.orgSlug, params.eventSlug, body, 'public_api');
      // The same answer for a new and an existing registration: the email tells the person where they stand.
      return { status: 202, body: { status: 'received' } };
    },
  }),
  defineRoute({
    method: 'get', path: '/event-registrations/:token', summary: "A registrant's own page from their confirmation email (signed link): status, add to calendar, cancel", access: 'public',
    params: ZTokenParams,
    handler: async ({ services, params, res }) => {
      const own = await findOwnRegistration(services, params.token);
      if (!own) return sendHtml(res, 404, notFoundHtml('This registration'));
      return sendHtml(res, 200, ownRegistrationHtml({ slug: own.orgSlug, name: own.orgName }, own, registrationPath(params.token), new Date()));
    },
  }),
  defineRoute({
    method: 'post', path: '/event-registrations/:token/cancel', summary: 'Cancel the registration the signed link names (the form button of its page); answers with the page', access: 'public',
    params: ZTokenParams,
    handler: async ({ services, params, res }) => {
      try {
        const own = await cancelOwnRegistration(services, params.token);
        const after = (await findOwnRegistration(services, params.token)) ?? own;
        return sendHtml(res, 200, ownRegistrationHtml({ slug: own.orgSlug, name: own.orgName }, after, registrationPath(params.token), new Date()));
      } catch (err) {
        const appError = toAppError(err);
        if (appError.code === 'NOT_FOUND') return sendHtml(res, 404, notFoundHtml('This registration'));
        throw err;
      }
    },
  }),
  defineRoute({
    method: 'get', path: '/event-registrations/:token/event.ics', summary: "The registrant's calendar entry (with the online link)", access: 'public',
    params: ZTokenParams,
    handler: async ({ services, params, req, res }) => {
      const own = await findOwnRegistration(services, params.token);
      if (!own) return sendHtml(res, 404, notFoundHtml('This registration'));
      const base = baseUrl(services, req);
      const ics = eventIcs({ method: 'PUBLISH', event: own.event, pageUrl: base + eventPath(own.orgSlug, own.event.slug), host: new URL(publicBaseUrl(services.config)).hostname, isForRegistrant: true, now: new Date() });
      res.status(200).set('Cache-Control', 'no-store').set('Content-Disposition', `attachment; filename="${own.event.slug}.ics"`).type('text/calendar; charset=utf-8').send(ics);
      return { isRaw: true };
    },
  }),
];
