// Fetching ICS feeds: the size cap holds with or without a Content-Length, a
// slow server times out, and only http(s) is fetched. Failures are reasons, not throws.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchCalendarFeed as fetchFeed, isPrivateAddress } from '../../../api/services/interviews/calendar-feed-fetch';

// The test server is on loopback: allowed here, refused by default (last test).
const fetchCalendarFeed = (url: string, opts: Parameters<typeof fetchFeed>[1] = {}) => fetchFeed(url, { allowPrivate: true, ...opts });

let server: http.Server;
let base = '';
beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/ok') return void res.writeHead(200, { 'content-type': 'text/calendar' }).end('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
    if (req.url === '/declared-big') return void res.writeHead(200, { 'content-length': String(2000) }).end('x'.repeat(2000));
    if (req.url === '/chunked-big') {
      res.writeHead(200);
      // No Content-Length: the body is streamed past the cap.
      const timer = setInterval(() => res.write('y'.repeat(300)), 1);
      res.on('close', () => clearInterval(timer));
      return;
    }
    if (req.url === '/moved') return void res.writeHead(302, { location: '/ok' }).end();
    if (req.url === '/loop') return void res.writeHead(302, { location: '/loop' }).end();
    if (req.url === '/slow') {
      const timer = setTimeout(() => res.end('late'), 2000);
      res.on('close', () => clearTimeout(timer));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => { server.closeAllConnections(); server.close(r); }));

test('a feed within the cap is read', async () => {
  expect(await fetchCalendarFeed(`${base}/ok`, { maxBytes: 1000 })).toEqual({ isOk: true, text: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' });
});

test('over the cap, declared or streamed, is refused', async () => {
  expect(await fetchCalendarFeed(`${base}/declared-big`, { maxBytes: 1000 })).toEqual({ isOk: false, reason: 'feed larger than 1000 bytes' });
  expect(await fetchCalendarFeed(`${base}/chunked-big`, { maxBytes: 1000 })).toEqual({ isOk: false, reason: 'feed larger than 1000 bytes' });
});

test('redirects are followed (each hop checked), but not forever', async () => {
  expect(await fetchCalendarFeed(`${base}/moved`)).toMatchObject({ isOk: true });
  expect(await fetchCalendarFeed(`${base}/loop`)).toEqual({ isOk: false, reason: 'too many redirects' });
});

test('HTTP errors, timeouts and other schemes come back as reasons', async () => {
  expect(await fetchCalendarFeed(`${base}/missing`)).toEqual({ isOk: false, reason: 'HTTP 404' });
  expect(await fetchCalendarFeed(`${base}/slow`, { timeoutMs: 200 })).toEqual({ isOk: false, reason: 'timed out' });
  expect(await fetchCalendarFeed('file:///etc/passwd')).toMatchObject({ isOk: false, reason: 'only http and https feeds are fetched' });
  expect(await fetchCalendarFeed('not a url')).toMatchObject({ isOk: false, reason: 'not a URL' });
});

test('loopback, private and link-local addresses are refused unless allowed', async () => {
  expect(await fetchFeed(`${base}/ok`)).toEqual({ isOk: false, reason: 'the feed address is not public' });
  expect(await fetchFeed('http://169.254.169.254/latest/meta-data')).toEqual({ isOk: false, reason: 'the feed address is not public' });
  expect(await fetchFeed('http://[::1]:1/x.ics')).toEqual({ isOk: false, reason: 'the feed address is not public' });
  expect(['10.1.2.3', '172.16.0.1', '192.168.1.1', '127.0.0.1', '::ffff:127.0.0.1', 'fd00::1', 'fe80::1', '100.64.0.1', '0.0.0.0'].every(isPrivateAddress)).toBe(true);
  expect(['8.8.8.8', '172.32.0.1', '2001:4860:4860::8888', '::ffff:1.1.1.1'].some(isPrivateAddress)).toBe(false);
});
