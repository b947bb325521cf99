// Realistic resumes for tests, the apply benchmark and the demo seed: a
// candidate profile drawn deterministically from a seed number (names,
// companies, skills written with their aliases, dates, layouts), rendered as
// a PDF (pdfkit) or a hand-built DOCX, with the values a parser should find.
import { deflateSync as zlibDeflate, crc32 } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { strToU8, zipSync } from 'fflate';

export interface TFixtureMonth { year: number; month: number } // month 1-12
export interface TFixtureJob { title: string; company: string; location: string; start: TFixtureMonth; end: TFixtureMonth | null; bullets: string[] }
export interface TFixtureEducation { institution: string; degree: string; startYear: number | null; endYear: number }

export interface TResumeFixture {
  seed: number;
  asOf: Date;
  name: string;
  email: string;
  phone: { written: string; e164: string };
  links: { linkedin: string; github: string | null; website: string | null };
  /** Links written as labels ("LinkedIn | GitHub") with the URL only behind them. */
  hasHiddenLinks: boolean;
  /** Canonical skill names, as the parser should report them. */
  skills: string[];
  jobs: TFixtureJob[];
  education: TFixtureEducation[];
  /** Total experience by an independent count: distinct months worked / 12, one decimal. */
  expectedYears: number;
  blocks: TBlock[];
}

export type TBlock =
  | { kind: 'name' | 'heading' | 'paragraph' | 'bullet'; text: string }
  | { kind: 'contact'; text: string; links: Array<{ label: string; url: string }> }
  | { kind: 'row'; left: string; right: string };

const FIRST = ['José', 'Zoë', 'Renée', 'Björn', 'Søren', 'François', 'Chloé', 'Ana', 'Mei', 'Aarav', 'Olga', 'Kwame', 'Ngozi', 'Hiroshi', 'Fatima', 'Liam', 'Emma', 'Noah', 'Priya', 'Mateo', 'Sofia', 'Lukas', 'Yuki', 'Amara', 'Diego', 'Grace', 'Omar', 'Ingrid', 'Tariq', 'Elena'];
const LAST = ['García', 'Müller', "O'Brien", 'Nakamura', 'Okafor', 'Johansson', 'Kowalski', 'Chen', 'Patel', 'Silva', 'Rossi', 'Dubois', 'Nguyen', 'van der Berg', 'Smith-Jones', 'MacLeod', 'Haddad', 'Fischer', 'Lindqvist', 'Mensah'];
const COMPANIES = ['Northwind Labs', 'Bluefin Analytics Inc.', 'Globex Corporation', 'Initech', 'Umbrella Health', 'Vandelay Industries', 'Hooli', 'Pied Piper Inc.', 'Soylent Systems', 'Wayne Enterprises', 'Cyberdyne Systems', 'Tyrell Corp', 'Massive Dynamic', 'Aperture Science', 'Stark Freight GmbH', 'Acme Robotics Ltd'];
const LOCATIONS = ['Berlin, Germany', 'London, UK', 'San Francisco, CA', 'Austin, TX', 'Remote', 'Toronto, Canada', 'Lisbon, Portugal', 'New York, NY'];
const TITLES = ['Software Engineer', 'Senior Software Engineer', 'Backend Engineer', 'Frontend Developer', 'Data Analyst', 'Product Manager', 'Engineering Manager', 'Product Designer', 'Staff Engineer', 'Data Scientist', 'Account Executive', 'Solutions Architect'];
const SCHOOLS = ['University of Westbrook', 'Northfield Institute of Technology', 'Lakeside College', 'Universidad de Valdivia', 'Rheinau Technical University', 'Eastgate University'];
const DEGREES = ['B.Sc. Computer Science', 'Bachelor of Arts in Economics', 'M.S. Data Science', 'Master of Business Administration', 'B.A. Psychology', 'B.Eng. Mechanical Engineering'];
// Canonical skill -> how resumes also write it (the parser must map these back).
const SKILL_SPELLINGS: Array<[string, ...string[]]> = [
  ['JavaScript', 'JS'], ['TypeScript'], ['Python'], ['Go', 'Golang'], ['Kubernetes', 'k8s'], ['PostgreSQL', 'Postgres'], ['Docker'],
  ['React', 'ReactJS'], ['Node.js', 'NodeJS'], ['AWS', 'Amazon Web Services'], ['Terraform'], ['GraphQL'], ['Redis'], ['Kafka', 'Apache Kafka'],
  ['Machine Learning', 'ML'], ['pandas'], ['Tableau'], ['Figma'], ['User research', 'UX research'], ['Agile'], ['Scrum'], ['Jira'],
  ['Stakeholder management'], ['Microsoft Excel', 'Excel'], ['Salesforce'], ['Negotiation'], ['Public speaking'], ['Java'], ['Rust'],
  ['C++', 'CPP'], ['Spring', 'Spring Boot'], ['Google Cloud', 'GCP'], ['CI/CD'], ['Elasticsearch'], ['Vue.js', 'Vue'], ['Snowflake'],
];
const BULLETS = [
  'Shipped {a} features used by {n} thousand customers each week',
  'Cut p95 latency of the checkout flow by {p} percent with {a}',
  'Designed the {a} and {b} foundation for a new billing platform',
  'Led a group of {k} engineers through a zero-downtime migration to {a}',
  'Automated reporting with {a}, saving {k} hours per week',
  'Partnered with finance and support leads on {a} rollout across {k} regions',
];
const MONTH_ABBR = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_FULL = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** mulberry32: small, fast, and the same sequence on every machine. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const shuffle = <T>(items: readonly T[]): T[] => items.map((v) => [next(), v] as const).sort((x, y) => x[0] - y[0]).map(([, v]) => v);
  return { next, int, pick, shuffle };
}

const fold = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/ø/g, 'o').replace(/[^a-zA-Z]/g, '').toLowerCase();
const toIndex = (m: TFixtureMonth) => m.year * 12 + m.month - 1;
const fromIndex = (i: number): TFixtureMonth => ({ year: Math.floor(i / 12), month: (i % 12) + 1 });

export interface TFixtureOptions {
  /** "Present" for the fixture; fixed by default so expected years never drift. */
  asOf?: Date;
  /** Older jobs added (with longer bullet lists) for multi-page resumes. */
  extraJobs?: number;
}

export function makeResumeFixture(seed: number, options: TFixtureOptions = {}): TResumeFixture {
  const r = seededRandom(seed * 7919 + 17);
  const asOf = options.asOf ?? new Date(Date.UTC(2026, 0, 15));
  const first = r.pick(FIRST);
  const last = r.pick(LAST);
  const name = `${first} ${last}`;
  const handle = `${fold(first)}${fold(last)}`;
  const email = `${fold(first)}.${fold(last)}${seed}@${r.pick(['example.com', 'example.org', 'mail.example.net'])}`;
  const nn = String(seed % 100).padStart(2, '0');
  const nnn = String(seed % 1000).padStart(3, '0');
  // 555-01xx and 020 7946 0xxx are reserved for fiction, and still valid numbers.
  const phone = r.pick([
    { written: `+1 (415) 555-01${nn}`, e164: `+141555501${nn}` },
    { written: `(212) 555-01${nn}`, e164: `+121255501${nn}` },
    { written: `+44 20 7946 0${nnn}`, e164: `+442079460${nnn}` },
    { written: `415.555.01${nn}`, e164: `+141555501${nn}` },
  ]);
  const links = {
    linkedin: `https://www.linkedin.com/in/${fold(first)}-${fold(last)}-${seed}`,
    github: r.next() < 0.7 ? `https://github.com/${handle}${seed}` : null,
    website: r.next() < 0.5 ? `https://${handle}.dev` : null,
  };
  const chosen = r.shuffle(SKILL_SPELLINGS).slice(0, r.int(6, 12));
  const written = chosen.map((spellings) => (r.next() < 0.5 ? r.pick(spellings) : spellings[0]));
  const jobs = makeJobs(r, asOf, chosen.map((s) => s[0]), r.int(2, 4) + (options.extraJobs ?? 0), (options.extraJobs ?? 0) > 0);
  const education = makeEducation(r, jobs[jobs.length - 1]!.start.year);
  const months = new Set<number>();
  const nowIndex = asOf.getUTCFullYear() * 12 + asOf.getUTCMonth();
  for (const job of jobs) for (let m = toIndex(job.start); m <= (job.end ? toIndex(job.end) : nowIndex); m++) months.add(m);
  const expectedYears = Math.round((months.size / 12) * 10) / 10;
  const fixture: TResumeFixture = {
    seed, asOf, name, email, phone, links, hasHiddenLinks: seed % 2 === 0, skills: chosen.map((s) => s[0]), jobs, education, expectedYears, blocks: [],
  };
  fixture.blocks = resumeBlocks(fixture, written, r);
  return fixture;
}

function makeJobs(r: ReturnType<typeof seededRandom>, asOf: Date, skills: string[], count: number, isLong: boolean): TFixtureJob[] {
  const jobs: TFixtureJob[] = [];
  let nextStart = asOf.getUTCFullYear() * 12 + asOf.getUTCMonth() + 1;
  const companies = r.shuffle(COMPANIES);
  for (let i = 0; i < count; i++) {
    const isCurrent = i === 0 && r.next() < 0.7;
    // Sometimes a gap between jobs, sometimes two months of overlap (counted once).
    const end = isCurrent ? null : nextStart - (i === 0 ? r.int(1, 6) : r.pick([1, 1, 2, 4, -2]));
    const start = (end ?? nextStart - 1) - r.int(10, 40);
    const bullets = Array.from({ length: isLong ? r.int(8, 14) : r.int(2, 3) }, () =>
      r.pick(BULLETS).replace('{a}', r.pick(skills)).replace('{b}', r.pick(skills)).replace('{n}', String(r.int(2, 900))).replace('{p}', String(r.int(5, 60))).replace('{k}', String(r.int(2, 12))));
    jobs.push({ title: r.pick(TITLES), company: companies[i % companies.length]!, location: r.pick(LOCATIONS), start: fromIndex(start), end: end === null ? null : fromIndex(end), bullets });
    nextStart = start;
  }
  return jobs;
}

function makeEducation(r: ReturnType<typeof seededRandom>, firstJobYear: number): TFixtureEducation[] {
  const schools = r.shuffle(SCHOOLS);
  const degrees = r.shuffle(DEGREES);
  const count = r.int(1, 2);
  return Array.from({ length: count }, (_, i) => {
    const endYear = firstJobYear - i * 2 - (i === 0 ? 0 : 1);
    return { institution: schools[i]!, degree: degrees[i]!, startYear: r.next() < 0.6 ? endYear - r.int(2, 4) : null, endYear };
  });
}

function dateText(m: TFixtureMonth | null, style: number): string {
  if (!m) return style === 2 ? 'Current' : 'Present';
  if (style === 0) return `${MONTH_ABBR[m.month - 1]} ${m.year}`;
  if (style === 1) return `${MONTH_FULL[m.month - 1]} ${m.year}`;
  return `${String(m.month).padStart(2, '0')}/${m.year}`;
}

function resumeBlocks(f: TResumeFixture, writtenSkills: string[], r: ReturnType<typeof seededRandom>): TBlock[] {
  const layout = f.seed % 3;
  const dateStyle = r.int(0, 2);
  const dash = r.pick([' – ', ' - ', ' to ']);
  const range = (job: TFixtureJob) => `${dateText(job.start, dateStyle)}${dash}${dateText(job.end, dateStyle)}`;
  const linkList = [['LinkedIn', f.links.linkedin], ['GitHub', f.links.github], ['Portfolio', f.links.website]].filter((l): l is [string, string] => !!l[1]);
  const contact = f.hasHiddenLinks
    ? [f.email, f.phone.written, ...linkList.map(([label]) => label)].join(' | ')
    : [f.email, f.phone.written, ...linkList.map(([, url]) => url.replace(/^https:\/\/(www\.)?/, ''))].join(' | ');
  const heading = (options: string[]) => ({ kind: 'heading' as const, text: r.pick(options) });
  const blocks: TBlock[] = [
    { kind: 'name', text: f.name },
    { kind: 'contact', text: contact, links: linkList.map(([label, url]) => ({ label: f.hasHiddenLinks ? label : url.replace(/^https:\/\/(www\.)?/, ''), url })) },
    heading(['Summary', 'PROFILE', 'Professional Summary']),
    { kind: 'paragraph', text: `${f.jobs[0]!.title} with ${Math.floor(f.expectedYears)}+ years of experience, most recently at ${f.jobs[0]!.company}. Known for calm delivery and clear writing.` },
    heading(['Experience', 'WORK EXPERIENCE', 'Professional Experience', 'Work History', 'EMPLOYMENT HISTORY']),
  ];
  for (const job of f.jobs) {
    if (layout === 0) blocks.push({ kind: 'row', left: `${job.title}, ${job.company}`, right: range(job) });
    else if (layout === 1) blocks.push({ kind: 'row', left: job.company, right: job.location }, { kind: 'row', left: job.title, right: range(job) });
    else blocks.push({ kind: 'row', left: `${job.title} at ${job.company}`, right: `${job.location} | ${range(job)}` });
    for (const bullet of job.bullets) blocks.push({ kind: 'bullet', text: bullet });
  }
  blocks.push(heading(['Education', 'EDUCATION', 'Education & Training']));
  for (const e of f.education) {
    if (e.startYear !== null) blocks.push({ kind: 'row', left: e.institution, right: `${e.startYear} – ${e.endYear}` }, { kind: 'paragraph', text: e.degree });
    else blocks.push({ kind: 'row', left: `${e.degree}, ${e.institution}`, right: String(e.endYear) });
  }
  blocks.push(heading(['Skills', 'TECHNICAL SKILLS', 'Core Competencies']), { kind: 'paragraph', text: writtenSkills.join(', ') });
  return blocks;
}

/** The resume as plain text, line by line (what a perfect extractor would return). */
export function resumeFixtureText(f: TResumeFixture): string {
  return f.blocks.map((b) => (b.kind === 'row' ? `${b.left}\t${b.right}` : b.kind === 'bullet' ? `• ${b.text}` : b.text)).join('\n');
}

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

export const generateResumePdf = (seed: number, options: TFixtureOptions & TPdfOptions = {}) => renderResumePdf(makeResumeFixture(seed, options), options);
export const generateResumeDocx = (seed: number, options: TFixtureOptions = {}) => renderResumeDocx(makeResumeFixture(seed, options));
