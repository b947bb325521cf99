// Fetching an interviewer's ICS feed: http(s) only, a size cap and a timeout, so
// a slow or huge feed cannot hold an API process or a worker; and, unless allowed,
// no loopback, private or link-local addresses (checked on every redirect), so a
// feed URL cannot probe internal services. Failures come back as a short reason
// stored on the feed (CalendarFeed.lastError), never thrown.
import dns from 'node:dns/promises';
import net from 'node:net';
export const MAX_FEED_BYTES = 5 * 1024 * 1024;
export const FEED_TIMEOUT_MS = 10_000;

export type FeedFetch = { isOk: true; text: string } | { isOk: false; reason: string };
const MAX_REDIRECTS = 3;

/** Loopback, private (RFC 1918, ULA), link-local, CGNAT, unspecified and IPv4-mapped forms of them. */
export function isPrivateAddress(ip: string): boolean {
  const v4 = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  if (net.isIPv4(v4)) {
    const [a, b] = v4.split('.').map(Number) as [number, number];
    return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127) || a >= 224;
  }
  const x = ip.toLowerCase();
  return x === '::' || x === '::1' || x.startsWith('fc') || x.startsWith('fd') || x.startsWith('fe8') || x.startsWith('fe9') || x.startsWith('fea') || x.startsWith('feb');
}

async function isPublicHost(hostname: string): Promise<boolean> {
  const host = hostname.replace(/^\[|\]$/g, '');
  const addresses = net.isIP(host) ? [host] : (await dns.lookup(host, { all: true })).map((a) => a.address);
  return addresses.length > 0 && !addresses.some(isPrivateAddress);
}

export async function fetchCalendarFeed(url: string, opts: { maxBytes?: number; timeoutMs?: number; allowPrivate?: boolean } = {}): Promise<FeedFetch> {
  const maxBytes = opts.maxBytes ?? MAX_FEED_BYTES;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { isOk: false, reason: 'not a URL' };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return { isOk: false, reason: 'only http and https feeds are fetched' };
  try {
    const signal = AbortSignal.timeout(opts.timeoutMs ?? FEED_TIMEOUT_MS);
    let res: Response;
    // Redirects are followed by hand, so each hop's address is checked like the first.
    for (let hop = 0; ; hop++) {
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return { isOk: false, reason: 'only http and https feeds are fetched' };
      if (!opts.allowPrivate && !(await isPublicHost(parsed.hostname))) return { isOk: false, reason: 'the feed address is not public' };
      res = await fetch(parsed, { signal, redirect: 'manual', headers: { accept: 'text/calendar, */*;q=0.1' } });
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || !location) break;
      await res.body?.cancel();
      if (hop >= MAX_REDIRECTS) return { isOk: false, reason: 'too many redirects' };
      parsed = new URL(location, parsed);
    }
    if (!res.ok) return { isOk: false, reason: `HTTP ${res.status}` };
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > maxBytes) {
      await res.body?.cancel();
      return { isOk: false, reason: `feed larger than ${maxBytes} bytes` };
    }
    // Read by chunks: a missing or lying Content-Length must not let the body grow past the cap.
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = res.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        return { isOk: false, reason: `feed larger than ${maxBytes} bytes` };
      }
      chunks.push(value);
    }
    return { isOk: true, text: Buffer.concat(chunks).toString('utf8') };
  } catch (err) {
    const e = err as Error;
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return { isOk: false, reason: 'timed out' };
    return { isOk: false, reason: `fetch failed: ${(e.cause as Error | undefined)?.message ?? e.message}`.slice(0, 300) };
  }
}
