// A note on a candidate (Markdown), optionally about one of their
// applications: the row and its audit entry commit together. A hiring manager
// or interviewer may attach a note only to an application they reach; a note
// without one is candidate-wide (recruiting team and its author see it).
import crypto from 'node:crypto';
import type { Pool } from 'pg';
import { z } from 'zod';
import type { AuthContext } from '../../auth';
import { AppError } from '../../errors';
import { withTransaction } from '../../platform/db/transaction';
import { recordAudit } from '../audit';
import { candidateVisibility } from './candidate-visibility';

export const MAX_NOTE_CHARS = 20_000;

export const ZAddCandidateNote = z
  .object({
    body: z.string().trim().min(1, 'a note needs some text').max(MAX_NOTE_CHARS),
    applicationId: z.string().min(1).max(64).optional(),
  })
  .strict();
export type TAddCandidateNote = z.infer<typeof ZAddCandidateNote>;

export async function addCandidateNote(pool: Pool, auth: AuthContext, candidateId: string, input: TAddCandidateNote) {
  if (input.applicationId) {
    const seen = await candidateVisibility(pool, auth, candidateId);
    if (!seen.applicationIds.includes(input.applicationId)) {
      throw new AppError('NOT_FOUND', `application ${input.applicationId} not found`, [{ path: 'body.applicationId', message: "no application of this candidate's that you can see", code: 'not_found' }]);
    }
  }
  return withTransaction(pool, async (client) => {
    const id = crypto.randomUUID();
    const { rows: [note] } = await client.query<{ id: string; body: string; applicationId: string | null; createdAt: Date }>(
      `INSERT INTO "CandidateNote" (id, "orgId", "candidateId", "applicationId", "authorId", body, "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, now())
       RETURNING id, body, "applicationId", "createdAt"`,
      [id, auth.orgId, candidateId, input.applicationId ?? null, auth.userId, input.body],
    );
    // The audit row says a note was added and where; the text stays in the note.
    await recordAudit(client, { orgId: auth.orgId, actorType: 'USER', actorId: auth.userId, action: 'note.added', entityType: 'CandidateNote', entityId: id, after: { candidateId, applicationId: input.applicationId ?? null, length: input.body.length } });
    return { ...note!, candidateId, authorId: auth.userId };
  });
}
