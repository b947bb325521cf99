// Generated resumes through the whole intake: PDF/DOCX bytes -> type check ->
// text extraction -> parsing must give back what the generator wrote.
import { createPdfTextExtractor, type TPdfTextExtractor } from '../../../api/resumes/extract-pdf-text';
import { intakeResume } from '../../../api/resumes/intake-resume';
import { parseResume, type TParsedResume } from '../../../api/resumes/parse-resume';
import { makeResumeFixture, renderResumeDocx, renderResumePdf, resumeFixtureText, type TResumeFixture } from '../../support/resume-fixtures';

const valueOf = <T>(field: { status: string; value?: T }): T | undefined => (field.status === 'found' ? field.value : undefined);
const ym = (m: { year: number; month: number } | null) => (m ? `${m.year}-${String(m.month).padStart(2, '0')}` : null);
const noWww = (url: string | null | undefined) => url?.replace('://www.', '://') ?? null;

function expectSameAsFixture(parsed: TParsedResume, f: TResumeFixture, { hasLinks = true } = {}) {
  expect(valueOf(parsed.name)).toBe(f.name);
  expect(valueOf(parsed.email)).toBe(f.email);
  expect(valueOf(parsed.phone)?.e164).toBe(f.phone.e164);
  if (hasLinks) {
    const links = valueOf(parsed.links);
    expect({ linkedin: noWww(links?.linkedin), github: noWww(links?.github), website: noWww(links?.website) })
      .toEqual({ linkedin: noWww(f.links.linkedin), github: noWww(f.links.github), website: noWww(f.links.website) });
  }
  expect(valueOf(parsed.skills)?.map((s) => s.name).sort()).toEqual([...f.skills].sort());
  expect(valueOf(parsed.yearsOfExperience)).toEqual({ years: f.expectedYears, basis: 'date_ranges' });
  expect(valueOf(parsed.employers)?.map((e) => [e.title, e.company, e.start, e.end, e.isCurrent]))
    .toEqual(f.jobs.map((j) => [j.title, j.company, ym(j.start), ym(j.end), j.end === null]));
  expect(valueOf(parsed.education)?.map((e) => [e.institution, e.degree, e.startYear, e.endYear]))
    .toEqual(f.education.map((e) => [e.institution, e.degree, e.startYear, e.endYear]));
}

// Seeds cover the three experience layouts, all phone formats, visible and
// hidden (annotation-only) links, and the DOCX contact line in a page header.
const SEEDS = [1, 2, 3, 4, 5, 6, 8, 12, 18, 24, 33, 47];

describe('generated resumes round-trip through intake', () => {
  let pdf: TPdfTextExtractor;
  beforeAll(() => { pdf = createPdfTextExtractor({ poolSize: 1 }); });
  afterAll(() => pdf.close());

  it.each(SEEDS)('PDF, seed %i', async (seed) => {
    const f = makeResumeFixture(seed);
    const intake = await intakeResume({ bytes: await renderResumePdf(f), fileName: `${f.name}.pdf`, defaultCountry: 'US', now: f.asOf, pdf });
    if (!intake.isAccepted || !intake.parsed) throw new Error(`not parsed: ${JSON.stringify(intake)}`);
    expect(intake.file.kind).toBe('pdf');
    expectSameAsFixture(intake.parsed, f);
  });

  it.each(SEEDS)('DOCX, seed %i', async (seed) => {
    const f = makeResumeFixture(seed);
    const intake = await intakeResume({ bytes: renderResumeDocx(f), fileName: 'cv.docx', defaultCountry: 'US', now: f.asOf, pdf });
    if (!intake.isAccepted || !intake.parsed) throw new Error(`not parsed: ${JSON.stringify(intake)}`);
    expect(intake.file).toMatchObject({ kind: 'docx', storedName: 'cv.docx' });
    expectSameAsFixture(intake.parsed, f);
  });

  it('plain text of 40 more seeds parses back the same (hidden links aside: they exist only in files)', () => {
    for (let seed = 100; seed < 140; seed++) {
      const f = makeResumeFixture(seed);
      expectSameAsFixture(parseResume(resumeFixtureText(f), { now: f.asOf, defaultCountry: 'US' }), f, { hasLinks: !f.hasHiddenLinks });
    }
  });

  it('the ~200 KB benchmark resume: several pages, every job found', async () => {
    const f = makeResumeFixture(7, { extraJobs: 10 });
    const bytes = await renderResumePdf(f, { targetBytes: 200_000 });
    expect(bytes.length).toBeGreaterThan(190_000);
    expect(bytes.length).toBeLessThan(215_000);
    const intake = await intakeResume({ bytes, defaultCountry: 'US', now: f.asOf, pdf });
    if (!intake.isAccepted || !intake.text.isOk || !intake.parsed) throw new Error('not parsed');
    expect(intake.text.pageCount).toBeGreaterThanOrEqual(3);
    expectSameAsFixture(intake.parsed, f);
  });

  it('generates the same bytes for the same seed, and different resumes for different seeds', async () => {
    const [a, b, c] = await Promise.all([renderResumePdf(makeResumeFixture(9)), renderResumePdf(makeResumeFixture(9)), renderResumePdf(makeResumeFixture(10))]);
    expect(Buffer.compare(a, b)).toBe(0);
    expect(Buffer.compare(a, c)).not.toBe(0);
    expect(Buffer.from(renderResumeDocx(makeResumeFixture(9))).equals(Buffer.from(renderResumeDocx(makeResumeFixture(9))))).toBe(true);
    const names = new Set(Array.from({ length: 200 }, (_, i) => makeResumeFixture(i + 1).email));
    expect(names.size).toBe(200); // the seed's 200 candidates are 200 different people
  });
});
