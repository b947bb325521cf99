// Creates or fills profiles for a batch of prospects in the caller's transaction: one look-up of everyone the
// batch could match (locked), the decisions in memory (prospect-match.ts), then one INSERT of the new
// profiles, one UPDATE of the changed ones, the pool memberships and an audit row per profile created or
// changed (field names only, no personal data). Imports call it per batch; POST /api/candidates for one.
import crypto from 'node:crypto';
import type { PoolClient } from 'pg';
import { SURVIVING_CANDIDATE_SQL } from '../../merge/surviving-candidate';
import type { TAuditActorType } from '../audit';
import { storedLinks } from './profile-links';
import { isIdentifiable, NOT_IDENTIFIABLE, type TProspect } from './prospect';
import { addProspectTo, newPerson, PeopleIndex, PERSON_COLUMNS, type TMatchReason, type TPerson, type TUpsertOptions } from './prospect-match';

export type TUpsertResult =
  | { outcome: 'created'; candidateId: string }
  | { outcome: 'merged'; candidateId: string; matchedBy: TMatchReason; changedFields: string[] }
  | { outcome: 'unchanged'; candidateId: string; matchedBy: TMatchReason }
  | { outcome: 'failed'; reason: string };

export interface TUpsertContext extends TUpsertOptions {
  orgId: string;
  actor: { type: TAuditActorType; id: string | null };
  /** Audit actions of a created and of a changed profile. */
  auditActions: { created: string; changed: string };
  /** Recorded on the audit rows (the import's bulk job). */
  auditDetail?: Record<string, unknown>;
}

const SELECT_PERSON = `c.id, c."mergedIntoId", c."anonymizedAt" IS NOT NULL AS "isAnonymized", c."firstName", c."lastName", c.email, c.phone, c."phoneE164",
  c."timeZone", c.location, c.city, c."countryCode", c.headline, c."yearsExperience", c.links, c."linkKeys", c.skills, c.tags, c.source,
  c."sourceDetail", c."referrerId", c."interestLevel", c.education, c.employers,
  EXISTS (SELECT 1 FROM "TalentPoolMember" m WHERE m."poolId" = $2 AND m."candidateId" = c.id) AS "isInPool"`;

type PersonRow = Omit<TPerson, 'isNew' | 'links' | 'countryCode'> & { mergedIntoId: string | null; links: unknown; countryCode: string | null };

const toPerson = (r: PersonRow): TPerson => {
  const { mergedIntoId: _merged, ...rest } = r;
  return { ...rest, isNew: false, links: storedLinks(r.links), countryCode: r.countryCode?.trim() || null };
};

/** Everyone the batch could match, locked until the transaction ends, indexed for matching. */
async function lookUp(client: PoolClient, orgId: string, poolId: string | null, prospects: readonly TProspect[]): Promise<PeopleIndex> {
  const emails = [...new Set(prospects.map((p) => p.email).filter((e): e is string => !!e))];
  const phones = [...new Set(prospects.map((p) => p.phoneE164).filter((e): e is string => !!e))];
  const keys = [...new Set(prospects.flatMap((p) => p.linkKeys))];
  const { rows } = await client.query<PersonRow>(
    `SELECT ${SELECT_PERSON} FROM "Candidate" c
      WHERE c."orgId" = $1 AND (c.email = ANY($3::text[])
         OR (c."mergedIntoId" IS NULL AND c."anonymizedAt" IS NULL AND (c."phoneE164" = ANY($4::text[]) OR c."linkKeys" && $5::text[])))
      ORDER BY c."createdAt", c.id FOR UPDATE OF c`,
    [orgId, poolId, emails, phones, keys],
  );
  const index = new PeopleIndex();
  const people = new Map<string, TPerson>();
  for (const row of rows) if (!row.mergedIntoId) people.set(row.id, toPerson(row));
  // An address held by a merged record leads to the record it ended up in.
  const survivorOf = new Map<string, string>();
  for (const row of rows.filter((r) => r.mergedIntoId)) {
    const { rows: [survivor] } = await client.query<{ id: string }>(SURVIVING_CANDIDATE_SQL, [row.id, orgId]);
    survivorOf.set(row.email!, survivor?.id ?? row.mergedIntoId!);
  }
  const missing = [...new Set(survivorOf.values())].filter((id) => !people.has(id));
  if (missing.length) {
    const { rows: survivors } = await client.query<PersonRow>(`SELECT ${SELECT_PERSON} FROM "Candidate" c WHERE c."orgId" = $1 AND c.id = ANY($3::text[]) FOR UPDATE OF c`, [orgId, poolId, missing]);
    for (const row of survivors) people.set(row.id, toPerson(row));
  }
  for (const person of people.values()) index.add(person);
  for (const [email, id] of survivorOf) {
    const person = people.get(id);
    if (person) index.add(person, email);
  }
  return index;
}

const RECORD_COLUMNS = `id text, "firstName" text, "lastName" text, email text, phone text, "phoneE164" text, "timeZone" text, location text, city text,
  "countryCode" text, headline text, "yearsExperience" real, links jsonb, "linkKeys" text[], skills text[], tags text[], source text, "sourceDetail" jsonb,
  "referrerId" text, "interestLevel" text, education jsonb, employers jsonb`;

const recordOf = (p: TPerson) => ({ id: p.id, firstName: p.firstName, lastName: p.lastName, sourceDetail: p.sourceDetail, ...Object.fromEntries(PERSON_COLUMNS.map((c) => [c, p[c]])) });

export async function upsertProspects(client: PoolClient, ctx: TUpsertContext, prospects: readonly TProspect[]): Promise<TUpsertResult[]> {
  const index = await lookUp(client, ctx.orgId, ctx.poolId ?? null, prospects);
  const results: TUpsertResult[] = [];
  const created: TPerson[] = [];
  const changed = new Map<string, { person: TPerson; fields: Set<string> }>();
  for (const p of prospects) {
    if (!isIdentifiable(p)) {
      results.push({ outcome: 'failed', reason: NOT_IDENTIFIABLE });
      continue;
    }
    const match = index.match(p);
    if (match?.person.isAnonymized) {
      results.push({ outcome: 'failed', reason: 'this email address belongs to an erased profile' });
      continue;
    }
    if (match) {
      const fields = addProspectTo(match.person, p, ctx, index);
      if (!fields.length) {
        results.push({ outcome: 'unchanged', candidateId: match.person.id, matchedBy: match.reason });
        continue;
      }
      results.push({ outcome: 'merged', candidateId: match.person.id, matchedBy: match.reason, changedFields: fields });
      // A person created earlier in this batch is inserted with its final fields; no update needed.
      if (!match.person.isNew) {
        const entry = changed.get(match.person.id) ?? { person: match.person, fields: new Set<string>() };
        for (const f of fields) entry.fields.add(f);
        changed.set(match.person.id, entry);
      }
      continue;
    }
    if (!p.firstName) {
      results.push({ outcome: 'failed', reason: 'a new profile needs a name' });
      continue;
    }
    const person = newPerson(crypto.randomUUID(), p, ctx);
    index.add(person);
    created.push(person);
    results.push({ outcome: 'created', candidateId: person.id });
  }
  await write(client, ctx, created, [...changed.values()]);
  return results;
}

async function write(client: PoolClient, ctx: TUpsertContext, created: TPerson[], changed: { person: TPerson; fields: Set<string> }[]) {
  if (created.length) {
    await client.query(
      `INSERT INTO "Candidate" (id, "orgId", kind, "firstName", "lastName", ${PERSON_COLUMNS.map((c) => `"${c}"`).join(', ')}, "sourceDetail", "updatedAt")
       SELECT x.id, $1, 'PROSPECT', x."firstName", x."lastName", ${PERSON_COLUMNS.map((c) => `x."${c}"`).join(', ')}, x."sourceDetail", now()
         FROM jsonb_to_recordset($2::jsonb) AS x(${RECORD_COLUMNS})`,
      [ctx.orgId, JSON.stringify(created.map(recordOf))],
    );
  }
  const updated = changed.filter((c) => [...c.fields].some((f) => f !== 'pool'));
  if (updated.length) {
    await client.query(
      `UPDATE "Candidate" c SET ${PERSON_COLUMNS.map((col) => `"${col}" = x."${col}"`).join(', ')}, "updatedAt" = now()
         FROM jsonb_to_recordset($2::jsonb) AS x(${RECORD_COLUMNS}) WHERE c.id = x.id AND c."orgId" = $1`,
      [ctx.orgId, JSON.stringify(updated.map((c) => recordOf(c.person)))],
    );
  }
  const joining = [...created.map((p) => p.id), ...changed.filter((c) => c.fields.has('pool')).map((c) => c.person.id)];
  if (ctx.poolId && joining.length) {
    await client.query(
      `INSERT INTO "TalentPoolMember" ("poolId", "candidateId", "addedById") SELECT $1, unnest($2::text[]), $3 ON CONFLICT DO NOTHING`,
      [ctx.poolId, joining, ctx.actor.type === 'USER' ? ctx.actor.id : null],
    );
  }
  const audits = [
    ...created.map((p) => ({ action: ctx.auditActions.created, id: p.id, after: { ...ctx.auditDetail, source: p.source, fields: PERSON_COLUMNS.filter((c) => !isBlank(p[c])) } })),
    ...changed.map((c) => ({ action: ctx.auditActions.changed, id: c.person.id, after: { ...ctx.auditDetail, fields: [...c.fields] } })),
  ];
  if (audits.length) {
    await client.query(
      `INSERT INTO "AuditEvent" (id, "orgId", "actorType", "actorId", action, "entityType", "entityId", after)
       SELECT gen_random_uuid()::text, $1, $2::"ActorType", $3, x.action, 'Candidate', x.id, x.after FROM jsonb_to_recordset($4::jsonb) AS x(action text, id text, after jsonb)`,
      [ctx.orgId, ctx.actor.type, ctx.actor.id, JSON.stringify(audits)],
    );
  }
}

const isBlank = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && !v.length) || (typeof v === 'object' && v !== null && !Array.isArray(v) && !Object.values(v).some((x) => x !== null && !(Array.isArray(x) && !x.length)));
