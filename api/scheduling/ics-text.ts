// The text layer of iCalendar (RFC 5545 section 3.1-3.3) for what Trellis writes:
// content lines folded at 75 octets without splitting a UTF-8 character, TEXT
// values escaped, parameter values quoted with RFC 6868 caret escapes, and UTC
// date-times. Invites go to calendar clients that are strict about all of these.

const MAX_LINE_OCTETS = 75;

const utf8Length = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/** One content line, folded: CRLF plus a space before each continuation, every line at most 75 octets. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0)!);
    if (octets + size > MAX_LINE_OCTETS) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}

/** A TEXT value: backslash, semicolon, comma and newlines escaped; other control characters dropped. */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '')
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n');
}

/** A quoted parameter value (e.g. CN): DQUOTE, caret and newlines carried by RFC 6868 escapes. */
export function quoteParam(value: string): string {
  const escaped = value
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '')
    .replace(/\^/g, '^^')
    .replace(/"/g, "^'")
    .replace(/\n/g, '^n');
  return `"${escaped}"`;
}

/** A DATE-TIME in UTC form, e.g. 20260330T080000Z (seconds precision, as the format allows). */
export function formatUtc(instant: number): string {
  return new Date(instant).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}
