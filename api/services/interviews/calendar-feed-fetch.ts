// Fetching an interviewer's ICS feed: http(s) only, a size cap and a timeout, so
// a slow or huge feed cannot hold an API process or a worker. Failures come back
// as a short reason stored on the feed (CalendarFeed.lastError), never thrown.
export const MAX_FEED_BYTES = 5 * 1024 * 1024;
export const FEED_TIMEOUT_MS = 10_000;

export type FeedFetch = { isOk: true; text: string } | { isOk: false; reason: string };

export async function fetchCalendarFeed(url: string, opts: { maxBytes?: number; timeoutMs?: number } = {}): Promise<FeedFetch> {
  const maxBytes = opts.maxBytes ?? MAX_FEED_BYTES;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { isOk: false, reason: 'not a URL' };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return { isOk: false, reason: 'only http and https feeds are fetched' };
  try {
    const res = await fetch(parsed, { signal: AbortSignal.timeout(opts.timeoutMs ?? FEED_TIMEOUT_MS), redirect: 'follow', headers: { accept: 'text/calendar, */*;q=0.1' } });
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
