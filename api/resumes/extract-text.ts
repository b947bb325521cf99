// One entry point from uploaded bytes to resume text: check the type by
// content, then hand PDF to the pdf.js workers and DOCX to the zip reader.
import { detectResumeFileType, type TFileRejectionReason, type TResumeKind } from './detect-file-type';
import { extractDocxText } from './extract-docx-text';
import { sharedPdfTextExtractor, type TPdfTextExtractor } from './extract-pdf-text';
import type { TExtractionFailureReason, TTextExtraction } from './extraction-result';

export type TResumeTextResult =
  | Extract<TTextExtraction, { isOk: true }>
  | { isOk: false; stage: 'type'; reason: TFileRejectionReason; message: string }
  | { isOk: false; stage: 'text'; kind: TResumeKind; reason: TExtractionFailureReason; message: string };

/** Text of a file whose type was already checked by content. */
export function extractTextOfKind(kind: TResumeKind, bytes: Uint8Array, pdf: TPdfTextExtractor = sharedPdfTextExtractor()): Promise<TTextExtraction> {
  return kind === 'pdf' ? pdf.extract(bytes) : Promise.resolve(extractDocxText(bytes));
}

export async function extractResumeText(bytes: Uint8Array, pdf?: TPdfTextExtractor): Promise<TResumeTextResult> {
  const type = detectResumeFileType(bytes);
  if (!type.isAccepted) return { isOk: false, stage: 'type', reason: type.reason, message: type.message };
  const extraction = await extractTextOfKind(type.kind, bytes, pdf);
  if (!extraction.isOk) return { isOk: false, stage: 'text', kind: type.kind, reason: extraction.reason, message: extraction.message };
  return extraction;
}
