// The public careers site of each organization: the job list with filters, a
// page per open job with JSON-LD, and XML/JSON feeds for job boards. No login,
// no client script; short public caching with ETags (Express answers 304).
import type { Request, Response } from 'express';
import { z } from 'zod';
import { defineRoute } from '../route';
import type { Services } from '../services/services';
import { careersIndexHtml, jobPageHtml, notFoundHtml } from '../careers/careers-html';
import { applyFilters, filterOptions, findOpenJob, findPublicOrg, listOpenJobs } from '../careers/careers-query';
import { jobPostingLd } from '../careers/job-posting-ld';
import { jsonJobFeed, xmlJobFeed } from '../careers/job-feeds';
import { pickTracking } from '../careers/public-job';
import { jobAlertFormHtml } from '../services/job-alerts/job-alert-pages-html';
import { marketingConsentText } from '../services/job-alerts/subscribe-job-alert';

const ZSlug = z.string().min(1).max(120);
const ZOrgParams = z.object({ orgSlug: ZSlug }).strict();
const ZJobParams = z.object({ orgSlug: ZSlug, jobSlug: ZSlug }).strict();
// Loose: public links arrive with utm_*, gclid, fbclid and the like, which must not break the page.
const ZCareersQuery = z.looseObject({
  department: z.string().max(200).optional(),
  location: z.string().regex(/^[A-Z]{2}(:[^:]{1,100})?$/, 'a country code, or country:city').optional(),
  remote: z.enum(['onsite', 'hybrid', 'remote']).optional(),
});
const ZFeedQuery = z.looseObject({ feed: z.string().regex(/^[a-z0-9_-]{1,40}$/, 'lower-case feed name').optional() });

const PAGE_CACHE = 'public, max-age=60';
const FEED_CACHE = 'public, max-age=300, stale-while-revalidate=600';

/** The site's address for canonical links: PUBLIC_URL, else the request's own host (the event pages use it too). */
export function baseUrl(services: Services, req: Request): string {
  return (services.config.PUBLIC_URL ?? `${req.protocol}://${req.get('host')}`).replace(/\/+$/, '');
}

/** Every careers route writes its own response (HTML, XML, JSON Feed), with its own caching. */
function sendRaw(res: Response, type: string, body: string, opts: { status?: number; cache?: string } = {}) {
  if (opts.cache) res.set('Cache-Control', opts.cache);
  res.status(opts.status ?? 200).type(type).send(body);
  return { isRaw: true } as const;
}

const sendNotFound = (res: Response, what: string, cache?: string) => sendRaw(res, 'html', notFoundHtml(what), { status: 404, cache });

export const careersRoutes = [
  defineRoute({
    method: 'get', path: '/careers/:orgSlug', summary: "An organization's open jobs (HTML), filtered by department, location, remote", access: 'public',
    params: ZOrgParams, query: ZCareersQuery,
    handler: async ({ services, params, query, req, res }) => {
      const org = await findPublicOrg(services.prisma, params.orgSlug);
      if (!org) return sendNotFound(res, 'This careers page');
      const jobs = await listOpenJobs(services.prisma, org.id);
      const filters = { department: query.department || undefined, location: query.location || undefined, remote: query.remote };
      const alertForm = jobAlertFormHtml(org, filters, await marketingConsentText(services, org.id));
      const html = careersIndexHtml(org, applyFilters(jobs, filters), filters, filterOptions(jobs), pickTracking(req.query as Record<string, unknown>), baseUrl(services, req), alertForm);
      return sendRaw(res, 'html', html, { cache: PAGE_CACHE });
    },
  }),
  defineRoute({
    method: 'get', path: '/careers/:orgSlug/jobs/:jobSlug', summary: 'One open job (HTML with schema.org JobPosting JSON-LD); links to apply carry source and utm_*', access: 'public',
    params: ZJobParams,
    handler: async ({ services, params, req, res }) => {
      const org = await findPublicOrg(services.prisma, params.orgSlug);
      const job = org ? await findOpenJob(services.prisma, org.id, params.jobSlug) : null;
      if (!org || !job) return sendNotFound(res, 'This job', 'no-store');
      const base = baseUrl(services, req);
      const html = jobPageHtml(org, job, jobPostingLd(job, org, base), pickTracking(req.query as Record<string, unknown>), base);
      return sendRaw(res, 'html', html, { cache: PAGE_CACHE });
    },
  }),
  defineRoute({
    method: 'get', path: '/careers/:orgSlug/feed.xml', summary: 'Open jobs as an XML feed for job boards (Indeed format); ?feed= names the board for utm_source', access: 'public',
    params: ZOrgParams, query: ZFeedQuery,
    handler: async ({ services, params, query, req, res }) => {
      const org = await findPublicOrg(services.prisma, params.orgSlug);
      if (!org) return sendNotFound(res, 'This feed');
      const jobs = await listOpenJobs(services.prisma, org.id);
      // The build date is when the content last changed, so an unchanged feed keeps its ETag and boards get a 304.
      const lastChange = new Date(Math.max(0, ...jobs.map((j) => j.updatedAt.getTime())));
      const xml = xmlJobFeed(org, jobs, baseUrl(services, req), query.feed ?? 'xml_feed', lastChange);
      return sendRaw(res, 'application/xml; charset=utf-8', xml, { cache: FEED_CACHE });
    },
  }),
  defineRoute({
    method: 'get', path: '/careers/:orgSlug/feed.json', summary: 'Open jobs as JSON Feed 1.1 with a _job extension; ?feed= names the board for utm_source', access: 'public',
    params: ZOrgParams, query: ZFeedQuery,
    handler: async ({ services, params, query, req, res }) => {
      const org = await findPublicOrg(services.prisma, params.orgSlug);
      if (!org) return sendNotFound(res, 'This feed');
      const feed = jsonJobFeed(org, await listOpenJobs(services.prisma, org.id), baseUrl(services, req), query.feed ?? 'json_feed');
      return sendRaw(res, 'application/feed+json; charset=utf-8', JSON.stringify(feed), { cache: FEED_CACHE });
    },
  }),
];
