// The retention sweep (periodic job `retention-sweep`, daily): for every organization with a
// retention policy, candidates whose last activity is older than the policy allows are first
// asked to renew their consent, then anonymized with the same code as a requested erasure.
//
// A candidate's last activity is the latest of: the record's creation, an application, a
// GRANTED consent record, an engagement of their own (click, reply, registration, attendance,
// application; not opens, which machines fake, nor our own sends). Never swept: candidates with
// an active application or ever hired, records already anonymized, records merged away (their
// survivor is the person). A candidate is anonymized only after the notice period has run from
// a renewal email of the current inactivity period (or at once if there is no address to write
// to), so nobody loses their profile without warning. Each organization's pass is a BulkJob
// (kind "retention") whose report holds counts only.
import type { Services } from '../services';
import { createBulkJob, finishBulkJob, progressReporter } from '../bulk-jobs';
import type { PeriodicJob } from '../../platform/periodic-jobs';
import { eraseCandidates } from './erase-candidates';
import { mergeTree } from './erasure-scope';
import { RENEWAL_KEY_PREFIX, sendConsentRenewal } from './consent-renewal';
import { ZRetentionPolicy, type TRetentionPolicy } from './retention-policy';

const DAY_MS = 86_400_000;
/** Candidates read per query, and the most one pass handles per organization (the next day's pass goes on). */
const PAGE = 1000;
const MAX_PER_PASS = 20_000;
/** People anonymized per transaction. */
const ERASE_BATCH = 25;

/** Engagement of the person's own doing: it renews the retention period. */
const OWN_ENGAGEMENT = `'CLICKED', 'REPLIED', 'REGISTERED', 'ATTENDED', 'APPLIED'`;

export const LAST_ACTIVITY_SQL = `GREATEST(c."createdAt", c."lastEngagedAt", c."lastRepliedAt",
    (SELECT max(a."appliedAt") FROM "Application" a WHERE a."candidateId" = c.id),
    (SELECT max(cr.at) FROM "ConsentRecord" cr WHERE cr."candidateId" = c.id AND cr.status = 'GRANTED'),
    (SELECT max(e.at) FROM "EngagementEvent" e WHERE e."candidateId" = c.id AND e.kind IN (${OWN_ENGAGEMENT})))`;

/** Candidates of $1 inactive since before $2 (the notice cutoff), after id $3, with the renewal notice of the current period if any. */
const INACTIVE_CANDIDATES_SQL = `SELECT c.id, c.email IS NOT NULL AS "hasEmail", act.at AS "lastActivityAt",
    (SELECT min(m."createdAt") FROM "Message" m WHERE m."orgId" = c."orgId" AND m."candidateId" = c.id
        AND m."idempotencyKey" LIKE '${RENEWAL_KEY_PREFIX}%' AND m."createdAt" >= act.at) AS "noticedAt"
  FROM "Candidate" c CROSS JOIN LATERAL (SELECT ${LAST_ACTIVITY_SQL} AS at) act
  WHERE c."orgId" = $1 AND c."anonymizedAt" IS NULL AND c."mergedIntoId" IS NULL AND c."createdAt" < $2 AND act.at < $2 AND c.id > $3
    AND NOT EXISTS (SELECT 1 FROM "Application" a WHERE a."candidateId" = c.id AND a.status IN ('ACTIVE', 'HIRED'))
  ORDER BY c.id LIMIT ${PAGE}`;

interface TInactive {
  id: string;
  hasEmail: boolean;
  lastActivityAt: Date;
  noticedAt: Date | null;
}

export type TRetentionStep = 'notify' | 'erase' | 'wait';

const addMonths = (d: Date, months: number) => {
  const out = new Date(d);
  out.setUTCMonth(out.getUTCMonth() + months);
  return out;
};

/** What the sweep does with one inactive candidate now. Pure. */
export function retentionStep(policy: Pick<TRetentionPolicy, 'months' | 'renewalNoticeDays'>, c: TInactive, now: Date): TRetentionStep {
  const isExpired = addMonths(c.lastActivityAt, policy.months) <= now;
  const isNoticeServed = c.noticedAt !== null && c.noticedAt.getTime() + policy.renewalNoticeDays * DAY_MS <= now.getTime();
  if (isExpired && (!c.hasEmail || isNoticeServed)) return 'erase';
  if (c.hasEmail && c.noticedAt === null) return 'notify';
  return 'wait';
}

/** Pages of candidates inactive since before the notice cutoff (at most MAX_PER_PASS in all). */
async function* inactiveCandidates(services: Services, orgId: string, policy: TRetentionPolicy, now: Date): AsyncGenerator<TInactive[]> {
  const noticeCutoff = new Date(addMonths(now, -policy.months).getTime() + policy.renewalNoticeDays * DAY_MS);
  let after = '';
  for (let seen = 0; seen < MAX_PER_PASS;) {
    const { rows } = await services.pool.query<TInactive>(INACTIVE_CANDIDATES_SQL, [orgId, noticeCutoff, after]);
    if (!rows.length) return;
    seen += rows.length;
    yield rows;
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1]!.id;
  }
}

/** What a pass would do now, without doing it: counts per step (the admin's preview before enabling a policy). */
export async function previewRetention(services: Services, orgId: string, policy: TRetentionPolicy, now = new Date()): Promise<Record<TRetentionStep, number>> {
  const steps: Record<TRetentionStep, number> = { notify: 0, erase: 0, wait: 0 };
  for await (const page of inactiveCandidates(services, orgId, policy, now)) for (const c of page) steps[retentionStep(policy, c, now)]++;
  return steps;
}

export interface TRetentionReport {
  months: number;
  renewalNoticeDays: number;
  inactive: number;
  noticesSent: number;
  noticesHeldBack: number;
  noticesFailed: number;
  anonymized: number;
  anonymizedRecords: number;
  eraseFailed: number;
  waiting: number;
}

/** One organization's pass; returns its BulkJob's report. */
export async function sweepOrganization(services: Services, orgId: string, policy: TRetentionPolicy, now = new Date()): Promise<TRetentionReport> {
  const job = await createBulkJob(services, { orgId, kind: 'retention', subjectId: orgId });
  const progress = progressReporter(services.pool, job.id);
  const report: TRetentionReport = { months: policy.months, renewalNoticeDays: policy.renewalNoticeDays, inactive: 0, noticesSent: 0, noticesHeldBack: 0, noticesFailed: 0, anonymized: 0, anonymizedRecords: 0, eraseFailed: 0, waiting: 0 };
  const counts = () => ({ processed: report.noticesSent + report.noticesHeldBack + report.noticesFailed + report.anonymized + report.eraseFailed + report.waiting, succeeded: report.noticesSent + report.noticesHeldBack + report.anonymized, failed: report.noticesFailed + report.eraseFailed });
  let toErase: string[] = [];
  const eraseBatch = async () => {
    if (!toErase.length) return;
    const people = toErase;
    toErase = [];
    try {
      const ids = await mergeTree(services.pool, orgId, people);
      const result = await eraseCandidates(services, orgId, ids, { type: 'SYSTEM', id: null });
      report.anonymized += people.length;
      report.anonymizedRecords += result.candidateIds.length;
    } catch (err) {
      report.eraseFailed += people.length;
      services.log.warn({ orgId, people: people.length, err: (err as Error).name }, 'retention sweep: erasure failed');
    }
  };
  try {
    for await (const page of inactiveCandidates(services, orgId, policy, now)) {
      report.inactive += page.length;
      await progress.update({ total: report.inactive, ...counts() });
      for (const c of page) {
        const step = retentionStep(policy, c, now);
        if (step === 'wait') report.waiting++;
        else if (step === 'erase') {
          toErase.push(c.id);
          if (toErase.length >= ERASE_BATCH) await eraseBatch();
        } else {
          const deadline = new Date(Math.max(addMonths(c.lastActivityAt, policy.months).getTime(), now.getTime() + policy.renewalNoticeDays * DAY_MS));
          try {
            const sent = await sendConsentRenewal(services, orgId, policy, { candidateId: c.id, lastActivityAt: c.lastActivityAt, deadline }, now);
            if (sent.status === 'SENT') report.noticesSent++;
            else report.noticesHeldBack++;
          } catch (err) {
            report.noticesFailed++;
            services.log.warn({ orgId, candidateId: c.id, err: (err as Error).name }, 'retention sweep: renewal email failed');
          }
        }
        await progress.update({ total: report.inactive, ...counts() });
      }
    }
    await eraseBatch();
    await progress.flush();
    await finishBulkJob(services, job.id, { counts: { total: report.inactive, ...counts() }, report: { ...report } });
  } catch (err) {
    await finishBulkJob(services, job.id, { counts: { total: report.inactive, ...counts() }, report: { ...report }, error: (err as Error).message });
    throw err;
  }
  return report;
}

/** Every organization with an enabled policy. */
export async function sweepRetention(services: Services, now = new Date()) {
  const { rows } = await services.pool.query<{ id: string; retention: unknown }>(
    `SELECT id, settings->'retention' AS retention FROM "Organization" WHERE settings->'retention'->>'isEnabled' = 'true' ORDER BY id`,
  );
  const reports: Record<string, TRetentionReport> = {};
  for (const org of rows) {
    const policy = ZRetentionPolicy.safeParse(org.retention);
    if (!policy.success) {
      services.log.warn({ orgId: org.id }, 'retention sweep: the stored policy is invalid; organization skipped');
      continue;
    }
    reports[org.id] = await sweepOrganization(services, org.id, policy.data, now);
  }
  return reports;
}

export const RETENTION_SWEEP_JOB: PeriodicJob = { name: 'retention-sweep', everyMs: DAY_MS, run: (services) => sweepRetention(services) };
