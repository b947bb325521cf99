// A candidate's marketing choices (ContactPreference): all marketing, or one
// topic at a time ("jobs", "events", "newsletter", and the topics campaigns use).
// No row means subscribed. An opt-out is recorded on the profile (UNSUBSCRIBED)
// and told to the candidate's live campaign runs (candidate.unsubscribed), which
// exit; the send path checks the same rows at send time, so a message already
// scheduled by any process is held back too.
import type { PoolClient } from 'pg';
import { z } from 'zod';
import type { OutboxRow } from '../outbox-dispatcher';
import { signalCandidateRuns } from '../run-signals';
import { recordEngagement } from '../engagement/record-engagement';
import { recordAudit } from '../audit';
import { ALL_MARKETING, DEFAULT_TOPICS, ZTopic } from './contact-policy';

/** A change of preferences as the APIs take it: the all-marketing switch and/or topics. */
export const ZPreferenceChoices = z
  .object({
    isSubscribedToAll: z.boolean().optional(),
    topics: z.record(ZTopic.refine((t) => t !== ALL_MARKETING, `"${ALL_MARKETING}" is not a topic: use isSubscribedToAll`), z.boolean()).optional(),
  })
  .strict()
  .refine((b) => b.isSubscribedToAll !== undefined || b.topics !== undefined, 'send isSubscribedToAll, topics or both');

export function choicesOf(change: z.infer<typeof ZPreferenceChoices>): Record<string, boolean> {
  return { ...change.topics, ...(change.isSubscribedToAll === undefined ? {} : { [ALL_MARKETING]: change.isSubscribedToAll }) };
}

export interface TPreferenceState {
  /** False once the candidate unsubscribed from all marketing. */
  isSubscribedToAll: boolean;
  topics: { topic: string; isSubscribed: boolean }[];
}

/** The topics a preference center offers: the defaults and every topic a live campaign of the organization uses. */
export async function offeredTopics(client: Pick<PoolClient, 'query'>, orgId: string): Promise<string[]> {
  const { rows } = await client.query<{ topic: string }>(`SELECT DISTINCT topic FROM "Campaign" WHERE "orgId" = $1 AND status <> 'ARCHIVED'`, [orgId]);
  return [...new Set([...DEFAULT_TOPICS, ...rows.map((r) => r.topic)])].filter((t) => t !== ALL_MARKETING);
}

export async function readPreferences(client: Pick<PoolClient, 'query'>, orgId: string, candidateId: string): Promise<TPreferenceState> {
  const topics = await offeredTopics(client, orgId);
  const { rows } = await client.query<{ topic: string; isSubscribed: boolean }>(`SELECT topic, "isSubscribed" FROM "ContactPreference" WHERE "candidateId" = $1`, [candidateId]);
  const stored = new Map(rows.map((r) => [r.topic, r.isSubscribed]));
  return {
    isSubscribedToAll: stored.get(ALL_MARKETING) ?? true,
    topics: [...new Set([...topics, ...stored.keys()])].filter((t) => t !== ALL_MARKETING).map((topic) => ({ topic, isSubscribed: stored.get(topic) ?? true })),
  };
}

export interface TPreferenceChange {
  orgId: string;
  candidateId: string;
  /** topic (or ALL_MARKETING) -> subscribed? */
  choices: Record<string, boolean>;
  /** Who changed it: the candidate (a link in an email) or a user on their behalf. */
  actor: { type: 'CANDIDATE'; id: null } | { type: 'USER'; id: string };
  /** The email whose link was used: the UNSUBSCRIBED row names it and its campaign. */
  messageId?: string | null;
  campaignId?: string | null;
}

/** Saves the choices; returns the topics newly opted out of. Run inside withRunSignals (signals are queued in `signals`). */
export async function changePreferences(client: PoolClient, signals: OutboxRow[], c: TPreferenceChange): Promise<string[]> {
  const topics = Object.keys(c.choices);
  if (!topics.length) return [];
  const { rows } = await client.query<{ topic: string; wasSubscribed: boolean }>(
    `WITH wanted AS (SELECT * FROM unnest($2::text[], $3::boolean[]) AS w(topic, "isSubscribed")),
          before AS (SELECT p.topic, p."isSubscribed" FROM "ContactPreference" p WHERE p."candidateId" = $1 AND p.topic = ANY($2::text[]) FOR UPDATE),
          saved AS (INSERT INTO "ContactPreference" ("candidateId", topic, "isSubscribed", "updatedAt")
                    SELECT $1, topic, "isSubscribed", now() FROM wanted
                    ON CONFLICT ("candidateId", topic) DO UPDATE SET "isSubscribed" = EXCLUDED."isSubscribed", "updatedAt" = now()
                    WHERE "ContactPreference"."isSubscribed" IS DISTINCT FROM EXCLUDED."isSubscribed")
     SELECT w.topic, COALESCE(b."isSubscribed", true) AS "wasSubscribed" FROM wanted w LEFT JOIN before b ON b.topic = w.topic`,
    [c.candidateId, topics, topics.map((t) => c.choices[t])],
  );
  const optedOut = rows.filter((r) => r.wasSubscribed && !c.choices[r.topic]).map((r) => r.topic);
  const changed = rows.filter((r) => r.wasSubscribed !== c.choices[r.topic]).map((r) => r.topic);
  if (!changed.length) return [];
  const at = new Date();
  for (const topic of optedOut) {
    await recordEngagement(client, {
      orgId: c.orgId, candidateId: c.candidateId, kind: 'UNSUBSCRIBED', messageId: c.messageId, campaignId: c.campaignId, at,
      dedupeKey: `unsubscribe:${c.candidateId}:${topic}:${at.toISOString()}`,
    });
  }
  if (optedOut.length) await tellCampaignRuns(client, signals, c, optedOut, at);
  await recordAudit(client, {
    orgId: c.orgId, actorType: c.actor.type, actorId: c.actor.id, action: 'candidate.contact_preferences_changed', entityType: 'Candidate', entityId: c.candidateId,
    after: Object.fromEntries(changed.map((t) => [t, c.choices[t]])),
  });
  return optedOut;
}

/** candidate.unsubscribed to the live campaign runs the opt-out concerns: all of them, or those of the topics given up. */
async function tellCampaignRuns(client: PoolClient, signals: OutboxRow[], c: TPreferenceChange, optedOut: string[], at: Date) {
  const event = { name: 'candidate.unsubscribed', payload: { topics: optedOut } };
  const isAll = optedOut.includes(ALL_MARKETING);
  await signalCandidateRuns(client, signals, c.orgId, c.candidateId, event, `${optedOut.join(',')}:${at.toISOString()}`, { only: 'campaign', ...(isAll ? {} : { campaignTopics: optedOut }) });
}
