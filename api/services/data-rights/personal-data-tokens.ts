// What identifies one person in free text, and how to cut it out. Erasure knows the columns a
// person's data lives in (erase-candidates.ts), but copies also sit in free text and JSON the
// system keeps for other reasons: audit diffs, import reports, outbox payloads, notes on other
// profiles, message subjects. Those are scrubbed by value, with two strengths:
// - strong tokens (email addresses, phone numbers, link URLs, the full name) name this person
//   wherever they appear, so they are scrubbed anywhere in the organization;
// - weak tokens (the first or the last name alone) only inside rows that are about the person.
// Pure: no database, unit tested (test/api/data-rights/personal-data-tokens.test.ts).

export const ERASED = '[erased]';

/** The personal fields of one candidate row (or a merge snapshot of one). */
export interface TPersonFields {
  id?: unknown;
  firstName?: unknown;
  lastName?: unknown;
  email?: unknown;
  phone?: unknown;
  phoneE164?: unknown;
  links?: unknown;
  linkKeys?: unknown;
  resumeText?: unknown;
}

export interface TPersonalTokens {
  strong: string[];
  weak: string[];
}

const EMAIL_IN_TEXT = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
/** The placeholder names erasure writes: never tokens themselves. */
const ERASED_NAMES = new Set(['erased', '[erased]']);

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** Every string leaf of a JSON value (links { linkedin, github, others[] }, parsed resumes). */
export function stringLeaves(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringLeaves(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringLeaves(v, out);
  return out;
}

/** Email addresses written in a text (a resume lists its owner's addresses). */
export function emailsIn(s: string): string[] {
  return [...s.matchAll(EMAIL_IN_TEXT)].map((m) => m[0].toLowerCase());
}

/**
 * The tokens of one person from all their records (merged-away duplicates and merge snapshots
 * included) and the texts of their resumes. Short strings are left out: a two-letter "name" or
 * a stray digit run would scrub unrelated words.
 */
export function personalTokens(records: readonly TPersonFields[], resumeTexts: readonly string[] = []): TPersonalTokens {
  const strong = new Set<string>();
  const weak = new Set<string>();
  const add = (set: Set<string>, v: string | null, min: number) => {
    if (v && v.length >= min && !ERASED_NAMES.has(v.toLowerCase())) set.add(v);
  };
  for (const r of records) {
    const first = text(r.firstName);
    const last = text(r.lastName);
    add(strong, text(r.email)?.toLowerCase() ?? null, 3);
    add(strong, text(r.phone), 6);
    add(strong, text(r.phoneE164), 6);
    if (first && last) add(strong, `${first} ${last}`, 5);
    add(weak, first, 2);
    add(weak, last, 2);
    for (const link of stringLeaves(r.links)) add(strong, text(link), 6);
    for (const key of Array.isArray(r.linkKeys) ? r.linkKeys : []) add(strong, text(key), 6);
    if (typeof r.resumeText === 'string') for (const e of emailsIn(r.resumeText)) add(strong, e, 3);
  }
  for (const t of resumeTexts) for (const e of emailsIn(t)) add(strong, e, 3);
  return { strong: sortLongestFirst(strong), weak: sortLongestFirst(weak) };
}

// Longest first, so "ada@example.com" is cut before a shorter token inside it.
const sortLongestFirst = (set: Set<string>) => [...set].sort((a, b) => b.length - a.length || a.localeCompare(b));

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A case-insensitive matcher of the tokens; names match whole words only ("Ana" not in "Banana"). */
export function tokenPattern(tokens: readonly string[]): RegExp | null {
  if (!tokens.length) return null;
  const parts = tokens.map((t) => {
    const body = escapeRegExp(t);
    return /^[\p{L}\p{N}]/u.test(t) && /[\p{L}\p{N}]$/u.test(t) ? `(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])` : body;
  });
  return new RegExp(parts.join('|'), 'giu');
}

export function scrubText(s: string, pattern: RegExp | null): string {
  return pattern ? s.replace(pattern, ERASED) : s;
}

/** The JSON value with every matching string (keys too: a map may be keyed by an address) scrubbed. */
export function scrubJson<T>(value: T, pattern: RegExp | null): T {
  if (!pattern) return value;
  if (typeof value === 'string') return scrubText(value, pattern) as T;
  if (Array.isArray(value)) return value.map((v) => scrubJson(v, pattern)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[scrubText(k, pattern)] = scrubJson(v, pattern);
    return out as T;
  }
  return value;
}

/** SQL ILIKE patterns ("%token%") of the tokens, with LIKE's wildcards escaped: a prefilter before scrubbing in code. */
export function likePatterns(tokens: readonly string[]): string[] {
  return tokens.map((t) => `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}
