// What a job alert asks for (JobAlert.criteria) and whether an open job matches
// it. Each criterion given must match (AND); within one, any value does (OR).
// Locations match the way the careers page's location filter does
// (isJobInLocation), so an alert made from a filtered careers page gets the jobs
// that page would show. Pure: the digest job loads an organization's open jobs
// once and matches every alert against them in memory (an organization has a
// short list of open jobs; a list of 10,000 alerts costs no extra query).
import { z } from 'zod';
import { isJobInLocation } from '../../careers/careers-query';
import type { TPublicJob } from '../../careers/public-job';

export const REMOTE_POLICIES = ['ONSITE', 'HYBRID', 'REMOTE'] as const;
export const EMPLOYMENT_TYPES = ['FULL_TIME', 'PART_TIME', 'CONTRACTOR', 'TEMPORARY', 'INTERN'] as const;
export const JOB_ALERT_FREQUENCIES = ['DAILY', 'WEEKLY'] as const;
export type TJobAlertFrequency = (typeof JOB_ALERT_FREQUENCIES)[number];

/** "DE" (a country) or "DE:Berlin" (a city in it): the careers page's location filter values. */
export const ZAlertLocation = z.string().regex(/^[A-Z]{2}(:[^:]{1,100})?$/, 'a country code ("DE"), or country:city ("DE:Berlin")');

export const ZJobAlertCriteria = z
  .object({
    /** Any of these words or phrases in the job's title or department (case- and accent-insensitive). */
    keywords: z.array(z.string().trim().min(2).max(60)).max(10).default([]),
    departments: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
    locations: z.array(ZAlertLocation).max(20).default([]),
    remotePolicies: z.array(z.enum(REMOTE_POLICIES)).max(REMOTE_POLICIES.length).default([]),
    employmentTypes: z.array(z.enum(EMPLOYMENT_TYPES)).max(EMPLOYMENT_TYPES.length).default([]),
  })
  .strict();
export type TJobAlertCriteria = z.infer<typeof ZJobAlertCriteria>;

const folded = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();

export function jobMatchesAlert(job: Pick<TPublicJob, 'title' | 'department' | 'jobLocations' | 'remotePolicy' | 'remoteCountries' | 'employmentType'>, c: TJobAlertCriteria): boolean {
  if (c.keywords.length) {
    const text = folded(`${job.title} ${job.department ?? ''}`);
    if (!c.keywords.some((k) => text.includes(folded(k)))) return false;
  }
  if (c.departments.length && !c.departments.some((d) => folded(d) === folded(job.department ?? ''))) return false;
  if (c.locations.length && !c.locations.some((l) => isJobInLocation(job, l))) return false;
  if (c.remotePolicies.length && !c.remotePolicies.includes(job.remotePolicy)) return false;
  if (c.employmentTypes.length && !c.employmentTypes.includes(job.employmentType)) return false;
  return true;
}

/** A short description for emails and pages: "backend · Engineering · DE:Berlin · Remote". */
export function describeCriteria(c: TJobAlertCriteria): string {
  const parts = [
    ...c.keywords.map((k) => `"${k}"`), ...c.departments, ...c.locations.map((l) => l.replace(':', ', ')),
    ...c.remotePolicies.map((p) => ({ ONSITE: 'On-site', HYBRID: 'Hybrid', REMOTE: 'Remote' })[p]),
    ...c.employmentTypes.map((t) => t.replace('_', ' ').toLowerCase()),
  ];
  return parts.length ? parts.join(' · ') : 'all new jobs';
}
