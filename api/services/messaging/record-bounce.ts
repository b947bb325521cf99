// A bounce or complaint about one of our emails (a DSN at its bounce address, or
// the provider's webhook). A permanent failure suppresses the address for the
// organization (Suppression by address hash: every later send to it, of any
// kind, is held back), marks the message and the profile. A complaint ("this
// is spam") also unsubscribes the person from all marketing. A temporary
// failure is noted on the message and nothing else: the relay retries it.
import type { Services } from '../services';
import { withRunSignals } from '../run-signals';
import { survivingCandidateId } from '../../merge/surviving-candidate';
import { recordEngagement } from '../engagement/record-engagement';
import { addressHash, normaliseAddress } from './address-hash';
import { ALL_MARKETING } from './contact-policy';
import { changePreferences } from './contact-preferences';
import type { TBounceKind } from './inbound-classify';

export interface TBounce {
  original: { id: string; orgId: string; candidateId: string | null; campaignId: string | null; toAddress: string };
  kind: TBounceKind;
  /** The DSN status code or the provider's reason, kept on the message. */
  detail?: string | null;
}

export async function recordBounce(services: Services, b: TBounce): Promise<void> {
  const { original: m } = b;
  if (b.kind === 'soft') {
    await services.pool.query(`UPDATE "Message" SET error = $2 WHERE id = $1`, [m.id, `temporary delivery failure${b.detail ? ` (${b.detail.slice(0, 100)})` : ''}`]);
    return;
  }
  await withRunSignals(services, async (client, signals) => {
    const candidateId = m.candidateId && (await survivingCandidateId(client, m.orgId, m.candidateId));
    if (m.toAddress) {
      await client.query(
        `INSERT INTO "Suppression" (id, "orgId", address, "addressHash", "candidateId", reason) VALUES (gen_random_uuid()::text, $1, $2, $3, $4, $5)
         ON CONFLICT ("orgId", "addressHash") DO NOTHING`,
        [m.orgId, normaliseAddress(m.toAddress), addressHash(m.orgId, m.toAddress), candidateId, b.kind === 'hard' ? 'bounced' : 'complained'],
      );
    }
    await client.query(`UPDATE "Message" SET "bouncedAt" = COALESCE("bouncedAt", now()), error = $2 WHERE id = $1`, [m.id, b.kind === 'hard' ? `bounced${b.detail ? ` (${b.detail.slice(0, 100)})` : ''}` : 'spam complaint']);
    if (!candidateId) return;
    const kind = b.kind === 'hard' ? 'BOUNCED' : 'COMPLAINED';
    await recordEngagement(client, { orgId: m.orgId, candidateId, kind, messageId: m.id, campaignId: m.campaignId, dedupeKey: `${kind.toLowerCase()}:${m.id}` });
    if (b.kind === 'complaint') {
      await changePreferences(client, signals, { orgId: m.orgId, candidateId, choices: { [ALL_MARKETING]: false }, actor: { type: 'CANDIDATE', id: null }, messageId: m.id, campaignId: m.campaignId });
    }
  });
  services.log.info({ messageId: m.id, kind: b.kind }, 'bounce recorded');
}
