// Normalised link identities for the name-plus-links duplicate check
// ("linkedin.com/in/ada-lovelace", "github.com/ada"): the same profile written
// with or without https, www, a trailing slash or query is one key.
import type { TLinks } from '../resumes/parse-contact';

export function linkKey(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `https://${url}`);
  } catch {
    return null;
  }
  const host = parsed.hostname.toLowerCase().replace(/^(www\.|[a-z]{2}\.(?=linkedin\.com$))/, '');
  const parts = parsed.pathname.split('/').filter(Boolean).map((p) => decodeURIComponentSafe(p).toLowerCase());
  if (host === 'linkedin.com' && (parts[0] === 'in' || parts[0] === 'pub') && parts[1]) return `linkedin.com/in/${parts[1]}`;
  if (host === 'github.com' && parts[0]) return `github.com/${parts[0]}`;
  // A personal site is its host (and first path part for shared hosts would be guesswork; keep the host).
  if (!host.includes('.')) return null;
  return host;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Keys of the profile links that identify a person (LinkedIn, GitHub, personal site). */
export function linkKeysOf(links: Partial<TLinks>): string[] {
  const urls = [links.linkedin, links.github, links.website].filter((u): u is string => typeof u === 'string' && u !== '');
  return [...new Set(urls.map(linkKey).filter((k): k is string => k !== null))];
}

/** Names are "the same" for the duplicate check when first and last name match ignoring case and accents. */
export function normalizedName(firstName: string, lastName: string): string {
  return `${firstName} ${lastName}`.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}
