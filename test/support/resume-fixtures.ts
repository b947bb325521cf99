// Realistic resumes for tests and the apply benchmark: the profile and PDF
// generators live with the demo seed (api/seed/resume-profile.ts,
// resume-pdf.ts); this adds the plain-text view and a hand-built DOCX.
import { strToU8, zipSync } from 'fflate';
import { makeResumeFixture, type TBlock, type TFixtureOptions, type TResumeFixture } from '../../api/seed/resume-profile';

export { makeResumeFixture, seededRandom } from '../../api/seed/resume-profile';
export type { TBlock, TFixtureEducation, TFixtureJob, TFixtureMonth, TFixtureOptions, TResumeFixture } from '../../api/seed/resume-profile';
export { generateResumePdf, renderResumePdf, type TPdfOptions } from '../../api/seed/resume-pdf';

/** The resume as plain text, line by line (what a perfect extractor would return). */
export function resumeFixtureText(f: TResumeFixture): string {
  return f.blocks.map((b) => (b.kind === 'row' ? `${b.left}\t${b.right}` : b.kind === 'bullet' ? `• ${b.text}` : b.text)).join('\n');
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A minimal but real .docx (Word opens it): runs split mid-word and bold runs
 * as Word writes them, right-aligned dates after a tab, hyperlinks through
 * relationships, and for some seeds the contact line in a page header.
 */
export function renderResumeDocx(f: TResumeFixture): Uint8Array {
  const isContactInHeader = f.seed % 4 === 0;
  const documentRels: string[] = [];
  const headerRels: string[] = [];
  const relationship = (rels: string[], type: string, target: string, isExternal = false) => {
    const id = `rId${10 + rels.length}`;
    rels.push(`<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${xml(target)}"${isExternal ? ' TargetMode="External"' : ''}/>`);
    return id;
  };
  const run = (text: string, bold = false) => {
    // Word splits runs at edit boundaries, even inside words.
    const cut = text.length > 8 ? Math.floor(text.length / 2) : text.length;
    return [text.slice(0, cut), text.slice(cut)].filter(Boolean).map((t) => `<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${xml(t)}</w:t></w:r>`).join('');
  };
  const para = (inner: string, tabRight = false) => `<w:p>${tabRight ? '<w:pPr><w:tabs><w:tab w:val="right" w:pos="9360"/></w:tabs></w:pPr>' : ''}${inner}</w:p>`;
  // Hyperlinks point at relationships of the part they sit in (header or document).
  const contactPara = (block: Extract<TBlock, { kind: 'contact' }>, rels: string[]) => para(block.text.split(' | ').map((part, i) => {
    const link = block.links.find((l) => l.label === part);
    const sep = i > 0 ? run(' | ') : '';
    return link ? `${sep}<w:hyperlink r:id="${relationship(rels, 'hyperlink', link.url, true)}">${run(part)}</w:hyperlink>` : sep + run(part);
  }).join(''));
  let header = '';
  const body = f.blocks.map((b) => {
    if (b.kind === 'row') return para(`${run(b.left, true)}<w:r><w:tab/></w:r>${run(b.right)}`, true);
    if (b.kind === 'contact' && isContactInHeader) {
      header = contactPara(b, headerRels);
      return '';
    }
    if (b.kind === 'contact') return contactPara(b, documentRels);
    return para(run(b.kind === 'bullet' ? `• ${b.text}` : b.text, b.kind === 'name' || b.kind === 'heading'));
  }).join('');
  const ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const headerId = isContactInHeader ? relationship(documentRels, 'header', 'header1.xml') : '';
  const sectPr = `<w:sectPr>${isContactInHeader ? `<w:headerReference w:type="default" r:id="${headerId}"/>` : ''}<w:pgSz w:w="12240" w:h="15840"/></w:sectPr>`;
  const relsXml = (rels: string[]) => strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>${isContactInHeader ? '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>' : ''}</Types>`),
    '_rels/.rels': strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${ns}><w:body>${body}${sectPr}</w:body></w:document>`),
    'word/_rels/document.xml.rels': relsXml(documentRels),
  };
  if (isContactInHeader) {
    files['word/header1.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr ${ns}>${header}</w:hdr>`);
    files['word/_rels/header1.xml.rels'] = relsXml(headerRels);
  }
  // A fixed timestamp keeps the archive identical for a seed.
  return zipSync(files, { mtime: new Date(Date.UTC(2024, 0, 1)) });
}

export const generateResumeDocx = (seed: number, options: TFixtureOptions = {}) => renderResumeDocx(makeResumeFixture(seed, options));
