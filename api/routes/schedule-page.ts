// The candidate's self-scheduling link: a server-rendered page (/schedule/:token)
// and the same as JSON (/api/schedule/:token). Public: the signed token is the
// only authority; refused links answer 403 (forged, expired) or 410 (used,
// withdrawn) with the reason, as HTML on the page and JSON on the API; more
// than 60 requests in 10 minutes from one address, 429.
import { z } from 'zod';
import { defineRoute } from '../route';
import { AppError, HTTP_STATUS } from '../errors';
import { ZTimeZone } from '../scheduling/working-hours';
import { bookSchedulingLink, readSchedulingLink } from '../services/interviews/self-scheduling';
import { renderBookedPage, renderRefusedPage, renderSchedulePage } from '../services/interviews/schedule-page-html';
import type { Request, Response } from 'express';
import { enforceScheduleRateLimit } from '../services/interviews/schedule-rate-limit';

const ZToken = z.object({ token: z.string().min(1).max(1024) }).strict();
const ZStart = z.number().int().min(0).max(8.64e15);

function sendHtml(res: Response, status: number, html: string) {
  res.status(status).type('html').set({
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  }).send(html);
}

/** Refusals become a page saying why; anything else goes to the error handler. */
async function asPage(req: Request, res: Response, pool: Parameters<typeof enforceScheduleRateLimit>[0], work: () => Promise<{ status: number; html: string }>) {
  try {
    await enforceScheduleRateLimit(pool, req.ip);
    const { status, html } = await work();
    sendHtml(res, status, html);
  } catch (err) {
    if (!(err instanceof AppError) || !['FORBIDDEN', 'GONE', 'CONFLICT', 'VALIDATION_FAILED', 'RATE_LIMITED'].includes(err.code)) throw err;
    sendHtml(res, HTTP_STATUS[err.code], renderRefusedPage(err.message));
  }
  return { isRaw: true };
}

export const schedulePageRoutes = [
  defineRoute({
    method: 'get', path: '/schedule/:token', summary: 'Self-scheduling page: offered slots in the candidate\'s time zone', access: 'public',
    params: ZToken, query: z.object({ tz: ZTimeZone.optional() }).strict(),
    handler: async ({ services, params, query, req, res }) => asPage(req, res, services.pool, async () => {
      const link = await readSchedulingLink(services, params.token);
      return { status: 200, html: renderSchedulePage({ ...link, token: params.token, timeZone: query.tz ?? link.timeZone }) };
    }),
  }),
  defineRoute({
    method: 'post', path: '/schedule/:token', summary: 'Book the chosen slot from the page (form post; the slot start in the query)', access: 'public',
    params: ZToken, query: z.object({ start: z.coerce.number().pipe(ZStart) }).strict(),
    handler: async ({ services, params, query, req, res }) => asPage(req, res, services.pool, async () => {
      try {
        const booked = await bookSchedulingLink(services, params.token, query.start);
        const link = await services.prisma.interview.findUniqueOrThrow({ where: { id: booked.interviewId }, select: { title: true } });
        return { status: 200, html: renderBookedPage({ ...booked, title: link.title }) };
      } catch (err) {
        // A slot taken meanwhile: show the page again with what is left.
        if (!(err instanceof AppError) || err.code !== 'CONFLICT') throw err;
        const link = await readSchedulingLink(services, params.token);
        return { status: 409, html: renderSchedulePage({ ...link, token: params.token, notice: err.message }) };
      }
    }),
  }),
  defineRoute({
    method: 'get', path: '/api/schedule/:token', summary: 'The offered slots of a self-scheduling link', access: 'public',
    params: ZToken,
    handler: async ({ services, params, req }) => {
      await enforceScheduleRateLimit(services.pool, req.ip);
      return { body: await readSchedulingLink(services, params.token) };
    },
  }),
  defineRoute({
    method: 'post', path: '/api/schedule/:token/booking', summary: 'Book one of the offered slots; the link then ends', access: 'public',
    params: ZToken, body: z.object({ start: ZStart }).strict(), bodyLimit: '2kb',
    handler: async ({ services, params, body, req }) => {
      await enforceScheduleRateLimit(services.pool, req.ip);
      return { status: 201, body: await bookSchedulingLink(services, params.token, body.start) };
    },
  }),
];
