// Edits of a profile by the recruiting team: name, contact, place, headline, source and referrer, social and
// portfolio links (validated, their duplicate-check keys kept in step), interest level, tags and skills.
// Merged and erased records are not edited (their survivor is). An email another profile holds is a 409
// pointing at a merge, never a second owner. Audited with the changed field names (values of personal
// fields stay out of the audit log).
import type { Pool } from 'pg';
import { z } from 'zod';
import type { AuthContext } from '../../auth';
import { AppError, notFound } from '../../errors';
import { withTransaction } from '../../platform/db/transaction';
import { linkKeysOf } from '../../apply/link-keys';
import { ZTimeZone } from '../../scheduling/working-hours';
import { recordAudit } from '../audit';
import { canonicalSkills } from '../crm/canonical-skill';
import { ZInterestLevel } from '../crm/interest-level';
import { applyLinks, storedLinks, ZProfileLinks } from '../crm/profile-links';
import { MAX_SKILLS, MAX_TAGS, phoneE164Of, ZEmail, ZTag } from '../crm/prospect';
import { assertReferrer } from '../crm/create-prospect';

const ZOptionalText = (max: number) => z.string().trim().min(1).max(max).nullable().optional();

export const ZCandidateProfilePatch = z
  .object({
    firstName: z.string().trim().min(1).max(100).optional(),
    lastName: z.string().trim().max(100).optional(),
    email: ZEmail.nullable().optional(),
    phone: ZOptionalText(40),
    timeZone: ZTimeZone.nullable().optional(),
    location: ZOptionalText(200),
    city: ZOptionalText(100),
    countryCode: z.string().regex(/^[A-Za-z]{2}$/, 'ISO 3166-1 alpha-2 country code').transform((s) => s.toUpperCase()).nullable().optional(),
    headline: ZOptionalText(200),
    /** Where the person came from: careers_page, referral, sourced, event, import, linkedin... */
    source: ZOptionalText(100),
    /** The user (employee) who referred them; null clears. */
    referrerId: z.string().min(1).max(64).nullable().optional(),
    /** A key given replaces that link (null removes it); `others` replaces the list. */
    links: ZProfileLinks.optional(),
    interestLevel: ZInterestLevel.nullable().optional(),
    /** Replaces the tags (POST /api/tags/bulk adds or removes tags on many people). */
    tags: z.array(ZTag).max(MAX_TAGS).optional(),
    /** Replaces the skills (canonical vocabulary names where one matches). */
    skills: z.array(z.string().trim().min(1).max(100)).max(MAX_SKILLS).optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, 'give at least one field');
export type TCandidateProfilePatch = z.infer<typeof ZCandidateProfilePatch>;

/** Fields whose values are personal data: the audit log names them without their values. */
const PERSONAL = new Set(['firstName', 'lastName', 'email', 'phone', 'phoneE164', 'location', 'city', 'links', 'linkKeys', 'headline', 'timeZone']);

interface ProfileRow {
  firstName: string; lastName: string; email: string | null; phone: string | null; phoneE164: string | null; timeZone: string | null;
  location: string | null; city: string | null; countryCode: string | null; headline: string | null; source: string | null; referrerId: string | null;
  links: unknown; linkKeys: string[]; interestLevel: string | null; tags: string[]; skills: string[]; mergedIntoId: string | null; anonymizedAt: Date | null;
}

export async function updateCandidateProfile(pool: Pool, auth: AuthContext, candidateId: string, patch: TCandidateProfilePatch): Promise<{ changedFields: string[] }> {
  await assertReferrer(pool, auth.orgId, patch.referrerId, 'body.referrerId');
  return withTransaction(pool, async (client) => {
    const { rows: [row] } = await client.query<ProfileRow>(
      `SELECT "firstName", "lastName", email, phone, "phoneE164", "timeZone", location, city, "countryCode", headline, source, "referrerId", links, "linkKeys",
              "interestLevel", tags, skills, "mergedIntoId", "anonymizedAt"
         FROM "Candidate" WHERE id = $1 AND "orgId" = $2 FOR UPDATE`,
      [candidateId, auth.orgId],
    );
    if (!row) throw notFound('Candidate', candidateId);
    if (row.mergedIntoId) throw new AppError('CONFLICT', `candidate ${candidateId} was merged into ${row.mergedIntoId}; edit that profile`, [{ path: 'id', message: 'merged record', code: 'merged' }]);
    if (row.anonymizedAt) throw new AppError('CONFLICT', `candidate ${candidateId} was erased`, [{ path: 'id', message: 'erased record', code: 'erased' }]);

    const next: Record<string, unknown> = {};
    for (const key of ['firstName', 'lastName', 'email', 'timeZone', 'location', 'city', 'countryCode', 'headline', 'source', 'referrerId', 'interestLevel', 'tags'] as const) {
      if (patch[key] !== undefined) next[key] = key === 'tags' ? [...new Set(patch.tags)] : patch[key];
    }
    if (patch.phone !== undefined) {
      next.phone = patch.phone;
      next.phoneE164 = patch.phone ? phoneE164Of(patch.phone, (patch.countryCode ?? row.countryCode)?.trim() || undefined) : null;
    }
    if (patch.skills) next.skills = canonicalSkills(patch.skills);
    if (patch.links) {
      const before = storedLinks(row.links);
      const after = applyLinks(before, patch.links);
      next.links = after;
      // Keys a merge brought in stay; those of links removed here go; those of new links come.
      const dropped = new Set(linkKeysOf(before));
      next.linkKeys = [...new Set([...row.linkKeys.filter((k) => !dropped.has(k)), ...linkKeysOf(after)])];
    }
    if (typeof next.email === 'string' && next.email !== row.email) {
      const { rows: [owner] } = await client.query<{ id: string }>(`SELECT id FROM "Candidate" WHERE "orgId" = $1 AND email = $2 AND id <> $3`, [auth.orgId, next.email, candidateId]);
      if (owner) throw new AppError('CONFLICT', `another profile (${owner.id}) has this email; merge the two instead`, [{ path: 'body.email', message: 'used by another profile', code: 'duplicate' }]);
    }
    const current: Record<string, unknown> = { ...row, links: storedLinks(row.links) };
    const changed = Object.keys(next).filter((k) => JSON.stringify(next[k] ?? null) !== JSON.stringify(normalise(current[k])));
    if (!changed.length) return { changedFields: [] };
    const set = changed.map((k, i) => `"${k}" = $${i + 3}${k === 'links' ? '::jsonb' : ''}`);
    await client.query(`UPDATE "Candidate" SET ${set.join(', ')}, "updatedAt" = now() WHERE id = $1 AND "orgId" = $2`, [
      candidateId, auth.orgId, ...changed.map((k) => (k === 'links' ? JSON.stringify(next[k]) : next[k])),
    ]);
    const values = (source: Record<string, unknown>) => Object.fromEntries(changed.filter((k) => !PERSONAL.has(k)).map((k) => [k, normalise(source[k])]));
    await recordAudit(client, {
      orgId: auth.orgId, actorType: 'USER', actorId: auth.userId, action: 'candidate.updated', entityType: 'Candidate', entityId: candidateId,
      before: values(current), after: { ...values(next), fields: changed },
    });
    return { changedFields: changed };
  });
}

const normalise = (v: unknown) => (typeof v === 'string' ? v.trim() : v ?? null);
