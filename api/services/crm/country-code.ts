// Country names as people write them in spreadsheets and resumes ("Germany", "Deutschland", "USA", "DE") to
// ISO 3166-1 alpha-2, the form segments and search filter on. Names come from the runtime's ICU data
// (Intl.DisplayNames) in a few languages, plus the usual abbreviations.
const LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt'];
const ALIASES: Record<string, string> = {
  usa: 'US', 'u.s.': 'US', 'u.s.a.': 'US', 'united states of america': 'US', america: 'US',
  uk: 'GB', 'u.k.': 'GB', england: 'GB', scotland: 'GB', wales: 'GB', 'northern ireland': 'GB', 'great britain': 'GB',
  holland: 'NL', 'the netherlands': 'NL', czechia: 'CZ', 'czech republic': 'CZ', turkey: 'TR', 'ivory coast': 'CI', macedonia: 'MK', burma: 'MM', swaziland: 'SZ', uae: 'AE', 'south korea': 'KR', korea: 'KR', russia: 'RU',
};
/** Codes DisplayNames knows that are not countries now: unions, private-use, "unknown", and retired ones (DD, SU, YU...). */
const isPseudo = (code: string) =>
  code === 'AA' || code === 'ZZ' || code === 'EU' || code === 'EZ' || code === 'UN' || (code >= 'QM' && code <= 'QZ') || (code >= 'XA' && code <= 'XZ' && code !== 'XK')
  || Intl.getCanonicalLocales(`und-${code}`)[0] !== `und-${code}`;

let byName: Map<string, string> | undefined;
let codes: Set<string> | undefined;

function tables() {
  if (byName && codes) return { byName, codes };
  byName = new Map(Object.entries(ALIASES));
  codes = new Set();
  for (const language of LANGUAGES) {
    const names = new Intl.DisplayNames(language, { type: 'region' });
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        const name = names.of(code);
        if (!name || name === code || isPseudo(code)) continue;
        codes.add(code);
        if (!byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), code);
      }
    }
  }
  return { byName, codes };
}

/** "Germany" / "DE" / "de" / "Deutschland" → "DE"; unknown → null. */
export function countryCodeOf(raw: string): string | null {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (!text) return null;
  const t = tables();
  if (/^[A-Za-z]{2}$/.test(text) && t.codes.has(text.toUpperCase())) return text.toUpperCase();
  return t.byName.get(text.toLowerCase()) ?? null;
}

/** "Berlin, Germany" → { city: "Berlin", countryCode: "DE" }; the last part names the country when it can. */
export function placeOf(location: string): { city?: string; countryCode?: string } {
  const parts = location.split(',').map((p) => p.trim()).filter(Boolean);
  if (!parts.length) return {};
  const countryCode = countryCodeOf(parts[parts.length - 1]!);
  if (countryCode) return parts.length > 1 ? { city: parts[0]!.slice(0, 100), countryCode } : { countryCode };
  return parts.length === 1 ? {} : { city: parts[0]!.slice(0, 100) };
}
