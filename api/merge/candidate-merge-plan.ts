// What a merge changes on the survivor, decided without a database so it can be
// unit tested: empty survivor fields take the duplicate's value, list fields
// (skills, tags, link keys) become the union. `survivorBefore` holds exactly
// the survivor's previous values of the fields that change, which is what undo
// writes back.

/** Columns a merge may fill on the survivor; JSON ones are sent as JSON text. */
export const FILLABLE_FIELDS = [
  'phone', 'phoneE164', 'timeZone', 'location', 'city', 'region', 'countryCode', 'headline', 'yearsExperience',
  'currentResumeId', 'resumeText', 'links', 'education', 'employers',
] as const;
export const UNION_FIELDS = ['skills', 'tags', 'linkKeys'] as const;
export const JSON_FIELDS: ReadonlySet<string> = new Set(['links', 'education', 'employers']);

export type TCandidateFields = Record<string, unknown>;

const isEmpty = (v: unknown) =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0);

export interface TSurvivorChange {
  /** New values of the survivor's changed fields. */
  after: TCandidateFields;
  /** The survivor's values of the same fields before the merge. */
  before: TCandidateFields;
}

export function planSurvivorChange(survivor: TCandidateFields, merged: TCandidateFields): TSurvivorChange {
  const after: TCandidateFields = {};
  const before: TCandidateFields = {};
  for (const f of FILLABLE_FIELDS) {
    if (isEmpty(survivor[f]) && !isEmpty(merged[f])) {
      after[f] = merged[f];
      before[f] = survivor[f] ?? null;
    }
  }
  // The resume text belongs to the current resume: only taken together with it.
  if ('resumeText' in after && !('currentResumeId' in after) && !isEmpty(survivor.currentResumeId)) {
    delete after.resumeText;
    delete before.resumeText;
  }
  for (const f of UNION_FIELDS) {
    const mine = (survivor[f] as string[] | null) ?? [];
    const union = [...new Set([...mine, ...((merged[f] as string[] | null) ?? [])])];
    if (union.length !== mine.length) {
      after[f] = union;
      before[f] = mine;
    }
  }
  return { after, before };
}
