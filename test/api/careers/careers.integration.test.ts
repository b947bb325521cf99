// The public careers site over HTTP with real PostgreSQL: pages list only open
// jobs of their organization, the job page's JSON-LD (parsed out of the HTML)
// has what Google for Jobs requires and recommends, the XML feed parses and
// links with utm_source, closed jobs vanish everywhere, hostile text stays
// text, and apply links carry the visitor's tracking.
import { XMLParser } from 'fast-xml-parser';
import { Parser } from 'htmlparser2';
import { apiClient, createTestOrg, startTestSystem, type TestOrg, type TestSystem } from '../../support/harness';

let t: TestSystem;
let org: TestOrg;
let recruiter: ReturnType<typeof apiClient>;

beforeAll(async () => {
  t = await startTestSystem({ parts: { api: true, worker: false } });
  org = await createTestOrg(t.prisma);
  recruiter = apiClient(t.url, org.tokens.recruiter);
});
afterAll(() => t?.stop());

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(t.url + path, { headers });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** Every <script type="application/ld+json"> body, and the text and attributes a reader would meet. */
function readHtml(html: string) {
  const ld: unknown[] = [];
  const links: string[] = [];
  const headings: string[] = [];
  const landmarks: string[] = [];
  let inLd = false;
  let heading: string | null = null;
  let ldText = '';
  const parser = new Parser({
    onopentag(name, attrs) {
      if (name === 'script' && attrs.type === 'application/ld+json') inLd = true;
      if (name === 'a' && attrs.href) links.push(attrs.href);
      if (/^h[1-6]$/.test(name)) heading = `${name}:`;
      if (['header', 'main', 'footer', 'nav'].includes(name) || attrs.role) landmarks.push(attrs.role ?? name);
      if (name === 'script' && attrs.type !== 'application/ld+json') throw new Error('the careers pages run no script');
      if (name === 'img' || Object.keys(attrs).some((a) => a.startsWith('on'))) throw new Error(`unexpected <${name}> with ${Object.keys(attrs).join(',')}`);
    },
    ontext(text) {
      if (inLd) ldText += text;
      if (heading !== null) heading += text;
    },
    onclosetag(name) {
      if (name === 'script' && inLd) {
        ld.push(JSON.parse(ldText));
        inLd = false;
        ldText = '';
      }
      if (/^h[1-6]$/.test(name) && heading !== null) {
        headings.push(heading);
        heading = null;
      }
    },
  }, { decodeEntities: true });
  parser.write(html);
  parser.end();
  return { ld, links, headings, landmarks };
}

const HOSTILE = '<script>alert("t")</script><img src=x onerror=alert(1)>';

test('careers page, job page with JSON-LD, feeds, tracking, and closing', async () => {
  const remote = await recruiter('POST', '/api/jobs', {
    title: 'Remote SRE', department: 'Platform', requisitionId: 'REQ-77', remotePolicy: 'REMOTE', remoteCountries: ['DE', 'PL'], employmentType: 'CONTRACTOR',
    salary: { min: 80, max: 110, currency: 'EUR', unit: 'HOUR' }, validThrough: new Date(Date.now() + 30 * 86400_000).toISOString(),
    description: '# What you do\n\nKeep things **up**.\n\n[Team page](https://example.com/team)',
  });
  const onsite = await recruiter('POST', '/api/jobs', {
    title: `Designer ${HOSTILE}`, department: 'Design', jobLocations: [{ streetAddress: 'Main St 1', city: 'Berlin', postalCode: '10115', countryCode: 'DE' }],
    description: `Hello ${HOSTILE}\n\n[x](javascript:alert(1))\n\n]]> ends CDATA`,
  });
  const draft = await recruiter('POST', '/api/jobs', { title: 'Secret Draft', status: 'DRAFT' });
  const expired = await recruiter('POST', '/api/jobs', { title: 'Expired Role' });
  await t.prisma.job.update({ where: { id: expired.body.id }, data: { validThrough: new Date(Date.now() - 1000) } });
  expect([remote.status, onsite.status, draft.status]).toEqual([201, 201, 201]);

  // The list: only open, unexpired jobs; hostile titles are text; landmarks and one h1.
  const index = await get(`/careers/${org.slug}?utm_source=newsletter&utm_campaign=dec&gclid=abc`);
  expect(index.status).toBe(200);
  expect(index.headers.get('cache-control')).toBe('public, max-age=60');
  const page = readHtml(index.text);
  expect(page.headings.filter((x) => x.startsWith('h1'))).toEqual([`h1:Jobs at Org ${org.slug}`]);
  expect(page.headings).toEqual(expect.arrayContaining(['h3:Remote SRE', `h3:Designer ${HOSTILE}`]));
  expect(index.text).not.toContain('Secret Draft');
  expect(index.text).not.toContain('Expired Role');
  expect(page.landmarks).toEqual(expect.arrayContaining(['header', 'main', 'footer', 'search']));
  expect(page.links).toContain(`/careers/${org.slug}/jobs/remote-sre?utm_source=newsletter&utm_campaign=dec`);

  // Filters.
  const filtered = readHtml((await get(`/careers/${org.slug}?remote=remote`)).text).headings;
  expect(filtered).toContain('h3:Remote SRE');
  expect(filtered.some((x) => x.startsWith('h3:Designer'))).toBe(false);
  expect(readHtml((await get(`/careers/${org.slug}?location=DE:Berlin`)).text).headings.filter((x) => x.startsWith('h3'))).toEqual([`h3:Designer ${HOSTILE}`]);
  expect(readHtml((await get(`/careers/${org.slug}?department=Platform`)).text).headings.filter((x) => x.startsWith('h3'))).toEqual(['h3:Remote SRE']);
  const badFilter = await get(`/careers/${org.slug}?remote=mars`);
  expect(badFilter.status).toBe(400);
  expect(JSON.parse(badFilter.text).error.details[0].path).toBe('query.remote');

  // The job page: JSON-LD parsed from the HTML.
  const jobPage = await get(`/careers/${org.slug}/jobs/remote-sre?utm_source=newsletter&source=email`);
  expect(jobPage.status).toBe(200);
  const parsed = readHtml(jobPage.text);
  expect(parsed.ld).toHaveLength(1);
  const ld = parsed.ld[0] as Record<string, any>;
  for (const key of ['title', 'description', 'datePosted', 'validThrough', 'employmentType', 'hiringOrganization', 'jobLocationType', 'applicantLocationRequirements', 'baseSalary', 'identifier', 'directApply']) {
    expect([key, ld[key]]).toEqual([key, expect.anything()]);
  }
  const row = await t.prisma.job.findUniqueOrThrow({ where: { id: remote.body.id } });
  expect(ld).toMatchObject({
    '@context': 'https://schema.org/', '@type': 'JobPosting', title: 'Remote SRE', datePosted: row.postedAt!.toISOString(), validThrough: row.validThrough!.toISOString(),
    employmentType: 'CONTRACTOR', hiringOrganization: { '@type': 'Organization', name: `Org ${org.slug}` }, jobLocationType: 'TELECOMMUTE',
    applicantLocationRequirements: [{ '@type': 'Country', name: 'DE' }, { '@type': 'Country', name: 'PL' }],
    baseSalary: { '@type': 'MonetaryAmount', currency: 'EUR', value: { '@type': 'QuantitativeValue', minValue: 80, maxValue: 110, unitText: 'HOUR' } },
    identifier: { '@type': 'PropertyValue', value: 'REQ-77' }, directApply: true,
  });
  expect(ld.description).toContain('<h2>What you do</h2>');
  expect(parsed.headings).toEqual(expect.arrayContaining(['h1:Remote SRE', 'h2:What you do']));
  const apply = `/careers/${org.slug}/jobs/remote-sre/apply?source=email&utm_source=newsletter`;
  expect(parsed.links).toContain(apply);
  expect(parsed.links).toContain('https://example.com/team');

  // Hostile description and title: readHtml throws on any script, img or on* attribute.
  const hostilePage = await get(`/careers/${org.slug}/jobs/${onsite.body.slug}`);
  const hostile = readHtml(hostilePage.text);
  expect(hostile.headings[0]).toBe(`h1:Designer ${HOSTILE}`);
  expect((hostile.ld[0] as { title: string }).title).toBe(`Designer ${HOSTILE}`);
  expect(hostile.links.some((l) => l.startsWith('javascript'))).toBe(false);
  expect(hostile.ld[0]).toMatchObject({ jobLocation: [{ '@type': 'Place', address: { addressLocality: 'Berlin', addressCountry: 'DE', streetAddress: 'Main St 1' } }] });
  expect(hostile.links).toContain(`/careers/${org.slug}/jobs/${onsite.body.slug}/apply?source=careers_page`);

  // XML feed: parsed, only open jobs, URLs tracked; ETag revalidation.
  const feed = await get(`/careers/${org.slug}/feed.xml?feed=indeed`);
  expect(feed.status).toBe(200);
  expect(feed.headers.get('content-type')).toMatch(/^application\/xml/);
  expect(feed.headers.get('cache-control')).toMatch(/max-age=300/);
  const xml = new XMLParser({ isArray: (name) => name === 'job' }).parse(feed.text);
  const titles = xml.source.job.map((j: { title: string }) => j.title).sort();
  expect(titles).toEqual([`Designer ${HOSTILE}`, 'Remote SRE']);
  const sre = xml.source.job.find((j: { title: string }) => j.title === 'Remote SRE');
  expect(sre).toMatchObject({ referencenumber: 'REQ-77', jobtype: 'contract', remotetype: 'Fully remote', category: 'Platform' });
  expect(new URL(sre.url).searchParams.get('utm_source')).toBe('indeed');
  expect(new URL(sre.url).pathname).toBe(`/careers/${org.slug}/jobs/remote-sre`);
  const designerDescription = xml.source.job.find((j: { title: string }) => j.title !== 'Remote SRE').description as string;
  expect(designerDescription).toContain('<p>]]&gt; ends CDATA</p>');
  expect(designerDescription).not.toMatch(/<script|<img/);
  const etag = feed.headers.get('etag')!;
  // fetch() marks a hand-made conditional request "no-cache" (Fetch spec); a revalidating client sends max-age=0.
  expect((await get(`/careers/${org.slug}/feed.xml?feed=indeed`, { 'if-none-match': etag, 'cache-control': 'max-age=0' })).status).toBe(304);

  const json = JSON.parse((await get(`/careers/${org.slug}/feed.json`)).text);
  expect(json.version).toBe('https://jsonfeed.org/version/1.1');
  expect(json.items.map((i: { title: string }) => i.title).sort()).toEqual(titles);
  expect(json.items.every((i: { url: string }) => new URL(i.url).searchParams.get('utm_source') === 'json_feed')).toBe(true);

  // Closing: gone from the list, the page (404) and both feeds.
  expect((await recruiter('POST', `/api/jobs/${remote.body.id}/close`, {})).status).toBe(200);
  expect((await get(`/careers/${org.slug}`)).text).not.toContain('Remote SRE');
  expect((await get(`/careers/${org.slug}/jobs/remote-sre`)).status).toBe(404);
  expect((await get(`/careers/${org.slug}/feed.xml`)).text).not.toContain('Remote SRE');
  expect((await get(`/careers/${org.slug}/feed.json`)).text).not.toContain('Remote SRE');
  expect((await get(`/careers/${org.slug}/jobs/secret-draft`)).status).toBe(404);
});

test("another organization's job is 404 under this organization's address; unknown organizations 404", async () => {
  const other = await createTestOrg(t.prisma);
  const foreign = await apiClient(t.url, other.tokens.recruiter)('POST', '/api/jobs', { title: 'Foreign Role' });
  expect((await get(`/careers/${other.slug}/jobs/${foreign.body.slug}`)).status).toBe(200);
  expect((await get(`/careers/${org.slug}/jobs/${foreign.body.slug}`)).status).toBe(404);
  expect((await get(`/careers/${org.slug}`)).text).not.toContain('Foreign Role');
  expect((await get('/careers/no-such-org')).status).toBe(404);
  expect((await get('/careers/no-such-org/feed.xml')).status).toBe(404);
  expect((await get(`/careers/${org.slug}/feed.xml?feed=Bad%20Name`)).status).toBe(400);
});
