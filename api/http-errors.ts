// The one place errors become HTTP responses: { error: { code, message, details } }.
import type { NextFunction, Request, Response } from 'express';
import { AppError, HTTP_STATUS, type ErrorCode, type ErrorDetail } from './errors';
import type { Logger } from './platform/logger';

const CONNECTION_ERRORS = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|Connection terminated|connect ECONN|Can't reach database|DatabaseNotReachable|P1001|P1017|the database system is/i;

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as { type?: string; code?: string; message?: string; meta?: { target?: unknown; driverAdapterError?: { cause?: { kind?: string; constraint?: { fields?: string[] } } } } };
  if (e?.type === 'entity.parse.failed') return new AppError('BAD_REQUEST', `malformed JSON body: ${e.message}`, [{ path: 'body', message: 'not valid JSON' }]);
  if (e?.type === 'entity.too.large') return new AppError('PAYLOAD_TOO_LARGE', 'request body is too large', [{ path: 'body', message: 'too large' }]);
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') return new AppError('BAD_REQUEST', e.message ?? 'unsupported encoding');
  if (e?.code === '23505' || e?.code === 'P2002' || e?.meta?.driverAdapterError?.cause?.kind === 'UniqueConstraintViolation') {
    const fields = e.meta?.driverAdapterError?.cause?.constraint?.fields ?? (Array.isArray(e.meta?.target) ? (e.meta!.target as string[]) : []);
    return new AppError('CONFLICT', `a record with the same ${fields.join(', ') || 'key'} already exists`, fields.map((f) => ({ path: f, message: 'must be unique' })));
  }
  if (e?.code === 'P2025') return new AppError('NOT_FOUND', 'record not found');
  // No database connection became free in time: nothing was written, and a retry will do.
  if (e?.code === 'P2028') return new AppError('UNAVAILABLE', 'the server is busy; nothing was saved, try again shortly');
  if (CONNECTION_ERRORS.test(e?.message ?? '') || (e?.code && ['ECONNREFUSED', 'P1001', 'P1017', '57P01'].includes(e.code))) {
    return new AppError('UNAVAILABLE', 'the database is unavailable; nothing was saved, try again shortly');
  }
  return new AppError('INTERNAL', 'internal error');
}

export function errorHandler(log: Logger) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const appError = toAppError(err);
    const status = HTTP_STATUS[appError.code];
    if (status >= 500) log.error({ err, method: req.method, path: req.path }, 'request failed');
    else log.debug({ code: appError.code, method: req.method, path: req.path }, 'request rejected');
    if (res.headersSent) return;
    res.status(status).json({ error: { code: appError.code as ErrorCode, message: appError.message, details: appError.details as ErrorDetail[] } });
  };
}
