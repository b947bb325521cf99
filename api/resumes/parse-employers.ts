// Employers from the Experience section: every line with a date range anchors
// one job; its title and company come from the rest of that line and the short
// lines just above it (or below, when the dates come first), told apart by
// job-title words, company suffixes, "Title at Company" and location shapes.
import { findDateRanges, type TDateRange } from './resume-dates';
import type { TLine } from './resume-sections';

export interface TEmployer {
  company: string | null;
  title: string | null;
  /** "2018-01" or "2018". */
  start: string;
  /** null while current. */
  end: string | null;
  isCurrent: boolean;
  confidence: number;
}

export interface TEmployerWithRange extends TEmployer {
  range: TDateRange;
}

const TITLE_WORDS = /\b(engineer|developer|programmer|manager|director|designer|analyst|consultant|scientist|specialist|architect|lead|head|chief|cto|ceo|cfo|coo|vp|vice president|president|founder|co-founder|intern|officer|recruiter|coordinator|assistant|associate|administrator|representative|executive|accountant|nurse|teacher|technician|researcher|strategist|owner|partner|editor|writer|producer|sre|devops|tester|qa|advisor|adviser|planner|supervisor|agent|clerk|principal|staff|fellow|instructor|professor|lecturer|marketer|buyer|controller|auditor|paralegal|attorney|lawyer)s?\b/i;
const COMPANY_WORDS = /\b(inc|llc|ltd|limited|corp|corporation|co|company|gmbh|ag|sa|sas|bv|plc|labs?|technologies|technology|tech|group|systems|solutions|software|partners|bank|agency|studios?|health|capital|ventures|holdings|consulting|industries|media|networks|university|college|hospital|foundation|institute)\b\.?/i;
const COUNTRIES = 'USA|US|UK|UAE|United States|United Kingdom|Canada|Mexico|Brazil|Argentina|Chile|Colombia|Germany|France|Spain|Portugal|Italy|Netherlands|Belgium|Switzerland|Austria|Ireland|Sweden|Norway|Denmark|Finland|Poland|Czechia|Czech Republic|Romania|Greece|Turkey|Israel|United Arab Emirates|Egypt|Nigeria|Kenya|Ghana|South Africa|India|Pakistan|Bangladesh|China|Japan|Korea|South Korea|Singapore|Vietnam|Thailand|Indonesia|Philippines|Malaysia|Australia|New Zealand|Estonia|Ukraine';
// "Remote", "Austin, TX", "Berlin, Germany": a place, not a title or a company.
const LOCATION = new RegExp(`^(?:[Rr]emote|[Hh]ybrid|[Oo]n-?[Ss]ite|(?:\\p{Lu}[\\p{L}.'-]*\\s?){1,3},\\s*(?:[A-Z]{2}|${COUNTRIES}))(?:\\s*\\((?:[Rr]emote|[Hh]ybrid)\\))?$`, 'u');
const HAS_YEAR = /(?:19|20)\d\d/;
const BULLET = /^\s*[•▪◦●■*·\-–—>]\s*/;

const isBullet = (text: string) => BULLET.test(text);
const isShortHeaderLine = (text: string) => {
  const t = text.trim();
  return t !== '' && !isBullet(t) && t.length <= 90 && t.split(/\s+/).length <= 12 && !/[.;]$/.test(t);
};

/** Splits "Senior Engineer at Acme | Berlin" into its parts. */
function fragmentsOf(text: string): { parts: string[]; isTitleAtCompany: boolean } {
  let isTitleAtCompany = false;
  const parts = text
    .split(/\t|\s+[|•·]\s+|\s+[—–-]\s+|\s{3,}/)
    .flatMap((p) => {
      const at = /^(.+?)\s+(?:at|@)\s+(.+)$/i.exec(p);
      if (at) {
        isTitleAtCompany = true;
        return [at[1]!, at[2]!];
      }
      return [p];
    })
    .flatMap((p) => {
      // "Senior Engineer, Acme Corp" but not "Berlin, Germany" or "Acme, Inc."
      const comma = /^([^,]+),\s*(.+)$/.exec(p);
      if (!comma || LOCATION.test(p) || COMPANY_WORDS.test(comma[2]!.split(/\s+/)[0]!)) return [p];
      // "Monzo Bank, London": a company and its city.
      if (COMPANY_WORDS.test(comma[1]!) && !TITLE_WORDS.test(comma[1]!) && /^(\p{Lu}[\p{L}.'-]*\s?){1,3}$/u.test(comma[2]!)) return [comma[1]!];
      return TITLE_WORDS.test(comma[1]!) || TITLE_WORDS.test(comma[2]!) ? [comma[1]!, comma[2]!] : [p];
    })
    .map((p) => p.replace(/^[\s,;:|()[\]•·▪◦●■*–—-]+|[\s,;:|()[\]•·▪◦●■*–—-]+$/g, ''))
    .filter((p) => p !== '' && !LOCATION.test(p) && !/^\d+\s*(years?|yrs?|months?|mos?)\b/i.test(p));
  return { parts, isTitleAtCompany };
}

function pickTitleAndCompany(parts: string[], isTitleAtCompany: boolean): { title: string | null; company: string | null; confidence: number } {
  if (parts.length === 0) return { title: null, company: null, confidence: 0.2 };
  if (isTitleAtCompany && parts.length >= 2) return { title: parts[0]!, company: parts[1]!, confidence: 0.85 };
  const titleIndex = parts.findIndex((p) => TITLE_WORDS.test(p) && !COMPANY_WORDS.test(p));
  const anyTitleIndex = titleIndex >= 0 ? titleIndex : parts.findIndex((p) => TITLE_WORDS.test(p));
  if (anyTitleIndex >= 0) {
    const rest = parts.filter((_, i) => i !== anyTitleIndex);
    const company = rest.find((p) => COMPANY_WORDS.test(p)) ?? rest[0] ?? null;
    return { title: parts[anyTitleIndex]!, company, confidence: company ? 0.85 : 0.5 };
  }
  const companyIndex = parts.findIndex((p) => COMPANY_WORDS.test(p));
  if (companyIndex >= 0) {
    const title = parts.find((_, i) => i !== companyIndex) ?? null;
    return { title, company: parts[companyIndex]!, confidence: title ? 0.6 : 0.5 };
  }
  // No signal either way: resumes more often lead with the title.
  return parts.length >= 2 ? { title: parts[0]!, company: parts[1]!, confidence: 0.4 } : { title: null, company: parts[0]!, confidence: 0.3 };
}

export function findEmployers(lines: readonly TLine[], now: Date): TEmployerWithRange[] {
  // A job header is a short line; a date inside a long paragraph is prose.
  const anchors = lines.map((line, index) => ({ index, range: line.text.length <= 300 && HAS_YEAR.test(line.text) ? findDateRanges(line.text, now)[0] : undefined })).filter((a): a is { index: number; range: TDateRange } => !!a.range);
  const used = new Set<number>(anchors.map((a) => a.index));
  const employers: TEmployerWithRange[] = [];
  for (const { index, range } of anchors) {
    const line = lines[index]!.text;
    const own = (line.slice(0, range.index) + '\t' + line.slice(range.index + range.length)).replace(/\(\s*\)/g, '');
    const context: string[] = [];
    for (let i = index - 1; i >= 0 && i >= index - 2 && !used.has(i) && isShortHeaderLine(lines[i]!.text); i--) {
      context.unshift(lines[i]!.text);
      used.add(i);
    }
    if (context.length === 0 && fragmentsOf(own).parts.length < 2) {
      // Dates first ("2018 – 2020" then the title and company below them).
      for (let i = index + 1; i < lines.length && i <= index + 2 && !used.has(i) && isShortHeaderLine(lines[i]!.text); i++) {
        context.push(lines[i]!.text);
        used.add(i);
      }
    }
    const split = [...context, own].map(fragmentsOf);
    const picked = pickTitleAndCompany(split.flatMap((s) => s.parts), split.some((s) => s.isTitleAtCompany));
    employers.push({ ...picked, start: range.startText, end: range.endText, isCurrent: range.isCurrent, range });
  }
  return employers;
}
