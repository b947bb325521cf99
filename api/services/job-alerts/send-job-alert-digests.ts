// The periodic job `job-alert-digests`: each active alert that is due (a day or
// a week since its last digest) gets its new matching open jobs as one digest
// email, marketing mail on the topic "jobs" through the send path (consent,
// unsubscribes, quiet hours and caps apply at send time). "New" is a job first
// posted after the alert was made and never sent to it (JobAlertDelivery).
// The jobs of a digest are reserved first (delivery rows without a message) and
// the email's idempotency key names that batch, so a crash, a deferral by quiet
// hours or a frequency cap, or a retry sends the same digest once; nothing new
// means no email.
import type { Services } from '../services';
import type { PeriodicJob } from '../../platform/periodic-jobs';
import { listOpenJobs } from '../../careers/careers-query';
import { EMPLOYMENT_LABELS, jobPath, locationLabel, type TPublicJob } from '../../careers/public-job';
import { escapeHtml as h } from '../../careers/escape';
import { deliverCandidateEmail } from '../events/candidate-email-deps';
import { publicBaseUrl } from '../events/event-record';
import { describeCriteria, jobMatchesAlert, ZJobAlertCriteria, type TJobAlertCriteria } from './job-alert-criteria';
import { stopAlertUrl } from './subscribe-job-alert';

const HOUR_MS = 3_600_000;
/** Time since the last digest before the next; an hour short of the period, so a sweep's drift never skips one. */
export const DIGEST_INTERVAL_MS: Record<string, number> = { DAILY: 23 * HOUR_MS, WEEKLY: 7 * 24 * HOUR_MS - HOUR_MS };
const ALERTS_PER_PAGE = 1000;
/** A digest lists at most this many jobs (the rest stay new for the next one). */
export const MAX_JOBS_PER_DIGEST = 25;

interface TDueAlert {
  id: string;
  orgId: string;
  orgSlug: string;
  orgName: string;
  candidateId: string;
  criteria: unknown;
  createdAt: Date;
  /** When the reserved batch was made; null when nothing waits to be sent. */
  pendingSince: Date | null;
}

export interface TDigestPass {
  alerts: number;
  sent: number;
  deferred: number;
  suppressed: number;
}

export async function sendJobAlertDigests(services: Services, now = new Date()): Promise<TDigestPass> {
  const pass: TDigestPass = { alerts: 0, sent: 0, deferred: 0, suppressed: 0 };
  const jobsByOrg = new Map<string, TPublicJob[]>();
  // Keyset pages over every due alert, so alerts with nothing new never crowd out the rest.
  for (let after = ''; ;) {
    // Due by frequency, or holding a reserved batch that still has to go out (deferred, or interrupted).
    const { rows: due } = await services.pool.query<TDueAlert>(
      `SELECT a.id, a."orgId", o.slug AS "orgSlug", o.name AS "orgName", a."candidateId", a.criteria, a."createdAt",
              (SELECT min(d."sentAt") FROM "JobAlertDelivery" d WHERE d."alertId" = a.id AND d."messageId" IS NULL) AS "pendingSince"
         FROM "JobAlert" a JOIN "Organization" o ON o.id = a."orgId" JOIN "Candidate" c ON c.id = a."candidateId"
        WHERE a."isActive" AND a.id > $5 AND c."anonymizedAt" IS NULL AND c."mergedIntoId" IS NULL AND c.email IS NOT NULL
          AND (a."lastSentAt" IS NULL OR a."lastSentAt" <= $1::timestamptz - make_interval(secs => CASE a.frequency WHEN 'DAILY' THEN $2::float8 ELSE $3::float8 END / 1000)
               OR EXISTS (SELECT 1 FROM "JobAlertDelivery" d WHERE d."alertId" = a.id AND d."messageId" IS NULL))
        ORDER BY a.id LIMIT $4`,
      [now, DIGEST_INTERVAL_MS.DAILY, DIGEST_INTERVAL_MS.WEEKLY, ALERTS_PER_PAGE, after],
    );
    pass.alerts += due.length;
    for (const alert of due) {
      if (!jobsByOrg.has(alert.orgId)) jobsByOrg.set(alert.orgId, await listOpenJobs(services.prisma, alert.orgId, now));
      const outcome = await digestOne(services, alert, jobsByOrg.get(alert.orgId)!, now).catch((err) => {
        services.log.warn({ alertId: alert.id, err: (err as Error).message }, 'job alert digest failed; the next pass retries it');
        return null;
      });
      if (outcome === 'SENT') pass.sent++;
      else if (outcome === 'DEFERRED') pass.deferred++;
      else if (outcome === 'SUPPRESSED') pass.suppressed++;
    }
    if (due.length < ALERTS_PER_PAGE) break;
    after = due[due.length - 1]!.id;
  }
  if (pass.sent || pass.deferred || pass.suppressed) services.log.info(pass, 'job alert digests');
  return pass;
}

async function digestOne(services: Services, alert: TDueAlert, openJobs: readonly TPublicJob[], now: Date): Promise<'SENT' | 'DEFERRED' | 'SUPPRESSED' | null> {
  const parsed = ZJobAlertCriteria.safeParse(alert.criteria);
  if (!parsed.success) return null;
  let batchAt = alert.pendingSince;
  if (!batchAt) {
    const { rows: delivered } = await services.pool.query<{ jobId: string }>(`SELECT "jobId" FROM "JobAlertDelivery" WHERE "alertId" = $1`, [alert.id]);
    const sent = new Set(delivered.map((d) => d.jobId));
    const fresh = openJobs
      .filter((j) => j.postedAt.getTime() > alert.createdAt.getTime() && !sent.has(j.id) && jobMatchesAlert(j, parsed.data))
      .slice(0, MAX_JOBS_PER_DIGEST);
    if (!fresh.length) return null;
    batchAt = now;
    await services.pool.query(
      `INSERT INTO "JobAlertDelivery" ("alertId", "jobId", "sentAt") SELECT $1, unnest($2::text[]), $3 ON CONFLICT DO NOTHING`,
      [alert.id, fresh.map((j) => j.id), batchAt],
    );
  }
  const { rows: reserved } = await services.pool.query<{ jobId: string }>(`SELECT "jobId" FROM "JobAlertDelivery" WHERE "alertId" = $1 AND "messageId" IS NULL`, [alert.id]);
  const ids = new Set(reserved.map((r) => r.jobId));
  // A job closed since it was reserved is left out of the email (and counts as handled).
  const jobs = openJobs.filter((j) => ids.has(j.id));
  const key = `job-alert:${alert.id}:${batchAt.getTime()}`;
  const result = jobs.length
    ? await deliverCandidateEmail(services, {
        orgId: alert.orgId, candidateId: alert.candidateId, category: 'MARKETING', topic: 'jobs', idempotencyKey: key,
        content: { rendered: digestContent(services, alert, parsed.data, jobs) },
      })
    : null;
  if (result?.status === 'DEFERRED') return 'DEFERRED';
  await services.pool.query(`UPDATE "JobAlertDelivery" SET "messageId" = $2 WHERE "alertId" = $1 AND "messageId" IS NULL AND "jobId" = ANY($3::text[])`, [alert.id, result?.messageId ?? '', [...ids]]);
  if (result?.status === 'SENT') await services.pool.query(`UPDATE "JobAlert" SET "lastSentAt" = $2 WHERE id = $1`, [alert.id, now]);
  return result?.status ?? null;
}

function digestContent(services: Services, alert: TDueAlert, criteria: TJobAlertCriteria, jobs: readonly TPublicJob[]) {
  const base = publicBaseUrl(services.config);
  const urlOf = (j: TPublicJob) => `${base}${jobPath({ slug: alert.orgSlug }, j)}?utm_source=job_alert&utm_medium=email`;
  const meta = (j: TPublicJob) => [j.department, locationLabel(j), EMPLOYMENT_LABELS[j.employmentType]].filter(Boolean).join(' · ');
  const stop = stopAlertUrl(services, alert.orgSlug, alert.id);
  const count = `${jobs.length} new job${jobs.length === 1 ? '' : 's'}`;
  const subject = `${count} at ${alert.orgName}: ${jobs[0]!.title}${jobs.length > 1 ? ' and more' : ''}`;
  const text = `Hello,\n\n${count} at ${alert.orgName} match your alert (${describeCriteria(criteria)}):\n\n` +
    jobs.map((j) => `${j.title}\n${meta(j)}\n${urlOf(j)}`).join('\n\n') +
    `\n\nStop this alert: ${stop}\n`;
  const html = `<div style="font-family:sans-serif"><p>${h(count)} at ${h(alert.orgName)} match your alert (${h(describeCriteria(criteria))}):</p><ul>` +
    jobs.map((j) => `<li style="margin:.5em 0"><a href="${h(urlOf(j))}">${h(j.title)}</a><br><span style="color:#57606a">${h(meta(j))}</span></li>`).join('') +
    `</ul><p style="font-size:12px"><a href="${h(stop)}">Stop this alert</a></p></div>`;
  return { subject, text, html };
}

export const JOB_ALERT_DIGESTS_JOB: PeriodicJob = { name: 'job-alert-digests', everyMs: 15 * 60_000, run: (services) => sendJobAlertDigests(services) };
