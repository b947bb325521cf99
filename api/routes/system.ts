// Health, the OpenAPI document, and the dev-only session and mailbox.
import { defineRoute } from '../route';
import { AppError } from '../errors';

const isLoopback = (ip: string | undefined) => !!ip && (ip === '::1' || ip.startsWith('127.') || ip.startsWith('::ffff:127.'));

export const systemRoutes = [
  defineRoute({
    method: 'get', path: '/api/health', summary: 'Liveness and dependencies', access: 'public',
    handler: async ({ services }) => {
      const database = await services.prisma.$queryRawUnsafe('SELECT 1').then(() => 'up', () => 'down');
      const temporal = await services.temporal().then((c) => (c.connection as import('@temporalio/client').Connection).healthService.check({}).then(() => 'up'), () => 'down').catch(() => 'down');
      return { status: database === 'up' ? 200 : 503, body: { status: database === 'up' && temporal === 'up' ? 'ok' : 'degraded', database, temporal } };
    },
  }),
  defineRoute({
    method: 'get', path: '/api/dev/session', summary: 'Dev login: the seeded admin token, loopback callers only', access: 'public',
    handler: async ({ services, req }) => {
      if (!services.config.DEV_LOGIN || !services.devToken) throw new AppError('NOT_FOUND', 'dev login is off (set DEV_LOGIN=true in development only)');
      if (!isLoopback(req.socket.remoteAddress)) throw new AppError('FORBIDDEN', 'dev login answers loopback callers only');
      const token = await services.prisma.apiToken.findFirst({ where: { name: 'dev-login', revokedAt: null }, include: { user: { select: { id: true, name: true, email: true, role: true } }, org: { select: { id: true, slug: true, name: true } } } });
      if (!token) throw new AppError('NOT_FOUND', 'no dev user seeded');
      return { body: { token: services.devToken, user: token.user, org: token.org } };
    },
  }),
  defineRoute({
    method: 'get', path: '/api/dev/mailbox', summary: 'Messages received by the embedded SMTP sink', access: 'authenticated',
    handler: async ({ services }) => {
      if (!services.mailbox) throw new AppError('NOT_FOUND', 'mail is relayed through SMTP_URL; there is no dev mailbox');
      return { body: services.mailbox.messages().reverse() };
    },
  }),
];
