// What a registration reaching REGISTERED, ATTENDED or NO_SHOW means beyond its
// own row, written in the same transaction: the engagement fact on the
// candidate's timeline (one per registration and status) with its effect on the
// engagement score and last-engaged time, and the follow-up runs of pipelines
// triggered by it.
import type { PoolClient } from 'pg';
import type { OutboxRow } from '../outbox-dispatcher';
import { recordEngagement } from '../engagement/record-engagement';
import { queueEventFollowUpRuns, type TEventRunVars, type TFollowUpStatus } from './event-follow-up-runs';
import { eventPath, publicBaseUrl, type TEventRow } from './event-record';
import type { TConfig } from '../../platform/config';

export interface TRegistrationRef {
  id: string;
  candidateId: string;
  status: string;
}

export function eventRunVars(config: Pick<TConfig, 'PUBLIC_URL' | 'HOST' | 'PORT'>, orgSlug: string, event: TEventRow, registration: TRegistrationRef): TEventRunVars {
  return {
    event: {
      id: event.id, name: event.name, kind: event.kind, startsAt: event.startsAt.toISOString(), endsAt: event.endsAt?.toISOString() ?? null,
      timeZone: event.timeZone, location: event.location, isOnline: event.isOnline, joinUrl: event.isOnline ? event.onlineUrl : null,
      pageUrl: publicBaseUrl(config) + eventPath(orgSlug, event.slug),
    },
    registration: { id: registration.id, status: registration.status.toLowerCase() },
  };
}

export async function recordRegistrationFact(
  client: PoolClient, outbox: OutboxRow[], config: Pick<TConfig, 'PUBLIC_URL' | 'HOST' | 'PORT'>, orgSlug: string,
  event: TEventRow, registration: TRegistrationRef & { status: TFollowUpStatus }, at: Date,
): Promise<void> {
  // The timeline entry, the engagement score and (signing up, showing up) lastEngagedAt: one fact per registration and status.
  await recordEngagement(client, {
    orgId: event.orgId, candidateId: registration.candidateId, kind: registration.status, eventId: event.id, at,
    dedupeKey: `event:${registration.id}:${registration.status.toLowerCase()}`,
  });
  await queueEventFollowUpRuns(client, outbox, {
    orgId: event.orgId, eventId: event.id, registrationId: registration.id, candidateId: registration.candidateId, status: registration.status,
    vars: eventRunVars(config, orgSlug, event, registration),
  });
}
