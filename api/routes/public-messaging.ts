// The public side of candidate email: the open pixel and click redirect
// (/t/o, /t/c), RFC 8058 one-click unsubscribe (/u: GET asks, POST unsubscribes,
// no cookie needed), the preference center (/preferences, and its JSON for the
// UI), and the inbound webhooks providers call with replies and bounces
// (authenticated by INBOUND_WEBHOOK_SECRET, not a session). Signed tokens are
// the only authority; a forged one gets 404 and reveals nothing.
import crypto from 'node:crypto';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { defineRoute } from '../route';
import { AppError } from '../errors';
import type { Services } from '../services/services';
import { hitRateLimit, type TRateLimit } from '../sessions/rate-limit';
import { readUrlEncodedForm } from '../careers/read-url-encoded-form';
import { verifyLinkToken } from '../services/messaging/message-tokens';
import { recordClick, recordOpen } from '../services/engagement/track-message';
import { choicesOf, ZPreferenceChoices } from '../services/messaging/contact-preferences';
import { linkUrl } from '../services/messaging/send-candidate-email';
import {
  choicesFromForm, readLinkPreferences, readPreferenceLink, readUnsubscribeLink, savePreferences, unsubscribeFromAll, type TCandidateLink,
} from '../services/messaging/unsubscribe';
import { renderLinkRefusedPage, renderPreferencePage, renderUnsubscribePage, renderUnsubscribedPage, maskEmail } from '../services/messaging/preference-pages-html';
import { ingestInboundEmail } from '../services/messaging/inbound-email';
import { recordBounce } from '../services/messaging/record-bounce';

const ZToken = z.object({ token: z.string().min(1).max(200) }).strict();
/** Mail clients, image proxies and link scanners behind one address: generous. Past it, links still work but are not recorded. */
export const TRACKING_PER_IP: TRateLimit = { name: 'tracking:ip', max: 1000, windowSeconds: 600 };
/** A person opening their own preference page: a few times. */
export const PREFERENCES_PER_IP: TRateLimit = { name: 'preferences:ip', max: 60, windowSeconds: 600 };

// 1x1 transparent GIF (42 bytes).
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

const hashedIp = (ip: string | undefined) => crypto.createHash('sha256').update(`trellis-messaging:${ip ?? 'unknown'}`).digest('base64url').slice(0, 32);
async function isWithinLimit(services: Services, limit: TRateLimit, req: Request): Promise<boolean> {
  return (await hitRateLimit(services.pool, limit, hashedIp(req.ip))) <= limit.max;
}

function sendHtml(res: Response, status: number, html: string) {
  res.status(status).type('html').set({
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  }).send(html);
  return { isRaw: true };
}

async function pageLimit(services: Services, req: Request) {
  if (!(await isWithinLimit(services, PREFERENCES_PER_IP, req))) throw new AppError('RATE_LIMITED', 'too many requests; try again later', [{ path: PREFERENCES_PER_IP.name, message: `at most ${PREFERENCES_PER_IP.max} per ${PREFERENCES_PER_IP.windowSeconds} s` }]);
}

const preferencesUrlOf = (services: Services, link: TCandidateLink) => linkUrl({ publicUrl: '', linkSigningKey: services.config.LINK_SIGNING_KEY }, 'preferences', link.candidateId);

type TLinkKind = 'unsubscribe' | 'preferences';
const readLink = (services: Services, kind: TLinkKind, token: string) =>
  (kind === 'unsubscribe' ? readUnsubscribeLink : readPreferenceLink)(services.pool, services.config.LINK_SIGNING_KEY, token);

/** A page behind a signed link: rate-limited, the refusal page for a link that is not valid, else `render`. */
async function linkPage(ctx: { services: Services; req: Request; res: Response; params: { token: string } }, kind: TLinkKind, render: (link: TCandidateLink) => Promise<string>) {
  await pageLimit(ctx.services, ctx.req);
  const link = await readLink(ctx.services, kind, ctx.params.token);
  return sendHtml(ctx.res, link ? 200 : 404, link ? await render(link) : renderLinkRefusedPage());
}

/** The preference center's JSON: rate-limited, 404 for a link that is not valid, then `work` and the state after it. */
async function preferencesJson(ctx: { services: Services; req: Request; params: { token: string } }, work: (link: TCandidateLink) => Promise<unknown> = async () => undefined) {
  await pageLimit(ctx.services, ctx.req);
  const link = await readLink(ctx.services, 'preferences', ctx.params.token);
  if (!link) throw new AppError('NOT_FOUND', 'this preference link is not valid', [{ path: 'params.token', message: 'not valid' }]);
  await work(link);
  return { body: { organization: link.organization, email: maskEmail(link.email), ...(await readLinkPreferences(ctx.services, link)) } };
}

function checkInboundSecret(services: Services, req: Request) {
  const expected = services.config.INBOUND_WEBHOOK_SECRET;
  const given = req.headers['x-trellis-inbound-secret'];
  const digest = (s: string) => crypto.createHash('sha256').update(s).digest();
  if (!expected || typeof given !== 'string' || !crypto.timingSafeEqual(digest(given), digest(expected))) {
    throw new AppError('FORBIDDEN', expected ? 'wrong or missing X-Trellis-Inbound-Secret' : 'the inbound webhook is not configured (INBOUND_WEBHOOK_SECRET)', [{ path: 'headers.x-trellis-inbound-secret', message: 'refused' }]);
  }
}

const addressesIn = (value: string | string[]) =>
  (Array.isArray(value) ? value : value.split(',')).map((a) => (/<([^<>\s]+@[^<>\s]+)>/.exec(a)?.[1] ?? a).trim().toLowerCase()).filter((a) => a.includes('@'));

export const ZInboundEmailRequest = z
  .object({
    from: z.string().email().max(320),
    fromName: z.string().max(200).optional(),
    /** Recipients (the reply address among them): a list, or one header value ("a@x, B <b@y>"). */
    to: z.union([z.string().min(3).max(5000), z.array(z.string().min(3).max(320)).min(1).max(50)]),
    subject: z.string().max(2000).default(''),
    text: z.string().max(1_000_000).default(''),
    messageId: z.string().max(1000).optional(),
    inReplyTo: z.string().max(1000).optional(),
    references: z.union([z.string().max(10_000), z.array(z.string().max(1000)).max(100)]).optional(),
    headers: z.record(z.string().max(200), z.string().max(10_000)).default({}),
  })
  .strict();

export const ZInboundBounceRequest = z
  .object({
    /** Our Message-ID (<id@trellis>), the bare message id, or the id the provider returned when it accepted the email. */
    messageId: z.string().min(1).max(1000),
    kind: z.enum(['hard', 'soft', 'complaint']),
    reason: z.string().max(500).optional(),
  })
  .strict();

export const publicMessagingRoutes = [
  defineRoute({
    method: 'get', path: '/t/o/:file', summary: 'Open pixel of a marketing email (1x1 GIF). Opens are unreliable: privacy proxies fetch images unread', access: 'public',
    params: z.object({ file: z.string().min(1).max(210) }).strict(),
    handler: async ({ services, params, req, res }) => {
      const claims = params.file.endsWith('.gif') ? verifyLinkToken(services.config.LINK_SIGNING_KEY, 'open', params.file.slice(0, -4)) : null;
      const isKnown = !!claims && (await recordOpen(services.pool, claims.id, { isRecorded: req.method === 'GET' && (await isWithinLimit(services, TRACKING_PER_IP, req)) }));
      if (!isKnown) throw new AppError('NOT_FOUND', 'no such image');
      res.status(200).type('gif').set({ 'Cache-Control': 'no-store, private', 'Content-Length': String(PIXEL.length) }).end(PIXEL);
      return { isRaw: true };
    },
  }),
  defineRoute({
    method: 'get', path: '/t/c/:token', summary: 'Tracked link of a marketing email: records the click and redirects (302) to that email\'s link, never elsewhere', access: 'public',
    params: ZToken,
    handler: async ({ services, params, req, res }) => {
      const claims = verifyLinkToken(services.config.LINK_SIGNING_KEY, 'click', params.token);
      const url = claims && (await recordClick(services.pool, claims.id, claims.linkIndex!, { isRecorded: req.method === 'GET' && (await isWithinLimit(services, TRACKING_PER_IP, req)) }));
      if (!url) return sendHtml(res, 404, renderLinkRefusedPage());
      res.set('Cache-Control', 'no-store, private').redirect(302, url);
      return { isRaw: true };
    },
  }),
  defineRoute({
    method: 'get', path: '/u/:token', summary: 'Unsubscribe page: asks to confirm (changes nothing); its button POSTs', access: 'public',
    params: ZToken,
    handler: async (ctx) => linkPage(ctx, 'unsubscribe', async (link) =>
      renderUnsubscribePage({ ...link, action: `/u/${encodeURIComponent(ctx.params.token)}`, preferencesUrl: preferencesUrlOf(ctx.services, link) })),
  }),
  defineRoute({
    method: 'post', path: '/u/:token', summary: 'RFC 8058 one-click unsubscribe from all marketing email (List-Unsubscribe-Post; no cookie or session needed)', access: 'public',
    params: ZToken,
    handler: async (ctx) => linkPage(ctx, 'unsubscribe', async (link) => {
      await unsubscribeFromAll(ctx.services, link);
      return renderUnsubscribedPage({ ...link, preferencesUrl: preferencesUrlOf(ctx.services, link) });
    }),
  }),
  defineRoute({
    method: 'get', path: '/preferences/:token', summary: 'Preference center: which marketing emails the candidate gets, by topic, or none', access: 'public',
    params: ZToken,
    handler: async (ctx) => linkPage(ctx, 'preferences', async (link) =>
      renderPreferencePage({ ...link, action: `/preferences/${encodeURIComponent(ctx.params.token)}`, state: await readLinkPreferences(ctx.services, link) })),
  }),
  defineRoute({
    method: 'post', path: '/preferences/:token', summary: 'Save the preference center form (application/x-www-form-urlencoded: topic:<name>=on, action=save|unsubscribe_all)', access: 'public',
    params: ZToken,
    handler: async (ctx) => linkPage(ctx, 'preferences', async (link) => {
      const fields = await readUrlEncodedForm(ctx.req);
      await savePreferences(ctx.services, link, choicesFromForm(await readLinkPreferences(ctx.services, link), fields));
      const state = await readLinkPreferences(ctx.services, link);
      const notice = state.isSubscribedToAll ? 'Your choices are saved.' : 'You are unsubscribed from all marketing emails.';
      return renderPreferencePage({ ...link, action: `/preferences/${encodeURIComponent(ctx.params.token)}`, state, notice });
    }),
  }),
  defineRoute({
    method: 'get', path: '/api/public/preferences/:token', summary: 'The preference center as JSON: organization, masked address, all-marketing switch and topics', access: 'public',
    params: ZToken,
    handler: async (ctx) => preferencesJson(ctx),
  }),
  defineRoute({
    method: 'put', path: '/api/public/preferences/:token', summary: 'Change the preferences: isSubscribedToAll and/or topics { <topic>: boolean } (offered topics only)', access: 'public',
    params: ZToken, body: ZPreferenceChoices, bodyLimit: '8kb',
    handler: async (ctx) => preferencesJson(ctx, async (link) => {
      const { body, services } = ctx;
      const offered = new Set((await readLinkPreferences(services, link)).topics.map((t) => t.topic));
      const unknown = Object.keys(body.topics ?? {}).filter((t) => !offered.has(t));
      if (unknown.length) throw new AppError('VALIDATION_FAILED', `unknown topics: ${unknown.join(', ')}`, unknown.map((t) => ({ path: `body.topics.${t}`, message: `not one of ${[...offered].join(', ')}` })));
      await savePreferences(services, link, choicesOf(body));
    }),
  }),
  defineRoute({
    method: 'post', path: '/api/inbound/email', summary: 'Inbound email webhook for mail providers (header X-Trellis-Inbound-Secret): a reply to a reply address is threaded to the candidate', access: 'public',
    body: ZInboundEmailRequest, bodyLimit: '2mb',
    handler: async ({ services, body, req }) => {
      checkInboundSecret(services, req);
      const outcome = await ingestInboundEmail(services, {
        from: body.from.toLowerCase(), fromName: body.fromName ?? null, to: addressesIn(body.to), subject: body.subject, text: body.text,
        messageId: body.messageId ?? null, inReplyTo: body.inReplyTo ?? null,
        references: body.references === undefined ? [] : Array.isArray(body.references) ? body.references : body.references.split(/\s+/).filter(Boolean),
        headers: Object.fromEntries(Object.entries(body.headers).map(([k, v]) => [k.toLowerCase(), v])),
      });
      return { body: { outcome } };
    },
  }),
  defineRoute({
    method: 'post', path: '/api/inbound/bounce', summary: 'Bounce and complaint webhook for mail providers (header X-Trellis-Inbound-Secret): a hard bounce or complaint suppresses the address', access: 'public',
    body: ZInboundBounceRequest, bodyLimit: '16kb',
    handler: async ({ services, body, req }) => {
      checkInboundSecret(services, req);
      const bare = /^<?([a-z0-9]{8,40})@trellis>?$/.exec(body.messageId)?.[1] ?? body.messageId;
      const { rows } = await services.pool.query<{ id: string; orgId: string; candidateId: string | null; campaignId: string | null; toAddress: string }>(
        `SELECT id, "orgId", "candidateId", "campaignId", "toAddress" FROM "Message" WHERE (id = $1 OR "providerMessageId" = $2) AND direction = 'OUTBOUND' LIMIT 1`,
        [bare, body.messageId],
      );
      if (!rows[0]) throw new AppError('NOT_FOUND', 'no message with this id', [{ path: 'body.messageId', message: 'unknown message' }]);
      await recordBounce(services, { original: rows[0], kind: body.kind, detail: body.reason ?? null });
      return { body: { recorded: body.kind } };
    },
  }),
];
