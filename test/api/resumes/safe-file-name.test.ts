import { safeDisplayFileName, safeStoredFileName } from '../../../api/resumes/safe-file-name';

describe('safeStoredFileName', () => {
  it.each([
    ['../../etc/passwd.pdf', 'pdf', 'passwd.pdf'],
    ['..\\..\\Windows\\System32\\evil.docx', 'docx', 'evil.docx'],
    ['resume\u0000.exe.pdf', 'pdf', 'resume-exe.pdf'],
    ['Jane Doe - Résumé 2024.pdf', 'pdf', 'Jane-Doe-Resume-2024.pdf'],
    ['invoice\u202Efdp.exe', 'pdf', 'invoicefdp.pdf'], // right-to-left override that makes "exe.pdf" read backwards
    ['履歴書.pdf', 'pdf', 'resume.pdf'],
    ['...', 'pdf', 'resume.pdf'],
    ['', 'docx', 'resume.docx'],
    ['CON.pdf', 'pdf', 'resume-CON.pdf'],
    ['cv.docx', 'pdf', 'cv.pdf'], // the extension follows the detected type, not the name
  ] as const)('%j -> %s', (name, kind, expected) => {
    expect(safeStoredFileName(name, kind)).toBe(expected);
  });

  it('is short, ASCII and free of path separators for any input', () => {
    const nasty = ['a'.repeat(10_000) + '.pdf', '/'.repeat(300), '\u0000\u0001\u0002', '🙂'.repeat(500), '%2e%2e%2fetc%2fpasswd', 'a\nb\rc\td.pdf', undefined, 42];
    for (const name of nasty) {
      const stored = safeStoredFileName(name, 'pdf');
      expect(stored).toMatch(/^[A-Za-z0-9_-]{1,90}\.pdf$/);
      expect(stored.length).toBeLessThanOrEqual(90);
    }
  });
});

describe('safeDisplayFileName', () => {
  it('keeps readable unicode but drops paths, controls and bidi tricks', () => {
    expect(safeDisplayFileName('../../José Álvarez CV.pdf', 'pdf')).toBe('José Álvarez CV.pdf');
    expect(safeDisplayFileName('履歴書.docx', 'docx')).toBe('履歴書.docx');
    expect(safeDisplayFileName('invoice\u202Efdp.exe', 'pdf')).toBe('invoicefdp.pdf');
    expect(safeDisplayFileName('a\u0000b<script>.pdf', 'pdf')).toBe('ab script.pdf');
  });

  it('caps the length without splitting a character', () => {
    const name = safeDisplayFileName('🙂'.repeat(500) + '.pdf', 'pdf');
    expect([...name.replace(/\.pdf$/, '')]).toHaveLength(120);
    expect(name).not.toMatch(/\uFFFD|[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});
