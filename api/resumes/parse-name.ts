// The candidate's name: normally the first line of the resume. A line counts
// as a name when it has 2-4 capitalized words (particles like "van" or "de"
// allowed) and none of the words that start job titles, headings or addresses.
import { headingKind, type TLine } from './resume-sections';

export interface TNameGuess {
  value: string;
  confidence: number;
}

const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'da', 'di', 'du', 'la', 'le', 'dos', 'das', 'bin', 'binti', 'al', 'el', 'y', 'e', 'ter', 'ten', 'st.']);
const NOT_NAME_WORDS = new Set([
  'resume', 'résumé', 'curriculum', 'vitae', 'cv', 'profile', 'contact', 'summary', 'page', 'confidential',
  'engineer', 'developer', 'manager', 'designer', 'director', 'analyst', 'consultant', 'scientist', 'specialist',
  'architect', 'lead', 'senior', 'junior', 'intern', 'officer', 'president', 'founder', 'recruiter', 'coordinator',
  'assistant', 'associate', 'administrator', 'representative', 'executive', 'accountant', 'nurse', 'teacher',
  'technician', 'head', 'principal', 'staff', 'product', 'software', 'data', 'marketing', 'sales', 'operations',
  'street', 'st', 'road', 'rd', 'avenue', 'ave', 'lane', 'drive', 'suite', 'apt', 'remote', 'email', 'phone', 'mobile',
  'linkedin', 'github', 'website', 'portfolio', 'address', 'university', 'college', 'inc', 'llc', 'ltd', 'corp',
]);
const NAME_WORD = /^(?:\p{Lu}[\p{L}\p{M}'’.-]*|\p{Lu}\.)$/u;
const LABEL = /^\s*(?:full\s+)?name\s*[:\-–]\s*(.+)$/i;

function titleCase(word: string): string {
  return word.toLowerCase().replace(/(^|[-'’])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

/** The name written on `line`, or undefined when the line is not a name. */
export function nameOnLine(line: string): string | undefined {
  if (line.length > 300) return undefined;
  const firstCell = line.split(/\t|\s[|•·]\s|\s{3,}/)[0]!.replace(/^[\s•*-]+|[\s,;|•*-]+$/g, '');
  if (!firstCell || /[\d@/:()]/.test(firstCell) || firstCell.length > 60) return undefined;
  const words = firstCell.split(/\s+/);
  const core = words.filter((w) => !PARTICLES.has(w.toLowerCase()));
  if (core.length < 2 || core.length > 4 || words.length > 6) return undefined;
  const isAllCaps = firstCell === firstCell.toUpperCase();
  if (!core.every((w) => NAME_WORD.test(w))) return undefined;
  if (words.some((w) => NOT_NAME_WORDS.has(w.toLowerCase().replace(/[.,]$/, '')))) return undefined;
  if (core.every((w) => w.replace(/\./g, '').length <= 1)) return undefined; // initials only
  return isAllCaps ? words.map((w) => (PARTICLES.has(w.toLowerCase()) ? w.toLowerCase() : titleCase(w))).join(' ') : words.join(' ');
}

export function findName(headerLines: readonly TLine[], allLines: readonly TLine[], email?: string): TNameGuess | undefined {
  for (const line of allLines.slice(0, 40)) {
    const labelled = LABEL.exec(line.text);
    if (labelled) {
      const name = nameOnLine(labelled[1]!);
      if (name) return { value: name, confidence: 0.95 };
    }
  }
  const candidates = (headerLines.length > 0 ? headerLines : allLines).filter((l) => l.text.trim() !== '' && !headingKind(l.text)).slice(0, 8);
  for (const [i, line] of candidates.entries()) {
    const name = nameOnLine(line.text);
    if (!name) continue;
    const matchesEmail = !!email && name.split(/\s+/).some((w) => w.length > 2 && email.split('@')[0]!.includes(fold(w)));
    const confidence = (i === 0 ? 0.85 : 0.65) + (matchesEmail ? 0.1 : 0);
    return { value: name, confidence: Math.min(0.95, confidence) };
  }
  return fromEmail(email);
}

const fold = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/** Last resort: "jane.doe@..." suggests Jane Doe, weakly. */
function fromEmail(email?: string): TNameGuess | undefined {
  const local = email?.split('@')[0];
  const parts = local?.split(/[._-]+/).filter((p) => /^[a-z]{2,}$/i.test(p)) ?? [];
  if (parts.length < 2 || parts.length > 3) return undefined;
  return { value: parts.map(titleCase).join(' '), confidence: 0.3 };
}
