// What the careers page and the feeds read: the organization by slug and its
// open, unexpired jobs (Job @@index([orgId, status, postedAt])), in the public
// shape. Filters apply in memory: an organization's open jobs are a short list,
// and the filter menus need all of them anyway.
import type { PrismaClient } from '../../generated/prisma/client';
import type { TCareersFilters, TFilterOptions } from './careers-html';
import type { TPublicJob, TPublicOrg } from './public-job';

const MAX_OPEN_JOBS = 2000;
const HTTP_URL = /^https?:\/\/[^\s"'<>]+$/i;

export async function findPublicOrg(prisma: PrismaClient, slug: string): Promise<TPublicOrg | null> {
  const org = await prisma.organization.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, settings: true } });
  if (!org) return null;
  const careers = ((org.settings ?? {}) as { careers?: { websiteUrl?: unknown; logoUrl?: unknown } }).careers ?? {};
  const url = (v: unknown) => (typeof v === 'string' && HTTP_URL.test(v) ? v : null);
  return { id: org.id, slug: org.slug, name: org.name, websiteUrl: url(careers.websiteUrl), logoUrl: url(careers.logoUrl) };
}

const PUBLIC_SELECT = {
  id: true, slug: true, title: true, department: true, requisitionId: true, description: true, remotePolicy: true, remoteCountries: true,
  employmentType: true, salaryMin: true, salaryMax: true, salaryCurrency: true, salaryUnit: true, postedAt: true, validThrough: true, updatedAt: true, openedAt: true, createdAt: true,
  jobLocations: { orderBy: { position: 'asc' }, select: { streetAddress: true, city: true, region: true, postalCode: true, countryCode: true } },
} as const;

type TRow = Awaited<ReturnType<PrismaClient['job']['findMany']>>[number] & { jobLocations: TPublicJob['jobLocations'] };

function toPublic(row: TRow): TPublicJob {
  return {
    id: row.id, slug: row.slug ?? row.id, title: row.title, department: row.department, requisitionId: row.requisitionId, description: row.description,
    remotePolicy: row.remotePolicy, remoteCountries: row.remoteCountries, employmentType: row.employmentType,
    salaryMin: row.salaryMin === null ? null : Number(row.salaryMin), salaryMax: row.salaryMax === null ? null : Number(row.salaryMax),
    salaryCurrency: row.salaryCurrency, salaryUnit: row.salaryUnit,
    // Jobs opened before postedAt existed fall back to when they opened.
    postedAt: row.postedAt ?? row.openedAt ?? row.createdAt, validThrough: row.validThrough, updatedAt: row.updatedAt,
    jobLocations: row.jobLocations.map((l) => ({ ...l, countryCode: l.countryCode.trim() })),
  };
}

const openWhere = (orgId: string, now: Date) => ({ orgId, status: 'OPEN' as const, OR: [{ validThrough: null }, { validThrough: { gt: now } }] });

export async function listOpenJobs(prisma: PrismaClient, orgId: string, now = new Date()): Promise<TPublicJob[]> {
  const rows = await prisma.job.findMany({ where: openWhere(orgId, now), orderBy: [{ postedAt: 'desc' }, { id: 'asc' }], take: MAX_OPEN_JOBS, select: PUBLIC_SELECT });
  return (rows as unknown as TRow[]).map(toPublic);
}

export async function findOpenJob(prisma: PrismaClient, orgId: string, slug: string, now = new Date()): Promise<TPublicJob | null> {
  const row = await prisma.job.findFirst({ where: { ...openWhere(orgId, now), slug }, select: PUBLIC_SELECT });
  return row ? toPublic(row as unknown as TRow) : null;
}

/** Location filter values: "DE" (a country) or "DE:Berlin" (a city in it). */
export function filterOptions(jobs: readonly TPublicJob[]): TFilterOptions {
  const departments = [...new Set(jobs.map((j) => j.department).filter((d): d is string => !!d))].sort();
  const locations = new Map<string, string>();
  for (const job of jobs) {
    for (const l of job.jobLocations) {
      locations.set(l.countryCode, l.countryCode);
      if (l.city) locations.set(`${l.countryCode}:${l.city}`, `${l.city}, ${l.countryCode}`);
    }
    for (const c of job.remotePolicy === 'REMOTE' ? job.remoteCountries : []) locations.set(c, c);
  }
  return { departments, locations: [...locations].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label)) };
}

export function applyFilters(jobs: readonly TPublicJob[], f: TCareersFilters): TPublicJob[] {
  return jobs.filter((job) => {
    if (f.department && job.department !== f.department) return false;
    if (f.remote && job.remotePolicy !== f.remote.toUpperCase()) return false;
    if (f.location && !isJobInLocation(job, f.location)) return false;
    return true;
  });
}

/** Is the job "in" a location filter value ("DE" or "DE:Berlin"): an office there, or remote work open to that country. Job alerts match the same way. */
export function isJobInLocation(job: Pick<TPublicJob, 'jobLocations' | 'remotePolicy' | 'remoteCountries'>, location: string): boolean {
  const [country, city] = location.split(':');
  const atOffice = job.jobLocations.some((l) => l.countryCode === country && (!city || l.city === city));
  // A remote job open to applicants in that country is a job "in" that country for them.
  const remoteThere = !city && job.remotePolicy === 'REMOTE' && job.remoteCountries.includes(country!);
  return atOffice || remoteThere;
}
