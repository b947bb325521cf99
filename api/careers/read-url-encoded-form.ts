// The fields of a plain HTML form post (application/x-www-form-urlencoded), read
// under a byte limit: the public event registration and job-alert forms, which
// work without script. A field sent twice keeps its first value.
import type { Request } from 'express';
import { AppError } from '../errors';
import { readLimitedBody } from '../apply/read-limited-body';

/** A form of a few fields is well under this. */
export const MAX_FORM_BYTES = 16 * 1024;

export async function readUrlEncodedForm(req: Request, limit = MAX_FORM_BYTES): Promise<Record<string, string>> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'send the form as application/x-www-form-urlencoded', [{ path: 'headers.content-type', message: 'unsupported media type' }]);
  }
  const fields: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams((await readLimitedBody(req, limit)).toString('utf8'))) {
    if (!(key in fields)) fields[key] = value.slice(0, 2000);
  }
  return fields;
}
