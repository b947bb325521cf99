// DOCX text: WordprocessingML quirks, hyperlinks, and the zip-bomb guard.
import { strToU8, zipSync } from 'fflate';
import { extractDocxText, wordXmlToText } from '../../../api/resumes/extract-docx-text';
import { MAX_DOCX_PART_BYTES } from '../../../api/resumes/resume-limits';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
const docx = (documentXml: string, extra: Record<string, Uint8Array> = {}) =>
  zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(documentXml), ...extra });

/** Sets the uncompressed size a ZIP's central directory declares for `name` (a lying archive). */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = Uint8Array.from(zip);
  const view = new DataView(out.buffer);
  for (let i = 0; i < out.length - 46; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(i + 28, true);
    if (Buffer.from(out.subarray(i + 46, i + 46 + nameLength)).toString() === name) view.setUint32(i + 24, size, true);
  }
  return out;
}

describe('wordXmlToText', () => {
  it('joins runs split mid-word, keeps tabs and breaks, one paragraph per line', () => {
    const xml = `<w:document ${W}><w:body>
      <w:p><w:pPr><w:tabs><w:tab w:val="right" w:pos="9360"/></w:tabs></w:pPr><w:r><w:t>Senior Eng</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>ineer</w:t></w:r><w:r><w:tab/><w:t>2019 – 2021</w:t></w:r></w:p>
      <w:p><w:r><w:t xml:space="preserve">Line one</w:t><w:br/><w:t>Line two &amp; more &#x2013; &lt;tags&gt;</w:t></w:r></w:p>
    </w:body></w:document>`;
    expect(wordXmlToText(xml)).toBe('Senior Engineer\t2019 – 2021\nLine one\nLine two & more – <tags>\n');
  });

  it('skips deleted revisions and the fallback copy of text boxes, so nothing is doubled', () => {
    const xml = `<w:document ${W}><w:body>
      <w:p><w:del><w:r><w:delText>Old title</w:delText></w:r></w:del><w:ins><w:r><w:t>New title</w:t></w:r></w:ins></w:p>
      <w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:txbxContent><w:p><w:r><w:t>Sidebar</w:t></w:r></w:p></w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent><w:p><w:r><w:t>Sidebar</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent></w:r></w:p>
    </w:body></w:document>`;
    const text = wordXmlToText(xml);
    expect(text).not.toContain('Old title');
    expect(text).toContain('New title');
    expect(text.match(/Sidebar/g)).toHaveLength(1);
  });

  it('puts the cells of a table row on one line, separated by tabs', () => {
    const cell = (t: string) => `<w:tc><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`;
    const xml = `<w:tbl><w:tr>${cell('Acme Corp')}${cell('Jan 2018 – Present')}</w:tr><w:tr>${cell('Initech')}${cell('2015 – 2017')}</w:tr></w:tbl>`;
    expect(wordXmlToText(xml).split('\n').map((l) => l.trim())).toEqual(['Acme Corp \tJan 2018 – Present', 'Initech \t2015 – 2017', '']);
  });
});

describe('extractDocxText', () => {
  it('reads headers before the body and collects hyperlink targets', () => {
    const file = docx(`<w:document ${W}><w:body><w:p><w:r><w:t>Body text</w:t></w:r></w:p></w:body></w:document>`, {
      'word/header1.xml': strToU8(`<w:hdr ${W}><w:p><w:r><w:t>Jane Doe</w:t></w:r></w:p></w:hdr>`),
      'word/_rels/document.xml.rels': strToU8('<Relationships><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://github.com/jane?tab=repos&amp;x=1" TargetMode="External"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>'),
    });
    const result = extractDocxText(file);
    expect(result).toMatchObject({ isOk: true, kind: 'docx', text: 'Jane Doe\n\nBody text\n', urls: ['https://github.com/jane?tab=repos&x=1'] });
  });

  it('refuses a zip bomb before inflating it: a document part declaring more than the limit', () => {
    const huge = new Uint8Array(MAX_DOCX_PART_BYTES + 1024).fill(0x20); // compresses ~1000:1
    const bomb = docx('', { 'word/document.xml': huge });
    expect(bomb.length).toBeLessThan(100_000);
    const started = Date.now();
    expect(extractDocxText(bomb)).toMatchObject({ isOk: false, reason: 'too_complex' });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('cuts a part that lies about its size at the declared size instead of inflating it all', () => {
    const body = `<w:document ${W}><w:body>${'<w:p><w:r><w:t>Filler text</w:t></w:r></w:p>'.repeat(100_000)}</w:body></w:document>`;
    const lying = declareSize(docx(body), 'word/document.xml', 2_000);
    const result = extractDocxText(lying);
    if (!result.isOk) throw new Error(result.message);
    expect(body.length).toBeGreaterThan(4_000_000);
    expect(result.text.length).toBeLessThan(2_000); // bounded by the declared size, not the real one
    expect(result.text).toContain('Filler text');
  });

  it('says so when the document is empty or the archive is damaged', () => {
    expect(extractDocxText(docx(`<w:document ${W}><w:body><w:p/></w:body></w:document>`))).toMatchObject({ isOk: false, reason: 'no_text' });
    const text = Array.from({ length: 2000 }, (_, i) => `word${i * 7919 % 1000}`).join(' ');
    const damaged = zipSync({ 'word/document.xml': strToU8(`<w:document ${W}><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`) });
    damaged.fill(0xff, 30 + 'word/document.xml'.length + 10, 30 + 'word/document.xml'.length + 40); // inside the deflate stream
    expect(extractDocxText(damaged)).toMatchObject({ isOk: false, reason: 'malformed' });
  });
});
