// How the Fit view words a ranking (GET /api/jobs/:id/fit, docs/metrics.md#fit-ranking): a label per score
// component, the matched and missing skills of a skills component, and what the job is ranked against. Pure,
// so unit tests drive it with the scorer's own output.
import type { FitComponent, FitRanking } from './job-types';

export const FIT_COMPONENT_LABELS: Record<FitComponent['key'], string> = {
  requiredSkills: 'Required skills',
  niceSkills: 'Nice to have',
  experience: 'Experience',
  location: 'Location',
};

export type SkillMatch = { matched: string[]; missing: string[] };

/** The skills a skills component found and missed; null for other components. */
export function skillMatch(component: FitComponent): SkillMatch | null {
  return component.skills ?? null;
}

/** Whether the job gives the ranking anything to score against (a skill, years asked, a place or remote). */
export function hasFitRequirements(req: FitRanking['requirements']): boolean {
  return req.requiredSkills.length > 0 || req.niceSkills.length > 0 || req.minYears !== null || req.remotePolicy === 'REMOTE' || req.locations.length > 0;
}

/** One line per thing the job is ranked against: "Required skills: kafka, rust", "5+ years", "Berlin, DE (hybrid)". */
export function describeRequirements(req: FitRanking['requirements']): { label: string; value: string }[] {
  const lines: { label: string; value: string }[] = [];
  if (req.requiredSkills.length) lines.push({ label: FIT_COMPONENT_LABELS.requiredSkills, value: req.requiredSkills.join(', ') });
  if (req.niceSkills.length) lines.push({ label: FIT_COMPONENT_LABELS.niceSkills, value: req.niceSkills.join(', ') });
  if (req.minYears !== null) lines.push({ label: FIT_COMPONENT_LABELS.experience, value: `${req.minYears}+ years` });
  if (req.remotePolicy === 'REMOTE') {
    lines.push({ label: FIT_COMPONENT_LABELS.location, value: req.remoteCountries.length ? `remote from ${req.remoteCountries.join(', ')}` : 'remote from anywhere' });
  } else if (req.locations.length) {
    const places = req.locations.map((l) => [l.city, l.countryCode].filter(Boolean).join(', ')).join(' / ');
    lines.push({ label: FIT_COMPONENT_LABELS.location, value: req.remotePolicy === 'HYBRID' ? `${places} (hybrid)` : places });
  }
  return lines;
}
