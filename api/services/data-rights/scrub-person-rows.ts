// The two halves of an erasure's database work (erase-candidates.ts runs them in its transaction):
// - scrubPersonRows: the rows that are about the person (found by candidate, application,
//   interview and run ids) lose their personal content; live work stops (runs, tasks,
//   interviews, offers, active applications); rows that only mean something for the person
//   (notes, preferences, job alerts, pool memberships, EEO answers) are deleted;
// - scrubOrganizationCopies: copies of the person's identifiers elsewhere in the organization
//   (audit diffs, import reports, outbox payloads, other profiles' notes, saved searches,
//   unlinked messages, task titles) are cut out by value (personal-data-tokens.ts).
import type { PoolClient } from 'pg';
import type { OutboxRow } from '../outbox-dispatcher';
import { queueInterviewCalendar } from '../interviews/interview-booking';
import { likePatterns, scrubJson, type TPersonalTokens } from './personal-data-tokens';
import { anonymizeCandidateFields } from './anonymized-candidate';
import { scrubColumns } from './scrub-columns';
import { interviewCalendarWorkflowId } from '../../../workflows/constants';

export interface TErasureScope {
  orgId: string;
  candidateIds: string[];
  tokens: TPersonalTokens;
  /** Matches the strong tokens (anywhere in the organization). */
  strong: RegExp | null;
  /** Matches strong and weak tokens (rows about the person). */
  all: RegExp | null;
}

const ERASED_REASON = 'Candidate data erased';

async function count(client: PoolClient, counts: Record<string, number>, key: string, sql: string, values: unknown[]) {
  const { rowCount } = await client.query(sql, values);
  counts[key] = (counts[key] ?? 0) + (rowCount ?? 0);
}

/**
 * Scrubs and stops everything about the person. Returns the workflow ids whose histories go too, and
 * the calendar workflows to start after commit: booked interviews are cancelled to their interviewers.
 */
export async function scrubPersonRows(client: PoolClient, s: TErasureScope, counts: Record<string, number>): Promise<{ workflowIds: string[]; starts: OutboxRow[] }> {
  const ids = s.candidateIds;
  const org = s.orgId;
  const strongLike = likePatterns(s.tokens.strong);
  const { rows: apps } = await client.query<{ id: string }>(`SELECT id FROM "Application" WHERE "candidateId" = ANY($1::text[]) AND "orgId" = $2`, [ids, org]);
  const appIds = apps.map((a) => a.id);

  // Messages both ways: the counts campaigns report stay (status, category, dates, campaign), the content goes.
  await count(client, counts, 'messages', `UPDATE "Message" SET subject = NULL, "bodyText" = '', "bodyHtml" = NULL, links = '{}', "providerMessageId" = NULL, error = NULL,
      "toAddress" = CASE WHEN direction = 'OUTBOUND' THEN '' ELSE "toAddress" END,
      "fromAddress" = CASE WHEN direction = 'INBOUND' THEN '' ELSE "fromAddress" END,
      "idempotencyKey" = CASE WHEN "idempotencyKey" ILIKE ANY($3::text[]) THEN 'erased:' || id ELSE "idempotencyKey" END
    WHERE "candidateId" = ANY($1::text[]) AND "orgId" = $2`, [ids, org, strongLike]);
  await scrubColumns(client, 'Message', { toAddress: 'text', fromAddress: 'text', threadId: 'text', policyReason: 'text' }, `"candidateId" = ANY($1::text[]) AND "orgId" = $2`, [ids, org], s.all);

  await count(client, counts, 'notes', `DELETE FROM "CandidateNote" WHERE "candidateId" = ANY($1::text[]) AND "orgId" = $2`, [ids, org]);

  // Applications stay for the job's numbers; answers go, an active one is withdrawn.
  await count(client, counts, 'applications', `UPDATE "Application" SET answers = '{}',
      "idempotencyKey" = CASE WHEN "idempotencyKey" ILIKE ANY($2::text[]) THEN NULL ELSE "idempotencyKey" END,
      "rejectedAt" = CASE WHEN status = 'ACTIVE' THEN now() ELSE "rejectedAt" END,
      "rejectionReason" = CASE WHEN status = 'ACTIVE' THEN '${ERASED_REASON}' ELSE "rejectionReason" END,
      status = CASE WHEN status = 'ACTIVE' THEN 'WITHDRAWN'::"ApplicationStatus" ELSE status END, "updatedAt" = now()
    WHERE id = ANY($1::text[])`, [appIds, strongLike]);
  await scrubColumns(client, 'Application', { rejectionReason: 'text', screening: 'json', utm: 'json', source: 'text' }, `id = ANY($1::text[])`, [appIds], s.all);
  await count(client, counts, 'eeoResponses', `DELETE FROM "EeoResponse" WHERE "applicationId" = ANY($1::text[])`, [appIds]);
  await scrubColumns(client, 'StageTransition', { reason: 'text' }, `"applicationId" = ANY($1::text[]) AND reason IS NOT NULL`, [appIds], s.all);

  const { rows: interviews } = await client.query<{ id: string; icsSequence: number }>(`SELECT id, "icsSequence" FROM "Interview" WHERE "applicationId" = ANY($1::text[])`, [appIds]);
  const interviewIds = interviews.map((i) => i.id);
  // A booked interview sits in interviewers' calendars: the next invite version cancels it there (the
  // invite is built after commit from the anonymized rows, so it names no one and goes to no candidate).
  const { rows: booked } = await client.query<{ id: string; icsSequence: number }>(`UPDATE "Interview" SET status = 'CANCELLED', "cancelledAt" = now(),
      "cancelReason" = '${ERASED_REASON}', "icsSequence" = "icsSequence" + 1, "updatedAt" = now()
    WHERE id = ANY($1::text[]) AND status IN ('SCHEDULED', 'RESCHEDULED') RETURNING id, "icsSequence"`, [interviewIds]);
  await count(client, counts, 'interviewsCancelled', `UPDATE "Interview" SET status = 'CANCELLED', "cancelledAt" = now(), "cancelReason" = '${ERASED_REASON}', "updatedAt" = now()
    WHERE id = ANY($1::text[]) AND status = 'REQUESTED'`, [interviewIds]);
  counts.interviewsCancelled! += booked.length;
  await scrubColumns(client, 'Interview', { title: 'text', cancelReason: 'text', location: 'text', meetingUrl: 'text' }, `id = ANY($1::text[])`, [interviewIds], s.all);
  await client.query(`UPDATE "InterviewRequest" SET status = CASE WHEN status = 'OPEN' THEN 'WITHDRAWN'::"InterviewRequestStatus" ELSE status END,
      "candidateAvailability" = NULL, "candidateTimeZone" = NULL WHERE "interviewId" = ANY($1::text[])`, [interviewIds]);

  // Opinions about the person are their personal data: the written parts go, the scores stay for the job's numbers.
  await count(client, counts, 'scorecards', `UPDATE "Scorecard" SET notes = NULL WHERE "applicationId" = ANY($1::text[])`, [appIds]);
  await client.query(`UPDATE "ScorecardRating" SET note = NULL WHERE note IS NOT NULL AND "scorecardId" IN (SELECT id FROM "Scorecard" WHERE "applicationId" = ANY($1::text[]))`, [appIds]);
  const { rows: offers } = await client.query<{ id: string }>(`UPDATE "Offer" SET status = CASE WHEN status IN ('DRAFT', 'PENDING_APPROVAL', 'APPROVED', 'SENT') THEN 'WITHDRAWN'::"OfferStatus" ELSE status END,
      notes = NULL, "updatedAt" = now() WHERE "applicationId" = ANY($1::text[]) RETURNING id`, [appIds]);
  counts.offers = offers.length;
  await scrubColumns(client, 'Offer', { equity: 'text', bonus: 'text' }, `id = ANY($1::text[])`, [offers.map((o) => o.id)], s.all);
  await scrubColumns(client, 'OfferApproval', { comment: 'text' }, `"offerId" = ANY($1::text[]) AND comment IS NOT NULL`, [offers.map((o) => o.id)], s.all);

  const taskWhere = `("candidateId" = ANY($1::text[]) OR "applicationId" = ANY($2::text[])) AND "orgId" = $3`;
  await count(client, counts, 'tasksCancelled', `UPDATE "Task" SET status = 'CANCELLED' WHERE ${taskWhere} AND status = 'OPEN'`, [ids, appIds, org]);
  await scrubColumns(client, 'Task', { title: 'text', outcome: 'json' }, taskWhere, [ids, appIds, org], s.all);

  const { rows: runs } = await client.query<{ id: string; workflowId: string }>(
    `SELECT id, "workflowId" FROM "Run" WHERE ("candidateId" = ANY($1::text[]) OR "applicationId" = ANY($2::text[])) AND "orgId" = $3`, [ids, appIds, org],
  );
  const runIds = runs.map((r) => r.id);
  await count(client, counts, 'runsCancelled', `UPDATE "Run" SET status = 'CANCELLED', "exitReason" = 'erased', "endedAt" = now() WHERE id = ANY($1::text[]) AND status IN ('PENDING', 'RUNNING')`, [runIds]);
  await scrubColumns(client, 'Run', { steps: 'json' }, `id = ANY($1::text[])`, [runIds], s.all);
  const workflowIds = [...runs.map((r) => r.workflowId), ...interviewWorkflowIds(interviews)];
  // Starts and signals not yet delivered would bring the runs back.
  await client.query(`UPDATE "OutboxEvent" SET status = 'FAILED', "lastError" = 'candidate data erased' WHERE status = 'PENDING' AND payload->>'workflowId' = ANY($1::text[])`, [workflowIds]);
  await scrubColumns(client, 'OutboxEvent', { payload: 'json', lastError: 'text' }, `payload->>'workflowId' = ANY($1::text[])`, [workflowIds], s.all);

  // Consent history stays (purpose, status, time, text version): the proof of what was agreed, without the person.
  await scrubColumns(client, 'ConsentRecord', { source: 'text' }, `"candidateId" = ANY($1::text[])`, [ids], s.all);
  await count(client, counts, 'consentsWithdrawn', `INSERT INTO "ConsentRecord" (id, "orgId", "candidateId", purpose, status, source)
    SELECT gen_random_uuid()::text, l."orgId", l."candidateId", l.purpose, 'WITHDRAWN', 'erasure' FROM (
      SELECT DISTINCT ON ("candidateId", purpose) "orgId", "candidateId", purpose, status FROM "ConsentRecord"
       WHERE "candidateId" = ANY($1::text[]) ORDER BY "candidateId", purpose, at DESC, id DESC) l
    WHERE l.status = 'GRANTED'`, [ids]);
  await count(client, counts, 'contactPreferences', `DELETE FROM "ContactPreference" WHERE "candidateId" = ANY($1::text[])`, [ids]);
  await count(client, counts, 'jobAlerts', `DELETE FROM "JobAlert" WHERE "candidateId" = ANY($1::text[]) AND "orgId" = $2`, [ids, org]);
  await count(client, counts, 'poolMemberships', `DELETE FROM "TalentPoolMember" WHERE "candidateId" = ANY($1::text[])`, [ids]);
  await scrubColumns(client, 'EventRegistration', { source: 'text' }, `"candidateId" = ANY($1::text[]) AND "orgId" = $2`, [ids, org], s.all);

  await scrubMergeSnapshots(client, s);
  await scrubColumns(client, 'AuditEvent', { before: 'json', after: 'json' }, `"orgId" = $1 AND "entityId" = ANY($2::text[])`, [org, [...ids, ...appIds, ...interviewIds, ...offers.map((o) => o.id), ...runIds]], s.all);
  const starts: OutboxRow[] = [];
  for (const interview of booked) starts.push(await queueInterviewCalendar(client, org, interview.id, interview.icsSequence));
  return { workflowIds, starts };
}

/** Workflow ids of interviews' calendar workflows (one per invite version). */
const interviewWorkflowIds = (interviews: ReadonlyArray<{ id: string; icsSequence: number }>) =>
  interviews.flatMap((i) => Array.from({ length: i.icsSequence + 1 }, (_, seq) => interviewCalendarWorkflowId(i.id, seq)));

/** Merge snapshots hold copies of the person's rows: their personal fields are anonymized in place, so undo restores an erased record. */
async function scrubMergeSnapshots(client: PoolClient, s: TErasureScope) {
  const { rows } = await client.query<{ id: string; survivorId: string; mergedId: string; snapshot: Record<string, unknown> }>(
    `SELECT id, "survivorId", "mergedId", snapshot FROM "CandidateMerge" WHERE "orgId" = $1 AND ("survivorId" = ANY($2::text[]) OR "mergedId" = ANY($2::text[]))`, [s.orgId, s.candidateIds],
  );
  for (const m of rows) {
    const snap = { ...m.snapshot };
    const anonymize = (key: string) => {
      if (snap[key] && typeof snap[key] === 'object') snap[key] = anonymizeCandidateFields(snap[key] as Record<string, unknown>);
    };
    if (s.candidateIds.includes(m.mergedId)) anonymize('merged');
    if (s.candidateIds.includes(m.survivorId)) ['survivorBefore', 'survivorAfter'].forEach(anonymize);
    await client.query(`UPDATE "CandidateMerge" SET snapshot = $2::jsonb WHERE id = $1`, [m.id, JSON.stringify(scrubJson(snap, s.all))]);
  }
}

/** Copies of the person's identifiers (strong tokens) anywhere else in the organization. */
export async function scrubOrganizationCopies(client: PoolClient, s: TErasureScope, counts: Record<string, number>) {
  if (!s.strong) return;
  const like = likePatterns(s.tokens.strong);
  const org = s.orgId;
  const scrub = async (key: string, table: string, columns: Parameters<typeof scrubColumns>[2], where: string) => {
    counts[key] = (counts[key] ?? 0) + (await scrubColumns(client, table, columns, `"orgId" = $1 AND (${where})`, [org, like], s.strong));
  };
  await scrub('auditEntries', 'AuditEvent', { before: 'json', after: 'json' }, `before::text ILIKE ANY($2::text[]) OR after::text ILIKE ANY($2::text[])`);
  await scrub('otherNotes', 'CandidateNote', { body: 'text' }, `body ILIKE ANY($2::text[])`);
  // Messages to no candidate: interviewers' invites name the candidate, forwarded replies quote them.
  await scrub('unlinkedMessages', 'Message', { subject: 'text', bodyText: 'text', bodyHtml: 'text', toAddress: 'text', fromAddress: 'text', error: 'text' },
    `"candidateId" IS NULL AND (subject ILIKE ANY($2::text[]) OR "bodyText" ILIKE ANY($2::text[]) OR "bodyHtml" ILIKE ANY($2::text[]) OR "toAddress" ILIKE ANY($2::text[]) OR "fromAddress" ILIKE ANY($2::text[]))`);
  await client.query(`UPDATE "Message" SET "idempotencyKey" = 'erased:' || id WHERE "orgId" = $1 AND "candidateId" IS NULL AND "idempotencyKey" ILIKE ANY($2::text[])`, [org, like]);
  await scrub('bulkJobReports', 'BulkJob', { report: 'json', error: 'text' }, `report::text ILIKE ANY($2::text[]) OR error ILIKE ANY($2::text[])`);
  await scrub('outboxPayloads', 'OutboxEvent', { payload: 'json', lastError: 'text' }, `payload::text ILIKE ANY($2::text[]) OR "lastError" ILIKE ANY($2::text[])`);
  await client.query(`UPDATE "OutboxEvent" SET "dedupeKey" = 'erased:' || id WHERE "orgId" = $1 AND "dedupeKey" ILIKE ANY($2::text[])`, [org, like]);
  // Names are unique per organization and chosen by recruiters: only the queries are scrubbed.
  await scrub('savedSearches', 'SavedSearch', { query: 'json' }, `query::text ILIKE ANY($2::text[])`);
  await scrub('segments', 'Segment', { query: 'json' }, `query::text ILIKE ANY($2::text[])`);
  await scrub('taskTitles', 'Task', { title: 'text', outcome: 'json' }, `title ILIKE ANY($2::text[]) OR outcome::text ILIKE ANY($2::text[])`);
}
