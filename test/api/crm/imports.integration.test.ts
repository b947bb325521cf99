// Sourcing imports against a real PostgreSQL: a CSV with good, malformed and duplicate rows imports the good
// ones and reports the rest by line; people already known are filled in, not duplicated; importing the same
// file again changes nothing; progress rises to the total; JSON Resume documents import the same way.
import crypto from 'node:crypto';
import { apiClient, createTestOrg, startTestSystem, waitFor, type TestOrg, type TestSystem } from '../../support/harness';

let t: TestSystem;
let org: TestOrg;
let other: TestOrg;
let recruiter: ReturnType<typeof apiClient>;
let existingId: string;
let poolId: string;

beforeAll(async () => {
  t = await startTestSystem({ parts: { api: true, worker: false } });
  org = await createTestOrg(t.prisma);
  other = await createTestOrg(t.prisma);
  recruiter = apiClient(t.url, org.tokens.recruiter);
  // Known before the import: an applicant with a tag and no links; the CSV names her by email.
  existingId = (await t.prisma.candidate.create({
    data: { orgId: org.orgId, kind: 'APPLICANT', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', headline: 'Analyst', tags: ['alumni'] },
  })).id;
  poolId = (await recruiter('POST', '/api/talent-pools', { name: 'Sourced Q3' })).body.id;
});
afterAll(() => t?.stop());

async function uploadCsv(csv: string | Buffer, query = '', token = org.tokens.recruiter) {
  const res = await fetch(`${t.url}/api/imports/csv${query}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, body: typeof csv === 'string' ? csv : new Uint8Array(csv) });
  return { status: res.status, body: await res.json() };
}

async function finished(jobId: string) {
  return waitFor('the import to finish', async () => {
    const job = await recruiter('GET', `/api/bulk-jobs/${jobId}`);
    return job.body.status === 'SUCCEEDED' || job.body.status === 'FAILED' ? job.body : null;
  });
}

const liveCount = () => t.prisma.candidate.count({ where: { orgId: org.orgId } });

// Line numbers are the file's: line 1 is the header; the quoted headline of Grace spans lines 3-4.
const CSV = [
  '\uFEFFFirst Name,Last Name,E-mail,Phone,Location,Title,LinkedIn URL,Tags,Skills,Unknown column',
  'Ada,Lovelace,ADA@example.com,,"London, United Kingdom",,https://www.linkedin.com/in/ada-lovelace/,"speaker;alumni",,x',
  'Grace,Hopper,grace@example.com,+1 415 555 0134,"Arlington, USA","Rear Admiral,',
  'Compilers",,,"COBOL, JS",x',
  'Alan,Turing,not-an-email,,,,,,,x',
  'Bro"ken,Row,broken@example.com,,,,,,,x',
  'Too,Few,fields@example.com',
  'Nobody,Atall,,,,,,,,x',
  '',
  'Linus,Torvalds,,,,,linkedin.com/in/torvalds,,,x',
  'Grace,Hopper,GRACE@example.com,,,,,extra-tag,,x',
].join('\r\n');

test('a CSV imports its good rows, reports the malformed ones by line, merges known people, and a second import changes nothing', async () => {
  const before = await liveCount();
  const started = await uploadCsv(CSV, `?tags=q3-sourcing&poolId=${poolId}&fileName=people.csv`);
  expect(started.status).toBe(202);
  expect(started.body).toMatchObject({ kind: 'import_csv', total: 8 });
  const job = await finished(started.body.id);
  expect(job.status).toBe('SUCCEEDED');
  expect(job).toMatchObject({ processed: 8, total: 8, succeeded: 4, failed: 4, progress: 1 });
  expect(job.report).toMatchObject({ created: 2, merged: 2, unchanged: 0, failed: 4 });
  expect(job.report.failures).toEqual([
    { line: 5, reason: 'email: "not-an-email" is not an email address' },
    { line: 6, reason: expect.stringContaining('malformed CSV: a quote inside an unquoted field') },
    { line: 7, reason: 'expected 10 fields as in the header, found 3' },
    { line: 8, reason: expect.stringContaining('no email, phone with a country code or profile link') },
  ]);
  expect(job.report.input).toMatchObject({ fileName: 'people.csv', encoding: 'utf-8', ignoredColumns: ['Unknown column'] });
  // Ada matched by email (different case) and line 11 matched Grace, created by line 2 of the same file.
  expect(job.report.merges).toEqual(expect.arrayContaining([
    { line: 2, candidateId: existingId, matchedBy: 'email', changedFields: expect.arrayContaining(['location', 'city', 'countryCode', 'tags', 'linkKeys', 'links', 'pool']) },
    { line: 11, candidateId: expect.any(String), matchedBy: 'email', changedFields: ['tags'] },
  ]));
  expect(await liveCount()).toBe(before + 2);

  const ada = await t.prisma.candidate.findUniqueOrThrow({ where: { id: existingId } });
  // Filled, never overwritten: the headline she had stays, the kind stays APPLICANT.
  expect(ada).toMatchObject({ kind: 'APPLICANT', headline: 'Analyst', city: 'London', countryCode: 'GB', linkKeys: ['linkedin.com/in/ada-lovelace'] });
  expect(ada.tags).toEqual(['alumni', 'speaker', 'q3-sourcing']);
  expect((ada.links as { linkedin: string }).linkedin).toBe('https://www.linkedin.com/in/ada-lovelace');
  const grace = await t.prisma.candidate.findFirstOrThrow({ where: { orgId: org.orgId, email: 'grace@example.com' } });
  expect(grace).toMatchObject({ kind: 'PROSPECT', source: 'import', headline: 'Rear Admiral,\r\nCompilers', phoneE164: '+14155550134', countryCode: 'US', city: 'Arlington' });
  expect(grace.skills).toEqual(['cobol', 'javascript']);
  expect(grace.tags).toEqual(['q3-sourcing', 'extra-tag']);
  const linus = await t.prisma.candidate.findFirstOrThrow({ where: { orgId: org.orgId, firstName: 'Linus' } });
  expect(linus.linkKeys).toEqual(['linkedin.com/in/torvalds']);
  const members = await t.prisma.talentPoolMember.findMany({ where: { poolId } });
  expect(members.map((m) => m.candidateId).sort()).toEqual([existingId, grace.id, linus.id].sort());
  const audits = await t.prisma.auditEvent.findMany({ where: { orgId: org.orgId, entityType: 'Candidate', action: { startsWith: 'candidate.import' } } });
  // Two created (Grace with line 11 folded in before her insert, Linus) and Ada's merge.
  expect(audits.map((a) => a.action).sort()).toEqual(['candidate.import_merged', 'candidate.imported', 'candidate.imported']);
  // Field names only: no personal data in the audit log.
  expect(JSON.stringify(audits)).not.toContain('grace@example.com');

  const updatedAt = (await t.prisma.candidate.findMany({ where: { orgId: org.orgId }, orderBy: { id: 'asc' } })).map((c) => c.updatedAt.getTime());
  const again = await finished((await uploadCsv(CSV, `?tags=q3-sourcing&poolId=${poolId}`)).body.id);
  expect(again.report).toMatchObject({ created: 0, merged: 0, unchanged: 4, failed: 4 });
  expect(await liveCount()).toBe(before + 2);
  expect((await t.prisma.candidate.findMany({ where: { orgId: org.orgId }, orderBy: { id: 'asc' } })).map((c) => c.updatedAt.getTime())).toEqual(updatedAt);
});

test('progress rises to the total while a large file imports, and people without a name are reported', async () => {
  const rows = ['name,email,country,tags'];
  for (let i = 0; i < 6000; i++) rows.push(`Person ${i},person${i}@bulk.example,Germany,bulk`);
  rows.push(',nameless@bulk.example,,');
  const started = await uploadCsv(rows.join('\n'));
  expect(started.status).toBe(202);
  const seen: number[] = [];
  const job = await waitFor('the large import', async () => {
    const j = (await recruiter('GET', `/api/bulk-jobs/${started.body.id}`)).body;
    seen.push(j.processed);
    return j.status === 'SUCCEEDED' ? j : null;
  }, 120_000);
  expect(job).toMatchObject({ total: 6001, processed: 6001, succeeded: 6000, failed: 1 });
  expect(job.report.failures).toEqual([{ line: 6002, reason: 'a new profile needs a name' }]);
  expect(seen.some((p) => p > 0 && p < 6001)).toBe(true);
  expect(seen).toEqual([...seen].sort((a, b) => a - b));
  expect(await t.prisma.candidate.count({ where: { orgId: org.orgId, countryCode: 'DE', tags: { has: 'bulk' } } })).toBe(6000);
});

test('a semicolon-separated Windows-1252 file with an explicit mapping, sent as multipart', async () => {
  const csv = Buffer.from('Nom;Courriel;Pays\r\nJos\xe9 M\xfcller;jose@example.fr;France\r\n', 'latin1');
  const form = new FormData();
  form.append('options', JSON.stringify({ mapping: { Nom: 'name', Courriel: 'email', Pays: 'country' }, source: 'salon-paris' }));
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'contacts.csv');
  const res = await fetch(`${t.url}/api/imports/csv`, { method: 'POST', headers: { authorization: `Bearer ${org.tokens.recruiter}` }, body: form });
  expect(res.status).toBe(202);
  const job = await finished((await res.json()).id);
  expect(job.report).toMatchObject({ created: 1, input: { encoding: 'windows-1252', fileName: 'contacts.csv', columns: { Nom: 'name', Courriel: 'email', Pays: 'country' } } });
  expect(await t.prisma.candidate.findFirst({ where: { orgId: org.orgId, email: 'jose@example.fr' } })).toMatchObject({ firstName: 'José', lastName: 'Müller', countryCode: 'FR', source: 'salon-paris' });
});

test('a whole-file problem is refused before anything is written', async () => {
  const jobsBefore = await t.prisma.bulkJob.count({ where: { orgId: org.orgId } });
  const noIdentity = await uploadCsv('first name,last name,city\nAda,L,London\n');
  expect(noIdentity.status).toBe(400);
  expect(noIdentity.body.error.details[0]).toMatchObject({ path: 'file.header' });
  const noName = await uploadCsv('email\na@example.com\n');
  expect(noName.status).toBe(400);
  const otherPool = (await apiClient(t.url, other.tokens.recruiter)('POST', '/api/talent-pools', { name: 'Theirs' })).body.id;
  const foreignPool = await uploadCsv('name,email\nA B,ab@example.com\n', `?poolId=${otherPool}`);
  expect(foreignPool.status).toBe(404);
  expect(foreignPool.body.error.details[0]).toMatchObject({ path: 'options.poolId' });
  const badMapping = await uploadCsv('name,email\nA B,ab@example.com\n', `?mapping=${encodeURIComponent(JSON.stringify({ Email: 'email' }))}`);
  expect(badMapping.status).toBe(400);
  expect(badMapping.body.error.details[0]).toMatchObject({ path: 'mapping.Email' });
  const twice = await uploadCsv('email,e-mail,name\na@x.com,b@x.com,A\n');
  expect(twice.status).toBe(400);
  const unknownOption = await uploadCsv('name,email\nA B,ab@example.com\n', '?pool=x');
  expect(unknownOption.status).toBe(400);
  expect((await fetch(`${t.url}/api/imports/csv`, { method: 'POST', headers: { authorization: `Bearer ${org.tokens.recruiter}`, 'content-type': 'application/json' }, body: '{}' })).status).toBe(415);
  const tooBig = await uploadCsv(Buffer.alloc(20 * 1024 * 1024 + 1, 'a'));
  expect(tooBig.status).toBe(413);
  expect(await t.prisma.bulkJob.count({ where: { orgId: org.orgId } })).toBe(jobsBefore);
  const interviewer = await uploadCsv('name,email\nA B,ab@example.com\n', '', org.tokens.interviewer);
  expect(interviewer.status).toBe(403);
});

test('JSON Resume documents import with their work, education, skills and profiles; a bad document fails alone', async () => {
  const turing = {
    basics: {
      name: 'Alan Turing', label: 'Mathematician', email: 'alan@example.org', phone: '+44 20 7946 0958', url: 'https://turing.example.org',
      location: { city: 'Manchester', countryCode: 'GB', region: 'England' },
      profiles: [{ network: 'GitHub', username: 'aturing' }, { network: 'Twitter', url: 'https://twitter.com/aturing' }],
    },
    work: [{ name: 'University of Manchester', position: 'Reader', startDate: '2016-01-01', endDate: '2019-12-31' }, { name: 'NPL', position: 'Researcher', startDate: '2020-01' }],
    education: [{ institution: 'Princeton University', studyType: 'PhD', area: 'Mathematics', startDate: '1936', endDate: '1938' }],
    skills: [{ name: 'Cryptanalysis', keywords: ['Python', 'golang'] }],
    awards: [{ title: 'OBE' }],
  };
  // Already known by her LinkedIn profile and name: filled in, not duplicated.
  const hedy = await t.prisma.candidate.create({ data: { orgId: org.orgId, firstName: 'Hedy', lastName: 'Lamarr', linkKeys: ['linkedin.com/in/hedy'], links: { linkedin: 'https://linkedin.com/in/hedy' } } });
  const res = await recruiter('POST', '/api/imports/json-resume', {
    resumes: [turing, { basics: { name: 'Hedy Lamarr', profiles: [{ network: 'LinkedIn', username: 'hedy' }] }, skills: [{ name: 'Radio' }] }, { basics: { email: 'not an email' } }, 'nope'],
    tags: ['json-resume'],
  });
  expect(res.status).toBe(202);
  const job = await finished(res.body.id);
  expect(job.report).toMatchObject({ created: 1, merged: 1, failed: 2 });
  expect(job.report.failures).toEqual([
    { file: 3, reason: expect.stringContaining('basics.email') },
    { file: 4, reason: expect.stringContaining('not a JSON Resume') },
  ]);
  const alan = await t.prisma.candidate.findFirstOrThrow({ where: { orgId: org.orgId, email: 'alan@example.org' } });
  expect(alan).toMatchObject({ firstName: 'Alan', lastName: 'Turing', headline: 'Mathematician', city: 'Manchester', countryCode: 'GB', phoneE164: '+442079460958', tags: ['json-resume'] });
  expect(alan.links).toEqual({ linkedin: null, github: 'https://github.com/aturing', website: 'https://turing.example.org', others: ['https://twitter.com/aturing'] });
  expect(alan.skills).toEqual(['cryptanalysis', 'python', 'go']);
  expect(alan.employers).toEqual([
    expect.objectContaining({ company: 'University of Manchester', title: 'Reader', start: '2016-01', end: '2019-12', isCurrent: false }),
    expect.objectContaining({ company: 'NPL', title: 'Researcher', start: '2020-01', end: null, isCurrent: true }),
  ]);
  expect(alan.education).toEqual([expect.objectContaining({ institution: 'Princeton University', degree: 'PhD, Mathematics', startYear: 1936, endYear: 1938 })]);
  expect(alan.yearsExperience).toBeGreaterThan(9);
  expect(await t.prisma.candidate.findUniqueOrThrow({ where: { id: hedy.id } })).toMatchObject({ skills: ['radio'], tags: ['json-resume'] });

  const form = new FormData();
  form.append('resume', new Blob([JSON.stringify({ basics: { name: 'Katherine Johnson', email: `kj-${crypto.randomUUID()}@example.org` } })]), 'kj.json');
  form.append('resume', new Blob(['{not json']), 'broken.json');
  const multi = await fetch(`${t.url}/api/imports/json-resume`, { method: 'POST', headers: { authorization: `Bearer ${org.tokens.recruiter}` }, body: form });
  expect(multi.status).toBe(202);
  const multiJob = await finished((await multi.json()).id);
  expect(multiJob.report).toMatchObject({ created: 1, failed: 1, failures: [{ file: 2, fileName: 'broken.json', reason: 'the file is not JSON' }] });

  const empty = await recruiter('POST', '/api/imports/json-resume', { resumes: [] });
  expect(empty.status).toBe(400);
  expect(empty.body.error.details[0].path).toBe('body.resumes');
});
