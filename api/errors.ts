// The one error type of the system. Codes map to HTTP statuses here and to
// non-retryable Temporal failures in activities (see activities/app-failure.ts).
export type ErrorCode =
  | 'BAD_REQUEST'
  | 'VALIDATION_FAILED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INVALID_GRAPH'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  /** Existed once and is closed for good (a used or withdrawn scheduling link). */
  | 'GONE'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE'
  | 'INTERNAL';

export interface ErrorDetail {
  path: string;
  message: string;
  code?: string;
  nodeId?: string;
  edgeId?: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_GRAPH: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  GONE: 410,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** Errors a retry cannot fix: activities turn these into non-retryable failures. */
export const NON_RETRYABLE_CODES: ReadonlySet<ErrorCode> = new Set([
  'BAD_REQUEST', 'VALIDATION_FAILED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'INVALID_GRAPH',
]);

export const notFound = (what: string, id: string) => new AppError('NOT_FOUND', `${what} ${id} not found`, [{ path: 'id', message: `no ${what.toLowerCase()} with id ${id}` }]);
