// Splits resume text into lines and sections by their headings ("Experience",
// "WORK HISTORY", "E D U C A T I O N", "Skills:"), keeping character offsets so
// later steps can tell where a match came from. Text before the first heading
// is the header (name and contact line).

export type TSectionKind =
  | 'summary' | 'experience' | 'education' | 'skills' | 'projects' | 'certifications' | 'languages'
  | 'awards' | 'publications' | 'volunteering' | 'interests' | 'references' | 'contact';

export interface TLine {
  text: string;
  start: number;
}

export interface TSection {
  kind: TSectionKind | 'header';
  heading: string;
  start: number;
  end: number;
  lines: TLine[];
}

const HEADINGS: Record<TSectionKind, readonly string[]> = {
  summary: ['summary', 'professional summary', 'profile', 'professional profile', 'about', 'about me', 'objective', 'career objective', 'overview', 'career summary', 'personal statement'],
  experience: ['experience', 'work experience', 'professional experience', 'work history', 'employment', 'employment history', 'career history', 'relevant experience', 'professional background', 'career', 'positions', 'work'],
  education: ['education', 'academic background', 'education and training', 'academic history', 'qualifications', 'academic qualifications', 'education and certifications', 'studies'],
  skills: ['skills', 'technical skills', 'core skills', 'key skills', 'core competencies', 'competencies', 'technologies', 'tech stack', 'expertise', 'areas of expertise', 'tools', 'skills and tools', 'tools and technologies', 'skills and expertise'],
  projects: ['projects', 'personal projects', 'selected projects', 'side projects', 'open source'],
  certifications: ['certifications', 'certificates', 'licenses and certifications', 'licenses', 'courses', 'training'],
  languages: ['languages', 'spoken languages'],
  awards: ['awards', 'honors', 'honours', 'achievements', 'honors and awards', 'awards and honors', 'accomplishments'],
  publications: ['publications', 'talks', 'publications and talks', 'speaking'],
  volunteering: ['volunteering', 'volunteer experience', 'volunteer work', 'community', 'leadership and activities', 'activities'],
  interests: ['interests', 'hobbies', 'hobbies and interests'],
  references: ['references', 'referees'],
  contact: ['contact', 'contact information', 'contact details', 'personal details', 'personal information'],
};

const KIND_BY_HEADING = new Map<string, TSectionKind>(
  Object.entries(HEADINGS).flatMap(([kind, names]) => names.map((n) => [n, kind as TSectionKind] as const)),
);
// "W O R K E X P E R I E N C E" once spacing is collapsed: compare without spaces.
const KIND_BY_SPACELESS_HEADING = new Map<string, TSectionKind>(
  [...KIND_BY_HEADING].map(([name, kind]) => [name.replace(/ and /g, '').replace(/ /g, ''), kind] as const),
);

export function splitLines(text: string): TLine[] {
  const lines: TLine[] = [];
  let start = 0;
  for (const part of text.split('\n')) {
    lines.push({ text: part, start });
    start += part.length + 1;
  }
  return lines;
}

/** The section a line announces, or undefined when it is not a heading. */
export function headingKind(line: string): TSectionKind | undefined {
  const trimmed = line.trim();
  if (trimmed === '' || trimmed.length > 60) return undefined;
  // "E X P E R I E N C E": letter-spaced headings from design templates.
  if (/^(\p{L} +)+\p{L}:?$/u.test(trimmed)) return KIND_BY_SPACELESS_HEADING.get(trimmed.replace(/[\s:]/g, '').toLowerCase());
  const unspaced = trimmed.replace(/(?<=\b\p{L}) (?=\p{L}\b)/gu, '');
  const normalized = unspaced
    .toLowerCase()
    .replace(/^[\s#*•▪◦■●\-–—=_|>]+|[\s#*•▪◦■●\-–—=_|:.]+$/g, '')
    .replace(/\s*&\s*|\s*\+\s*|\s*\/\s*/g, ' and ')
    .replace(/\s+/g, ' ');
  return KIND_BY_HEADING.get(normalized) ?? KIND_BY_HEADING.get(unspaced.toLowerCase().replace(/[:\s]+$/, ''));
}

export function splitSections(text: string): TSection[] {
  const lines = splitLines(text);
  const sections: TSection[] = [{ kind: 'header', heading: '', start: 0, end: text.length, lines: [] }];
  for (const line of lines) {
    const kind = headingKind(line.text);
    const current = sections[sections.length - 1]!;
    if (kind) {
      current.end = line.start;
      sections.push({ kind, heading: line.text.trim(), start: line.start, end: text.length, lines: [] });
    } else {
      current.lines.push(line);
    }
  }
  return sections;
}

export const sectionsOf = (sections: readonly TSection[], kind: TSection['kind']) => sections.filter((s) => s.kind === kind);
