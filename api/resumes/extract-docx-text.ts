// Plain text and hyperlink targets of a .docx: the main document plus headers
// and footers (templates often put the name and contact line there). Only the
// XML parts needed are inflated, each capped (see zip-entries.ts).
import { MAX_DOCX_PART_BYTES, MAX_RESUME_TEXT_CHARS } from './resume-limits';
import { inflateZipEntries } from './zip-entries';
import type { TTextExtraction } from './extraction-result';

const PART = /^word\/(document|header\d*|footer\d*)\.xml$/;
const RELS = /^word\/_rels\/(document|header\d*|footer\d*)\.xml\.rels$/;

export function extractDocxText(bytes: Uint8Array): TTextExtraction {
  const inflated = inflateZipEntries(bytes, (name) => PART.test(name) || RELS.test(name), MAX_DOCX_PART_BYTES, 2 * MAX_DOCX_PART_BYTES);
  if (!inflated.isOk) return { isOk: false, reason: inflated.reason === 'too_large' ? 'too_complex' : 'malformed', message: inflated.message };
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const xmlOf = (name: string) => decoder.decode(inflated.files.get(name) ?? new Uint8Array());
  const names = [...inflated.files.keys()];
  const byNumber = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
  const ordered = [
    ...names.filter((n) => n.startsWith('word/header')).sort(byNumber),
    'word/document.xml',
    ...names.filter((n) => n.startsWith('word/footer')).sort(byNumber),
  ];
  const text = ordered.map((n) => wordXmlToText(xmlOf(n))).filter((t) => t.trim() !== '').join('\n');
  const urls = [...new Set(names.filter((n) => RELS.test(n)).flatMap((n) => hyperlinkTargets(xmlOf(n))))];
  if (text.trim() === '') return { isOk: false, reason: 'no_text', message: 'the Word document has no text' };
  return { isOk: true, kind: 'docx', text: text.slice(0, MAX_RESUME_TEXT_CHARS), urls, pageCount: null, isTruncated: text.length > MAX_RESUME_TEXT_CHARS };
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, body: string) => {
    if (body[0] !== '#') return ENTITY[body] ?? whole;
    const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/**
 * WordprocessingML to text: runs of <w:t>, tabs and breaks; a paragraph per
 * line; table cells of a row joined by tabs. Deleted revisions (<w:delText>)
 * and <mc:Fallback> copies of text boxes are skipped so nothing is doubled.
 */
export function wordXmlToText(xml: string): string {
  const out: string[] = [];
  let isInText = false;
  let fallbackDepth = 0;
  let cellDepth = 0;
  // <w:tab/> is a tab character inside a run, but a tab-stop definition in <w:tabs>.
  let runDepth = 0;
  const tokens = /<(\/?)([A-Za-z0-9:]+)[^>]*?(\/?)>|([^<]+)/g;
  for (let m = tokens.exec(xml); m; m = tokens.exec(xml)) {
    const [, closing, tag, selfClosing, chars] = m;
    if (chars !== undefined) {
      if (isInText && fallbackDepth === 0) out.push(decodeXmlEntities(chars));
      continue;
    }
    const isOpen = !closing;
    if (tag === 'mc:Fallback' && !selfClosing) fallbackDepth += isOpen ? 1 : -1;
    if (fallbackDepth > 0) continue;
    switch (tag) {
      case 'w:t': isInText = isOpen && !selfClosing; break;
      case 'w:r': if (!selfClosing) runDepth += isOpen ? 1 : -1; break;
      case 'w:tab': if (isOpen && runDepth > 0) out.push('\t'); break;
      case 'w:br': case 'w:cr': if (isOpen) out.push('\n'); break;
      case 'w:noBreakHyphen': if (isOpen) out.push('-'); break;
      case 'w:tc': if (!selfClosing) cellDepth += isOpen ? 1 : -1; if (!isOpen) out.push('\t'); break;
      case 'w:tr': if (!isOpen) out.push('\n'); break;
      case 'w:p': if (!isOpen) out.push(cellDepth > 0 ? ' ' : '\n'); break;
    }
  }
  // Line by line: a regex over the whole text backtracks on long runs of tabs.
  return out.join('').split('\n').map((line) => line.trimEnd()).join('\n').replace(/\n{3,}/g, '\n\n');
}

function hyperlinkTargets(relsXml: string): string[] {
  const urls: string[] = [];
  for (const rel of relsXml.match(/<Relationship\b[^>]*>/g) ?? []) {
    if (!/Type="[^"]*\/hyperlink"/.test(rel)) continue;
    const target = /Target="([^"]*)"/.exec(rel)?.[1];
    if (target) urls.push(decodeXmlEntities(target));
  }
  return urls;
}
