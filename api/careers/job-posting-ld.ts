// schema.org JobPosting for Google for Jobs: every required property (title,
// description, datePosted, hiringOrganization, jobLocation — or, for remote
// jobs, jobLocationType TELECOMMUTE with applicantLocationRequirements) and the
// recommended ones (validThrough, employmentType, baseSalary, identifier,
// directApply). https://developers.google.com/search/docs/appearance/structured-data/job-posting
import { renderMarkdown } from './markdown';
import { jobPath, type TPublicJob, type TPublicOrg } from './public-job';

const compact = <T extends Record<string, unknown>>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined && v !== '')) as T;

function postalAddress(l: TPublicJob['jobLocations'][number]) {
  return compact({ '@type': 'PostalAddress', streetAddress: l.streetAddress, addressLocality: l.city, addressRegion: l.region, postalCode: l.postalCode, addressCountry: l.countryCode });
}

function baseSalary(job: TPublicJob) {
  if (!job.salaryCurrency || !job.salaryUnit || (job.salaryMin === null && job.salaryMax === null)) return undefined;
  const value = job.salaryMin !== null && job.salaryMax !== null && job.salaryMin !== job.salaryMax
    ? { '@type': 'QuantitativeValue', minValue: job.salaryMin, maxValue: job.salaryMax, unitText: job.salaryUnit }
    : { '@type': 'QuantitativeValue', value: job.salaryMin ?? job.salaryMax, unitText: job.salaryUnit };
  return { '@type': 'MonetaryAmount', currency: job.salaryCurrency, value };
}

export function jobPostingLd(job: TPublicJob, org: TPublicOrg, baseUrl: string) {
  const isRemote = job.remotePolicy === 'REMOTE';
  // Remote jobs must say where applicants may live; with no list, the countries of its offices.
  const countries = job.remoteCountries.length ? job.remoteCountries : [...new Set(job.jobLocations.map((l) => l.countryCode))];
  return compact({
    '@context': 'https://schema.org/',
    '@type': 'JobPosting',
    title: job.title,
    description: renderMarkdown(job.description) || `<p>${job.title}</p>`,
    datePosted: job.postedAt.toISOString(),
    validThrough: job.validThrough?.toISOString(),
    employmentType: job.employmentType,
    hiringOrganization: compact({ '@type': 'Organization', name: org.name, sameAs: org.websiteUrl ?? baseUrl + `/careers/${org.slug}`, logo: org.logoUrl }),
    jobLocation: job.jobLocations.length ? job.jobLocations.map((l) => ({ '@type': 'Place', address: postalAddress(l) })) : undefined,
    jobLocationType: isRemote ? 'TELECOMMUTE' : undefined,
    applicantLocationRequirements: isRemote && countries.length ? countries.map((c) => ({ '@type': 'Country', name: c })) : undefined,
    baseSalary: baseSalary(job),
    identifier: { '@type': 'PropertyValue', name: org.name, value: job.requisitionId ?? job.id },
    directApply: true,
    url: baseUrl + jobPath(org, job),
  });
}
