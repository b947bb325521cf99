// The outcome of turning a resume file into text, shared by the PDF and DOCX
// extractors: text plus hyperlink targets, or a reason nothing usable came out.
import type { TResumeKind } from './detect-file-type';

export type TExtractionFailureReason =
  | 'encrypted' // needs a password to open
  | 'no_text' // image-only / scanned (no OCR here) or an empty document
  | 'too_complex' // over a page, size, memory or time limit
  | 'malformed'; // the parser could not read it

export type TTextExtraction =
  | {
      isOk: true;
      kind: TResumeKind;
      text: string;
      /** Link targets behind the text (PDF link annotations, DOCX hyperlinks). */
      urls: string[];
      pageCount: number | null;
      /** True when pages or characters past the limits were left out. */
      isTruncated: boolean;
    }
  | { isOk: false; reason: TExtractionFailureReason; message: string };
