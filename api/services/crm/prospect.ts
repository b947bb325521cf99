// One person as a source describes them (a recruiter's form, a CSV row, a JSON Resume), normalised the way
// the profile stores it: email lower-cased, phone also in E.164, country as ISO 3166-1 alpha-2, skills as
// canonical lower-case names, links validated with their duplicate-check keys. upsert-prospects.ts turns a
// TProspect into a new profile or fills the empty places of the person it matches.
import { z } from 'zod';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import type { TLinks } from '../../resumes/parse-contact';
import { ZTimeZone } from '../../scheduling/working-hours';
import { canonicalSkills } from './canonical-skill';
import { countryCodeOf, placeOf } from './country-code';
import { ZInterestLevel, type TInterestLevel } from './interest-level';
import { profileLinkKeys, storedLinks, ZProfileLinks } from './profile-links';

export const MAX_TAGS = 50;
export const MAX_SKILLS = 100;

export interface TProspect {
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  phoneE164?: string;
  timeZone?: string;
  location?: string;
  city?: string;
  countryCode?: string;
  headline?: string;
  yearsExperience?: number;
  links: TLinks;
  linkKeys: string[];
  skills: string[];
  tags: string[];
  source?: string;
  sourceDetail?: Record<string, unknown>;
  interestLevel?: TInterestLevel;
  /** The user who referred them. */
  referrerId?: string;
  /** JSON Resume: TEducation[] / TEmployer[] as the resume parser writes them. */
  education?: object[];
  employers?: object[];
}

export const ZTag = z.string().trim().min(1).max(100);
export const ZEmail = z.string().trim().toLowerCase().pipe(z.email({ error: 'not an email address' })).pipe(z.string().max(254));

/** A prospect as the API takes it (POST /api/candidates): a person a recruiter found. */
export const ZProspectInput = z
  .object({
    firstName: z.string().trim().min(1).max(100),
    lastName: z.string().trim().max(100).default(''),
    email: ZEmail.optional(),
    phone: z.string().trim().min(3).max(40).optional(),
    timeZone: ZTimeZone.optional(),
    /** Free text ("Berlin, Germany"); city and country are taken from it unless given. */
    location: z.string().trim().min(1).max(200).optional(),
    city: z.string().trim().min(1).max(100).optional(),
    countryCode: z.string().regex(/^[A-Za-z]{2}$/, 'ISO 3166-1 alpha-2 country code').transform((s) => s.toUpperCase()).optional(),
    headline: z.string().trim().min(1).max(200).optional(),
    links: ZProfileLinks.optional(),
    skills: z.array(z.string().trim().min(1).max(100)).max(MAX_SKILLS).optional(),
    tags: z.array(ZTag).max(MAX_TAGS).optional(),
    /** Where the person came from: sourced, referral, event, linkedin... Default "sourced". */
    source: z.string().trim().min(1).max(100).optional(),
    /** A user of the organization who referred them (source becomes "referral" unless given). */
    referrerId: z.string().min(1).max(64).optional(),
    interestLevel: ZInterestLevel.optional(),
  })
  .strict()
  .refine((p) => p.email || p.phone || p.links?.linkedin || p.links?.github || p.links?.website, {
    message: 'give an email, a phone or a profile link (LinkedIn, GitHub, website) so the person can be recognised',
    path: ['email'],
  });
export type TProspectInput = z.infer<typeof ZProspectInput>;

/** E.164 when libphonenumber can tell (with the person's country as the default); null otherwise. */
export function phoneE164Of(phone: string, countryCode?: string): string | null {
  const parsed = parsePhoneNumberFromString(phone, countryCode as CountryCode | undefined);
  return parsed?.isValid() ? parsed.number : null;
}

const uniqueTags = (tags: readonly string[]) => [...new Set(tags.map((t) => t.trim()).filter(Boolean))].slice(0, MAX_TAGS);

/** The normalised prospect of already validated fields (shared by the API, CSV rows and JSON Resumes). */
export function toProspect(p: {
  firstName?: string; lastName?: string; email?: string; phone?: string; timeZone?: string; location?: string; city?: string; country?: string;
  headline?: string; yearsExperience?: number; links?: Partial<TLinks>; skills?: readonly string[]; tags?: readonly string[]; source?: string;
  sourceDetail?: Record<string, unknown>; interestLevel?: TInterestLevel; referrerId?: string; education?: object[]; employers?: object[];
}): TProspect {
  const place = p.location && !p.city && !p.country ? placeOf(p.location) : {};
  const countryCode = (p.country ? countryCodeOf(p.country) : null) ?? place.countryCode;
  const links = storedLinks(p.links);
  return {
    firstName: p.firstName || undefined,
    lastName: p.lastName ?? undefined,
    email: p.email || undefined,
    phone: p.phone || undefined,
    phoneE164: (p.phone && phoneE164Of(p.phone, countryCode)) || undefined,
    timeZone: p.timeZone,
    location: p.location || (p.city && countryCode ? `${p.city}, ${countryCode}` : undefined),
    city: p.city || place.city,
    countryCode: countryCode ?? undefined,
    headline: p.headline || undefined,
    yearsExperience: p.yearsExperience,
    links,
    linkKeys: profileLinkKeys(links),
    skills: canonicalSkills(p.skills ?? []).slice(0, MAX_SKILLS),
    tags: uniqueTags(p.tags ?? []),
    source: p.source,
    sourceDetail: p.sourceDetail,
    interestLevel: p.interestLevel,
    referrerId: p.referrerId,
    education: p.education,
    employers: p.employers,
  };
}

/**
 * Can this prospect be recognised again: an email, a phone in E.164 or a profile link? Without one a second
 * import of the same row would make a second person.
 */
export const isIdentifiable = (p: TProspect) => !!(p.email || p.phoneE164 || p.linkKeys.length);
export const NOT_IDENTIFIABLE = 'no email, phone with a country code or profile link (LinkedIn, GitHub, website) to recognise the person by';
