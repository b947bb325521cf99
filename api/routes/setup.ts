// What an organization sets up before it hires: the consent texts its forms
// show, and the scorecards its interviewers fill in per job.
import { z } from 'zod';
import { defineRoute } from '../route';
import { listConsentTexts, publishConsentText, ZPublishConsentText } from '../services/setup/consent-texts';
import { createScorecardTemplate, listScorecardTemplates, updateScorecardTemplate, ZScorecardTemplate } from '../services/setup/scorecard-templates';

const ORG_WIDE = ['ADMIN', 'RECRUITER', 'COORDINATOR'] as const;
const EDITORS = ['ADMIN', 'RECRUITER'] as const;
const ZJobParams = z.object({ id: z.string().min(1).max(100) }).strict();
const ZTemplateParams = z.object({ id: z.string().min(1).max(100), templateId: z.string().min(1).max(100) }).strict();

export const setupRoutes = [
  defineRoute({
    method: 'get', path: '/api/consent-texts', summary: 'Published consent texts, newest first per purpose (the apply form shows the newest)', access: ORG_WIDE,
    handler: async ({ services, auth }) => ({ body: await listConsentTexts(services, auth.orgId) }),
  }),
  defineRoute({
    method: 'post', path: '/api/consent-texts', summary: 'Publish a consent text version (immutable: change it by publishing a new version)', access: ['ADMIN'],
    body: ZPublishConsentText, bodyLimit: '100kb',
    handler: async ({ services, auth, body }) => ({ status: 201, body: await publishConsentText(services, auth, body) }),
  }),
  defineRoute({
    method: 'get', path: '/api/jobs/:id/scorecard-templates', scope: { kind: 'job' }, summary: "The job's scorecard templates (general and per stage)", access: 'authenticated', params: ZJobParams,
    handler: async ({ services, auth, params }) => ({ body: await listScorecardTemplates(services, auth.orgId, params.id) }),
  }),
  defineRoute({
    method: 'post', path: '/api/jobs/:id/scorecard-templates', scope: { kind: 'job' }, summary: 'Add a scorecard template to the job: attributes rated 1-4, for the job or one stage', access: EDITORS,
    params: ZJobParams, body: ZScorecardTemplate, bodyLimit: '50kb',
    handler: async ({ services, auth, params, body }) => ({ status: 201, body: await createScorecardTemplate(services, auth, params.id, body) }),
  }),
  defineRoute({
    method: 'put', path: '/api/jobs/:id/scorecard-templates/:templateId', scope: { kind: 'job' }, summary: 'Replace a scorecard template (scorecards already written keep their ratings)', access: EDITORS,
    params: ZTemplateParams, body: ZScorecardTemplate, bodyLimit: '50kb',
    handler: async ({ services, auth, params, body }) => ({ body: await updateScorecardTemplate(services, auth, params.id, params.templateId, body) }),
  }),
];
