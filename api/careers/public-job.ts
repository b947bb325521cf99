// The public view of an open job, as the careers page, JSON-LD and feeds read
// it, and the addresses they link to. Apply links always say where the visitor
// came from (source and utm_* carried through, "careers_page" when nothing
// was given), so source effectiveness can be measured.

export interface TPublicLocation {
  streetAddress: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  countryCode: string;
}

export interface TPublicJob {
  id: string;
  slug: string;
  title: string;
  department: string | null;
  requisitionId: string | null;
  description: string;
  remotePolicy: 'ONSITE' | 'HYBRID' | 'REMOTE';
  remoteCountries: string[];
  employmentType: 'FULL_TIME' | 'PART_TIME' | 'CONTRACTOR' | 'TEMPORARY' | 'INTERN';
  salaryMin: number | null;
  salaryMax: number | null;
  salaryCurrency: string | null;
  salaryUnit: 'YEAR' | 'MONTH' | 'HOUR' | null;
  postedAt: Date;
  validThrough: Date | null;
  updatedAt: Date;
  jobLocations: TPublicLocation[];
}

export interface TPublicOrg {
  id: string;
  slug: string;
  name: string;
  /** From Organization.settings.careers: the company's own site and logo, when set. */
  websiteUrl: string | null;
  logoUrl: string | null;
}

export const TRACKING_KEYS = ['source', 'utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'] as const;
export type TTracking = Partial<Record<(typeof TRACKING_KEYS)[number], string>>;

const TRACKING_VALUE = /^[\w.\-+~:@ ]{1,100}$/;

/** The tracking parameters of a query string; anything odd (too long, markup, arrays) is dropped, not echoed. */
export function pickTracking(query: Record<string, unknown>): TTracking {
  const out: TTracking = {};
  for (const key of TRACKING_KEYS) {
    const value = query[key];
    if (typeof value === 'string' && TRACKING_VALUE.test(value)) out[key] = value;
  }
  return out;
}

function withQuery(path: string, params: Record<string, string | undefined>): string {
  const qs = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1])).toString();
  return qs ? `${path}?${qs}` : path;
}

export const careersPath = (org: Pick<TPublicOrg, 'slug'>) => `/careers/${encodeURIComponent(org.slug)}`;
export const jobPath = (org: Pick<TPublicOrg, 'slug'>, job: Pick<TPublicJob, 'slug'>) => `${careersPath(org)}/jobs/${encodeURIComponent(job.slug)}`;

/** The job page, carrying the visitor's tracking on to the apply link. */
export const jobHref = (org: Pick<TPublicOrg, 'slug'>, job: Pick<TPublicJob, 'slug'>, tracking: TTracking) => withQuery(jobPath(org, job), tracking);

/** The apply form of another module; every link to it says where the applicant came from. */
export function applyHref(org: Pick<TPublicOrg, 'slug'>, job: Pick<TPublicJob, 'slug'>, tracking: TTracking): string {
  return withQuery(`${jobPath(org, job)}/apply`, { ...tracking, source: tracking.source ?? tracking.utm_source ?? 'careers_page' });
}

/** A feed's link to a job: the feed is the source, so applications through it are counted for it. */
export function feedJobUrl(baseUrl: string, org: Pick<TPublicOrg, 'slug'>, job: Pick<TPublicJob, 'slug'>, feed: string): string {
  return baseUrl + withQuery(jobPath(org, job), { source: feed, utm_source: feed, utm_medium: 'job_feed' });
}

/** "Berlin, BE, DE" for people; remote jobs say so. */
export function locationLabel(job: Pick<TPublicJob, 'jobLocations' | 'remotePolicy' | 'remoteCountries'>): string {
  const places = job.jobLocations.map((l) => [l.city, l.region, l.countryCode].filter(Boolean).join(', '));
  if (job.remotePolicy === 'REMOTE') places.unshift(job.remoteCountries.length ? `Remote (${job.remoteCountries.join(', ')})` : 'Remote');
  if (job.remotePolicy === 'HYBRID') places.push('Hybrid');
  return places.join(' · ') || 'Location not specified';
}

export const EMPLOYMENT_LABELS: Record<TPublicJob['employmentType'], string> = {
  FULL_TIME: 'Full-time', PART_TIME: 'Part-time', CONTRACTOR: 'Contract', TEMPORARY: 'Temporary', INTERN: 'Internship',
};

/** "EUR 70,000 – 90,000 per year" */
export function salaryLabel(job: Pick<TPublicJob, 'salaryMin' | 'salaryMax' | 'salaryCurrency' | 'salaryUnit'>): string | null {
  if (!job.salaryCurrency || !job.salaryUnit || (job.salaryMin === null && job.salaryMax === null)) return null;
  const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });
  const range = job.salaryMin !== null && job.salaryMax !== null && job.salaryMin !== job.salaryMax
    ? `${fmt(job.salaryMin)} – ${fmt(job.salaryMax)}`
    : job.salaryMin !== null && job.salaryMax === null ? `from ${fmt(job.salaryMin)}`
    : job.salaryMin === null ? `up to ${fmt(job.salaryMax!)}` : fmt(job.salaryMin);
  return `${job.salaryCurrency} ${range} per ${job.salaryUnit.toLowerCase()}`;
}
