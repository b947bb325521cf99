// Reads a request body into memory only up to a byte limit: a declared
// Content-Length over the limit is refused before a byte is read, and a body
// that grows past it (chunked, or lying about its length) is cut off there, so
// an upload can never make the process buffer more than `limit` bytes.
import type { Request } from 'express';
import { AppError } from '../errors';

export const tooLarge = (what: string, limit: number) =>
  new AppError('PAYLOAD_TOO_LARGE', `${what} is larger than ${limit} bytes`, [{ path: 'body', message: `larger than ${limit} bytes`, code: 'too_large' }]);

export function readLimitedBody(req: Request, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    // Nothing more is read; the connection closes after the 413 so the rest of the upload is not drained.
    req.res?.setHeader('Connection', 'close');
    return Promise.reject(tooLarge('the request body', limit));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let isDone = false;
    const fail = (err: unknown) => {
      if (isDone) return;
      isDone = true;
      reject(err);
    };
    req.on('data', (chunk: Buffer) => {
      if (isDone) return;
      size += chunk.length;
      if (size > limit) {
        req.res?.setHeader('Connection', 'close');
        req.pause();
        chunks.length = 0;
        fail(tooLarge('the request body', limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (isDone) return;
      isDone = true;
      resolve(Buffer.concat(chunks, size));
    });
    req.on('error', fail);
    req.on('aborted', () => fail(new AppError('BAD_REQUEST', 'the upload was aborted', [{ path: 'body', message: 'aborted' }])));
  });
}
