// The HTTP app: every declared route, the OpenAPI document, the built UI, and
// the error mapping. Same origin for the API and the UI.
import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import { mountRoutes, type RouteDef } from './route';
import { openApiDocsHtml, openApiDocument } from './openapi';
import { createAuthenticator } from './auth';
import { errorHandler } from './http-errors';
import { AppError } from './errors';
import type { Services } from './services/services';
import { pipelineRoutes } from './routes/pipelines';
import { pipelineOverlayRoutes } from './routes/pipeline-overlay';
import { applicationRoutes } from './routes/applications';
import { publicApplyRoutes } from './routes/public-apply';
import { candidateMergeRoutes } from './routes/candidate-merges';
import { applyFormRoutes } from './routes/apply-form';
import { inboxRoutes } from './routes/inbox';
import { auditRoutes } from './routes/audit';
import { offerRoutes } from './routes/offers';
import { complianceRoutes } from './routes/compliance';
import { decisionRoutes } from './routes/decisions';
import { runRoutes } from './routes/runs';
import { jobRoutes } from './routes/jobs';
import { jobBoardRoutes } from './routes/job-board';
import { userRoutes } from './routes/users';
import { careersRoutes } from './routes/careers';
import { systemRoutes } from './routes/system';
import { orgRoutes } from './routes/org';
import { candidateRoutes } from './routes/candidates';
import { candidateProfileRoutes } from './routes/candidate-profile';
import { authRoutes } from './routes/auth';
import { searchRoutes } from './routes/search';
import { interviewRoutes } from './routes/interviews';
import { schedulePageRoutes } from './routes/schedule-page';
import { setupRoutes } from './routes/setup';
import { talentPoolRoutes } from './routes/crm-pools';
import { segmentRoutes } from './routes/segments';
import { analyticsRoutes } from './routes/analytics';
import { campaignRoutes } from './routes/campaigns';
import { engagementRoutes } from './routes/engagement';
import { publicMessagingRoutes } from './routes/public-messaging';
import { eventRoutes } from './routes/events';
import { eventEmailTemplateRoutes } from './routes/event-email-templates';
import { publicEventRoutes } from './routes/public-events';
import { jobAlertRoutes } from './routes/job-alerts';
import { importRoutes } from './routes/imports';
import { dataRightsRoutes } from './routes/data-rights';
import { bulkJobRoutes } from './routes/bulk-jobs';
import { fitRoutes } from './routes/fit';

export const ROUTES: readonly RouteDef[] = [...systemRoutes, ...authRoutes, ...pipelineRoutes, ...pipelineOverlayRoutes, ...jobRoutes, ...jobBoardRoutes, ...userRoutes, ...careersRoutes, ...applicationRoutes, ...publicApplyRoutes, ...candidateMergeRoutes, ...applyFormRoutes, ...inboxRoutes, ...auditRoutes, ...offerRoutes, ...complianceRoutes, ...decisionRoutes, ...runRoutes, ...orgRoutes, ...candidateRoutes, ...candidateProfileRoutes, ...searchRoutes, ...interviewRoutes, ...schedulePageRoutes, ...setupRoutes,
  // CRM
  ...talentPoolRoutes, ...segmentRoutes, ...campaignRoutes, ...engagementRoutes, ...publicMessagingRoutes, ...eventRoutes, ...eventEmailTemplateRoutes, ...publicEventRoutes, ...jobAlertRoutes, ...importRoutes, ...dataRightsRoutes, ...bulkJobRoutes, ...analyticsRoutes, ...fitRoutes];

export const UI_DIST = path.resolve(__dirname, '../builder-ui/dist');

export function createApp(services: Services): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use((req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'same-origin');
    next();
  });
  const router = express.Router();
  mountRoutes(router, ROUTES, services, createAuthenticator(services.pool, { isSecureCookie: services.config.SESSION_COOKIE_SECURE, idleMinutes: services.config.SESSION_IDLE_MINUTES, absoluteHours: services.config.SESSION_ABSOLUTE_HOURS }));
  router.get('/api/openapi.json', (_req, res) => void res.json(openApiDocument(ROUTES)));
  router.get('/api/docs', (_req, res) => void res.type('html').send(openApiDocsHtml(openApiDocument(ROUTES))));
  router.all('/api/{*rest}', (req) => {
    throw new AppError('NOT_FOUND', `no route ${req.method} ${req.path}`);
  });
  app.use(router);
  if (fs.existsSync(path.join(UI_DIST, 'index.html'))) {
    app.use(express.static(UI_DIST, { index: false, maxAge: '1h' }));
    // The builder's own address: the UI routes by hash, so /builder/<id> opens that pipeline.
    app.get('/builder', (_req, res) => res.redirect('/#/pipelines'));
    app.get('/builder/:pipelineId', (req, res) => res.redirect(`/#/pipelines/${encodeURIComponent(req.params.pipelineId)}`));
    app.get('/{*rest}', (_req, res) => res.sendFile(path.join(UI_DIST, 'index.html')));
  } else {
    app.get('/', (_req, res) => void res.type('text').send('Trellis API is running. The UI is not built: run `npm run build`.'));
  }
  app.use(errorHandler(services.log));
  return app;
}
