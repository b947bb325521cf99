// CSV for exports: RFC 4180 quoting, and cells a spreadsheet would run as a
// formula (=, +, -, @, tab, carriage return first) prefixed with an apostrophe
// (OWASP's CSV-injection advice), so a candidate named "=HYPERLINK(...)" stays text.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRow = (values: readonly unknown[]) => `${values.map(csvCell).join(',')}\r\n`;
