// The pdf.js worker pool on real PDFs written by pdfkit: text and links come
// back, and encrypted, image-only, broken, long and slow files end with a
// clear reason while the pool keeps serving the next file.
import PDFDocument from 'pdfkit';
import { deflateSync } from 'node:zlib';
import { createPdfTextExtractor, type TPdfTextExtractor } from '../../../api/resumes/extract-pdf-text';
import { makeResumeFixture, renderResumePdf } from '../../support/resume-fixtures';

function pdfOf(draw: (doc: PDFKit.PDFDocument) => void, options: PDFKit.PDFDocumentOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument({ margin: 50, ...options });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  draw(doc);
  doc.end();
  return done;
}

/** A gray PNG: a "scanned" page has pixels, no text. */
function grayPng(size: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(require('node:zlib').crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  const raw = Buffer.alloc(size * (size + 1), 0x80);
  for (let y = 0; y < size; y++) raw[y * (size + 1)] = 0;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** Form XObject k draws form k+1 `fanout` times; the last one shows text. Small file, exponential work. */
function nestedFormsPdf(levels: number, fanout: number): Buffer {
  const objects = [
    '1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj',
    '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj',
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R/Resources<</XObject<</X0 10 0 R>>>>>>endobj',
    '4 0 obj<</Length 8>>stream\n/X0 Do\n\nendstream\nendobj',
    '5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj',
  ];
  for (let k = 0; k < levels; k++) {
    const isLast = k === levels - 1;
    const body = isLast ? 'BT /F1 9 Tf (ab) Tj ET' : Array.from({ length: fanout }, () => `/X${k + 1} Do`).join(' ');
    const resources = isLast ? '/Font<</F1 5 0 R>>' : `/XObject<</X${k + 1} ${11 + k} 0 R>>`;
    objects.push(`${10 + k} 0 obj<</Type/XObject/Subtype/Form/BBox[0 0 612 792]/Resources<<${resources}>>/Length ${body.length}>>stream\n${body}\nendstream\nendobj`);
  }
  return Buffer.from(`%PDF-1.7\n${objects.join('\n')}\ntrailer<</Root 1 0 R>>\n%%EOF\n`, 'latin1');
}

describe('PDF text extraction', () => {
  let pdf: TPdfTextExtractor;
  beforeAll(() => { pdf = createPdfTextExtractor({ poolSize: 2 }); });
  afterAll(() => pdf.close());

  it('returns the text in reading order, right-aligned dates after a tab, and link targets behind labels', async () => {
    const f = makeResumeFixture(4); // company-first layout; even seed: links are labels, URLs only in annotations
    const result = await pdf.extract(await renderResumePdf(f));
    if (!result.isOk) throw new Error(result.message);
    const lines = result.text.split('\n');
    expect(lines[0]).toBe(f.name);
    expect(lines).toContain(`${f.jobs[0]!.company}\t${f.jobs[0]!.location}`);
    expect(result.text).not.toContain('linkedin.com');
    expect(result.urls).toContain(f.links.linkedin);
    expect(result).toMatchObject({ kind: 'pdf', pageCount: 1, isTruncated: false });
  });

  it('reads a sidebar layout column by column instead of interleaving the columns line by line', async () => {
    const twoColumns = await pdfOf((d) => {
      d.font('Helvetica-Bold').fontSize(20).text('Priya Raman', 40, 40, { width: 150 });
      d.font('Helvetica').fontSize(9).text('priya@raman.dev\n+1 646 555 0199\nlinkedin.com/in/priyaraman\n\n', { width: 150 });
      d.font('Helvetica-Bold').fontSize(11).text('SKILLS', { width: 150 });
      d.font('Helvetica').fontSize(9).text('Python, SQL, Tableau, Looker and a strong sense for clean data models', { width: 150 });
      d.text('Speaks English and Spanish at a professional working level', { width: 150 });
      d.font('Helvetica-Bold').fontSize(11).text('PROFESSIONAL EXPERIENCE', 230, 40, { width: 340 });
      d.font('Helvetica-Bold').fontSize(10).text('Lead Data Scientist, Acme Analytics Inc.', 230, d.y + 6, { width: 340 });
      d.font('Helvetica').fontSize(9).text('Mar 2020 – Present', { width: 340 });
      d.text('• Built churn models that the retention team uses every single week to plan outreach', { width: 340 });
      d.font('Helvetica-Bold').fontSize(10).text('Data Analyst, Globex Corporation', 230, d.y + 6, { width: 340 });
      d.font('Helvetica').fontSize(9).text('Jun 2016 – Feb 2020', { width: 340 });
      d.text('• Reporting for the finance group across every region and quarter of the year', { width: 340 });
    }, { margin: 40 });
    const result = await pdf.extract(twoColumns);
    if (!result.isOk) throw new Error(result.message);
    const lines = result.text.split('\n');
    expect(lines.slice(0, 4)).toEqual(['Priya Raman', 'priya@raman.dev', '+1 646 555 0199', 'linkedin.com/in/priyaraman']);
    expect(lines.indexOf('PROFESSIONAL EXPERIENCE')).toBeGreaterThan(lines.findIndex((l) => l.startsWith('Speaks English')));
    expect(lines).toContain('Lead Data Scientist, Acme Analytics Inc.');
    expect(result.text).not.toContain('\t');
  });

  it('reports a password-protected PDF as encrypted', async () => {
    const locked = await pdfOf((d) => d.text('Secret resume'), { userPassword: 'hunter2', ownerPassword: 'owner' });
    expect(await pdf.extract(locked)).toMatchObject({ isOk: false, reason: 'encrypted' });
  });

  it('reports an image-only (scanned) PDF as having no text, since there is no OCR', async () => {
    const scanned = await pdfOf((d) => { d.image(grayPng(64), 50, 50, { width: 400 }); });
    const result = await pdf.extract(scanned);
    expect(result).toMatchObject({ isOk: false, reason: 'no_text' });
    if (!result.isOk) expect(result.message).toMatch(/OCR/);
  });

  it('reports a damaged PDF as malformed', async () => {
    const junk = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\ngarbage garbage\n%%EOF\n');
    expect(await pdf.extract(junk)).toMatchObject({ isOk: false, reason: 'malformed' });
  });

  it('reads at most maxPages pages and says the rest was left out', async () => {
    const long = await pdfOf((d) => {
      for (let page = 1; page <= 6; page++) {
        if (page > 1) d.addPage();
        d.text(`Page marker ${page}`);
      }
    });
    const limited = createPdfTextExtractor({ poolSize: 1, maxPages: 2 });
    try {
      const result = await limited.extract(long);
      if (!result.isOk) throw new Error(result.message);
      expect(result).toMatchObject({ pageCount: 6, isTruncated: true });
      expect(result.text).toContain('Page marker 2');
      expect(result.text).not.toContain('Page marker 3');
    } finally {
      await limited.close();
    }
  });

  it('stops a file over the time limit by terminating its worker, and the pool serves the next file', async () => {
    const f = makeResumeFixture(7, { extraJobs: 10 });
    const heavy = await renderResumePdf(f, { targetBytes: 200_000 });
    const strict = createPdfTextExtractor({ poolSize: 1, timeoutMs: 1 });
    try {
      await strict.warmUp();
      expect(await strict.extract(heavy)).toMatchObject({ isOk: false, reason: 'too_complex', message: expect.stringMatching(/1 ms/) });
      // The one slot answers again (a fresh worker), instead of hanging behind the stopped file.
      expect(await strict.extract(heavy)).toMatchObject({ isOk: false, reason: 'too_complex' });
    } finally {
      await strict.close();
    }
    const after = await pdf.extract(await renderResumePdf(makeResumeFixture(3)));
    expect(after.isOk).toBe(true);
  });

  it('stops a "billion laughs" PDF (forms drawing forms, 10^7 draws) at the time limit', async () => {
    const bomb = nestedFormsPdf(8, 10);
    const guarded = createPdfTextExtractor({ poolSize: 1, timeoutMs: 1500 });
    try {
      await guarded.warmUp();
      const started = Date.now();
      expect(await guarded.extract(bomb)).toMatchObject({ isOk: false, reason: 'too_complex' });
      expect(Date.now() - started).toBeLessThan(5000);
      // The same structure, shallow, is an ordinary file: the limit is what stopped the deep one.
      expect(await guarded.extract(nestedFormsPdf(2, 10))).toMatchObject({ isOk: true });
    } finally {
      await guarded.close();
    }
  });

  it('keeps concurrent files apart: each caller gets the text of its own file', async () => {
    const fixtures = [11, 12, 13, 14, 15, 16].map((seed) => makeResumeFixture(seed));
    const files = await Promise.all(fixtures.map((f) => renderResumePdf(f)));
    const results = await Promise.all(files.map((file) => pdf.extract(file)));
    results.forEach((result, i) => {
      if (!result.isOk) throw new Error(result.message);
      expect(result.text.split('\n')[0]).toBe(fixtures[i]!.name);
    });
  });

  it('does not detach the caller\'s bytes (the file is still stored after parsing)', async () => {
    const file = await renderResumePdf(makeResumeFixture(4));
    const copy = Buffer.from(file);
    await pdf.extract(file);
    expect(file.equals(copy)).toBe(true);
  });
});
