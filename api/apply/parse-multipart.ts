// multipart/form-data (RFC 7578) from a body already read under a byte limit
// (read-limited-body.ts). Pure: the apply endpoint and the HTML form both use
// it. Only what a browser sends is accepted: one Content-Disposition per part,
// bounded part count and header size; anything else is a 400 naming `body`.
import { AppError } from '../errors';

export interface TMultipartPart {
  name: string;
  /** As sent; only ever used through safeStoredFileName/safeDisplayFileName. */
  fileName?: string;
  contentType?: string;
  data: Buffer;
}

export interface TMultipartLimits {
  maxParts: number;
  maxHeaderBytes: number;
}

const DEFAULT_LIMITS: TMultipartLimits = { maxParts: 100, maxHeaderBytes: 4096 };
const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

const malformed = (why: string) => new AppError('BAD_REQUEST', `malformed multipart body: ${why}`, [{ path: 'body', message: why }]);

/** The boundary of a multipart/form-data Content-Type, or null when it is another type. */
export function multipartBoundary(contentType: string | undefined): string | null {
  if (!contentType || !/^multipart\/form-data\s*(;|$)/i.test(contentType)) return null;
  const m = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  if (!m) throw malformed('the Content-Type has no boundary');
  return (m[1] ?? m[2])!;
}

/** A Content-Disposition parameter: quoted (backslash escapes as browsers write them) or a token. */
function dispositionParam(header: string, key: string): string | undefined {
  const re = new RegExp(`;\\s*${key}=(?:"((?:[^"\\\\]|\\\\.){0,1024})"|([^;\\s"]{1,1024}))`, 'i');
  const m = re.exec(header);
  if (!m) return undefined;
  return m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2];
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw malformed('a part header line has no name');
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

export function parseMultipart(body: Buffer, boundary: string, limits: TMultipartLimits = DEFAULT_LIMITS): TMultipartPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const between = Buffer.from(`\r\n--${boundary}`);
  // The first delimiter may follow a preamble; browsers send none.
  let at = body.indexOf(delimiter);
  if (at < 0) throw malformed('the boundary does not occur in the body');
  at += delimiter.length;
  const parts: TMultipartPart[] = [];
  for (;;) {
    if (body.subarray(at, at + 2).toString('latin1') === '--') return parts; // close delimiter
    if (!body.subarray(at, at + 2).equals(CRLF)) throw malformed('a boundary is not followed by a line break');
    const headerStart = at + 2;
    const headerEnd = body.indexOf(HEADER_END, headerStart);
    if (headerEnd < 0 || headerEnd - headerStart > limits.maxHeaderBytes) throw malformed('a part has no end of headers within the limit');
    const headers = parseHeaders(body.subarray(headerStart, headerEnd).toString('utf8'));
    const dataStart = headerEnd + HEADER_END.length;
    const next = body.indexOf(between, dataStart);
    if (next < 0) throw malformed('the body ends before the closing boundary');
    const disposition = headers.get('content-disposition') ?? '';
    if (!/^form-data\s*(;|$)/i.test(disposition)) throw malformed('a part is not form-data');
    const name = dispositionParam(disposition, 'name');
    if (!name) throw malformed('a part has no name');
    const fileName = dispositionParam(disposition, 'filename');
    parts.push({ name, fileName, contentType: headers.get('content-type'), data: body.subarray(dataStart, next) });
    if (parts.length > limits.maxParts) throw malformed(`more than ${limits.maxParts} parts`);
    at = next + between.length;
  }
}
