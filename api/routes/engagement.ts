// Messaging settings and records for the people who run recruiting: the
// organization's contact policy, the suppression list, and a candidate's
// contact status and preferences (changed on their behalf, e.g. asked by phone).
import { z } from 'zod';
import { defineRoute } from '../route';
import { ORG_WIDE_ROLES } from '../sessions/access-scope';
import { withTransaction } from '../platform/db/transaction';
import { withRunSignals } from '../services/run-signals';
import { recordAudit } from '../services/audit';
import { readContactPolicy, ZContactPolicy } from '../services/messaging/contact-policy';
import { addSuppression, listSuppressions, removeSuppression, ZSuppressionListQuery, ZSuppressionRequest } from '../services/messaging/suppressions';
import { readContactStatus } from '../services/messaging/contact-status';
import { changePreferences, choicesOf, readPreferences, ZPreferenceChoices } from '../services/messaging/contact-preferences';

const ZId = z.object({ id: z.string().min(1).max(100) }).strict();

export const engagementRoutes = [
  defineRoute({
    method: 'get', path: '/api/org/contact-policy', summary: 'The organization\'s contact policy (consent purpose, quiet hours, frequency cap, stop on reply, default time zone), defaults filled in',
    access: ORG_WIDE_ROLES,
    handler: async ({ services, auth }) => {
      const { rows } = await services.pool.query<{ policy: unknown }>(`SELECT settings->'contactPolicy' AS policy FROM "Organization" WHERE id = $1`, [auth.orgId]);
      return { body: readContactPolicy(rows[0]?.policy) };
    },
  }),
  defineRoute({
    method: 'put', path: '/api/org/contact-policy', summary: 'Replace the contact policy; it applies to every marketing email of every process at send time', access: ['ADMIN'],
    body: ZContactPolicy, bodyLimit: '8kb',
    handler: async ({ services, auth, body }) => {
      await withTransaction(services.pool, async (client) => {
        const { rows } = await client.query<{ policy: unknown }>(`SELECT settings->'contactPolicy' AS policy FROM "Organization" WHERE id = $1 FOR UPDATE`, [auth.orgId]);
        await client.query(`UPDATE "Organization" SET settings = jsonb_set(settings, '{contactPolicy}', $2::jsonb) WHERE id = $1`, [auth.orgId, JSON.stringify(body)]);
        await recordAudit(client, { orgId: auth.orgId, actorType: 'USER', actorId: auth.userId, action: 'contact_policy.updated', entityType: 'Organization', entityId: auth.orgId, before: readContactPolicy(rows[0]?.policy), after: body });
      });
      return { body };
    },
  }),
  defineRoute({
    method: 'get', path: '/api/suppressions', summary: 'The suppression list (never emailed: bounced, complained, erased, added by hand), newest first, keyset pages', access: ORG_WIDE_ROLES,
    query: ZSuppressionListQuery,
    handler: async ({ services, auth, query }) => ({ body: await listSuppressions(services.pool, auth.orgId, query) }),
  }),
  defineRoute({
    method: 'post', path: '/api/suppressions', summary: 'Suppress an address by hand (201; 200 with the existing row when already suppressed)', access: ['ADMIN', 'RECRUITER'],
    body: ZSuppressionRequest, bodyLimit: '4kb',
    handler: async ({ services, auth, body }) => {
      const { suppression, isNew } = await addSuppression(services.pool, auth.orgId, auth.userId, body);
      return { status: isNew ? 201 : 200, body: suppression };
    },
  }),
  defineRoute({
    method: 'delete', path: '/api/suppressions/:id', summary: 'Remove a suppression (not an erased person\'s: 409)', access: ['ADMIN'],
    params: ZId,
    handler: async ({ services, auth, params }) => {
      await removeSuppression(services.pool, auth.orgId, auth.userId, params.id);
      return { status: 204 };
    },
  }),
  defineRoute({
    method: 'get', path: '/api/candidates/:id/contact-status', summary: 'Whether a marketing or transactional email would go to the candidate now, and why not; suppression, preferences, engagement',
    access: ORG_WIDE_ROLES, scope: { kind: 'candidate' }, params: ZId,
    handler: async ({ services, auth, params }) => ({ body: await readContactStatus(services.pool, auth.orgId, params.id) }),
  }),
  defineRoute({
    method: 'put', path: '/api/candidates/:id/preferences', summary: 'Record the candidate\'s email preferences on their behalf: isSubscribedToAll and/or topics { <topic>: boolean }',
    access: ['ADMIN', 'RECRUITER'], scope: { kind: 'candidate' }, params: ZId,
    body: ZPreferenceChoices, bodyLimit: '8kb',
    handler: async ({ services, auth, params, body }) => {
      await withRunSignals(services, (client, signals) => changePreferences(client, signals, {
        orgId: auth.orgId, candidateId: params.id, actor: { type: 'USER', id: auth.userId }, choices: choicesOf(body),
      }));
      return { body: await readPreferences(services.pool, auth.orgId, params.id) };
    },
  }),
];
