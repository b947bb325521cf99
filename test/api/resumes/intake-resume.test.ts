// The call the apply endpoint makes: refuse by type, accept the rest with safe
// names, and parse what can be read.
import PDFDocument from 'pdfkit';
import { createPdfTextExtractor, type TPdfTextExtractor } from '../../../api/resumes/extract-pdf-text';
import { intakeResume } from '../../../api/resumes/intake-resume';
import { extractResumeText } from '../../../api/resumes/extract-text';
import { makeResumeFixture, renderResumeDocx, renderResumePdf } from '../../support/resume-fixtures';

describe('intakeResume', () => {
  let pdf: TPdfTextExtractor;
  beforeAll(() => { pdf = createPdfTextExtractor({ poolSize: 1 }); });
  afterAll(() => pdf.close());

  it('stores a path-traversal file name harmlessly and parses the resume', async () => {
    const f = makeResumeFixture(5);
    const intake = await intakeResume({ bytes: await renderResumePdf(f), fileName: '../../etc/passwd.pdf', now: f.asOf, defaultCountry: 'US', pdf });
    if (!intake.isAccepted) throw new Error(intake.message);
    expect(intake.file).toMatchObject({ kind: 'pdf', mimeType: 'application/pdf', storedName: 'passwd.pdf', displayName: 'passwd.pdf' });
    expect(intake.text).toMatchObject({ isOk: true, pageCount: 1, isTruncated: false });
    expect(intake.parsed?.email).toMatchObject({ status: 'found', value: f.email });
  });

  it('refuses an executable named like a resume, before any parsing', async () => {
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), Buffer.alloc(4000)]);
    expect(await intakeResume({ bytes: elf, fileName: 'resume.pdf', pdf })).toMatchObject({ isAccepted: false, reason: 'executable' });
  });

  it('the type comes from the bytes: a DOCX named .pdf is a DOCX', async () => {
    const intake = await intakeResume({ bytes: renderResumeDocx(makeResumeFixture(6)), fileName: 'resume.pdf', pdf });
    expect(intake).toMatchObject({ isAccepted: true, file: { kind: 'docx', storedName: 'resume.docx' } });
  });

  it('accepts an encrypted PDF without parsed fields, saying why', async () => {
    const doc = new PDFDocument({ userPassword: 'secret' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
    doc.text('Jane Doe');
    doc.end();
    const intake = await intakeResume({ bytes: await done, fileName: 'locked.pdf', pdf });
    expect(intake).toMatchObject({ isAccepted: true, text: { isOk: false, reason: 'encrypted' }, parsed: null });
  });

  it('extractResumeText tells a type refusal from a text failure', async () => {
    expect(await extractResumeText(new Uint8Array(0), pdf)).toMatchObject({ isOk: false, stage: 'type', reason: 'empty' });
    const text = await extractResumeText(renderResumeDocx(makeResumeFixture(8)), pdf);
    expect(text).toMatchObject({ isOk: true, kind: 'docx' });
  });
});
