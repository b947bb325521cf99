// The candidate's side of the preference links: who a signed unsubscribe or
// preference token names, the RFC 8058 one-click unsubscribe (from all
// marketing: the person asked to stop, whichever campaign or digest the email
// came from), and saving the preference center. The token is the credential;
// there is no session, so there is nothing for a cross-site request to ride on.
import type { Pool } from 'pg';
import type { Services } from '../services';
import { withRunSignals } from '../run-signals';
import { survivingCandidateId } from '../../merge/surviving-candidate';
import { verifyLinkToken } from './message-tokens';
import { ALL_MARKETING } from './contact-policy';
import { changePreferences, readPreferences, type TPreferenceState } from './contact-preferences';

export interface TCandidateLink {
  orgId: string;
  candidateId: string;
  organization: string;
  email: string | null;
  /** Unsubscribe links: the email it came from. */
  messageId: string | null;
  campaignId: string | null;
}

async function linkParty(pool: Pool, orgId: string, candidateId: string) {
  const survivor = await survivingCandidateId(pool, orgId, candidateId);
  const { rows } = await pool.query<{ organization: string; email: string | null }>(
    `SELECT o.name AS organization, c.email FROM "Candidate" c JOIN "Organization" o ON o.id = c."orgId" WHERE c.id = $1 AND c."orgId" = $2`, [survivor, orgId],
  );
  return rows[0] ? { candidateId: survivor, ...rows[0] } : null;
}

/** The candidate an unsubscribe token names (through its message), or null for a forged token or an erased message. */
export async function readUnsubscribeLink(pool: Pool, key: string, token: string): Promise<TCandidateLink | null> {
  const claims = verifyLinkToken(key, 'unsubscribe', token);
  if (!claims) return null;
  const { rows } = await pool.query<{ orgId: string; candidateId: string | null; campaignId: string | null }>(
    `SELECT "orgId", "candidateId", "campaignId" FROM "Message" WHERE id = $1`, [claims.id],
  );
  const m = rows[0];
  if (!m?.candidateId) return null;
  const party = await linkParty(pool, m.orgId, m.candidateId);
  return party && { orgId: m.orgId, ...party, messageId: claims.id, campaignId: m.campaignId };
}

/** The candidate a preference-center token names, or null. */
export async function readPreferenceLink(pool: Pool, key: string, token: string): Promise<TCandidateLink | null> {
  const claims = verifyLinkToken(key, 'preferences', token);
  if (!claims) return null;
  const { rows } = await pool.query<{ orgId: string }>(`SELECT "orgId" FROM "Candidate" WHERE id = $1`, [claims.id]);
  if (!rows[0]) return null;
  const party = await linkParty(pool, rows[0].orgId, claims.id);
  return party && { orgId: rows[0].orgId, ...party, messageId: null, campaignId: null };
}

export function unsubscribeFromAll(services: Services, link: TCandidateLink): Promise<string[]> {
  return savePreferences(services, link, { [ALL_MARKETING]: false });
}

export function savePreferences(services: Services, link: TCandidateLink, choices: Record<string, boolean>): Promise<string[]> {
  return withRunSignals(services, (client, signals) => changePreferences(client, signals, {
    orgId: link.orgId, candidateId: link.candidateId, choices, actor: { type: 'CANDIDATE', id: null }, messageId: link.messageId, campaignId: link.campaignId,
  }));
}

export function readLinkPreferences(services: Services, link: TCandidateLink): Promise<TPreferenceState> {
  return readPreferences(services.pool, link.orgId, link.candidateId);
}

/**
 * The preference center's form: `topic:<name>=on` for each ticked topic of those offered, and
 * `action` save | unsubscribe_all. Ticking nothing and saving is unsubscribing from all.
 */
export function choicesFromForm(state: TPreferenceState, fields: Record<string, string>): Record<string, boolean> {
  if (fields.action === 'unsubscribe_all') return { [ALL_MARKETING]: false };
  const choices: Record<string, boolean> = Object.fromEntries(state.topics.map(({ topic }) => [topic, fields[`topic:${topic}`] === 'on']));
  choices[ALL_MARKETING] = Object.values(choices).some(Boolean);
  return choices;
}
