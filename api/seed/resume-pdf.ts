// A resume rendered as a real PDF (pdfkit): the demo seed's uploads, the resume
// tests and the apply benchmark. Bytes are identical for a seed (fixed dates),
// so re-running the seed stores the same files.
import { deflateSync as zlibDeflate, crc32 } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { makeResumeFixture, seededRandom, type TFixtureOptions, type TResumeFixture } from './resume-profile';

export interface TPdfOptions {
  /** Pads the file with a headshot photo to about this size (the benchmark's 200 KB). */
  targetBytes?: number;
}

export async function renderResumePdf(f: TResumeFixture, options: TPdfOptions = {}): Promise<Buffer> {
  const plain = await writePdf(f, 0);
  if (!options.targetBytes || plain.length >= options.targetBytes) return plain;
  return writePdf(f, options.targetBytes - plain.length - 600);
}

function writePdf(f: TResumeFixture, photoBytes: number): Promise<Buffer> {
  // Fixed dates keep the bytes identical for a seed (pdfkit derives the file ID from them).
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `Resume - ${f.name}`, Author: f.name, CreationDate: f.asOf, ModDate: f.asOf } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const width = doc.page.width - 100;
  if (photoBytes > 0) doc.image(noisePng(f.seed, photoBytes), 50 + width - 80, 40, { width: 80, height: 80 });
  for (const block of f.blocks) {
    if (block.kind === 'name') doc.font('Helvetica-Bold').fontSize(22).text(block.text, { width: width - 90 }).moveDown(0.2);
    else if (block.kind === 'contact') writeContact(doc, block.text, block.links);
    else if (block.kind === 'heading') doc.moveDown(0.6).font('Helvetica-Bold').fontSize(12).text(block.text).moveDown(0.2);
    else if (block.kind === 'paragraph') doc.font('Helvetica').fontSize(10).text(block.text, { width });
    else if (block.kind === 'bullet') doc.font('Helvetica').fontSize(10).text(`• ${block.text}`, { width, indent: 10 });
    else if (block.kind === 'row') {
      if (doc.y > doc.page.height - 90) doc.addPage();
      const y = doc.y + 4;
      const rightWidth = doc.font('Helvetica').fontSize(10).widthOfString(block.right);
      doc.font('Helvetica-Bold').fontSize(10.5).text(block.left, 50, y, { width: width - rightWidth - 36 });
      const after = doc.y;
      doc.font('Helvetica').fontSize(10).text(block.right, 50, y, { width, align: 'right' });
      doc.y = Math.max(after, doc.y);
      doc.x = 50;
    }
  }
  doc.end();
  return done;
}

function writeContact(doc: PDFKit.PDFDocument, text: string, links: Array<{ label: string; url: string }>) {
  doc.font('Helvetica').fontSize(9.5);
  const parts = text.split(' | ');
  parts.forEach((part, i) => {
    const link = links.find((l) => l.label === part)?.url;
    doc.text(part + (i < parts.length - 1 ? ' | ' : ''), { continued: i < parts.length - 1, link: link ?? null, underline: false });
  });
  doc.moveDown(0.3);
}

/** A deterministic "photo": PNG noise barely compresses, so its size is predictable. */
function noisePng(seed: number, bytes: number): Buffer {
  const r = seededRandom(seed + 1);
  const width = 256;
  const height = Math.max(1, Math.ceil(bytes / (width * 3 + 1)));
  const raw = Buffer.alloc(height * (width * 3 + 1));
  for (let i = 0; i < raw.length; i++) raw[i] = i % (width * 3 + 1) === 0 ? 0 : Math.floor(r.next() * 256);
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body) >>> 0, body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', zlibDeflate(raw)), chunk('IEND', Buffer.alloc(0))]);
}

export const generateResumePdf = (seed: number, options: TFixtureOptions & TPdfOptions = {}) => renderResumePdf(makeResumeFixture(seed, options), options);
