// What a job asks for, derived from what it records (there is no structured "required skills" field): the
// skills of the resume parser's vocabulary named in its title and description (those after a "nice to
// have" / "bonus" / "preferred" heading are wanted, not required), the years of experience its description
// asks ("5+ years", "3-5 years": the smallest), and where the work is (JobLocation rows, remote policy and
// countries). Pure: the fit ranking (docs/metrics.md#fit-ranking) scores candidates against it.
import { matchSkills } from '../../resumes/match-skills';

export interface TJobForFit {
  title: string;
  description: string;
  remotePolicy: 'ONSITE' | 'HYBRID' | 'REMOTE';
  remoteCountries: readonly string[];
  locations: readonly { city: string | null; countryCode: string }[];
}

export interface TJobRequirements {
  requiredSkills: string[];
  niceSkills: string[];
  minYears: number | null;
  remotePolicy: TJobForFit['remotePolicy'];
  remoteCountries: string[];
  locations: { city: string | null; countryCode: string }[];
}

/** A heading or phrase after which the skills named are a plus, not a must. */
const NICE_TO_HAVE = /(nice[ -]to[ -]have|bonus( points)?|preferred( qualifications)?|is a plus|would be a plus)/i;
const YEARS = /(\d{1,2})\s*(?:\+|-\s*\d{1,2}|to\s+\d{1,2})?\s*\+?\s*years?/i;

export function jobRequirements(job: TJobForFit): TJobRequirements {
  const text = `${job.title}\n${job.description}`;
  const cut = text.search(NICE_TO_HAVE);
  const names = (t: string) => matchSkills({ text: t }).map((m) => m.name.toLowerCase());
  const requiredSkills = names(cut < 0 ? text : text.slice(0, cut));
  const niceSkills = cut < 0 ? [] : names(text.slice(cut)).filter((s) => !requiredSkills.includes(s));
  const years = YEARS.exec(job.description);
  return {
    requiredSkills, niceSkills,
    minYears: years ? Number(years[1]) : null,
    remotePolicy: job.remotePolicy,
    remoteCountries: job.remoteCountries.map((c) => c.toUpperCase()),
    locations: job.locations.map((l) => ({ city: l.city, countryCode: l.countryCode.toUpperCase() })),
  };
}
