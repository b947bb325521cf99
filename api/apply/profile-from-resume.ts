// What a parsed resume puts on the candidate profile (docs/ats-data-model.md,
// Candidate): skills as lower-case canonical names, years, links and their
// duplicate-check keys, education, employers, a headline and the E.164 phone.
// Fields the parser did not find are left out, so they never blank a value
// the profile already has.
import type { TParsedResume } from '../resumes/parse-resume';
import { linkKeysOf } from './link-keys';

export interface TProfileFields {
  skills?: string[];
  yearsExperience?: number;
  links?: object;
  linkKeys?: string[];
  education?: object[];
  employers?: object[];
  headline?: string;
  phoneE164?: string;
}

export function profileFromResume(parsed: TParsedResume | null): TProfileFields {
  if (!parsed) return {};
  const fields: TProfileFields = {};
  if (parsed.skills.status === 'found') fields.skills = [...new Set(parsed.skills.value.map((s) => s.name.toLowerCase()))];
  if (parsed.yearsOfExperience.status === 'found') fields.yearsExperience = parsed.yearsOfExperience.value.years;
  if (parsed.links.status === 'found') {
    fields.links = parsed.links.value;
    fields.linkKeys = linkKeysOf(parsed.links.value);
  }
  if (parsed.education.status === 'found') fields.education = parsed.education.value;
  if (parsed.employers.status === 'found') {
    fields.employers = parsed.employers.value;
    const latest = parsed.employers.value.find((e) => e.isCurrent) ?? parsed.employers.value[0];
    const headline = latest?.title && latest.company ? `${latest.title} at ${latest.company}` : latest?.title;
    if (headline) fields.headline = headline.slice(0, 200);
  }
  if (parsed.phone.status === 'found' && parsed.phone.value.e164) fields.phoneE164 = parsed.phone.value.e164;
  return fields;
}
