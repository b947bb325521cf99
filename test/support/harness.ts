// Starts the real system for a test file: the API and a worker against the
// run's Temporal dev server and PostgreSQL database, with a real SMTP sink the
// test reads. Each file gets its own task queue and organization, so files
// cannot see each other's work.
import crypto from 'node:crypto';
import { loadConfig, type TConfig } from '../../api/platform/config';
import { createLogger } from '../../api/platform/logger';
import { startSystem, type RunningSystem, type SystemParts } from '../../api/system';
import { startSmtpSink, type SmtpSink } from '../../api/platform/mail/smtp-sink';
import { hashToken, newToken } from '../../api/auth';
import type { PrismaClient, Role } from '../../generated/prisma/client';

export function testConfig(overrides: Record<string, string> = {}): TConfig {
  return loadConfig({
    DATABASE_URL: process.env.TEST_DATABASE_URL!,
    TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS_OVERRIDE ?? process.env.TEST_TEMPORAL_ADDRESS!,
    TEMPORAL_UI_URL: process.env.TEST_TEMPORAL_UI_URL,
    TEMPORAL_TASK_QUEUE: `test-${crypto.randomBytes(4).toString('hex')}`,
    PORT: '0',
    DEV_LOGIN: 'false',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    OUTBOX_POLL_MS: '200',
    // Sweeps run when a test calls services.periodicJobs.runNow(name), not on a clock.
    PERIODIC_JOBS_DISABLED: 'true',
    ...overrides,
  });
}

export interface TestSystem {
  system: RunningSystem;
  sink: SmtpSink;
  prisma: PrismaClient;
  url: string;
  stop(): Promise<void>;
}

export async function startTestSystem(opts: { parts?: SystemParts; config?: Record<string, string>; sink?: SmtpSink } = {}): Promise<TestSystem> {
  const sink = opts.sink ?? (await startSmtpSink());
  const config = testConfig({ SMTP_URL: sink.url, ...opts.config });
  const system = await startSystem(config, opts.parts ?? { api: true, worker: true }, createLogger(config.LOG_LEVEL));
  return {
    system, sink, prisma: system.db.prisma, url: system.url ?? '',
    async stop() {
      await system.stop();
      if (!opts.sink) await sink.stop();
    },
  };
}

export interface TestOrg {
  orgId: string;
  slug: string;
  tokens: Record<'admin' | 'recruiter' | 'interviewer', string>;
  userIds: Record<'admin' | 'recruiter' | 'interviewer', string>;
}

/** A fresh organization with an admin, a recruiter and an interviewer, each with an API token. */
export async function createTestOrg(prisma: PrismaClient): Promise<TestOrg> {
  const slug = `org-${crypto.randomBytes(5).toString('hex')}`;
  const org = await prisma.organization.create({ data: { slug, name: `Org ${slug}` } });
  const people: [keyof TestOrg['tokens'], Role][] = [['admin', 'ADMIN'], ['recruiter', 'RECRUITER'], ['interviewer', 'INTERVIEWER']];
  const tokens = {} as TestOrg['tokens'];
  const userIds = {} as TestOrg['userIds'];
  for (const [key, role] of people) {
    const user = await prisma.user.create({ data: { orgId: org.id, email: `${key}@${slug}.test`, name: `${key} ${slug}`, role } });
    const token = newToken();
    await prisma.apiToken.create({ data: { orgId: org.id, userId: user.id, name: key, tokenHash: hashToken(token) } });
    tokens[key] = token;
    userIds[key] = user.id;
  }
  return { orgId: org.id, slug, tokens, userIds };
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
}

export function apiClient(baseUrl: string, token?: string) {
  return async function call<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const res = await fetch(baseUrl + path, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
