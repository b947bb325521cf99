// Opens and clicks of tracked emails (the public /t/ routes). Each names its
// message by a signed token; the click redirect goes only to a link recorded on
// that message (Message.links), so it can never be used as an open redirect.
// The first open and the first click are kept on the message; each fact once on
// the profile (dedupe keys), which updates the engagement score. Opens are
// unreliable: privacy proxies (Apple Mail, Gmail's image proxy) fetch the pixel
// whether or not anyone reads the email.
import type { Pool } from 'pg';
import { withTransaction } from '../../platform/db/transaction';
import { survivingCandidateId } from '../../merge/surviving-candidate';
import { recordEngagement } from './record-engagement';

interface TrackedMessage {
  id: string;
  orgId: string;
  candidateId: string | null;
  campaignId: string | null;
  links: string[];
}

async function trackedMessage(pool: Pool, messageId: string): Promise<TrackedMessage | null> {
  const { rows } = await pool.query<TrackedMessage>(
    `SELECT id, "orgId", "candidateId", "campaignId", links FROM "Message" WHERE id = $1 AND direction = 'OUTBOUND'`, [messageId],
  );
  return rows[0] ?? null;
}

/** Records an open; false when the message is unknown (erased). */
export async function recordOpen(pool: Pool, messageId: string, opts: { isRecorded: boolean }): Promise<boolean> {
  const m = await trackedMessage(pool, messageId);
  if (!m) return false;
  if (opts.isRecorded && m.candidateId) await recordFact(pool, m, 'OPENED', `open:${m.id}`, null);
  return true;
}

/** The link to redirect to, or null when the message or its link index is unknown. */
export async function recordClick(pool: Pool, messageId: string, linkIndex: number, opts: { isRecorded: boolean }): Promise<string | null> {
  const m = await trackedMessage(pool, messageId);
  const url = m?.links[linkIndex];
  if (!m || !url || !/^https?:\/\//i.test(url)) return null;
  if (opts.isRecorded && m.candidateId) await recordFact(pool, m, 'CLICKED', `click:${m.id}:${linkIndex}`, linkIndex);
  return url;
}

async function recordFact(pool: Pool, m: TrackedMessage, kind: 'OPENED' | 'CLICKED', dedupeKey: string, linkIndex: number | null) {
  const column = kind === 'OPENED' ? '"openedAt"' : '"clickedAt"';
  await withTransaction(pool, async (client) => {
    const candidateId = await survivingCandidateId(client, m.orgId, m.candidateId!);
    const isNew = await recordEngagement(client, { orgId: m.orgId, candidateId, kind, messageId: m.id, campaignId: m.campaignId, linkIndex, dedupeKey });
    if (isNew) await client.query(`UPDATE "Message" SET ${column} = COALESCE(${column}, now()) WHERE id = $1`, [m.id]);
  });
}
