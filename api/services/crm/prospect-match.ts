// Who a prospect is, and what it adds to them: pure, so the rules are unit-tested without a database.
// A prospect matches the person with its email (a merged record's survivor), else a live person with its
// E.164 phone, else a live person sharing a profile link whose name is the same (the apply path's
// duplicate rules, api/apply/find-duplicates.ts). A match only fills empty places and adds tags, skills
// and link keys (the merge's own rule, api/merge/candidate-merge-plan.ts): an import never overwrites what a
// recruiter typed, so importing the same file twice changes nothing the second time.
import type { TLinks } from '../../resumes/parse-contact';
import { normalizedName } from '../../apply/link-keys';
import { planSurvivorChange } from '../../merge/candidate-merge-plan';
import { fillLinks, linksEqual } from './profile-links';
import type { TProspect } from './prospect';

export type TMatchReason = 'email' | 'phone' | 'name_and_link';

/** A profile as the upsert reads and writes it. */
export interface TPerson {
  id: string;
  isNew: boolean;
  /** Erased: never matched into, never revived. */
  isAnonymized: boolean;
  isInPool: boolean;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  phoneE164: string | null;
  timeZone: string | null;
  location: string | null;
  city: string | null;
  countryCode: string | null;
  headline: string | null;
  yearsExperience: number | null;
  links: TLinks;
  linkKeys: string[];
  skills: string[];
  tags: string[];
  source: string | null;
  sourceDetail: Record<string, unknown> | null;
  referrerId: string | null;
  interestLevel: string | null;
  education: object[];
  employers: object[];
}

/** Columns the upsert writes: the same list for inserts and updates. */
export const PERSON_COLUMNS = [
  'email', 'phone', 'phoneE164', 'timeZone', 'location', 'city', 'countryCode', 'headline', 'yearsExperience', 'links', 'linkKeys',
  'skills', 'tags', 'source', 'referrerId', 'interestLevel', 'education', 'employers',
] as const satisfies readonly (keyof TPerson)[];

export interface TUpsertOptions {
  /** Added to every person, created or matched. */
  tags: string[];
  /** Source of created profiles that do not name their own. */
  source: string;
  sourceDetail?: Record<string, unknown>;
  /** Matched people join this pool (and created ones). */
  poolId?: string;
}

export class PeopleIndex {
  private readonly byEmail = new Map<string, TPerson>();
  private readonly byPhone = new Map<string, TPerson[]>();
  private readonly byLinkKey = new Map<string, TPerson[]>();

  /** `email` is the address that led to the person (a merged record's address leads to its survivor). */
  add(person: TPerson, email: string | null = person.email) {
    if (email) this.byEmail.set(email, person);
    if (person.isAnonymized) return;
    if (person.phoneE164) push(this.byPhone, person.phoneE164, person);
    for (const key of person.linkKeys) push(this.byLinkKey, key, person);
  }

  /** A person whose email is `email`, whoever it is (the address is taken). */
  hasEmail(email: string) {
    return this.byEmail.has(email);
  }

  match(p: TProspect): { person: TPerson; reason: TMatchReason } | null {
    const byEmail = p.email ? this.byEmail.get(p.email) : undefined;
    if (byEmail) return { person: byEmail, reason: 'email' };
    const byPhone = p.phoneE164 ? this.byPhone.get(p.phoneE164)?.[0] : undefined;
    if (byPhone) return { person: byPhone, reason: 'phone' };
    // A shared link alone is not enough (a company page, a shared repository): the name must match too.
    if (p.firstName) {
      const name = normalizedName(p.firstName, p.lastName ?? '');
      for (const key of p.linkKeys) {
        const person = this.byLinkKey.get(key)?.find((x) => normalizedName(x.firstName, x.lastName) === name);
        if (person) return { person, reason: 'name_and_link' };
      }
    }
    return null;
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === '';

/**
 * What `p` adds to `person` (changed in place), as the names of the changed columns (plus "pool" when the
 * person joins the pool). Empty places are filled, lists are unioned; nothing set is replaced.
 */
export function addProspectTo(person: TPerson, p: TProspect, options: TUpsertOptions, index: PeopleIndex): string[] {
  const incoming = {
    phone: p.phone, phoneE164: p.phoneE164, timeZone: p.timeZone, location: p.location, city: p.city, countryCode: p.countryCode,
    headline: p.headline, yearsExperience: p.yearsExperience, education: p.education, employers: p.employers,
    skills: p.skills, tags: [...p.tags, ...options.tags], linkKeys: p.linkKeys,
  };
  const current = {
    phone: person.phone, phoneE164: person.phoneE164, timeZone: person.timeZone, location: person.location, city: person.city,
    countryCode: person.countryCode, headline: person.headline, yearsExperience: person.yearsExperience, education: person.education,
    employers: person.employers, skills: person.skills, tags: person.tags, linkKeys: person.linkKeys,
  };
  const { after } = planSurvivorChange(current, incoming);
  Object.assign(person, after);
  const changed = Object.keys(after);
  const links = fillLinks(person.links, p.links);
  if (!linksEqual(links, person.links)) {
    person.links = links;
    changed.push('links');
  }
  // The address is free: had anyone held it, the prospect would have matched them by email.
  if (!person.email && p.email && !index.hasEmail(p.email)) {
    person.email = p.email;
    changed.push('email');
  }
  for (const field of ['source', 'interestLevel', 'referrerId'] as const) {
    const value = p[field as keyof TProspect] as string | undefined;
    if (isEmpty(person[field]) && !isEmpty(value)) {
      person[field] = value!;
      changed.push(field);
    }
  }
  index.add(person);
  if (options.poolId && !person.isInPool) {
    person.isInPool = true;
    changed.push('pool');
  }
  return changed;
}

/** A new profile from `p` (the caller checked it has a name). */
export function newPerson(id: string, p: TProspect, options: TUpsertOptions): TPerson {
  return {
    id, isNew: true, isAnonymized: false, isInPool: !!options.poolId,
    firstName: p.firstName!, lastName: p.lastName ?? '', email: p.email ?? null, phone: p.phone ?? null, phoneE164: p.phoneE164 ?? null,
    timeZone: p.timeZone ?? null, location: p.location ?? null, city: p.city ?? null, countryCode: p.countryCode ?? null,
    headline: p.headline ?? null, yearsExperience: p.yearsExperience ?? null, links: p.links, linkKeys: p.linkKeys, skills: p.skills,
    tags: [...new Set([...p.tags, ...options.tags])], source: p.source ?? options.source, sourceDetail: p.sourceDetail ?? options.sourceDetail ?? null,
    referrerId: p.referrerId ?? null, interestLevel: p.interestLevel ?? null, education: p.education ?? [], employers: p.employers ?? [],
  };
}
