// Helpers of the messaging tests: the send path's dependencies taken from the
// running test system (its pool, its SMTP relay to the test's sink), prospects,
// and the links a received email carries.
import crypto from 'node:crypto';
import type { TestSystem } from '../../support/harness';
import type { TCandidateEmail, TSendDeps } from '../../../api/services/messaging/send-candidate-email';

export function sendDepsOf(t: TestSystem, over: Partial<TSendDeps> = {}): TSendDeps {
  const services = t.system.services!;
  return {
    pool: services.pool, mailer: services.mailer!, log: services.log, mailFrom: services.config.MAIL_FROM, publicUrl: t.url,
    linkSigningKey: services.config.LINK_SIGNING_KEY, replyDomain: services.config.REPLY_DOMAIN, ...over,
  };
}

export async function createProspect(t: TestSystem, orgId: string, over: Record<string, unknown> = {}) {
  const tag = crypto.randomBytes(4).toString('hex');
  return t.prisma.candidate.create({ data: { orgId, firstName: 'Ada', lastName: `Prospect${tag}`, email: `ada.${tag}@example.com`, ...over } });
}

export function marketingEmail(orgId: string, candidateId: string, over: Partial<TCandidateEmail> = {}): TCandidateEmail {
  return {
    orgId, candidateId, idempotencyKey: `test/${crypto.randomUUID()}`, category: 'MARKETING', topic: 'jobs',
    content: { subject: 'Roles at {{org.name}}', body: 'Hi {{candidate.firstName}}, see https://jobs.example/open?team=1 and tell us.' }, ...over,
  };
}

/** The path and query of the first link in `text` that starts with `prefix` (e.g. "/t/c/"). */
export function linkPath(text: string, prefix: string): string {
  const m = new RegExp(`https?://[^\\s"<>]*(${prefix.replace(/[/.]/g, '\\$&')}[^\\s"<>]+)`).exec(text);
  if (!m) throw new Error(`no ${prefix} link in the email`);
  return m[1]!;
}
