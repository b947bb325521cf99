// Consent renewal: the email the retention sweep sends before a candidate's data would be
// anonymized, and the one-click renewal behind its signed link. The email goes through the one
// send path (sendCandidateEmail: suppression checked at send time, recorded as a Message) as a
// TRANSACTIONAL notice about the person's own data; its idempotency key names the inactivity
// period, so one notice goes out per period however often the sweep runs. Renewing writes a
// GRANTED ConsentRecord (the purpose of the policy, the newest published text of it), which
// starts a new period: the candidate is neither swept nor noticed again until it runs out.
import type { PoolClient } from 'pg';
import { AppError } from '../../errors';
import { withTransaction } from '../../platform/db/transaction';
import { recordAudit } from '../audit';
import type { Services } from '../services';
import type { TCandidateEmailResult } from '../messaging/send-candidate-email';
import { deliverCandidateEmail } from '../events/candidate-email-deps';
import { publicBaseUrl } from '../events/event-record';
import { SURVIVING_CANDIDATE_SQL } from '../../merge/surviving-candidate';
import { RENEWAL_LINK_DAYS, signConsentRenewalToken, verifyConsentRenewalToken } from './consent-renewal-token';
import { DEFAULT_RENEWAL_BODY, DEFAULT_RENEWAL_SUBJECT, readRetentionPolicy, type TRetentionPolicy } from './retention-policy';

/** Prefix of the renewal emails' idempotency keys: `consent-renewal:<candidateId>:<period start, ms>`. */
export const RENEWAL_KEY_PREFIX = 'consent-renewal:';
const DAY_MS = 86_400_000;

export function consentRenewalUrl(services: Services, candidateId: string, now: Date): string {
  const token = signConsentRenewalToken(services.config.LINK_SIGNING_KEY, candidateId, new Date(now.getTime() + RENEWAL_LINK_DAYS * DAY_MS));
  return `${publicBaseUrl(services.config)}/consent/renew/${token}`;
}

/** Sends (once per inactivity period) the renewal notice: the data goes on `deadline` unless consent is renewed. */
export function sendConsentRenewal(
  services: Services, orgId: string, policy: TRetentionPolicy, c: { candidateId: string; lastActivityAt: Date; deadline: Date }, now: Date,
): Promise<TCandidateEmailResult> {
  const email = policy.renewalEmail ?? { subject: DEFAULT_RENEWAL_SUBJECT, body: DEFAULT_RENEWAL_BODY };
  const deadline = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(c.deadline);
  return deliverCandidateEmail(services, {
    orgId, candidateId: c.candidateId, category: 'TRANSACTIONAL', idempotencyKey: `${RENEWAL_KEY_PREFIX}${c.candidateId}:${c.lastActivityAt.getTime()}`,
    sender: policy.senderUserId ? { userId: policy.senderUserId } : undefined,
    content: { subject: email.subject, body: email.body, vars: { renewUrl: consentRenewalUrl(services, c.candidateId, now), deadline } },
  });
}

export interface TRenewalView {
  organization: string;
  firstName: string;
  purpose: string;
  /** The words the person agrees to (newest published text of the purpose), if the organization published one. */
  consentText: string | null;
  textVersion: string | null;
}

async function readRenewal(db: Pick<PoolClient, 'query'>, services: Services, token: string, now: Date) {
  const check = verifyConsentRenewalToken(services.config.LINK_SIGNING_KEY, token, now);
  if (!check.isValid) {
    throw check.reason === 'expired'
      ? new AppError('GONE', 'This link has expired. Reply to the email you received and we will keep your profile.', [{ path: 'params.token', message: 'expired' }])
      : new AppError('FORBIDDEN', 'This link is not valid.', [{ path: 'params.token', message: check.reason }]);
  }
  const { rows: [candidate] } = await db.query<{ id: string; orgId: string; firstName: string; anonymizedAt: Date | null; organization: string }>(
    `SELECT c.id, c."orgId", c."firstName", c."anonymizedAt", o.name AS organization FROM "Candidate" c JOIN "Organization" o ON o.id = c."orgId" WHERE c.id = $1`, [check.candidateId],
  );
  if (!candidate) throw new AppError('FORBIDDEN', 'This link is not valid.', [{ path: 'params.token', message: 'unknown' }]);
  // A record merged since the email: the consent belongs to the profile it became.
  const { rows: [survivor] } = await db.query<{ id: string }>(SURVIVING_CANDIDATE_SQL, [candidate.id, candidate.orgId]);
  if (candidate.anonymizedAt) throw new AppError('GONE', 'Your personal data has already been removed, so there is nothing left to keep.', [{ path: 'params.token', message: 'erased' }]);
  const purpose = (await readRetentionPolicy(db, candidate.orgId))?.purpose ?? 'talent_pool';
  const { rows: [text] } = await db.query<{ version: string; body: string }>(
    `SELECT version, body FROM "ConsentText" WHERE "orgId" = $1 AND purpose = $2 ORDER BY "publishedAt" DESC, id DESC LIMIT 1`, [candidate.orgId, purpose],
  );
  const view: TRenewalView = { organization: candidate.organization, firstName: candidate.firstName, purpose, consentText: text?.body ?? null, textVersion: text?.version ?? null };
  return { candidateId: survivor?.id ?? candidate.id, orgId: candidate.orgId, view };
}

/** What the renewal page shows (no change: mail scanners open links). */
export async function showConsentRenewal(services: Services, token: string, now = new Date()): Promise<TRenewalView> {
  return (await readRenewal(services.pool, services, token, now)).view;
}

/** One click: consent granted again for the policy's purpose, recorded and audited as the candidate's own act. */
export async function renewConsent(services: Services, token: string, now = new Date()): Promise<TRenewalView> {
  return withTransaction(services.pool, async (client) => {
    const { candidateId, orgId, view } = await readRenewal(client, services, token, now);
    await client.query(`SELECT 1 FROM "Candidate" WHERE id = $1 FOR UPDATE`, [candidateId]);
    await client.query(
      `INSERT INTO "ConsentRecord" (id, "orgId", "candidateId", purpose, status, "textVersion", source, at) VALUES (gen_random_uuid()::text, $1, $2, $3, 'GRANTED', $4, 'consent_renewal', $5)`,
      [orgId, candidateId, view.purpose, view.textVersion, now],
    );
    await recordAudit(client, { orgId, actorType: 'CANDIDATE', actorId: candidateId, action: 'consent.renewed', entityType: 'Candidate', entityId: candidateId, after: { purpose: view.purpose, textVersion: view.textVersion } });
    return view;
  });
}
