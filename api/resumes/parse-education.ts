// Education entries: institution, degree and years. Lines naming a school
// ("University", "College", "Institute"...) or a degree ("B.Sc.", "Master of",
// "MBA") start or extend an entry; a second school starts the next one.
import { findDateRanges } from './resume-dates';
import type { TLine } from './resume-sections';

export interface TEducation {
  institution: string | null;
  degree: string | null;
  startYear: number | null;
  endYear: number | null;
  confidence: number;
}

const INSTITUTION = /\b(university|universit[éäà]t?|universidad|universidade|università|college|institute|institut|school|academy|polytechnic|politecnico|hochschule|école|ecole|conservatory|seminary|faculty)\b/i;
const DEGREE = /\b(bachelor(?:'?s)?|master(?:'?s)?|doctor(?:ate)?|ph\.?\s?d\.?|mba|m\.?b\.?a\.?|b\.?\s?sc?\.?|m\.?\s?sc?\.?|b\.?\s?a\.?|m\.?\s?a\.?|b\.?\s?eng\.?|m\.?\s?eng\.?|b\.?\s?tech|m\.?\s?tech|bba|llb|llm|j\.?d\.?|m\.?d\.?|bfa|mfa|associate(?:'?s)?\s+(?:degree|of)|diploma|high school diploma|ged|certificate|a\.?a\.?s?\.?|b\.?f\.?a\.?)(?=[\s,.(]|$)/i;
const YEAR = /(?<!\d)(19[5-9]\d|20\d\d)(?!\d)/g;

/** A line naming both a school and a degree: education, even outside an Education section. */
export const isEducationLine = (text: string) => INSTITUTION.test(text) && DEGREE.test(text);

function cells(text: string): string[] {
  return text.split(/\t|\s+[|•·]\s+|\s+[—–]\s+|\s{3,}/).map((c) => c.trim().replace(/^[•*\-\s]+|[,;\s]+$/g, '')).filter(Boolean);
}

export function findEducation(lines: readonly TLine[], now: Date, isWholeText: boolean): TEducation[] {
  const entries: TEducation[] = [];
  let current: TEducation | undefined;
  for (const { text } of lines) {
    if (text.length > 300 || text.trim() === '') continue; // prose or blank, not an entry
    const parts = cells(text).flatMap((c) => (INSTITUTION.test(c) && DEGREE.test(c) ? c.split(/,\s*/) : [c]));
    const institution = parts.find((c) => INSTITUTION.test(c) && c.length <= 100);
    // A bare "MA" or "MD" cell is more likely a US state ("Cambridge, MA") than a degree.
    const degree = parts.find((c) => DEGREE.test(c) && !INSTITUTION.test(c) && c.length <= 120 && !/^[A-Z]{2}$/.test(c));
    // Outside an Education section only lines with both signals count (a job at a university is not a degree).
    if (isWholeText && !isEducationLine(text)) continue;
    if (institution && (!current || current.institution)) {
      current = { institution: null, degree: null, startYear: null, endYear: null, confidence: 0 };
      entries.push(current);
    }
    if (!current && degree) {
      current = { institution: null, degree: null, startYear: null, endYear: null, confidence: 0 };
      entries.push(current);
    }
    if (!current) continue;
    if (institution && !current.institution) current.institution = stripYears(institution);
    if (degree && !current.degree) current.degree = stripYears(degree);
    const range = findDateRanges(text, now)[0];
    if (range && current.startYear === null) {
      current.startYear = Number(range.startText.slice(0, 4));
      current.endYear = range.endText ? Number(range.endText.slice(0, 4)) : null;
    } else if (current.endYear === null && current.startYear === null) {
      const years = [...text.matchAll(YEAR)].map((m) => Number(m[1]));
      if (years.length > 0) current.endYear = Math.max(...years); // a single year is the graduation year
    }
  }
  for (const e of entries) e.confidence = e.institution && e.degree ? 0.85 : 0.5;
  return entries.filter((e) => e.institution || e.degree);
}

function stripYears(text: string): string {
  return text.replace(/\(?\s*(19[5-9]\d|20\d\d)\s*(?:[-–—]\s*(19[5-9]\d|20\d\d|present))?\s*\)?/gi, '').replace(/[\s,;|–—-]+$/, '').trim();
}
