// Limits for resume intake in one place: the apply endpoint, the extractors and
// the tests read them from here, so "too large" means the same thing everywhere.

/** Uploads above this are refused before any parsing (HTTP 413). 10 MiB. */
export const MAX_RESUME_BYTES = 10 * 1024 * 1024;

/** Smallest file that can be a real PDF or DOCX; anything shorter is truncated. */
export const MIN_RESUME_BYTES = 64;

/** PDF: pages read; the rest of a longer file is ignored (a resume is a few pages). */
export const MAX_PDF_PAGES = 50;

/** PDF: wall-clock budget for one file; a slower file is stopped (worker terminated). */
export const PDF_TIMEOUT_MS = 10_000;

/** PDF: heap of the extraction worker; a file that needs more is stopped. */
export const PDF_WORKER_HEAP_MB = 256;

/** DOCX: largest declared uncompressed size of one XML part we inflate (zip-bomb guard). */
export const MAX_DOCX_PART_BYTES = 20 * 1024 * 1024;

/** DOCX: more entries than any real Word file has; more means a crafted archive. */
export const MAX_DOCX_ENTRIES = 2_000;

/** Text kept from one resume; parsing time stays bounded on pathological files. */
export const MAX_RESUME_TEXT_CHARS = 200_000;
