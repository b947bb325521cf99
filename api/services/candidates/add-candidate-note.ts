// A note on a candidate (Markdown), optionally about one of their
// applications, optionally mentioning colleagues: the note, one inbox task per
// person mentioned ("you were mentioned") and the audit row commit together.
// A hiring manager or interviewer may attach a note only to an application they
// reach; a note without one is candidate-wide (the recruiting team and its
// author see it). Only people who can open the candidate can be mentioned, so
// the task never leads to a profile that refuses them.
import crypto from 'node:crypto';
import type { Pool } from 'pg';
import { z } from 'zod';
import type { Role } from '../../../generated/prisma/client';
import type { AuthContext } from '../../auth';
import { AppError, type ErrorDetail } from '../../errors';
import { withTransaction } from '../../platform/db/transaction';
import { recordAudit } from '../audit';
import { candidateVisibility } from './candidate-visibility';

export const MAX_NOTE_CHARS = 20_000;

export const ZAddCandidateNote = z
  .object({
    body: z.string().trim().min(1, 'a note needs some text').max(MAX_NOTE_CHARS),
    applicationId: z.string().min(1).max(64).optional(),
    /** Colleagues to notify: each gets an inbox task pointing at the candidate. */
    mentionedUserIds: z.array(z.string().min(1).max(64)).max(20).refine((ids) => new Set(ids).size === ids.length, 'each person once').optional(),
  })
  .strict();
export type TAddCandidateNote = z.infer<typeof ZAddCandidateNote>;

/** The mentioned users, each checked: active in the organization and able to open this candidate. */
async function mentionedUsers(pool: Pool, auth: AuthContext, candidateId: string, ids: readonly string[]) {
  const { rows } = await pool.query<{ id: string; name: string; role: Role }>(`SELECT id, name, role FROM "User" WHERE id = ANY($1::text[]) AND "orgId" = $2 AND NOT deactivated`, [ids, auth.orgId]);
  const details: ErrorDetail[] = [];
  for (const [index, id] of ids.entries()) {
    const user = rows.find((u) => u.id === id);
    const path = `body.mentionedUserIds.${index}`;
    if (!user) details.push({ path, message: 'no active user with this id in your organization', code: 'unknown_user' });
    else {
      const theirs = await candidateVisibility(pool, { ...auth, userId: user.id, role: user.role }, candidateId);
      if (!theirs.isOrgWide && !theirs.applicationIds.length) details.push({ path, message: `${user.name} cannot open this candidate`, code: 'out_of_scope' });
    }
  }
  if (details.length) throw new AppError('VALIDATION_FAILED', `cannot mention: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`, details);
  return rows.filter((u) => u.id !== auth.userId);
}

export async function addCandidateNote(pool: Pool, auth: AuthContext, candidateId: string, input: TAddCandidateNote) {
  if (input.applicationId) {
    const seen = await candidateVisibility(pool, auth, candidateId);
    if (!seen.applicationIds.includes(input.applicationId)) {
      throw new AppError('NOT_FOUND', `application ${input.applicationId} not found`, [{ path: 'body.applicationId', message: "no application of this candidate's that you can see", code: 'not_found' }]);
    }
  }
  const mentioned = input.mentionedUserIds?.length ? await mentionedUsers(pool, auth, candidateId, input.mentionedUserIds) : [];
  return withTransaction(pool, async (client) => {
    const id = crypto.randomUUID();
    const { rows: [note] } = await client.query<{ id: string; body: string; applicationId: string | null; createdAt: Date; candidateName: string; authorName: string | null }>(
      `INSERT INTO "CandidateNote" (id, "orgId", "candidateId", "applicationId", "authorId", body, "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, now())
       RETURNING id, body, "applicationId", "createdAt",
                 (SELECT "firstName" || ' ' || "lastName" FROM "Candidate" WHERE id = $3) AS "candidateName", (SELECT name FROM "User" WHERE id = $5) AS "authorName"`,
      [id, auth.orgId, candidateId, input.applicationId ?? null, auth.userId, input.body],
    );
    const mentionTaskIds: string[] = [];
    for (const user of mentioned) {
      const taskId = crypto.randomUUID();
      mentionTaskIds.push(taskId);
      await client.query(
        `INSERT INTO "Task" (id, "orgId", kind, title, "assigneeId", "candidateId", "applicationId", "idempotencyKey") VALUES ($1, $2, 'TODO', $3, $4, $5, $6, $7)`,
        [taskId, auth.orgId, `${note!.authorName ?? 'A colleague'} mentioned you in a note on ${note!.candidateName}`, user.id, candidateId, input.applicationId ?? null, `note:${id}:mention:${user.id}`],
      );
    }
    // The audit row says a note was added, where and whom it notified; the text stays in the note.
    await recordAudit(client, {
      orgId: auth.orgId, actorType: 'USER', actorId: auth.userId, action: 'note.added', entityType: 'CandidateNote', entityId: id,
      after: { candidateId, applicationId: input.applicationId ?? null, length: input.body.length, mentionedUserIds: mentioned.map((u) => u.id), mentionTaskIds },
    });
    const { candidateName: _candidateName, authorName: _authorName, ...created } = note!;
    return { ...created, candidateId, authorId: auth.userId, mentionedUserIds: mentioned.map((u) => u.id) };
  });
}
