// Careers rendering without a server: hostile Markdown stays inert, JSON-LD
// cannot break out of its script tag, CDATA survives "]]>", the JSON-LD and
// the XML feed carry what job boards need, and apply links are tracked.
import { XMLParser } from 'fast-xml-parser';
import { renderMarkdown } from '../../../api/careers/markdown';
import { cdata, jsonForScript } from '../../../api/careers/escape';
import { jobPostingLd } from '../../../api/careers/job-posting-ld';
import { jsonJobFeed, xmlJobFeed } from '../../../api/careers/job-feeds';
import { careersIndexHtml, jobPageHtml } from '../../../api/careers/careers-html';
import { applyHref, pickTracking, type TPublicJob, type TPublicOrg } from '../../../api/careers/public-job';
import { applyFilters, filterOptions } from '../../../api/careers/careers-query';

const org: TPublicOrg = { id: 'o1', slug: 'acme', name: 'Acme & Sons', websiteUrl: 'https://acme.example', logoUrl: null };
const job = (over: Partial<TPublicJob> = {}): TPublicJob => ({
  id: 'j1', slug: 'backend-engineer', title: 'Backend Engineer', department: 'Engineering', requisitionId: 'REQ-1', description: '## The role\n\nBuild **things**.',
  remotePolicy: 'ONSITE', remoteCountries: [], employmentType: 'FULL_TIME', salaryMin: 70000, salaryMax: 90000, salaryCurrency: 'EUR', salaryUnit: 'YEAR',
  postedAt: new Date('2026-11-20T09:00:00Z'), validThrough: new Date('2027-01-31T00:00:00Z'), updatedAt: new Date('2026-11-21T00:00:00Z'),
  jobLocations: [{ streetAddress: 'Main St 1', city: 'Berlin', region: 'BE', postalCode: '10115', countryCode: 'DE' }], ...over,
});

test('Markdown: raw HTML is text, script links are not links, headings start at h2', () => {
  const html = renderMarkdown('# Title\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[click](javascript:alert(1)) [ok](https://example.com)');
  expect(html).toContain('<h2>Title</h2>');
  expect(html).not.toMatch(/<script|<img|href="javascript/i);
  expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  expect(html).toContain('<a href="https://example.com" rel="nofollow noopener noreferrer">ok</a>');
});

test('JSON for a script tag cannot close the tag; CDATA keeps "]]>" and drops XML-invalid characters', () => {
  const text = jsonForScript({ title: '</script><script>alert(1)</script>' });
  expect(text).not.toMatch(/<\/script/i);
  expect(JSON.parse(text).title).toBe('</script><script>alert(1)</script>');
  const parsed = new XMLParser().parse(`<a>${cdata('x ]]> y\u0001')}</a>`);
  expect(parsed.a).toBe('x ]]> y');
});

test('JSON-LD of an on-site job has the required and recommended properties', () => {
  const ld = jobPostingLd(job(), org, 'https://jobs.example');
  expect(ld).toMatchObject({
    '@context': 'https://schema.org/', '@type': 'JobPosting', title: 'Backend Engineer', datePosted: '2026-11-20T09:00:00.000Z', validThrough: '2027-01-31T00:00:00.000Z',
    employmentType: 'FULL_TIME', directApply: true, url: 'https://jobs.example/careers/acme/jobs/backend-engineer',
    hiringOrganization: { '@type': 'Organization', name: 'Acme & Sons', sameAs: 'https://acme.example' },
    jobLocation: [{ '@type': 'Place', address: { '@type': 'PostalAddress', streetAddress: 'Main St 1', addressLocality: 'Berlin', addressRegion: 'BE', postalCode: '10115', addressCountry: 'DE' } }],
    baseSalary: { '@type': 'MonetaryAmount', currency: 'EUR', value: { '@type': 'QuantitativeValue', minValue: 70000, maxValue: 90000, unitText: 'YEAR' } },
    identifier: { '@type': 'PropertyValue', name: 'Acme & Sons', value: 'REQ-1' },
  });
  expect(ld.description).toContain('<h3>The role</h3>');
  expect(ld).not.toHaveProperty('jobLocationType');
});

test('JSON-LD of a remote job says TELECOMMUTE and where applicants may be', () => {
  const ld = jobPostingLd(job({ remotePolicy: 'REMOTE', remoteCountries: ['DE', 'PL'], jobLocations: [], salaryMax: null, validThrough: null }), org, 'https://jobs.example');
  expect(ld).toMatchObject({ jobLocationType: 'TELECOMMUTE', applicantLocationRequirements: [{ '@type': 'Country', name: 'DE' }, { '@type': 'Country', name: 'PL' }] });
  expect(ld.baseSalary).toEqual({ '@type': 'MonetaryAmount', currency: 'EUR', value: { '@type': 'QuantitativeValue', value: 70000, unitText: 'YEAR' } });
  expect(ld).not.toHaveProperty('jobLocation');
  expect(ld).not.toHaveProperty('validThrough');
});

test('apply links carry the visitor\'s source and utm_*, default careers_page; odd values are dropped', () => {
  expect(applyHref(org, job(), {})).toBe('/careers/acme/jobs/backend-engineer/apply?source=careers_page');
  const tracking = pickTracking({ utm_source: 'linkedin', utm_campaign: 'q4', utm_medium: ['a', 'b'], utm_term: '<script>', gclid: 'zzz' });
  expect(tracking).toEqual({ utm_source: 'linkedin', utm_campaign: 'q4' });
  expect(applyHref(org, job(), tracking)).toBe('/careers/acme/jobs/backend-engineer/apply?utm_source=linkedin&utm_campaign=q4&source=linkedin');
});

test('the XML feed parses and holds each job with a tracked URL', () => {
  const hostile = job({ id: 'j2', slug: 'evil', title: 'Evil ]]> <b>&amp;', description: 'a ]]> b' });
  const xml = xmlJobFeed(org, [job(), hostile], 'https://jobs.example', 'indeed', new Date('2026-12-01T00:00:00Z'));
  const doc = new XMLParser({ isArray: (name) => name === 'job' }).parse(xml);
  expect(doc.source.publisher).toBe('Acme & Sons');
  expect(doc.source.job).toHaveLength(2);
  expect(doc.source.job[0]).toMatchObject({ title: 'Backend Engineer', referencenumber: 'REQ-1', city: 'Berlin', country: 'DE', jobtype: 'fulltime', salary: 'EUR 70,000 – 90,000 per year' });
  expect(doc.source.job[0].url).toBe('https://jobs.example/careers/acme/jobs/backend-engineer?source=indeed&utm_source=indeed&utm_medium=job_feed');
  expect(doc.source.job[1].title).toBe('Evil ]]> <b>&amp;');
  const json = jsonJobFeed(org, [job()], 'https://jobs.example', 'json_feed');
  expect(json.items[0]!.url).toContain('utm_source=json_feed');
});

test('pages escape hostile text and render filters with labels', () => {
  const evil = job({ title: '<img src=x onerror=alert(1)>', department: '"><script>x</script>' });
  const index = careersIndexHtml(org, [evil], {}, filterOptions([evil]), { utm_source: 'x' }, 'https://jobs.example');
  expect(index).not.toMatch(/<img|<script>x/);
  expect(index).toContain('&lt;img src=x onerror=alert(1)&gt;');
  expect(index).toMatch(/<label for="f-department">Department<select id="f-department"/);
  expect(index).toContain('<input type="hidden" name="utm_source" value="x">');
  const page = jobPageHtml(org, evil, jobPostingLd(evil, org, 'https://jobs.example'), {}, 'https://jobs.example');
  expect(page.match(/<h1/g)).toHaveLength(1);
  expect(page).not.toMatch(/<img|<script>x/);
});

test('filters: department, remote, and location (office city or remote country)', () => {
  const jobs = [job(), job({ id: 'r', department: 'Sales', remotePolicy: 'REMOTE', remoteCountries: ['PL'], jobLocations: [] })];
  expect(applyFilters(jobs, { department: 'Sales' }).map((j) => j.id)).toEqual(['r']);
  expect(applyFilters(jobs, { remote: 'onsite' }).map((j) => j.id)).toEqual(['j1']);
  expect(applyFilters(jobs, { location: 'DE:Berlin' }).map((j) => j.id)).toEqual(['j1']);
  expect(applyFilters(jobs, { location: 'PL' }).map((j) => j.id)).toEqual(['r']);
  expect(filterOptions(jobs).locations.map((l) => l.value)).toEqual(['DE:Berlin', 'DE', 'PL']);
});
