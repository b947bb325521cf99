// Health, the OpenAPI document, and the dev-only session and mailbox.
import { defineRoute } from '../route';
import { AppError } from '../errors';

const isLoopback = (ip: string | undefined) => !!ip && (ip === '::1' || ip.startsWith('127.') || ip.startsWith('::ffff:127.'));

/** How long health waits for each dependency: a load balancer's probe needs an answer, not a hang. */
export const HEALTH_CHECK_TIMEOUT_MS = 2_000;

/** 'up' if the check settles in time, else 'down' (a check still connecting, as to an unreachable Temporal, is down). */
async function probe(check: () => Promise<unknown>): Promise<'up' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'down'>((resolve) => { timer = setTimeout(() => resolve('down'), HEALTH_CHECK_TIMEOUT_MS); });
  try {
    return await Promise.race([check().then(() => 'up' as const, () => 'down' as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export const systemRoutes = [
  defineRoute({
    method: 'get', path: '/api/health', summary: 'Liveness and dependencies (each checked for at most 2 s)', access: 'public',
    handler: async ({ services }) => {
      const [database, temporal] = await Promise.all([
        probe(() => services.pool.query('SELECT 1')),
        probe(async () => ((await services.temporal()).connection as import('@temporalio/client').Connection).healthService.check({})),
      ]);
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
