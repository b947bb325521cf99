// Contact details from resume text: email, phone (E.164 via libphonenumber
// when the number carries a country code or a default country is known) and
// links sorted into LinkedIn, GitHub, a personal site and the rest.
import { findPhoneNumbersInText, type CountryCode } from 'libphonenumber-js/min';

export interface TPhone {
  /** "+14155550134"; null when the country could not be known. */
  e164: string | null;
  raw: string;
}

export interface TLinks {
  linkedin: string | null;
  github: string | null;
  website: string | null;
  others: string[];
}

// Every repetition is bounded (RFC 5321 lengths): unbounded ones backtrack
// quadratically on a long run of letters, and the text comes from strangers.
const EMAIL = /(?<![\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@(?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,24}(?![\w-])/g;
// "jane [at] example [dot] com", written to dodge scrapers.
const OBFUSCATED_EMAIL = /(?<![\w.%+-])([A-Za-z0-9._%+-]{1,64}) ?[[(] ?at ?[\])] ?([A-Za-z0-9-]{1,63}(?: ?[[(] ?dot ?[\])] ?[A-Za-z0-9-]{1,63}){1,8})/gi;

export function findEmails(text: string): string[] {
  const found = [...text.matchAll(EMAIL)].map((m) => m[0]);
  for (const m of text.matchAll(OBFUSCATED_EMAIL)) found.push(`${m[1]}@${m[2]!.replace(/\s*[[(]\s*dot\s*[\])]\s*/gi, '.')}`);
  return [...new Set(found.map((e) => e.replace(/\.$/, '').toLowerCase()))];
}

const PHONE_LIKE = /(?<![\w+])(\+?\(?\d[\d\s().\-/]{6,20}\d)(?![\w])/g;

/** First phone number in `text`; libphonenumber decides validity and the E.164 form. */
// Phone numbers sit near the top; libphonenumber's scan slows to seconds on
// long digit-heavy text, so only this much is searched.
const PHONE_SEARCH_CHARS = 8_000;

export function findPhone(fullText: string, defaultCountry?: CountryCode): { phone: TPhone; isValid: boolean } | undefined {
  const text = fullText.slice(0, PHONE_SEARCH_CHARS);
  const found = findPhoneNumbersInText(text, defaultCountry ? { defaultCountry } : undefined);
  const first = found[0];
  if (first) return { phone: { e164: first.number.number, raw: text.slice(first.startsAt, first.endsAt) }, isValid: true };
  // Without a country the library finds nothing in "(415) 555-0134"; keep it raw
  // when the line says it is a phone, rather than invent a country.
  for (const line of text.split('\n')) {
    if (!/\b(phone|tel|mobile|cell|ph)\b/i.test(line)) continue;
    for (const m of line.matchAll(PHONE_LIKE)) {
      const digits = m[1]!.replace(/\D/g, '');
      if (digits.length >= 7 && digits.length <= 15) return { phone: { e164: null, raw: m[1]!.trim() }, isValid: false };
    }
  }
  return undefined;
}

const SOCIAL_HOSTS = ['linkedin.com', 'github.com', 'gitlab.com', 'twitter.com', 'x.com', 'stackoverflow.com', 'medium.com', 'dribbble.com', 'behance.net', 'kaggle.com', 'facebook.com', 'instagram.com', 'youtube.com', 'bitbucket.org', 'dev.to', 'substack.com'];
const SCHEME_URL = /\bhttps?:\/\/[^\s<>"'`|]+/gi;
const WWW_URL = /(?<![\w@./-])www\.[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,4}(?:\/[^\s<>"'`|]*)?/gi;
const SOCIAL_URL = new RegExp(`(?<![\\w@./-])(?:[a-z0-9-]{1,63}\\.){0,4}(?:${SOCIAL_HOSTS.map((h) => h.replace(/\./g, '\\.')).join('|')})/[^\\s<>"'\`|]+`, 'gi');
// Bare "janedoe.dev": only trusted in the contact header or after a label, since
// "Node.js" or "ASP.NET" elsewhere look the same.
const BARE_DOMAIN = /(?<![\w@./-])[a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63}){0,4}\.(?:com|dev|io|me|net|org|co|app|site|tech|ai|design|page|blog|info|xyz|portfolio|codes|website|co\.uk|de|fr|nl|ca|eu)(?:\/[^\s<>"'`|]*)?(?![\w@-])/gi;
const LABELLED = /\b(?:website|portfolio|blog|site|web|homepage|url)\s*[:\-–]\s*(\S+)/gi;

function normalizeUrl(raw: string): string | undefined {
  const trimmed = raw.replace(/[.,;:!?)\]}>'"]+$/, '');
  try {
    const url = new URL(/^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
    if (!url.hostname.includes('.')) return undefined;
    url.hash = '';
    return url.toString().replace(/\/$/, '');
  } catch {
    return undefined;
  }
}

export function findUrls(text: string, headerText: string, extraUrls: readonly string[] = []): string[] {
  const raw = [
    ...extraUrls.filter((u) => /^https?:\/\//i.test(u)),
    ...[SCHEME_URL, WWW_URL, SOCIAL_URL].flatMap((re) => [...text.matchAll(re)].map((m) => m[0])),
    ...[...headerText.matchAll(BARE_DOMAIN)].map((m) => m[0]),
    ...[...text.matchAll(LABELLED)].map((m) => m[1]!),
  ];
  const seen = new Set<string>();
  const urls: string[] = [];
  for (const candidate of raw) {
    const url = normalizeUrl(candidate);
    const key = url?.toLowerCase().replace(/^https?:\/\/(www\.)?/, '');
    // Keyed without scheme and "www." so a link written twice counts once.
    if (!url || !key || seen.has(key)) continue;
    seen.add(key);
    urls.push(url);
  }
  return urls;
}

const hostOf = (url: string) => new URL(url).hostname.replace(/^www\./, '').toLowerCase();
const pathParts = (url: string) => new URL(url).pathname.split('/').filter(Boolean);

export function classifyLinks(urls: readonly string[]): TLinks {
  const links: TLinks = { linkedin: null, github: null, website: null, others: [] };
  for (const url of urls) {
    const host = hostOf(url);
    const parts = pathParts(url);
    if (host.endsWith('linkedin.com') && (parts[0] === 'in' || parts[0] === 'pub') && !links.linkedin) links.linkedin = url;
    // A profile is github.com/<user>; repository links go to others.
    else if (host === 'github.com' && parts.length === 1 && !links.github) links.github = url;
    else if (!SOCIAL_HOSTS.some((h) => host === h || host.endsWith(`.${h}`)) && !links.website) links.website = url;
    else links.others.push(url);
  }
  if (!links.github) {
    const repo = links.others.find((u) => hostOf(u) === 'github.com');
    if (repo) {
      links.github = `https://github.com/${pathParts(repo)[0]}`;
    }
  }
  return links;
}
