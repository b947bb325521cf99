// The explainable fit score of one candidate for one job (docs/metrics.md#fit-ranking): a weighted sum of
// three components, each with its points and the reason in words. A component the job gives nothing to
// score against (no skills named, no years asked, no place) is left out and the score is taken over the
// others, so it stays a share of what could be checked. Deterministic and pure: no model, no I/O.
import type { TJobRequirements } from './job-requirements';

export const FIT_WEIGHTS = { requiredSkills: 50, niceSkills: 10, experience: 25, location: 15 } as const;
export type TFitComponentKey = keyof typeof FIT_WEIGHTS;

export interface TCandidateForFit {
  skills: readonly string[];
  yearsExperience: number | null;
  city: string | null;
  countryCode: string | null;
}

export interface TFitComponent {
  key: TFitComponentKey;
  points: number;
  maxPoints: number;
  reason: string;
  /** Skills components only: the job's skills the candidate has and lacks, in the job's order. */
  skills?: { matched: string[]; missing: string[] };
}

export interface TFit {
  /** 0-100: points earned over the points of the components scored, one decimal. */
  score: number;
  components: TFitComponent[];
  /** Components not scored, with why ("the job names no skills"). */
  notScored: { key: TFitComponentKey; reason: string }[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const same = (a: string | null, b: string | null) => !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();

function skillsComponent(key: 'requiredSkills' | 'niceSkills', wanted: readonly string[], has: ReadonlySet<string>): TFitComponent {
  const matched = wanted.filter((s) => has.has(s));
  const missing = wanted.filter((s) => !has.has(s));
  const what = key === 'requiredSkills' ? 'required' : 'nice-to-have';
  return {
    key, maxPoints: FIT_WEIGHTS[key], points: round1((FIT_WEIGHTS[key] * matched.length) / wanted.length),
    reason: `matches ${matched.length} of ${wanted.length} ${what} skills${matched.length ? `: ${matched.join(', ')}` : ''}${missing.length ? `; missing: ${missing.join(', ')}` : ''}`,
    skills: { matched, missing },
  };
}

function experienceComponent(minYears: number, years: number | null): TFitComponent {
  const max = FIT_WEIGHTS.experience;
  if (years === null) return { key: 'experience', maxPoints: max, points: 0, reason: `years of experience unknown, asks ${minYears}+` };
  const points = minYears === 0 ? max : round1(max * Math.min(1, years / minYears));
  return { key: 'experience', maxPoints: max, points, reason: `${years} years, asks ${minYears}+` };
}

function locationComponent(req: TJobRequirements, c: TCandidateForFit): TFitComponent | null {
  const max = FIT_WEIGHTS.location;
  const where = [c.city, c.countryCode].filter(Boolean).join(', ') || null;
  const jobPlaces = req.locations.map((l) => [l.city, l.countryCode].filter(Boolean).join(', ')).join(' / ');
  const result = (points: number, reason: string): TFitComponent => ({ key: 'location', maxPoints: max, points, reason });
  if (req.remotePolicy === 'REMOTE') {
    if (!req.remoteCountries.length) return result(max, 'job is remote from anywhere');
    if (!c.countryCode) return result(0, `location unknown, job is remote from ${req.remoteCountries.join(', ')}`);
    return req.remoteCountries.includes(c.countryCode.toUpperCase())
      ? result(max, `in ${where}, job is remote from ${req.remoteCountries.join(', ')}`)
      : result(0, `in ${where}, job is remote from ${req.remoteCountries.join(', ')} only`);
  }
  if (!req.locations.length) return null;
  if (!where) return result(0, `location unknown, job is in ${jobPlaces}`);
  const inCity = req.locations.find((l) => same(l.city, c.city) && same(l.countryCode, c.countryCode));
  if (inCity) return result(max, `in ${where}, job is in ${jobPlaces}`);
  const inCountry = req.locations.some((l) => same(l.countryCode, c.countryCode));
  // A hybrid job from another city of the country is more workable than an on-site one.
  if (inCountry) return result(round1(max * (req.remotePolicy === 'HYBRID' ? 2 / 3 : 1 / 2)), `in ${where}, same country as the job (${jobPlaces}), another city`);
  return result(0, `in ${where}, job is in ${jobPlaces}${req.remotePolicy === 'HYBRID' ? ' (hybrid)' : ''}`);
}

export function scoreFit(req: TJobRequirements, candidate: TCandidateForFit): TFit {
  const has = new Set(candidate.skills.map((s) => s.toLowerCase()));
  const components: TFitComponent[] = [];
  const notScored: TFit['notScored'] = [];
  if (req.requiredSkills.length) components.push(skillsComponent('requiredSkills', req.requiredSkills, has));
  else notScored.push({ key: 'requiredSkills', reason: 'the job names no skills of the vocabulary' });
  if (req.niceSkills.length) components.push(skillsComponent('niceSkills', req.niceSkills, has));
  if (req.minYears !== null) components.push(experienceComponent(req.minYears, candidate.yearsExperience));
  else notScored.push({ key: 'experience', reason: 'the job asks no years of experience' });
  const location = locationComponent(req, candidate);
  if (location) components.push(location);
  else notScored.push({ key: 'location', reason: 'the job has no location and is not remote' });
  const max = components.reduce((s, c) => s + c.maxPoints, 0);
  const earned = components.reduce((s, c) => s + c.points, 0);
  return { score: max ? round1((100 * earned) / max) : 0, components, notScored };
}
