// CSV for exports: RFC 4180 quoting, and cells a spreadsheet would run as a
// formula (=, +, -, @, tab, carriage return first) prefixed with an apostrophe
// (OWASP's CSV-injection advice), so a candidate named "=HYPERLINK(...)" stays text.
import type { Response } from 'express';
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRow = (values: readonly unknown[]) => `${values.map(csvCell).join(',')}\r\n`;

/**
 * Starts a CSV download on `res` and returns the writer of its chunks: each write waits on the socket's
 * drain, so a slow client slows the export instead of filling memory.
 */
export function startCsvDownload(res: Response, fileName: string): (chunk: string) => Promise<void> {
  res.status(200);
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`);
  res.setHeader('Cache-Control', 'no-store');
  return (chunk) => (res.write(chunk) ? Promise.resolve() : new Promise<void>((resolve) => res.once('drain', resolve)));
}
