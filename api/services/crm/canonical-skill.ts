// Skills typed in a list (an import's column, a JSON Resume's skills[]) as the profile stores them: the
// vocabulary's canonical name when a name or alias matches ("JS" → "javascript", "Golang" → "go"), else the
// text itself, lower-cased (Candidate.skills holds lower-case names; segments and search match them so).
import { SKILLS } from '../../resumes/skills-vocabulary';

let byAlias: Map<string, string> | undefined;

export function canonicalSkill(raw: string): string | null {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (!text || text.length > 100) return null;
  byAlias ??= new Map(SKILLS.flatMap((s) => s.aliases.map((a) => [a.replace(/^=/, '').toLowerCase(), s.name.toLowerCase()] as const)));
  return byAlias.get(text.toLowerCase()) ?? text.toLowerCase();
}

/** Canonical, de-duplicated, in the order given. */
export function canonicalSkills(raw: readonly string[]): string[] {
  return [...new Set(raw.map(canonicalSkill).filter((s): s is string => s !== null))];
}
