// The wording of event emails (admins write it; recruiters read and preview it):
// every kind with its variables, store one, back to the built-in text, preview.
import { defineRoute } from '../route';
import {
  listEventEmailTemplates, previewEventEmailTemplate, resetEventEmailTemplate, saveEventEmailTemplate, ZEventEmailKindParams, ZEventEmailTemplate,
} from '../services/events/event-email-templates';

const READERS = ['ADMIN', 'RECRUITER'] as const;

export const eventEmailTemplateRoutes = [
  defineRoute({
    method: 'get', path: '/api/org/event-email-templates', access: READERS,
    summary: 'Every kind of event email (registered, waitlisted, promoted, event_changed, event_cancelled) with its subject and body (Handlebars), whether the organization customized it, and the variables templates may use',
    handler: async ({ services, auth }) => ({ body: await listEventEmailTemplates(services, auth.orgId) }),
  }),
  defineRoute({
    method: 'put', path: '/api/org/event-email-templates/:kind', access: ['ADMIN'], params: ZEventEmailKindParams, body: ZEventEmailTemplate, bodyLimit: '64kb',
    summary: "Word one kind of event email: Handlebars subject (one line) and body over the listed variables, checked before it is stored (400 at body.subject / body.body); audited",
    handler: async ({ services, auth, params, body }) => ({ body: await saveEventEmailTemplate(services, auth, params.kind, body) }),
  }),
  defineRoute({
    method: 'delete', path: '/api/org/event-email-templates/:kind', access: ['ADMIN'], params: ZEventEmailKindParams,
    summary: 'Back to the built-in wording of one kind of event email; audited',
    handler: async ({ services, auth, params }) => ({ body: await resetEventEmailTemplate(services, auth, params.kind) }),
  }),
  defineRoute({
    method: 'post', path: '/api/org/event-email-templates/:kind/preview', access: READERS, params: ZEventEmailKindParams, body: ZEventEmailTemplate, bodyLimit: '64kb',
    summary: 'Render a subject and body for a sample registration (nothing is sent or stored), checked like a save',
    handler: async ({ services, auth, body }) => ({ body: await previewEventEmailTemplate(services, auth.orgId, body) }),
  }),
];
