// The campaign dashboard's numbers, from a handful of aggregate queries on indexed columns (Run by
// campaign, Message by campaign and status, EngagementEvent by campaign and kind). People are counted once
// however many messages they got. Opens are reported but flagged unreliable: privacy proxies (Apple Mail)
// fetch every image, so an "open" may be no person at all; clicks and replies are the signals to trust.
import { notFound } from '../../errors';
import type { Services } from '../services';

export interface CampaignStats {
  campaignId: string;
  enrollments: {
    enrolled: number;
    /** Not started yet (PENDING) or running. */
    active: number;
    pending: number;
    completed: number;
    exited: number;
    failed: number;
    /** Exits by the event that ended the run: candidate.applied, candidate.replied, operator.exit... */
    exitedBy: Record<string, number>;
    /** Where the running ones wait (node id of the graph -> runs). */
    waitingAt: Record<string, number>;
  };
  messages: {
    sent: number;
    /** Held by the contact policy at send time, by reason (unsubscribed, suppressed, no_consent, replied...). */
    suppressed: number;
    suppressedBy: Record<string, number>;
    /** Waiting for quiet hours or the frequency cap to let them go. */
    deferred: number;
    deferredBy: Record<string, number>;
    failed: number;
    bounced: number;
  };
  /** People, each counted once. */
  people: {
    /** Received at least one email of the campaign. */
    reached: number;
    opened: number;
    /** Always false: privacy proxies open mail by themselves; trust clicks and replies. */
    isOpenedReliable: false;
    clicked: number;
    replied: number;
    unsubscribed: number;
    bounced: number;
    /** Applied to a job after enrolling (by the careers site or a recruiter's hand-off). */
    converted: number;
    hired: number;
  };
}

const countsBy = (rows: { key: string | null; n: number }[]) => Object.fromEntries(rows.map((r) => [r.key ?? 'unknown', r.n]));

export async function campaignStats(services: Services, orgId: string, campaignId: string): Promise<CampaignStats> {
  const { pool } = services;
  const { rowCount } = await pool.query(`SELECT 1 FROM "Campaign" WHERE id = $1 AND "orgId" = $2`, [campaignId, orgId]);
  if (!rowCount) throw notFound('Campaign', campaignId);
  // One after another: a dashboard refresh holds one pooled connection at a time.
  const runs = await pool.query<{ enrolled: number; pending: number; running: number; completed: number; exited: number; failed: number }>(
    `SELECT count(*)::int AS enrolled, count(*) FILTER (WHERE status = 'PENDING')::int AS pending, count(*) FILTER (WHERE status = 'RUNNING')::int AS running,
            count(*) FILTER (WHERE status = 'COMPLETED')::int AS completed, count(*) FILTER (WHERE status = 'EXITED')::int AS exited,
            count(*) FILTER (WHERE status IN ('FAILED', 'CANCELLED'))::int AS failed
       FROM "Run" WHERE "campaignId" = $1`,
    [campaignId],
  );
  const exitedBy = await pool.query<{ key: string | null; n: number }>(`SELECT "exitReason" AS key, count(*)::int AS n FROM "Run" WHERE "campaignId" = $1 AND status = 'EXITED' GROUP BY 1`, [campaignId]);
  const waitingAt = await pool.query<{ key: string | null; n: number }>(`SELECT "currentNodeId" AS key, count(*)::int AS n FROM "Run" WHERE "campaignId" = $1 AND status = 'RUNNING' GROUP BY 1`, [campaignId]);
  const messages = await pool.query<{ sent: number; suppressed: number; deferred: number; failed: number; bounced: number; bouncedPeople: number } & Pick<CampaignStats['people'], 'reached' | 'opened' | 'clicked' | 'replied'>>(
    `SELECT count(*) FILTER (WHERE status = 'SENT')::int AS sent, count(*) FILTER (WHERE status = 'SUPPRESSED')::int AS suppressed,
            count(*) FILTER (WHERE status = 'DEFERRED')::int AS deferred, count(*) FILTER (WHERE status = 'FAILED')::int AS failed,
            count(*) FILTER (WHERE "bouncedAt" IS NOT NULL)::int AS bounced,
            count(DISTINCT "candidateId") FILTER (WHERE status = 'SENT')::int AS reached,
            count(DISTINCT "candidateId") FILTER (WHERE "openedAt" IS NOT NULL)::int AS opened,
            count(DISTINCT "candidateId") FILTER (WHERE "clickedAt" IS NOT NULL)::int AS clicked,
            count(DISTINCT "candidateId") FILTER (WHERE "repliedAt" IS NOT NULL)::int AS replied,
            count(DISTINCT "candidateId") FILTER (WHERE "bouncedAt" IS NOT NULL)::int AS "bouncedPeople"
       FROM "Message" WHERE "campaignId" = $1 AND direction = 'OUTBOUND'`,
    [campaignId],
  );
  const held = await pool.query<{ status: string; key: string | null; n: number }>(
    `SELECT status, "policyReason" AS key, count(*)::int AS n FROM "Message" WHERE "campaignId" = $1 AND status IN ('SUPPRESSED', 'DEFERRED') GROUP BY 1, 2`,
    [campaignId],
  );
  // An unsubscribe may come from another campaign's email or the preference center: it counts here when the
  // event names this campaign or it ended this campaign's run.
  const engaged = await pool.query<{ unsubscribed: number }>(
    `SELECT count(*)::int AS unsubscribed FROM (
       SELECT "candidateId" FROM "EngagementEvent" WHERE "campaignId" = $1 AND kind = 'UNSUBSCRIBED'
       UNION SELECT "candidateId" FROM "Run" WHERE "campaignId" = $1 AND "exitReason" = 'candidate.unsubscribed') u`,
    [campaignId],
  );
  const converted = await pool.query<{ converted: number; hired: number }>(
    `SELECT count(DISTINCT r."candidateId")::int AS converted, count(DISTINCT r."candidateId") FILTER (WHERE a.status = 'HIRED')::int AS hired
       FROM "Run" r JOIN "Application" a ON a."candidateId" = r."candidateId" AND a."appliedAt" >= r."startedAt"
      WHERE r."campaignId" = $1`,
    [campaignId],
  );
  const r = runs.rows[0]!;
  const m = messages.rows[0]!;
  return {
    campaignId,
    enrollments: {
      enrolled: r.enrolled, active: r.pending + r.running, pending: r.pending, completed: r.completed, exited: r.exited, failed: r.failed,
      exitedBy: countsBy(exitedBy.rows), waitingAt: countsBy(waitingAt.rows),
    },
    messages: {
      sent: m.sent, suppressed: m.suppressed, suppressedBy: countsBy(held.rows.filter((h) => h.status === 'SUPPRESSED')),
      deferred: m.deferred, deferredBy: countsBy(held.rows.filter((h) => h.status === 'DEFERRED')), failed: m.failed, bounced: m.bounced,
    },
    people: {
      reached: m.reached, opened: m.opened, isOpenedReliable: false, clicked: m.clicked, replied: m.replied,
      unsubscribed: engaged.rows[0]!.unsubscribed, bounced: m.bouncedPeople, converted: converted.rows[0]!.converted, hired: converted.rows[0]!.hired,
    },
  };
}
