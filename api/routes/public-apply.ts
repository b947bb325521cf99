// The public apply endpoint (no login, rate-limited per IP). JSON, or
// multipart/form-data with the same JSON in an `application` part and the
// resume file in a `resume` part. The body is read under a byte limit before
// it is parsed, so an oversized upload is never buffered whole.
import { z } from 'zod';
import type { Request } from 'express';
import { defineRoute } from '../route';
import { AppError } from '../errors';
import { MAX_RESUME_BYTES } from '../resumes/resume-limits';
import { multipartBoundary, parseMultipart, type TMultipartPart } from '../apply/parse-multipart';
import { readLimitedBody } from '../apply/read-limited-body';
import { enforceApplyRateLimit } from '../apply/apply-rate-limit';
import { submitPublicApplication, ZPublicApplyRequest, type TPublicApplyRequest } from '../apply/submit-public-application';

/** Resume plus form fields; the fields of a real form are a few kilobytes. */
export const MAX_MULTIPART_BODY_BYTES = MAX_RESUME_BYTES + 256 * 1024;

const ZIdempotencyKey = z.string().min(1).max(200).optional();

export function idempotencyKeyOf(header: string | string[] | undefined): string | undefined {
  const parsed = ZIdempotencyKey.safeParse(Array.isArray(header) ? header[0] : header);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', 'Idempotency-Key header must be 1-200 characters', [{ path: 'headers.idempotency-key', message: 'invalid' }]);
  return parsed.data;
}

export function validated(value: unknown): TPublicApplyRequest {
  const result = ZPublicApplyRequest.safeParse(value);
  if (result.success) return result.data;
  const details = result.error.issues.map((i) => ({ path: ['body', ...i.path].join('.'), message: i.message, code: i.code }));
  throw new AppError('VALIDATION_FAILED', `invalid body: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`, details);
}

/** The multipart variant: exactly one `application` part (JSON) and at most one `resume` file; nothing else. */
export function applyPartsOf(parts: readonly TMultipartPart[]): { request: TPublicApplyRequest; resume?: { bytes: Buffer; fileName?: string } } {
  const unknown = parts.filter((p) => p.name !== 'application' && p.name !== 'resume');
  if (unknown.length) throw new AppError('VALIDATION_FAILED', `unknown form fields: ${unknown.map((p) => p.name).join(', ')}`, unknown.map((p) => ({ path: `body.${p.name}`, message: 'unknown field', code: 'unrecognized_keys' })));
  const applications = parts.filter((p) => p.name === 'application');
  const resumes = parts.filter((p) => p.name === 'resume');
  if (applications.length !== 1) throw new AppError('VALIDATION_FAILED', 'exactly one `application` part is required', [{ path: 'body.application', message: 'required once' }]);
  if (resumes.length > 1) throw new AppError('VALIDATION_FAILED', 'at most one resume', [{ path: 'body.resume', message: 'at most one file' }]);
  let json: unknown;
  try {
    json = JSON.parse(applications[0]!.data.toString('utf8'));
  } catch {
    throw new AppError('BAD_REQUEST', 'the `application` part is not valid JSON', [{ path: 'body.application', message: 'not valid JSON' }]);
  }
  const resume = resumes[0];
  return { request: validated(json), resume: resume && resume.data.length > 0 ? { bytes: resume.data, fileName: resume.fileName } : undefined };
}

export async function readMultipartApply(req: Request) {
  const boundary = multipartBoundary(req.headers['content-type']);
  if (!boundary) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'send application/json or multipart/form-data', [{ path: 'headers.content-type', message: 'unsupported media type' }]);
  return parseMultipart(await readLimitedBody(req, MAX_MULTIPART_BODY_BYTES), boundary);
}

export const publicApplyRoutes = [
  defineRoute({
    method: 'post', path: '/api/public/orgs/:orgSlug/applications',
    summary: 'Public apply endpoint (no login, rate-limited per IP). JSON as below, or multipart/form-data with this JSON in an `application` part and a PDF or DOCX (up to 10 MB) in a `resume` part',
    access: 'public',
    params: z.object({ orgSlug: z.string().min(1).max(100) }).strict(),
    // Optional only because a multipart body is not JSON: the handler reads it itself.
    body: ZPublicApplyRequest.optional(), bodyLimit: '100kb',
    handler: async ({ services, params, body, req }) => {
      await enforceApplyRateLimit(services.pool, req.ip);
      const { request, resume } = body ? { request: body, resume: undefined } : applyPartsOf(await readMultipartApply(req));
      const result = await submitPublicApplication(services, params.orgSlug, request, resume, idempotencyKeyOf(req.headers['idempotency-key']));
      return { status: result.isReplay ? 200 : 201, body: { id: result.applicationId, status: 'received' } };
    },
  }),
];
