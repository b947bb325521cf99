// Resume text to the profile fields the ATS stores: name, email, phone, links,
// skills, years of experience, education and employers. Each field says
// whether it was found and how sure the parser is (0-1). Odd text never
// throws: a field whose parser fails is reported as not found.
import type { CountryCode } from 'libphonenumber-js/min';
import { MAX_RESUME_TEXT_CHARS } from './resume-limits';
import { classifyLinks, findEmails, findPhone, findUrls, type TLinks, type TPhone } from './parse-contact';
import { findName } from './parse-name';
import { matchSkills, type TSkillMatch } from './match-skills';
import { findEmployers, type TEmployer } from './parse-employers';
import { findEducation, isEducationLine, type TEducation } from './parse-education';
import { findStatedYears, mergedMonths } from './resume-dates';
import { sectionsOf, splitLines, splitSections, type TLine } from './resume-sections';

/** Bumped when parsing changes, so stored results can be re-parsed. */
export const RESUME_PARSER_VERSION = 1;

export type TField<T> = { status: 'found'; value: T; confidence: number } | { status: 'not_found' };

export interface TYearsOfExperience {
  years: number;
  basis: 'date_ranges' | 'stated';
}

export interface TParsedResume {
  parserVersion: number;
  name: TField<string>;
  email: TField<string>;
  phone: TField<TPhone>;
  links: TField<TLinks>;
  skills: TField<TSkillMatch[]>;
  yearsOfExperience: TField<TYearsOfExperience>;
  education: TField<TEducation[]>;
  employers: TField<TEmployer[]>;
}

export interface TParseOptions {
  /** "Present" in date ranges; defaults to the current time. */
  now?: Date;
  /** Country for phone numbers written without +<code> (the job's country, say). */
  defaultCountry?: CountryCode;
  /** Link targets found behind the text (PDF annotations, DOCX hyperlinks). */
  urls?: readonly string[];
}

const NOT_FOUND = { status: 'not_found' } as const;
const found = <T>(value: T, confidence: number): TField<T> => ({ status: 'found', value, confidence: Math.round(confidence * 100) / 100 });

function attempt<T>(parse: () => TField<T>): TField<T> {
  try {
    return parse();
  } catch {
    return NOT_FOUND;
  }
}

export function normalizeResumeText(text: string): string {
  return text
    .slice(0, MAX_RESUME_TEXT_CHARS)
    .normalize('NFKC') // ligatures ("ﬁ") and full-width forms from PDFs
    .replace(/\r\n?|\u2028|\u2029|\f|\v/g, '\n')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[ \u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, ' ')
    .replace(/ *\t[ \t]*/g, '\t')
    .replace(/ +$/gm, '');
}

const isContactLine = (line: string) => /@|https?:|linkedin|github\.com|\+?\d[\d\s().-]{7,20}\d/i.test(line);
const blank = (text: string, re: RegExp) => text.replace(re, (m) => ' '.repeat(m.length));
const joinLines = (lines: readonly TLine[]) => lines.map((l) => l.text).join('\n');

export function parseResume(rawText: string, options: TParseOptions = {}): TParsedResume {
  const now = options.now ?? new Date();
  const text = typeof rawText === 'string' ? normalizeResumeText(rawText) : '';
  const sections = splitSections(text);
  const allLines = splitLines(text);
  const headerLines = sectionsOf(sections, 'header')[0]?.lines ?? [];
  const contactText = [joinLines(headerLines.slice(0, 15)), ...sectionsOf(sections, 'contact').map((s) => joinLines(s.lines))].join('\n');
  // References name other people; their emails and phones are not the candidate's.
  const withoutReferences = sections.filter((s) => s.kind !== 'references').map((s) => text.slice(s.start, s.end)).join('\n');
  const extraUrls = options.urls ?? [];

  const email = attempt(() => {
    const fromHeader = findEmails(contactText)[0];
    if (fromHeader) return found(fromHeader, 0.95);
    const elsewhere = findEmails(withoutReferences)[0] ?? extraUrls.find((u) => /^mailto:/i.test(u))?.slice(7).split('?')[0]?.toLowerCase();
    return elsewhere ? found(elsewhere, 0.75) : NOT_FOUND;
  });
  const emailValue = email.status === 'found' ? email.value : undefined;

  const phone = attempt<TPhone>(() => {
    const inHeader = findPhone(contactText, options.defaultCountry);
    const hit = inHeader ?? findPhone(withoutReferences, options.defaultCountry);
    if (!hit) return NOT_FOUND;
    return found(hit.phone, (hit.isValid ? 0.9 : 0.5) - (inHeader ? 0 : 0.1));
  });

  const links = attempt<TLinks>(() => {
    const classified = classifyLinks(findUrls(withoutReferences, contactText, extraUrls));
    const count = Number(!!classified.linkedin) + Number(!!classified.github) + Number(!!classified.website) + classified.others.length;
    return count > 0 ? found(classified, 0.9) : NOT_FOUND;
  });

  const name = attempt(() => {
    const guess = findName(headerLines, allLines, emailValue);
    return guess ? found(guess.value, guess.confidence) : NOT_FOUND;
  });

  const skills = attempt(() => {
    // Emails, links and the name are blanked (same length, offsets kept) so
    // "github.com" is not GitHub-the-skill and "Ruby Chen" is not Ruby.
    let skillText = blank(text, /[^\s@]{1,64}@[^\s@]{1,255}|\bhttps?:\/\/\S+|\b(?:www\.|[a-z0-9-]{1,63}\.(?:com|dev|io|net|org|me))\/?\S*/gi);
    if (name.status === 'found') skillText = skillText.split(name.value).join(' '.repeat(name.value.length));
    // Contact lines hold labels like "GitHub | Portfolio", and headings like
    // "Education & Training" name sections: neither lists skills.
    const blankSpan = (start: number, length: number) => { skillText = skillText.slice(0, start) + ' '.repeat(length) + skillText.slice(start + length); };
    for (const line of headerLines.slice(0, 15)) if (isContactLine(line.text)) blankSpan(line.start, line.text.length);
    for (const s of sections) if (s.kind !== 'header') blankSpan(s.start, s.heading.length + (text.slice(s.start).length - text.slice(s.start).trimStart().length));
    const section = sectionsOf(sections, 'skills')[0];
    const matches = matchSkills({ text: skillText, skillsSection: section && { start: section.start, end: section.end } });
    return matches.length > 0 ? found(matches, section ? 0.9 : 0.7) : NOT_FOUND;
  });

  const experienceSections = sectionsOf(sections, 'experience');
  const employerLines = experienceSections.length > 0
    ? experienceSections.flatMap((s) => s.lines)
    : sections.filter((s) => s.kind !== 'education' && s.kind !== 'references').flatMap((s) => s.lines).filter((l) => !isEducationLine(l.text));
  let employerRanges: Array<{ start: number; end: number }> = [];
  const employers = attempt<TEmployer[]>(() => {
    const list = findEmployers(employerLines, now);
    employerRanges = list.map((e) => e.range);
    if (list.length === 0) return NOT_FOUND;
    const confidence = list.reduce((sum, e) => sum + e.confidence, 0) / list.length;
    return found(list.map(({ range: _range, ...employer }) => employer), confidence * (experienceSections.length > 0 ? 1 : 0.7));
  });

  const yearsOfExperience = attempt<TYearsOfExperience>(() => {
    const fromRanges = employerRanges.length > 0 ? Math.round((mergedMonths(employerRanges) / 12) * 10) / 10 : undefined;
    const stated = findStatedYears(text);
    // A stated total above the listed jobs usually means older jobs were left off.
    if (stated !== undefined && (fromRanges === undefined || stated > fromRanges)) return found({ years: stated, basis: 'stated' }, 0.6);
    if (fromRanges !== undefined) return found({ years: fromRanges, basis: 'date_ranges' }, employerRanges.length >= 2 ? 0.85 : 0.7);
    return NOT_FOUND;
  });

  const education = attempt<TEducation[]>(() => {
    const educationSections = sectionsOf(sections, 'education');
    const list = educationSections.length > 0
      ? findEducation(educationSections.flatMap((s) => s.lines), now, false)
      : findEducation(allLines, now, true);
    if (list.length === 0) return NOT_FOUND;
    return found(list, (list.reduce((sum, e) => sum + e.confidence, 0) / list.length) * (educationSections.length > 0 ? 1 : 0.8));
  });

  return { parserVersion: RESUME_PARSER_VERSION, name, email, phone, links, skills, yearsOfExperience, education, employers };
}
