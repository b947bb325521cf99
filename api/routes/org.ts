// Organization settings an admin manages. Webhook secrets are write-only: the
// API lists their names, never their values.
import { z } from 'zod';
import type { Prisma as P } from '../../generated/prisma/client';
import { defineRoute } from '../route';

const ZName = z.object({ name: z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/, 'letters, digits and _ . - only') }).strict();

async function secretsOf(services: Parameters<Parameters<typeof defineRoute>[0]['handler']>[0]['services'], orgId: string) {
  const org = await services.prisma.organization.findUniqueOrThrow({ where: { id: orgId }, select: { settings: true } });
  const settings = org.settings as { webhookSecrets?: Record<string, string> };
  return { settings, secrets: settings.webhookSecrets ?? {} };
}

export const orgRoutes = [
  defineRoute({
    method: 'get', path: '/api/org/webhook-secrets', summary: 'Names of the webhook secrets (values are never returned)', access: ['ADMIN'],
    handler: async ({ services, auth }) => ({ body: Object.keys((await secretsOf(services, auth.orgId)).secrets).sort() }),
  }),
  defineRoute({
    method: 'put', path: '/api/org/webhook-secrets/:name', summary: 'Set a webhook signing secret, referenced by name from webhook nodes', access: ['ADMIN'],
    params: ZName, body: z.object({ value: z.string().min(16).max(200) }).strict(), bodyLimit: '10kb',
    handler: async ({ services, auth, params, body }) => {
      const { settings, secrets } = await secretsOf(services, auth.orgId);
      await services.prisma.organization.update({ where: { id: auth.orgId }, data: { settings: { ...settings, webhookSecrets: { ...secrets, [params.name]: body.value } } as P.InputJsonValue } });
      await services.prisma.auditEvent.create({ data: { orgId: auth.orgId, actorType: 'USER', actorId: auth.userId, action: 'webhook_secret.set', entityType: 'Organization', entityId: auth.orgId, after: { name: params.name } } });
      return { status: 204 };
    },
  }),
];
