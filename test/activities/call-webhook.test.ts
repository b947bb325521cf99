// Webhook delivery against a local HTTP server: signature, idempotency key,
// which answers retry and which fail for good, and JSON-safe rendering.
import http from 'node:http';
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { deliverWebhook, renderJsonPayload, signatureOf } from '../../activities/call-webhook';
import { AppError } from '../../api/errors';
import type { TemplateContext } from '../../activities/render-template';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

let server: http.Server;
let url: string;
let answer: (res: http.ServerResponse) => void;
const received: Received[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      answer(res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
afterAll(() => new Promise((r) => server.close(r)));
beforeEach(() => {
  received.length = 0;
  answer = (res) => res.writeHead(204).end();
});

const request = { body: '{"ok":true}', idempotencyKey: 'application-a1/hook/1', secret: 'a-long-enough-secret' };

test('POSTs the body with an Idempotency-Key and an HMAC-SHA256 signature the receiver can verify', async () => {
  expect(await deliverWebhook({ ...request, url })).toBe(204);
  const [got] = received;
  expect(got!.body).toBe('{"ok":true}');
  expect(got!.headers['idempotency-key']).toBe('application-a1/hook/1');
  expect(got!.headers['content-type']).toBe('application/json');
  const expected = crypto.createHmac('sha256', 'a-long-enough-secret').update(got!.body).digest('hex');
  expect(got!.headers['x-trellis-signature']).toBe(`sha256=${expected}`);
  expect(signatureOf('a-long-enough-secret', '{"ok":true}')).toBe(`sha256=${expected}`);
});

test('sends no signature without a secret', async () => {
  await deliverWebhook({ url, body: '{}', idempotencyKey: 'k' });
  expect(received[0]!.headers['x-trellis-signature']).toBeUndefined();
});

test.each([400, 401, 404, 410, 422])('a %i answer fails for good (non-retryable AppError)', async (status) => {
  answer = (res) => res.writeHead(status).end('nope');
  const err = await deliverWebhook({ ...request, url }).catch((e) => e);
  expect(err).toBeInstanceOf(AppError);
  expect(err).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining(`answered ${status}`) });
});

test.each([408, 429, 500, 503, 302])('a %i answer is retried (plain error)', async (status) => {
  answer = (res) => res.writeHead(status, { location: 'http://127.0.0.1:1/elsewhere' }).end();
  const err = await deliverWebhook({ ...request, url }).catch((e) => e);
  expect(err).toBeInstanceOf(Error);
  expect(err).not.toBeInstanceOf(AppError);
  expect(received).toHaveLength(1);
});

test('a receiver slower than the timeout is retried, and the message names no query string', async () => {
  answer = (res) => setTimeout(() => res.writeHead(200).end(), 500);
  const err = await deliverWebhook({ ...request, url: `${url}?token=secret-token` }, 100).catch((e) => e);
  expect(err).not.toBeInstanceOf(AppError);
  expect(err.message).toContain('did not answer');
  expect(err.message).not.toContain('secret-token');
});

const context: TemplateContext = {
  candidate: { firstName: 'Ada "The Countess"', lastName: 'Lovelace\\King', fullName: 'Ada Lovelace', email: null, phone: null },
  org: { name: 'Acme\nTalent' },
  sender: { name: 'Team', email: 'team@example.com' },
};

test('renders the payload with inserted values JSON-escaped', () => {
  const body = renderJsonPayload('{"first":"{{candidate.firstName}}","last":"{{candidate.lastName}}","org":"{{org.name}}","email":"{{candidate.email}}"}', context);
  expect(JSON.parse(body)).toEqual({ first: 'Ada "The Countess"', last: 'Lovelace\\King', org: 'Acme\nTalent', email: '' });
});

test('refuses a payload that is not JSON once rendered, for good', () => {
  expect(() => renderJsonPayload('{"first": "{{candidate.firstName}}"', context)).toThrow(AppError);
});
