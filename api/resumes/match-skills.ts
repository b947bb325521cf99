// Finds vocabulary skills in resume text: whole words only, longest alias first
// ("Spring Boot" before "Spring", "Node.js" before "JS"), each canonical skill
// reported once with its mention count and whether a Skills section named it.
import { SKILLS, type TSkill, type TSkillCategory } from './skills-vocabulary';

export interface TSkillMatch {
  name: string;
  category: TSkillCategory;
  mentions: number;
  isInSkillsSection: boolean;
}

interface TAlias {
  text: string; // lower-cased unless case-sensitive
  isCaseSensitive: boolean;
  skill: TSkill;
}

// Whole word: no letter, digit or joining symbol before; after, no letter/digit,
// no "+"/"#" (C vs C++), no ".js"-style suffix and no "-word" (C-level, Go-live).
const JOINS_BEFORE = /[\p{L}\p{N}_@+#.\-]/u;
const JOINS_AFTER = /[\p{L}\p{N}_+#]/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const LIST_BEFORE = /(^|[,;:/|•·▪(\[{]|\b(?:and|or|with|in|using)\b)\s*$/;
const LIST_AFTER = /^\s*($|[,;/|•·▪)\]}]|\b(?:and|or)\b)/;

// Aliases bucketed by their first two characters (lower-cased), longest first,
// so each word start is checked against a handful of aliases, not all 550.
let buckets: Map<string, TAlias[]> | undefined;

function aliasBuckets(): Map<string, TAlias[]> {
  if (buckets) return buckets;
  buckets = new Map();
  for (const skill of SKILLS) {
    for (const raw of skill.aliases) {
      const isCaseSensitive = raw.startsWith('=');
      const text = isCaseSensitive ? raw.slice(1) : raw.toLowerCase();
      const key = text.slice(0, 2).toLowerCase();
      const bucket = buckets.get(key) ?? [];
      bucket.push({ text, isCaseSensitive, skill });
      buckets.set(key, bucket);
    }
  }
  for (const bucket of buckets.values()) bucket.sort((a, b) => b.text.length - a.text.length);
  return buckets;
}

function endsWord(text: string, end: number): boolean {
  const next = text[end];
  if (next === undefined) return true;
  if (JOINS_AFTER.test(next)) return false;
  return !((next === '.' || next === '-') && WORD_CHAR.test(text[end + 1] ?? ''));
}

/** Length of `alias` written at `at` (a space in the alias matches any run of whitespace, line breaks included), or -1. */
function matchedLength(text: string, at: number, alias: TAlias): number {
  let i = at;
  for (const c of alias.text) {
    if (c === ' ') {
      const from = i;
      while (i < text.length && /\s/.test(text[i]!)) i++;
      if (i === from) return -1;
      continue;
    }
    const t = text[i];
    if (t === undefined || (alias.isCaseSensitive ? t !== c : t.toLowerCase() !== c)) return -1;
    i++;
  }
  return i - at;
}

function aliasAt(text: string, at: number): { alias: TAlias; length: number } | undefined {
  const candidates = [buckets!.get(text.slice(at, at + 2).toLowerCase()), buckets!.get(text.slice(at, at + 1).toLowerCase())];
  for (const bucket of candidates) {
    for (const alias of bucket ?? []) {
      const length = matchedLength(text, at, alias);
      if (length > 0 && endsWord(text, at + length)) return { alias, length };
    }
  }
  return undefined;
}

export interface TSkillText {
  text: string;
  /** [start, end) offsets of a Skills section in `text`, if one was found. */
  skillsSection?: { start: number; end: number };
}

export function matchSkills({ text, skillsSection }: TSkillText): TSkillMatch[] {
  aliasBuckets();
  const found = new Map<string, TSkillMatch>();
  for (let at = 0; at < text.length; at++) {
    if (at > 0 && JOINS_BEFORE.test(text[at - 1]!)) continue;
    if (text[at] === ' ' || text[at] === '\n') continue;
    const hit = aliasAt(text, at);
    if (!hit) continue;
    const { alias } = hit;
    const end = at + hit.length;
    if (hit.length === 1 && !isListed(text, at, end)) continue;
    const isInSkillsSection = !!skillsSection && at >= skillsSection.start && at < skillsSection.end;
    const previous = found.get(alias.skill.name);
    if (previous) {
      previous.mentions += 1;
      previous.isInSkillsSection ||= isInSkillsSection;
    } else {
      found.set(alias.skill.name, { name: alias.skill.name, category: alias.skill.category, mentions: 1, isInSkillsSection });
    }
    at = end - 1;
  }
  return [...found.values()].sort((a, b) => Number(b.isInSkillsSection) - Number(a.isInSkillsSection) || b.mentions - a.mentions || a.name.localeCompare(b.name));
}

/** One-letter skills (C, R) count only inside a list: "C, C++, Go" or "with C and Go", not "John C. Smith". */
function isListed(text: string, start: number, end: number): boolean {
  // A few words either side are enough, and keep the checks cheap on huge lines.
  const before = text.slice(Math.max(0, text.lastIndexOf('\n', start - 1) + 1, start - 24), start);
  const lineEnd = text.indexOf('\n', end);
  const after = text.slice(end, Math.min(lineEnd < 0 ? text.length : lineEnd, end + 24));
  return LIST_BEFORE.test(before) && LIST_AFTER.test(after);
}
