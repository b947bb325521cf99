// One candidate's timeline, newest first: applications, stage moves, decisions,
// messages (with their opens, clicks, replies and bounces), tasks, interviews,
// scorecards, notes, offers and merges, and the CRM's engagement, events, pools
// and campaigns (timeline-crm-sources.ts), merged by one UNION ALL over the
// source tables and paged by keyset on (occurredAt, id).
// What a viewer sees follows candidateVisibility: their applications only for
// hiring managers and interviewers, no messages or offers for interviewers, and
// others' scorecards hidden until the viewer has submitted their own. EEO
// answers are never read here.
import { z } from 'zod';
import type { Pool } from 'pg';
import type { AuthContext } from '../../auth';
import { candidateVisibility } from './candidate-visibility';
import { decodeTimelineCursor, encodeTimelineCursor } from './timeline-cursor';
import { CRM_TIMELINE_KINDS, CRM_TIMELINE_SOURCES, MESSAGE_CAMPAIGN_JOIN, MESSAGE_ENGAGEMENT_DATA } from './timeline-crm-sources';

export const TIMELINE_KINDS = [
  'application.created', 'stage.moved', 'application.rejected', 'application.hired',
  'message.sent', 'message.received', 'task.created', 'task.completed',
  'interview.requested', 'interview.scheduled', 'interview.cancelled', 'scorecard.submitted',
  'note.added', 'offer.created', 'offer.sent', 'offer.accepted', 'offer.declined', 'offer.answered', 'candidate.merged',
  ...CRM_TIMELINE_KINDS,
] as const;
export type TTimelineKind = (typeof TIMELINE_KINDS)[number];

export const ZTimelineQuery = z
  .object({
    cursor: z.string().max(500).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(30),
    /** Only these kinds, comma-separated (e.g. message.sent,engagement.clicked). */
    kinds: z.string().max(2000).transform((s) => s.split(',').map((k) => k.trim()).filter(Boolean)).pipe(z.array(z.enum(TIMELINE_KINDS)).min(1)).optional(),
  })
  .strict();
export type TTimelineQuery = z.infer<typeof ZTimelineQuery>;

export interface TTimelineEntry {
  id: string;
  kind: TTimelineKind;
  occurredAt: Date;
  applicationId: string | null;
  /** The person behind the entry: author, interviewer, assignee or actor. */
  userId: string | null;
  data: Record<string, unknown>;
}

const JOB_OF_APP = `JOIN "Application" a ON a.id = x."applicationId" AND a."candidateId" = $1 AND a."orgId" = $2 JOIN "Job" j ON j.id = a."jobId"`;

// A mention's inbox task shows on its note ("notified …"), not as a task of its own.
const NOT_MENTION = `t."idempotencyKey" NOT LIKE 'note:%:mention:%'`;

// Each branch: id (prefixed by its source, so ids never collide), kind, occurredAt, applicationId, userId, data.
const SOURCES = [
  `SELECT 'application:' || a.id, 'application.created', a."appliedAt", a.id, NULL::text,
          jsonb_build_object('jobId', j.id, 'jobTitle', j.title, 'source', a.source)
     FROM "Application" a JOIN "Job" j ON j.id = a."jobId" WHERE a."candidateId" = $1 AND a."orgId" = $2`,
  `SELECT 'transition:' || x.id, 'stage.moved', x.at, a.id, CASE WHEN x."actorType" = 'USER' THEN x."actorId" END,
          jsonb_build_object('jobTitle', j.title, 'fromStage', fs.name, 'toStage', ts.name, 'toStageKind', ts.kind, 'actorType', x."actorType", 'actorName', u.name, 'reason', x.reason)
     FROM "StageTransition" x ${JOB_OF_APP}
     LEFT JOIN "Stage" fs ON fs.id = x."fromStageId" JOIN "Stage" ts ON ts.id = x."toStageId"
     LEFT JOIN "User" u ON x."actorType" = 'USER' AND u.id = x."actorId"
    WHERE x."fromStageId" IS NOT NULL`,
  `SELECT 'rejected:' || a.id, 'application.rejected', a."rejectedAt", a.id, a."rejectedById",
          jsonb_build_object('jobTitle', j.title, 'reason', rr.label, 'note', a."rejectionReason", 'actorName', u.name)
     FROM "Application" a JOIN "Job" j ON j.id = a."jobId" LEFT JOIN "RejectionReason" rr ON rr.id = a."rejectionReasonId" LEFT JOIN "User" u ON u.id = a."rejectedById"
    WHERE a."candidateId" = $1 AND a."orgId" = $2 AND a."rejectedAt" IS NOT NULL`,
  `SELECT 'hired:' || a.id, 'application.hired', a."hiredAt", a.id, NULL, jsonb_build_object('jobTitle', j.title)
     FROM "Application" a JOIN "Job" j ON j.id = a."jobId" WHERE a."candidateId" = $1 AND a."orgId" = $2 AND a."hiredAt" IS NOT NULL`,
  `SELECT 'message:' || m.id, CASE WHEN m.direction = 'INBOUND' THEN 'message.received' ELSE 'message.sent' END, m."createdAt", r."applicationId", NULL,
          jsonb_build_object('messageId', m.id, 'subject', m.subject, 'channel', m.channel, 'status', m.status, 'sentAt', m."sentAt", ${MESSAGE_ENGAGEMENT_DATA})
     FROM "Message" m LEFT JOIN "Run" r ON r.id = m."runId" ${MESSAGE_CAMPAIGN_JOIN} WHERE m."candidateId" = $1 AND m."orgId" = $2`,
  `SELECT 'task:' || t.id, 'task.created', t."createdAt", t."applicationId", t."assigneeId",
          jsonb_build_object('taskId', t.id, 'title', t.title, 'taskKind', t.kind, 'assigneeName', u.name, 'assigneeRole', t."assigneeRole", 'dueAt', t."dueAt", 'status', t.status)
     FROM "Task" t LEFT JOIN "User" u ON u.id = t."assigneeId" WHERE t."candidateId" = $1 AND t."orgId" = $2 AND ${NOT_MENTION}`,
  `SELECT 'task-completed:' || t.id, 'task.completed', t."completedAt", t."applicationId", t."assigneeId",
          jsonb_build_object('taskId', t.id, 'title', t.title, 'taskKind', t.kind, 'actorName', u.name)
     FROM "Task" t LEFT JOIN "User" u ON u.id = t."completedById" WHERE t."candidateId" = $1 AND t."orgId" = $2 AND t.status = 'COMPLETED' AND t."completedAt" IS NOT NULL AND ${NOT_MENTION}`,
  `SELECT 'interview:' || x.id, CASE WHEN x."startsAt" IS NULL THEN 'interview.requested' ELSE 'interview.scheduled' END, x."createdAt", a.id, x."organizerId",
          jsonb_build_object('interviewId', x.id, 'title', x.title, 'status', x.status, 'startsAt', x."startsAt", 'endsAt', x."endsAt", 'jobTitle', j.title,
            'interviewers', (SELECT coalesce(jsonb_agg(u.name ORDER BY u.name), '[]'::jsonb) FROM "InterviewParticipant" p JOIN "User" u ON u.id = p."userId" WHERE p."interviewId" = x.id))
     FROM "Interview" x ${JOB_OF_APP}`,
  `SELECT 'interview-cancelled:' || x.id, 'interview.cancelled', x."cancelledAt", a.id, NULL,
          jsonb_build_object('interviewId', x.id, 'title', x.title, 'reason', x."cancelReason", 'jobTitle', j.title)
     FROM "Interview" x ${JOB_OF_APP} WHERE x."cancelledAt" IS NOT NULL`,
  `SELECT 'scorecard:' || x.id, 'scorecard.submitted', x."submittedAt", a.id, x."interviewerId",
          jsonb_build_object('score', x.score, 'recommendation', x.recommendation, 'notes', x.notes, 'interviewerName', u.name, 'interviewTitle', i.title, 'jobTitle', j.title)
     FROM "Scorecard" x ${JOB_OF_APP} LEFT JOIN "Interview" i ON i.id = x."interviewId" LEFT JOIN "User" u ON u.id = x."interviewerId"`,
  `SELECT 'note:' || n.id, 'note.added', n."createdAt", n."applicationId", n."authorId",
          jsonb_build_object('noteId', n.id, 'body', n.body, 'authorName', u.name, 'jobTitle', j.title,
            'mentioned', (SELECT coalesce(jsonb_agg(mu.name ORDER BY mu.name), '[]'::jsonb) FROM "Task" mt JOIN "User" mu ON mu.id = mt."assigneeId"
                           WHERE mt."candidateId" = n."candidateId" AND mt."idempotencyKey" LIKE 'note:' || n.id || ':mention:%'))
     FROM "CandidateNote" n LEFT JOIN "User" u ON u.id = n."authorId" LEFT JOIN "Application" na ON na.id = n."applicationId" LEFT JOIN "Job" j ON j.id = na."jobId"
    WHERE n."candidateId" = $1 AND n."orgId" = $2`,
  `SELECT 'offer:' || x.id, 'offer.created', x."createdAt", a.id, x."createdById",
          jsonb_build_object('offerId', x.id, 'status', x.status, 'salaryAmount', x."salaryAmount"::text, 'currency', x.currency, 'salaryUnit', x."salaryUnit", 'jobTitle', j.title)
     FROM "Offer" x ${JOB_OF_APP}`,
  `SELECT 'offer-sent:' || x.id, 'offer.sent', x."sentAt", a.id, NULL, jsonb_build_object('offerId', x.id, 'jobTitle', j.title)
     FROM "Offer" x ${JOB_OF_APP} WHERE x."sentAt" IS NOT NULL`,
  `SELECT 'offer-answered:' || x.id, CASE x.status WHEN 'ACCEPTED' THEN 'offer.accepted' WHEN 'DECLINED' THEN 'offer.declined' ELSE 'offer.answered' END, x."respondedAt", a.id, NULL,
          jsonb_build_object('offerId', x.id, 'status', x.status, 'jobTitle', j.title)
     FROM "Offer" x ${JOB_OF_APP} WHERE x."respondedAt" IS NOT NULL`,
  `SELECT 'merge:' || cm.id, 'candidate.merged', cm."mergedAt", NULL, cm."mergedById",
          jsonb_build_object('mergedId', cm."mergedId", 'mergedName', mc."firstName" || ' ' || mc."lastName", 'actorName', u.name, 'isUndone', cm."undoneAt" IS NOT NULL)
     FROM "CandidateMerge" cm JOIN "Candidate" mc ON mc.id = cm."mergedId" LEFT JOIN "User" u ON u.id = cm."mergedById"
    WHERE cm."survivorId" = $1 AND cm."orgId" = $2`,
  ...CRM_TIMELINE_SOURCES,
];

// $3 org-wide, $4 reachable applications, $5 applications with own-scorecards-only, $6 viewer, $7 interviewer.
const VISIBLE = `
      ($3 OR e."applicationId" = ANY($4::text[]) OR (e.kind = 'note.added' AND e."userId" = $6))
  AND (e.kind NOT LIKE 'task.%' OR $3 OR e."userId" = $6 OR (NOT $7 AND e."applicationId" = ANY($4::text[])))
  AND (NOT $7 OR (e.kind NOT LIKE 'message.%' AND e.kind NOT LIKE 'offer.%'))
  AND NOT (e.kind = 'scorecard.submitted' AND e."applicationId" = ANY($5::text[]) AND e."userId" IS DISTINCT FROM $6)
  AND (e.kind <> 'candidate.merged' OR $3)`;

const TIMELINE_SQL = `
  SELECT e.id, e.kind, e."occurredAt", e."applicationId", e."userId", e.data
    FROM (${SOURCES.map((s) => `(${s})`).join('\n UNION ALL ')}) AS e(id, kind, "occurredAt", "applicationId", "userId", data)
   WHERE ${VISIBLE}
     AND ($8::timestamptz IS NULL OR (e."occurredAt", e.id) < ($8::timestamptz, $9::text))
     AND ($11::text[] IS NULL OR e.kind = ANY($11::text[]))
   ORDER BY e."occurredAt" DESC, e.id DESC
   LIMIT $10`;

export async function listCandidateTimeline(pool: Pool, auth: AuthContext, candidateId: string, query: TTimelineQuery) {
  const cursor = query.cursor ? decodeTimelineCursor(query.cursor) : null;
  const seen = await candidateVisibility(pool, auth, candidateId);
  const { rows } = await pool.query<TTimelineEntry>(TIMELINE_SQL, [
    candidateId, auth.orgId, seen.isOrgWide, seen.applicationIds, seen.ownScorecardsOnlyIds, auth.userId, seen.isInterviewer,
    cursor?.occurredAt ?? null, cursor?.id ?? null, query.limit + 1, query.kinds ?? null,
  ]);
  const entries = rows.slice(0, query.limit);
  const last = entries[entries.length - 1];
  return {
    entries,
    nextCursor: rows.length > query.limit && last ? encodeTimelineCursor({ occurredAt: last.occurredAt.toISOString(), id: last.id }) : null,
  };
}
