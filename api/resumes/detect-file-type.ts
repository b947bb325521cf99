// Decides what an uploaded resume is from its bytes alone (never its name or the
// declared Content-Type, both chosen by the sender). Only PDF and DOCX pass;
// executables renamed .pdf, other archives, legacy .doc and cut-off uploads are
// refused with a reason the apply endpoint turns into 413 (too_large) or 415.
import { MAX_DOCX_ENTRIES, MAX_RESUME_BYTES, MIN_RESUME_BYTES } from './resume-limits';
import { listZipEntries } from './zip-entries';

export type TResumeKind = 'pdf' | 'docx';

export type TFileRejectionReason =
  | 'empty'
  | 'too_large'
  | 'truncated'
  | 'executable'
  | 'legacy_doc'
  | 'macro_enabled'
  | 'not_docx_zip'
  | 'unsupported';

export type TFileTypeResult =
  | { isAccepted: true; kind: TResumeKind; mimeType: string; extension: '.pdf' | '.docx' }
  | { isAccepted: false; reason: TFileRejectionReason; message: string };

export const RESUME_MIME_TYPES: Record<TResumeKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) =>
  bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

// Executable formats an attacker could rename to .pdf; each is refused by name.
const EXECUTABLE_MAGICS: ReadonlyArray<{ magic: readonly number[]; what: string }> = [
  { magic: [0x7f, 0x45, 0x4c, 0x46], what: 'an ELF executable' },
  { magic: ascii('MZ'), what: 'a Windows (PE/MZ) executable' },
  { magic: [0xfe, 0xed, 0xfa, 0xce], what: 'a Mach-O executable' },
  { magic: [0xfe, 0xed, 0xfa, 0xcf], what: 'a Mach-O executable' },
  { magic: [0xce, 0xfa, 0xed, 0xfe], what: 'a Mach-O executable' },
  { magic: [0xcf, 0xfa, 0xed, 0xfe], what: 'a Mach-O executable' },
  // Also the Java class magic: either way, code rather than a document.
  { magic: [0xca, 0xfe, 0xba, 0xbe], what: 'a Mach-O universal binary or Java class' },
  { magic: ascii('#!'), what: 'a script' },
  { magic: [0x00, 0x61, 0x73, 0x6d], what: 'a WebAssembly module' },
];

const PDF_MAGIC = ascii('%PDF-');
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const EOF_MARKER = ascii('%%EOF');

const reject = (reason: TFileRejectionReason, message: string): TFileTypeResult => ({ isAccepted: false, reason, message });
const accept = (kind: TResumeKind): TFileTypeResult => ({
  isAccepted: true, kind, mimeType: RESUME_MIME_TYPES[kind], extension: kind === 'pdf' ? '.pdf' : '.docx',
});

function lastIndexOf(bytes: Uint8Array, needle: readonly number[], from: number): number {
  for (let i = bytes.length - needle.length; i >= from; i--) if (startsWith(bytes, needle, i)) return i;
  return -1;
}

export function detectResumeFileType(bytes: Uint8Array): TFileTypeResult {
  if (bytes.length === 0) return reject('empty', 'the file is empty');
  if (bytes.length > MAX_RESUME_BYTES) {
    return reject('too_large', `the file is ${bytes.length} bytes; the limit is ${MAX_RESUME_BYTES} bytes (10 MB)`);
  }
  const executable = EXECUTABLE_MAGICS.find((e) => startsWith(bytes, e.magic));
  if (executable) return reject('executable', `the file is ${executable.what}, not a PDF or Word document`);
  if (startsWith(bytes, OLE_MAGIC)) {
    // Password-protected .docx files are OLE containers too, hence both names.
    return reject('legacy_doc', 'legacy Word (.doc) and password-protected Office files are not supported; save as PDF or .docx');
  }
  // %PDF- must open the file: a reader would also accept it later, which is how
  // polyglots (an executable with a PDF inside) slip through.
  if (startsWith(bytes, PDF_MAGIC)) return detectPdf(bytes);
  if (startsWith(bytes, ZIP_MAGIC)) return detectDocx(bytes);
  if (startsWith(bytes, EMPTY_ZIP_MAGIC)) return reject('not_docx_zip', 'the file is an empty ZIP archive, not a Word document');
  return reject('unsupported', 'the file is neither a PDF nor a Word (.docx) document');
}

function detectPdf(bytes: Uint8Array): TFileTypeResult {
  if (bytes.length < MIN_RESUME_BYTES) return reject('truncated', 'the PDF is cut off (too short to hold a page)');
  // Readers look for %%EOF in the last 1 KB; without it the upload was cut off.
  if (lastIndexOf(bytes, EOF_MARKER, Math.max(0, bytes.length - 1024)) < 0) {
    return reject('truncated', 'the PDF is cut off (no end-of-file marker)');
  }
  return accept('pdf');
}

function detectDocx(bytes: Uint8Array): TFileTypeResult {
  const listing = listZipEntries(bytes, MAX_DOCX_ENTRIES);
  if (!listing.isReadable) {
    return listing.isTooManyEntries
      ? reject('not_docx_zip', `the archive has more than ${MAX_DOCX_ENTRIES} entries; not a Word document`)
      : reject('truncated', 'the ZIP archive is cut off or damaged');
  }
  const names = new Set(listing.entries.map((e) => e.name));
  if (!names.has('[Content_Types].xml') || !names.has('word/document.xml')) {
    return reject('not_docx_zip', 'the file is a ZIP archive but not a Word (.docx) document');
  }
  // Macro-enabled documents (.docm renamed .docx) carry VBA; no reason to store them.
  if (listing.entries.some((e) => /(^|\/)vbaProject\.bin$/i.test(e.name))) {
    return reject('macro_enabled', 'the Word document contains macros; save it as a plain .docx or PDF');
  }
  return accept('docx');
}
