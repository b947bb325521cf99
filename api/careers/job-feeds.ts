// Job feeds for job boards: XML in the Indeed shape (<source> with <job>
// elements, every value in CDATA), and JSON Feed 1.1 with a `_job` extension
// per item. Each job URL names the feed as its source, so applications that
// arrive through a board are counted for it.
import { cdata } from './escape';
import { renderMarkdown } from './markdown';
import { careersPath, feedJobUrl, locationLabel, salaryLabel, type TPublicJob, type TPublicOrg } from './public-job';

const INDEED_JOB_TYPE: Record<TPublicJob['employmentType'], string> = {
  FULL_TIME: 'fulltime', PART_TIME: 'parttime', CONTRACTOR: 'contract', TEMPORARY: 'temporary', INTERN: 'internship',
};
const INDEED_REMOTE_TYPE: Record<TPublicJob['remotePolicy'], string | null> = { REMOTE: 'Fully remote', HYBRID: 'Hybrid remote', ONSITE: null };

const el = (name: string, value: string | null | undefined) => (value ? `<${name}>${cdata(value)}</${name}>` : '');

export function xmlJobFeed(org: TPublicOrg, jobs: readonly TPublicJob[], baseUrl: string, feed: string, now: Date): string {
  const items = jobs.map((job) => {
    const first = job.jobLocations[0];
    return [
      '<job>',
      el('title', job.title),
      el('date', job.postedAt.toUTCString()),
      el('referencenumber', job.requisitionId ?? job.id),
      el('requisitionid', job.requisitionId),
      el('url', feedJobUrl(baseUrl, org, job, feed)),
      el('company', org.name),
      el('sourcename', org.name),
      el('city', first?.city),
      el('state', first?.region),
      el('country', first?.countryCode ?? job.remoteCountries[0]),
      el('postalcode', first?.postalCode),
      el('streetaddress', first?.streetAddress),
      el('description', renderMarkdown(job.description)),
      el('salary', salaryLabel(job)),
      el('jobtype', INDEED_JOB_TYPE[job.employmentType]),
      el('category', job.department),
      el('remotetype', INDEED_REMOTE_TYPE[job.remotePolicy]),
      el('expirationdate', job.validThrough?.toUTCString()),
      '</job>',
    ].join('');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<source>',
    el('publisher', org.name),
    el('publisherurl', org.websiteUrl ?? baseUrl + careersPath(org)),
    el('lastBuildDate', now.toUTCString()),
    ...items,
    '</source>',
    '',
  ].join('\n');
}

export function jsonJobFeed(org: TPublicOrg, jobs: readonly TPublicJob[], baseUrl: string, feed: string) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: `${org.name} careers`,
    home_page_url: baseUrl + careersPath(org),
    feed_url: `${baseUrl}${careersPath(org)}/feed.json`,
    items: jobs.map((job) => ({
      id: job.id,
      url: feedJobUrl(baseUrl, org, job, feed),
      title: job.title,
      content_html: renderMarkdown(job.description),
      date_published: job.postedAt.toISOString(),
      date_modified: job.updatedAt.toISOString(),
      tags: job.department ? [job.department] : [],
      _job: {
        requisitionId: job.requisitionId,
        department: job.department,
        employmentType: job.employmentType,
        remotePolicy: job.remotePolicy,
        remoteCountries: job.remoteCountries,
        locationLabel: locationLabel(job),
        locations: job.jobLocations,
        salary: job.salaryCurrency && job.salaryUnit ? { min: job.salaryMin, max: job.salaryMax, currency: job.salaryCurrency, unit: job.salaryUnit } : null,
        validThrough: job.validThrough?.toISOString() ?? null,
      },
    })),
  };
}
