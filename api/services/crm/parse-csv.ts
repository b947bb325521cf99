// An RFC 4180 reader for sourcing imports: quoted fields (with "" escapes and line breaks inside), CRLF, LF
// or CR line ends, a UTF-8 byte order mark, and the delimiter a spreadsheet chose (comma, semicolon or tab,
// detected from the header line). Each record keeps the line it starts on, so problems are reported where a
// person would look in their editor. A malformed record (a stray quote, text after a closing quote, a quote
// never closed) is reported on its own and reading resumes at the next line.

export type TCsvRecord = { line: number; fields: string[] } | { line: number; error: string };

export const CSV_DELIMITERS = [',', ';', '\t'] as const;

/** The delimiter used most on the first line outside quotes (ties go to the comma). */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(CSV_DELIMITERS.map((d) => [d, 0]));
  let isQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') isQuoted = !isQuoted;
    else if (!isQuoted && (ch === '\n' || ch === '\r')) break;
    else if (!isQuoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const d of CSV_DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Every record of `text` in order; blank lines are skipped. */
export function* readCsv(text: string, delimiter = detectDelimiter(text)): Generator<TCsvRecord> {
  let i = 0;
  let line = 1;
  const n = text.length;
  const isLineEnd = (ch: string | undefined) => ch === '\n' || ch === '\r';
  /** Past the line end at `at` (CRLF counts once); returns the new index. */
  const skipLineEnd = (at: number) => (text[at] === '\r' && text[at + 1] === '\n' ? at + 2 : at + 1);

  while (i < n) {
    const startLine = line;
    const startIndex = i;
    const fields: string[] = [];
    let error: string | null = null;
    // One record: fields until a line end outside quotes.
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        i++;
        let isClosed = false;
        while (i < n) {
          const ch = text[i]!;
          if (ch === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            isClosed = true;
            break;
          }
          if (isLineEnd(ch)) {
            line++;
            const next = skipLineEnd(i);
            field += text.slice(i, next);
            i = next;
            continue;
          }
          field += ch;
          i++;
        }
        if (!isClosed) {
          error = 'a quoted field is never closed';
          break;
        }
        if (i < n && text[i] !== delimiter && !isLineEnd(text[i])) {
          error = 'text after a closing quote (a quote inside a field must be doubled and the field quoted)';
          break;
        }
      } else {
        while (i < n && text[i] !== delimiter && !isLineEnd(text[i])) {
          if (text[i] === '"') {
            error = 'a quote inside an unquoted field (quote the field and double the quote)';
            break;
          }
          field += text[i];
          i++;
        }
        if (error) break;
      }
      fields.push(field);
      if (i < n && text[i] === delimiter) {
        i++;
        continue;
      }
      break;
    }
    if (error) {
      // Resume after the line the bad record started on: a quote that never closes would otherwise eat the file.
      line = startLine;
      i = startIndex;
      while (i < n && !isLineEnd(text[i])) i++;
      if (i < n) i = skipLineEnd(i);
      line = startLine + 1;
      yield { line: startLine, error };
      continue;
    }
    if (i < n) {
      i = skipLineEnd(i);
      line++;
    }
    if (fields.length === 1 && fields[0] === '') continue; // a blank line
    yield { line: startLine, fields };
  }
}
