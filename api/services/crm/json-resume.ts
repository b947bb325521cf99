// JSON Resume documents (https://jsonresume.org/schema) as prospects: basics (name, label, email, phone,
// url, location, profiles), work (employers, and years of experience from their dates), education and
// skills (names and keywords, in the vocabulary's canonical names). Sections Trellis does not keep
// (awards, publications, volunteer...) are allowed and ignored.
import { z } from 'zod';
import type { TEducation } from '../../resumes/parse-education';
import type { TEmployer } from '../../resumes/parse-employers';
import { mergedMonths, parseDatePoint } from '../../resumes/resume-dates';
import { splitFullName } from './csv-prospects';
import { normaliseProfileUrl } from './profile-links';
import { toProspect, ZEmail, type TProspect } from './prospect';

const ZText = (max: number) => z.string().trim().max(max);
const ZDate = z.string().trim().max(40);

export const ZJsonResume = z.looseObject({
  basics: z.looseObject({
    name: ZText(200).optional(),
    label: ZText(200).optional(),
    email: z.union([ZEmail, z.literal('')]).optional(),
    phone: ZText(40).optional(),
    url: ZText(500).optional(),
    location: z.looseObject({ city: ZText(100).optional(), countryCode: ZText(60).optional(), region: ZText(100).optional(), address: ZText(300).optional() }).optional(),
    profiles: z.array(z.looseObject({ network: ZText(100).optional(), username: ZText(200).optional(), url: ZText(500).optional() })).max(50).optional(),
  }),
  work: z.array(z.looseObject({ name: ZText(200).optional(), company: ZText(200).optional(), position: ZText(200).optional(), startDate: ZDate.optional(), endDate: ZDate.optional() })).max(100).optional(),
  education: z.array(z.looseObject({ institution: ZText(200).optional(), studyType: ZText(200).optional(), area: ZText(200).optional(), startDate: ZDate.optional(), endDate: ZDate.optional() })).max(50).optional(),
  skills: z.array(z.looseObject({ name: ZText(100).optional(), keywords: z.array(ZText(100)).max(100).optional() })).max(200).optional(),
});
export type TJsonResume = z.infer<typeof ZJsonResume>;

const yearOf = (date: string | undefined) => {
  const m = date ? /^(\d{4})/.exec(date) : null;
  return m ? Number(m[1]) : null;
};
/** "2018-03-01" / "2018-03" / "2018" as the resume parser writes dates ("2018-03", "2018"). */
const monthText = (date: string | undefined) => (date ? /^(\d{4})(?:-(\d{2}))?/.exec(date)?.slice(1).filter(Boolean).join('-') ?? null : null);

function profileUrl(profile: { network?: string; username?: string; url?: string }, network: 'linkedin' | 'github'): string | null {
  if ((profile.network ?? '').toLowerCase() !== network && !(profile.url ?? '').toLowerCase().includes(`${network}.com`)) return null;
  if (profile.url) return normaliseProfileUrl(profile.url);
  if (!profile.username) return null;
  return normaliseProfileUrl(network === 'linkedin' ? `https://www.linkedin.com/in/${profile.username}` : `https://github.com/${profile.username}`);
}

export function prospectOfJsonResume(resume: TJsonResume, defaults: { source: string; now?: Date }): TProspect {
  const b = resume.basics;
  const profiles = b.profiles ?? [];
  const linkedin = profiles.map((p) => profileUrl(p, 'linkedin')).find(Boolean) ?? null;
  const github = profiles.map((p) => profileUrl(p, 'github')).find(Boolean) ?? null;
  const others = profiles.map((p) => (p.url ? normaliseProfileUrl(p.url) : null)).filter((u): u is string => !!u && u !== linkedin && u !== github);
  const now = defaults.now ?? new Date();
  const employers: TEmployer[] = (resume.work ?? []).map((w) => ({
    company: w.name || w.company || null, title: w.position || null, start: monthText(w.startDate) ?? '', end: monthText(w.endDate),
    isCurrent: !w.endDate, confidence: 1,
  })).filter((e) => e.company || e.title);
  const ranges = (resume.work ?? []).flatMap((w) => {
    const start = w.startDate ? parseDatePoint(monthText(w.startDate) ?? '') : undefined;
    const end = w.endDate ? parseDatePoint(monthText(w.endDate) ?? '') : { month: now.getUTCFullYear() * 12 + now.getUTCMonth() };
    return start && end && end.month >= start.month ? [{ start: start.month, end: end.month + 1 }] : [];
  });
  const education: TEducation[] = (resume.education ?? []).map((e) => ({
    institution: e.institution || null, degree: [e.studyType, e.area].filter(Boolean).join(', ') || null, startYear: yearOf(e.startDate), endYear: yearOf(e.endDate), confidence: 1,
  })).filter((e) => e.institution || e.degree);
  const current = employers.find((e) => e.isCurrent) ?? employers[0];
  const headline = b.label || (current?.title && current.company ? `${current.title} at ${current.company}` : current?.title ?? undefined);
  return toProspect({
    ...splitFullName(b.name ?? ''), email: b.email || undefined, phone: b.phone || undefined, headline: headline?.slice(0, 200),
    location: [b.location?.city, b.location?.region, b.location?.countryCode].filter(Boolean).join(', ') || undefined,
    city: b.location?.city || undefined, country: b.location?.countryCode || undefined,
    links: { linkedin, github, website: b.url ? normaliseProfileUrl(b.url) : null, others },
    skills: (resume.skills ?? []).flatMap((s) => [s.name, ...(s.keywords ?? [])]).filter((s): s is string => !!s),
    yearsExperience: ranges.length ? Math.round((mergedMonths(ranges) / 12) * 10) / 10 : undefined,
    source: defaults.source, employers, education,
  });
}
