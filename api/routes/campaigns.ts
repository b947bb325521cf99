// Nurture campaigns (a NURTURE graph + an audience + a contact policy): create, edit, activate / pause /
// resume / archive, enroll the audience (a bulk job with progress) or one person, stop an enrollment, the
// dashboard numbers, and the CRM -> ATS hand-off of one candidate. Org-wide roles read; admins and
// recruiters change. docs/crm.md ("Campaigns") describes the rules.
import { z } from 'zod';
import { defineRoute } from '../route';
import { createCampaign, updateCampaign } from '../services/campaigns/save-campaign';
import { getCampaign, listCampaigns } from '../services/campaigns/read-campaigns';
import { changeCampaignStatus } from '../services/campaigns/change-campaign-status';
import { enrollAudience } from '../services/campaigns/enroll-campaign';
import { enrollCandidate } from '../services/campaigns/enroll-candidate';
import { listEnrollments, stopEnrollment } from '../services/campaigns/campaign-enrollments';
import { campaignStats } from '../services/campaigns/campaign-stats';
import { handOffCandidate } from '../services/campaigns/hand-off';
import { ZCreateCampaign, ZEnrollOne, ZHandOff, ZListCampaigns, ZListEnrollments, ZUpdateCampaign } from '../services/campaigns/campaign-input';

const READERS = ['ADMIN', 'RECRUITER', 'COORDINATOR'] as const;
const WRITERS = ['ADMIN', 'RECRUITER'] as const;
const ZId = z.object({ id: z.string().min(1).max(100) }).strict();
const ZEnrollmentParams = z.object({ id: z.string().min(1).max(100), candidateId: z.string().min(1).max(100) }).strict();

const statusRoute = (action: 'activate' | 'pause' | 'resume' | 'archive', summary: string) =>
  defineRoute({
    method: 'post', path: `/api/campaigns/:id/${action}`, summary, access: WRITERS, params: ZId,
    handler: async ({ services, auth, params }) => ({ body: await changeCampaignStatus(services, auth.orgId, auth.userId, params.id, action) }),
  });

export const campaignRoutes = [
  defineRoute({
    method: 'get', path: '/api/campaigns', summary: 'Campaigns of the organization, recently changed first, with enrolled and active counts', access: READERS, query: ZListCampaigns,
    handler: async ({ services, auth, query }) => ({ body: await listCampaigns(services, auth.orgId, query) }),
  }),
  defineRoute({
    method: 'post', path: '/api/campaigns', summary: 'Create a campaign (DRAFT): a published NURTURE pipeline starting on trigger.campaign_enrolled, a segment or a pool, a topic, a sender, a contact policy', access: WRITERS, body: ZCreateCampaign,
    handler: async ({ services, auth, body }) => ({ status: 201, body: await createCampaign(services, auth.orgId, auth.userId, body) }),
  }),
  defineRoute({
    method: 'get', path: '/api/campaigns/:id', summary: 'One campaign: pipeline, audience, sender, counts, and the issues that keep it from activating (empty when ready)', access: READERS, params: ZId,
    handler: async ({ services, auth, params }) => ({ body: await getCampaign(services.pool, auth.orgId, params.id) }),
  }),
  defineRoute({
    method: 'patch', path: '/api/campaigns/:id', summary: 'Edit a campaign (pipeline and audience only while DRAFT or PAUSED; nothing once ARCHIVED)', access: WRITERS, params: ZId, body: ZUpdateCampaign,
    handler: async ({ services, auth, params, body }) => ({ body: await updateCampaign(services, auth.orgId, auth.userId, params.id, body) }),
  }),
  statusRoute('activate', 'Activate a DRAFT campaign: its graph must exit on candidate.applied, candidate.unsubscribed and candidate.hired; the audience enrolls at once (the bulk job is returned)'),
  statusRoute('pause', 'Pause an ACTIVE campaign: no enrollments (by hand, audience or sweep) until resumed'),
  statusRoute('resume', 'Resume a PAUSED campaign'),
  statusRoute('archive', 'Archive a campaign for good: runs not started end at once, live runs exit where they wait'),
  defineRoute({
    method: 'post', path: '/api/campaigns/:id/enroll', summary: 'Enroll the audience now (202 with the bulk job; poll GET /api/bulk-jobs/:id). People already enrolled are left as they are; those who cannot be contacted are skipped and counted in the report', access: WRITERS, params: ZId,
    handler: async ({ services, auth, params }) => ({ status: 202, body: await enrollAudience(services, auth.orgId, auth.userId, params.id, 'manual') }),
  }),
  defineRoute({
    method: 'get', path: '/api/campaigns/:id/enrollments', summary: "The campaign's enrollments, newest first (keyset cursor), with status, where each waits and why it exited", access: READERS, params: ZId, query: ZListEnrollments,
    handler: async ({ services, auth, params, query }) => ({ body: await listEnrollments(services, auth.orgId, params.id, query) }),
  }),
  defineRoute({
    method: 'post', path: '/api/campaigns/:id/enrollments', summary: 'Enroll one person (201; 200 with the existing enrollment when enrolled already; 409 when they cannot be contacted)', access: WRITERS, params: ZId, body: ZEnrollOne,
    handler: async ({ services, auth, params, body }) => {
      const { enrollment, isNew } = await enrollCandidate(services, auth.orgId, auth.userId, params.id, body.candidateId);
      return { status: isNew ? 201 : 200, body: enrollment };
    },
  }),
  defineRoute({
    method: 'post', path: '/api/campaigns/:id/enrollments/:candidateId/stop', summary: "Stop one person's enrollment (operator.exit: it ends where it waits)", access: WRITERS, params: ZEnrollmentParams,
    handler: async ({ services, auth, params }) => ({ body: await stopEnrollment(services, auth.orgId, auth.userId, params.id, params.candidateId) }),
  }),
  defineRoute({
    method: 'get', path: '/api/campaigns/:id/stats', summary: 'Dashboard: enrolled, active, completed, exits by reason, sent, suppressed and deferred by reason, people reached, opened (unreliable), clicked, replied, unsubscribed, converted, hired', access: READERS, params: ZId,
    handler: async ({ services, auth, params }) => ({ body: await campaignStats(services, auth.orgId, params.id) }),
  }),
  defineRoute({
    method: 'post', path: '/api/candidates/:id/hand-off', summary: 'CRM -> ATS: make this person an applicant for a job (application, hiring run, nurture runs exit) in one transaction', access: WRITERS,
    scope: { kind: 'candidate' }, params: ZId, body: ZHandOff,
    handler: async ({ services, auth, params, body }) => ({ status: 201, body: await handOffCandidate(services, auth, params.id, body) }),
  }),
];
