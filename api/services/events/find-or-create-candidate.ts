// A person who signs up without a login (an event registration, a job alert) is
// one candidate: found by email (following merges to the surviving record) or
// created as a prospect, in the caller's transaction. A new person is then
// checked against the apply path's other duplicate rules (phone, name plus a
// shared link) and flagged for a recruiter to merge, never merged blindly.
import type { PoolClient } from 'pg';
import { AppError } from '../../errors';
import type { Services } from '../services';
import { findDuplicates } from '../../apply/find-duplicates';
import { SURVIVING_CANDIDATE_SQL } from '../../merge/surviving-candidate';

export interface TRegistrant {
  firstName: string;
  lastName: string;
  email: string;
  phone?: string;
}

export async function findOrCreateCandidate(client: PoolClient, orgId: string, person: TRegistrant | { candidateId: string }, origin: { source: string; detail: Record<string, unknown> }): Promise<{ id: string; isNew: boolean }> {
  if ('candidateId' in person) {
    const { rows } = await client.query<{ id: string }>(SURVIVING_CANDIDATE_SQL, [person.candidateId, orgId]);
    if (!rows[0]) throw new AppError('NOT_FOUND', `candidate ${person.candidateId} not found`, [{ path: 'body.candidateId', message: 'no such candidate' }]);
    const { rows: [c] } = await client.query<{ anonymizedAt: Date | null; email: string | null }>(`SELECT "anonymizedAt", email FROM "Candidate" WHERE id = $1`, [rows[0].id]);
    if (c!.anonymizedAt) throw new AppError('CONFLICT', 'this candidate was erased', [{ path: 'body.candidateId', message: 'erased', code: 'erased' }]);
    return { id: rows[0].id, isNew: false };
  }
  const email = person.email.trim().toLowerCase();
  const existing = await client.query<{ id: string; mergedIntoId: string | null }>(`SELECT id, "mergedIntoId" FROM "Candidate" WHERE "orgId" = $1 AND email = $2`, [orgId, email]);
  if (existing.rows[0]) {
    const { rows } = await client.query<{ id: string }>(SURVIVING_CANDIDATE_SQL, [existing.rows[0].id, orgId]);
    const id = rows[0]!.id;
    // What the form adds to a known person: only what the profile lacks.
    if (person.phone) await client.query(`UPDATE "Candidate" SET phone = $2 WHERE id = $1 AND phone IS NULL`, [id, person.phone]);
    return { id, isNew: false };
  }
  const { rows: created } = await client.query<{ id: string }>(
    `INSERT INTO "Candidate" (id, "orgId", kind, "firstName", "lastName", email, phone, source, "sourceDetail", "updatedAt")
     VALUES (replace(gen_random_uuid()::text, '-', ''), $1, 'PROSPECT', $2, $3, $4, $5, $6, $7::jsonb, now())
     ON CONFLICT ("orgId", email) DO NOTHING RETURNING id`,
    [orgId, person.firstName, person.lastName, email, person.phone ?? null, origin.source, JSON.stringify(origin.detail)],
  );
  if (created[0]) return { id: created[0].id, isNew: true };
  // Created by a concurrent request a moment ago.
  const { rows } = await client.query<{ id: string }>(`SELECT id FROM "Candidate" WHERE "orgId" = $1 AND email = $2`, [orgId, email]);
  return { id: rows[0]!.id, isNew: false };
}

/** The apply path's duplicate rules for a person the form just created: a suspected duplicate is flagged for a recruiter to merge. */
export async function flagDuplicates(services: Services, orgId: string, candidateId: string) {
  const me = await services.prisma.candidate.findUniqueOrThrow({ where: { id: candidateId }, select: { email: true, phoneE164: true, linkKeys: true, firstName: true, lastName: true } });
  const duplicates = await findDuplicates(services.prisma, orgId, { id: candidateId, ...me });
  if (!duplicates.length) return;
  await services.prisma.auditEvent.create({
    data: { orgId, actorType: 'SYSTEM', action: 'candidate.duplicates_suspected', entityType: 'Candidate', entityId: candidateId, after: { matches: duplicates.map((d) => ({ candidateId: d.candidateId, reasons: d.reasons })) } },
  });
}
