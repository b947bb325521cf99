// What an erased candidate row holds: the one list of personal columns and their anonymized
// values, used for the live rows (SQL) and for the copies of rows in merge snapshots (JSON).
// Kept: ids, kind, source channel, merge links, timestamps and counters' dates, which say
// nothing about who the person was.

type TSqlKind = 'text' | 'real' | 'text[]' | 'jsonb';

const FIELDS: ReadonlyArray<[column: string, value: unknown, kind: TSqlKind]> = [
  ['firstName', 'Erased', 'text'],
  ['lastName', '', 'text'],
  ['email', null, 'text'],
  ['phone', null, 'text'],
  ['phoneE164', null, 'text'],
  ['timeZone', null, 'text'],
  ['location', null, 'text'],
  ['city', null, 'text'],
  ['region', null, 'text'],
  ['countryCode', null, 'text'],
  ['headline', null, 'text'],
  ['yearsExperience', null, 'real'],
  ['skills', [], 'text[]'],
  ['sourceDetail', null, 'jsonb'],
  ['referrerId', null, 'text'],
  ['links', {}, 'jsonb'],
  ['linkKeys', [], 'text[]'],
  ['education', [], 'jsonb'],
  ['employers', [], 'jsonb'],
  ['tags', [], 'text[]'],
  ['interestLevel', null, 'text'],
  ['profile', {}, 'jsonb'],
  ['currentResumeId', null, 'text'],
  ['resumeText', null, 'text'],
];

/** Column -> anonymized value. */
export const ANONYMIZED_CANDIDATE: Readonly<Record<string, unknown>> = Object.fromEntries(FIELDS.map(([c, v]) => [c, v]));

const literal = (value: unknown, kind: TSqlKind) => {
  if (value === null) return 'NULL';
  if (kind === 'jsonb') return `'${JSON.stringify(value)}'::jsonb`;
  if (kind === 'text[]') return `'{}'::text[]`;
  return `'${String(value).replace(/'/g, "''")}'`;
};

/** UPDATE of the candidate rows $1 (ids) of organization $2 to their anonymized values. */
export const ANONYMIZE_CANDIDATES_SQL = `UPDATE "Candidate" SET ${FIELDS.map(([c, v, k]) => `"${c}" = ${literal(v, k)}`).join(', ')},
    "engagementScore" = 0, "anonymizedAt" = COALESCE("anonymizedAt", now()), "updatedAt" = now()
  WHERE id = ANY($1::text[]) AND "orgId" = $2`;

/** A copy of a candidate row (or some of its fields) with the personal fields it has anonymized. */
export function anonymizeCandidateFields<T extends Record<string, unknown>>(fields: T): T {
  const out: Record<string, unknown> = { ...fields };
  for (const key of Object.keys(out)) if (key in ANONYMIZED_CANDIDATE) out[key] = ANONYMIZED_CANDIDATE[key];
  return out as T;
}
