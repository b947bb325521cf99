// Social and portfolio links of a profile, as people type them (LinkedIn, GitHub, a personal site, others):
// each must be an http(s) URL; stored as TLinks (api/resumes/parse-contact.ts), with their identities in
// linkKeys for the duplicate check (api/apply/link-keys.ts). Shared by the profile editor and imports.
import { z } from 'zod';
import type { TLinks } from '../../resumes/parse-contact';
import { linkKey, linkKeysOf } from '../../apply/link-keys';

export const MAX_OTHER_LINKS = 20;

/** "github.com/ada" or "https://github.com/ada/" → "https://github.com/ada"; anything that is not a web address → null. */
export function normaliseProfileUrl(raw: string): string | null {
  const text = raw.trim();
  if (!text || /\s/.test(text)) return null;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (!url.hostname.includes('.') || url.username || url.password) return null;
  url.hash = '';
  return url.toString().replace(/\/$/, '');
}

const ZProfileUrl = z.string().trim().max(500).transform((value, ctx) => {
  const url = normaliseProfileUrl(value);
  if (!url) {
    ctx.addIssue({ code: 'custom', message: 'must be a web address (https://...)' });
    return z.NEVER;
  }
  return url;
});

const hostIs = (url: string, host: string) => {
  const h = new URL(url).hostname.toLowerCase();
  return h === host || h.endsWith(`.${host}`);
};

/** Links as an editor sends them; null clears one. */
export const ZProfileLinks = z
  .object({
    linkedin: ZProfileUrl.refine((u) => hostIs(u, 'linkedin.com') && linkKey(u)?.startsWith('linkedin.com/in/'), 'must be a LinkedIn profile (linkedin.com/in/...)').nullable().optional(),
    github: ZProfileUrl.refine((u) => hostIs(u, 'github.com') && new URL(u).pathname.split('/').filter(Boolean).length >= 1, 'must be a GitHub profile (github.com/<user>)').nullable().optional(),
    website: ZProfileUrl.nullable().optional(),
    others: z.array(ZProfileUrl).max(MAX_OTHER_LINKS).optional(),
  })
  .strict();
export type TProfileLinksInput = z.infer<typeof ZProfileLinks>;

/** Stored links (Candidate.links may be {} or partial on older rows) as a full TLinks. */
export function storedLinks(value: unknown): TLinks {
  const v = (value && typeof value === 'object' ? value : {}) as Partial<TLinks>;
  return { linkedin: v.linkedin ?? null, github: v.github ?? null, website: v.website ?? null, others: Array.isArray(v.others) ? v.others : [] };
}

/** `current` with `input` applied: a given key replaces (null clears), others stay; `others` replaces the list. */
export function applyLinks(current: TLinks, input: TProfileLinksInput): TLinks {
  return {
    linkedin: input.linkedin === undefined ? current.linkedin : input.linkedin,
    github: input.github === undefined ? current.github : input.github,
    website: input.website === undefined ? current.website : input.website,
    others: input.others === undefined ? current.others : [...new Set(input.others)],
  };
}

/** `current` with the empty places filled from `incoming` (an import never overwrites what a recruiter set). */
export function fillLinks(current: TLinks, incoming: TLinks): TLinks {
  const others = [...current.others];
  for (const url of incoming.others) if (!others.includes(url) && others.length < MAX_OTHER_LINKS) others.push(url);
  return { linkedin: current.linkedin ?? incoming.linkedin, github: current.github ?? incoming.github, website: current.website ?? incoming.website, others };
}

export const linksEqual = (a: TLinks, b: TLinks) => JSON.stringify(a) === JSON.stringify(b);

/** The duplicate-check keys of stored links, plus keys the profile already had (a merge's union is kept). */
export const profileLinkKeys = (links: TLinks, existing: readonly string[] = []) => [...new Set([...existing, ...linkKeysOf(links)])];
