// Erasure ("right to be forgotten"): a person's data is anonymized everywhere the system keeps
// it, in one transaction, and the facts that are not about them (a message was sent by a campaign,
// an application reached a stage, an event had an attendee) stay as counts. What happens to
// each table is listed in docs/crm.md (Data rights); the test that proves it scans every text,
// JSON and array column of every table, the file storage and Temporal for the address
// (test/api/data-rights/erase-candidate.integration.test.ts).
//
// Order: lock the person's records, collect what identifies them (personal-data-tokens.ts),
// rewrite their rows, scrub copies elsewhere in the organization by value, block their
// addresses (Suppression reason "erased", hash only), delete resume files, write one audit entry
// without personal data, commit; then delete their workflows' histories from Temporal and send
// interviewers the cancellation of booked interviews.
// Idempotent: erasing again finds nothing left to scrub and retries what Temporal missed.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { PoolClient } from 'pg';
import { withTransaction } from '../../platform/db/transaction';
import { createResumeStorage, resumeStorageRoot } from '../../apply/resume-storage';
import { recordAudit, type TAuditActorType } from '../audit';
import { addressHash } from '../messaging/address-hash';
import type { Services } from '../services';
import { personalTokens, stringLeaves, tokenPattern, type TPersonFields } from './personal-data-tokens';
import { deleteWorkflowHistories, type TWorkflowDeletion } from './delete-workflow-histories';
import { scrubOrganizationCopies, scrubPersonRows } from './scrub-person-rows';
import { ANONYMIZE_CANDIDATES_SQL } from './anonymized-candidate';
import { personRecords } from './erasure-scope';

export interface TErasureActor {
  type: Extract<TAuditActorType, 'USER' | 'SYSTEM'>;
  id: string | null;
}

export interface TErasureResult {
  /** The records erased (a person merged from duplicates has several). */
  candidateIds: string[];
  /** Rows changed or removed per kind: no personal data, safe for audit and reports. */
  counts: Record<string, number>;
  workflows: TWorkflowDeletion;
}

const PERSON_COLUMNS = `c.id, c."firstName", c."lastName", c.email, c.phone, c."phoneE164", c.links, c."linkKeys", c."resumeText"`;

/**
 * Erases the given candidate records (whole merge trees: see erasure-scope.ts) as one erasure.
 * The retention sweep passes many people at once; the route passes one person's records.
 */
export async function eraseCandidates(services: Services, orgId: string, candidateIds: readonly string[], actor: TErasureActor): Promise<TErasureResult> {
  const storage = createResumeStorage(resumeStorageRoot(services.config.TRELLIS_DATA_DIR));
  const { counts, workflowIds, starts, erasedIds } = await withTransaction(services.pool, async (client) => {
    const { rows: people } = await client.query<TPersonFields & { id: string }>(
      `SELECT ${PERSON_COLUMNS} FROM "Candidate" c WHERE c.id = ANY($1::text[]) AND c."orgId" = $2 ORDER BY c.id FOR UPDATE`, [candidateIds, orgId],
    );
    const ids = people.map((p) => p.id);
    const { rows: merges } = await client.query<{ survivorId: string; mergedId: string; snapshot: Record<string, TPersonFields> }>(
      `SELECT "survivorId", "mergedId", snapshot FROM "CandidateMerge" WHERE "orgId" = $1 AND ("survivorId" = ANY($2::text[]) OR "mergedId" = ANY($2::text[]))`, [orgId, ids],
    );
    const { rows: files } = await client.query<{ storageKey: string; text: string | null; parsed: unknown }>(
      `SELECT "storageKey", text, parsed FROM "ResumeFile" WHERE "candidateId" = ANY($1::text[]) AND "orgId" = $2`, [ids, orgId],
    );
    // Snapshots keep earlier versions of the rows (a duplicate's own address, the survivor before the merge).
    const records: TPersonFields[] = [...people];
    for (const m of merges) {
      if (ids.includes(m.mergedId) && m.snapshot.merged) records.push(m.snapshot.merged);
      if (ids.includes(m.survivorId)) records.push(m.snapshot.survivorBefore ?? {}, m.snapshot.survivorAfter ?? {});
    }
    const tokens = personalTokens(records, files.map((f) => [f.text ?? '', ...stringLeaves(f.parsed)].join('\n')));
    const strong = tokenPattern(tokens.strong);
    const all = tokenPattern([...tokens.strong, ...tokens.weak]);

    const counts: Record<string, number> = { candidates: ids.length, resumeFiles: files.length };
    const scope = { orgId, candidateIds: ids, tokens, strong, all };
    const { workflowIds, starts } = await scrubPersonRows(client, scope, counts);
    await scrubOrganizationCopies(client, scope, counts);
    await blockAddresses(client, orgId, ids, records, counts);
    await client.query(`DELETE FROM "ResumeFile" WHERE "candidateId" = ANY($1::text[]) AND "orgId" = $2`, [ids, orgId]);
    await client.query(ANONYMIZE_CANDIDATES_SQL, [ids, orgId]);
    for (const id of ids) {
      await recordAudit(client, { orgId, actorType: actor.type, actorId: actor.id, action: 'candidate.erased', entityType: 'Candidate', entityId: id, after: { erasedRecords: ids.length, counts } });
    }
    // Last before commit: a failure here rolls the erasure back, and erasing again removes the rest.
    for (const f of files) await removeStoredFile(storage, f.storageKey);
    return { counts, workflowIds, starts, erasedIds: ids };
  });
  void services.outbox.deliverNow(starts);
  const workflows = await deleteWorkflowHistories(services.temporal, workflowIds, services.log);
  services.log.info({ orgId, erasedRecords: erasedIds.length, workflowsDeleted: workflows.deleted, workflowsFailed: workflows.failed.length }, 'candidate data erased');
  return { candidateIds: erasedIds, counts, workflows };
}

/** The file and its content-hash folder, which is empty once this file goes. */
async function removeStoredFile(storage: ReturnType<typeof createResumeStorage>, storageKey: string) {
  await storage.remove(storageKey);
  const folder = storageKey.split('/').slice(0, -1).join('/');
  await fs.rmdir(path.join(storage.root, folder)).catch(() => undefined);
}

/**
 * Every address of the person stays blocked without being kept: a Suppression row per address
 * hash with reason "erased" and no address (an existing row for the address is turned into one).
 */
async function blockAddresses(client: PoolClient, orgId: string, ids: string[], records: TPersonFields[], counts: Record<string, number>) {
  const addresses = new Map<string, string | null>();
  for (const r of records) {
    for (const v of [r.email, r.phoneE164]) if (typeof v === 'string' && v.trim() && !addresses.has(v.trim().toLowerCase())) addresses.set(v.trim().toLowerCase(), typeof r.id === 'string' ? r.id : null);
  }
  for (const [address, candidateId] of addresses) {
    await client.query(
      `INSERT INTO "Suppression" (id, "orgId", address, "addressHash", "candidateId", reason) VALUES (gen_random_uuid()::text, $1, NULL, $2, $3, 'erased')
       ON CONFLICT ("orgId", "addressHash") DO UPDATE SET address = NULL, reason = 'erased', "candidateId" = COALESCE("Suppression"."candidateId", EXCLUDED."candidateId")`,
      [orgId, addressHash(orgId, address), candidateId],
    );
  }
  const { rowCount } = await client.query(`UPDATE "Suppression" SET address = NULL WHERE "orgId" = $1 AND "candidateId" = ANY($2::text[]) AND address IS NOT NULL`, [orgId, ids]);
  counts.suppressedAddresses = addresses.size + (rowCount ?? 0);
}

/** Erases the person `candidateId` belongs to: every record of its merge tree (erasure-scope.ts). */
export async function erasePerson(services: Services, orgId: string, candidateId: string, actor: TErasureActor): Promise<TErasureResult & { survivorId: string }> {
  const { survivorId, candidateIds } = await personRecords(services.pool, orgId, candidateId);
  return { survivorId, ...(await eraseCandidates(services, orgId, candidateIds, actor)) };
}
