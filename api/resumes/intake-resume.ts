// What the apply endpoint (and the seed) call with an uploaded resume: the
// type check that decides accept or refuse, safe names to store the file
// under, and the parsed profile fields. A file of the right type whose text
// cannot be read (encrypted, scanned) is still accepted, with the reason and no
// parsed fields, so a candidate is never turned away for their PDF export.
import type { CountryCode } from 'libphonenumber-js/min';
import { detectResumeFileType, type TFileRejectionReason, type TResumeKind } from './detect-file-type';
import type { TPdfTextExtractor } from './extract-pdf-text';
import { extractTextOfKind } from './extract-text';
import type { TExtractionFailureReason } from './extraction-result';
import { parseResume, type TParsedResume } from './parse-resume';
import { safeDisplayFileName, safeStoredFileName } from './safe-file-name';

export interface TResumeUpload {
  bytes: Uint8Array;
  /** As sent by the browser; used for display only, never to decide the type. */
  fileName?: string;
  defaultCountry?: CountryCode;
  now?: Date;
  pdf?: TPdfTextExtractor;
}

export type TResumeIntake =
  | { isAccepted: false; reason: TFileRejectionReason; message: string }
  | {
      isAccepted: true;
      file: { kind: TResumeKind; mimeType: string; storedName: string; displayName: string; sizeBytes: number };
      text:
        | { isOk: true; content: string; pageCount: number | null; isTruncated: boolean }
        | { isOk: false; reason: TExtractionFailureReason; message: string };
      parsed: TParsedResume | null;
    };

export async function intakeResume(upload: TResumeUpload): Promise<TResumeIntake> {
  const type = detectResumeFileType(upload.bytes);
  if (!type.isAccepted) return type;
  const file = {
    kind: type.kind,
    mimeType: type.mimeType,
    storedName: safeStoredFileName(upload.fileName, type.kind),
    displayName: safeDisplayFileName(upload.fileName, type.kind),
    sizeBytes: upload.bytes.length,
  };
  const extraction = await extractTextOfKind(type.kind, upload.bytes, upload.pdf);
  if (!extraction.isOk) {
    return { isAccepted: true, file, text: { isOk: false, reason: extraction.reason, message: extraction.message }, parsed: null };
  }
  const parsed = parseResume(extraction.text, { now: upload.now, defaultCountry: upload.defaultCountry, urls: extraction.urls });
  return {
    isAccepted: true,
    file,
    text: { isOk: true, content: extraction.text, pageCount: extraction.pageCount, isTruncated: extraction.isTruncated },
    parsed,
  };
}
