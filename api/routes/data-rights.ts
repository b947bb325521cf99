// Data rights (docs/crm.md, Data rights): a person's data exported as one JSON document, erased
// (anonymized everywhere, admins only, with an explicit confirmation), and the organization's
// retention policy with its public consent-renewal page.
import { z } from 'zod';
import { defineRoute } from '../route';
import { ORG_WIDE_ROLES } from '../sessions/access-scope';
import { exportCandidate } from '../services/data-rights/export-candidate';
import { erasePerson } from '../services/data-rights/erase-candidates';

const ZCandidateParams = z.object({ id: z.string().min(1).max(64) }).strict();
const SCOPE = { kind: 'candidate' } as const;

/** The erasure cannot be undone: the caller types the word, so a stray request erases nothing. */
export const ZEraseRequest = z.object({ confirmation: z.literal('ERASE', { message: 'type ERASE to confirm: the erasure cannot be undone' }) }).strict();

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
];
