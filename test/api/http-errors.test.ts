// toAppError / errorHandler: every thrown thing becomes one AppError code and
// one HTTP response, and internal details never reach the client.
import type { Request, Response } from 'express';
import { errorHandler, toAppError } from '../../api/http-errors';
import { AppError } from '../../api/errors';
import type { Logger } from '../../api/platform/logger';

describe('toAppError', () => {
  it('passes an AppError through unchanged', () => {
    const err = new AppError('FORBIDDEN', 'recruiters only');

    expect(toAppError(err)).toBe(err);
  });

  it('maps a body-parser JSON error to BAD_REQUEST on the body', () => {
    const err = Object.assign(new SyntaxError('Unexpected token } in JSON at position 9'), { type: 'entity.parse.failed', status: 400 });

    expect(toAppError(err)).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'malformed JSON body: Unexpected token } in JSON at position 9',
      details: [{ path: 'body', message: 'not valid JSON' }],
    });
  });

  it('maps a body over the limit to PAYLOAD_TOO_LARGE', () => {
    expect(toAppError(Object.assign(new Error('request entity too large'), { type: 'entity.too.large' })).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('maps an unsupported charset to BAD_REQUEST', () => {
    expect(toAppError(Object.assign(new Error('unsupported charset "KOI8-R"'), { type: 'charset.unsupported' }))).toMatchObject({ code: 'BAD_REQUEST', message: 'unsupported charset "KOI8-R"' });
  });

  it('maps a Prisma unique violation to CONFLICT naming the fields', () => {
    const err = Object.assign(new Error('Unique constraint failed on the fields: (`orgId`,`email`)'), { code: 'P2002', meta: { target: ['orgId', 'email'] } });

    expect(toAppError(err)).toMatchObject({
      code: 'CONFLICT',
      message: 'a record with the same orgId, email already exists',
      details: [{ path: 'orgId', message: 'must be unique' }, { path: 'email', message: 'must be unique' }],
    });
  });

  it('maps a transaction that could not start (pool exhausted) to UNAVAILABLE, so clients retry', () => {
    const err = Object.assign(new Error('Transaction API error: Unable to start a transaction in the given time.'), { code: 'P2028' });
    expect(toAppError(err)).toMatchObject({ code: 'UNAVAILABLE', message: expect.stringContaining('nothing was saved') });
  });

  it('maps a PostgreSQL unique violation (plain SQL paths) to CONFLICT', () => {
    expect(toAppError(Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }))).toMatchObject({ code: 'CONFLICT' });
  });

  it('maps a driver-adapter unique violation to CONFLICT', () => {
    const err = { message: 'Unique constraint failed', meta: { driverAdapterError: { cause: { kind: 'UniqueConstraintViolation', constraint: { fields: ['slug'] } } } } };

    expect(toAppError(err)).toMatchObject({ code: 'CONFLICT', details: [{ path: 'slug', message: 'must be unique' }] });
  });

  it('maps a Prisma record-not-found to NOT_FOUND', () => {
    expect(toAppError({ code: 'P2025', message: 'No record was found for an update.' }).code).toBe('NOT_FOUND');
  });

  it.each([
    ['a refused connection', new Error('connect ECONNREFUSED 127.0.0.1:5432')],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
    ['an unreachable server', { code: 'P1001', message: "Can't reach database server at db:5432" }],
    ['a refusal by code only', { code: 'ECONNREFUSED' }],
  ])('maps %s to UNAVAILABLE', (_name, err) => {
    expect(toAppError(err)).toMatchObject({ code: 'UNAVAILABLE', message: expect.stringContaining('try again') });
  });

  it.each([
    ['an Error', new Error('column "password_hash" does not exist')],
    ['a string', 'boom'],
    ['null', null],
  ])('maps %s to INTERNAL without leaking its message', (_name, err) => {
    expect(toAppError(err)).toMatchObject({ code: 'INTERNAL', message: 'internal error', details: [] });
  });
});

describe('errorHandler', () => {
  function respond(err: unknown, headersSent = false) {
    const log = { error: jest.fn(), debug: jest.fn() };
    const res = { headersSent, status: jest.fn(), json: jest.fn() };
    res.status.mockReturnValue(res);
    const req = { method: 'POST', path: '/api/candidates' };
    errorHandler(log as unknown as Logger)(err, req as Request, res as unknown as Response, jest.fn());
    return { log, res };
  }

  it('answers with the status and the { error } body of the code', () => {
    const { res, log } = respond(Object.assign(new Error('too big'), { type: 'entity.too.large' }));

    expect(res.status).toHaveBeenCalledWith(413);
    expect(res.json).toHaveBeenCalledWith({ error: { code: 'PAYLOAD_TOO_LARGE', message: 'request body is too large', details: [{ path: 'body', message: 'too large' }] } });
    expect(log.error).not.toHaveBeenCalled();
  });

  it('logs server errors with the original error but answers 500 without it', () => {
    const secret = new Error('password=hunter2');
    const { res, log } = respond(secret);

    expect(res.status).toHaveBeenCalledWith(500);
    expect(JSON.stringify(res.json.mock.calls)).not.toContain('hunter2');
    expect(log.error).toHaveBeenCalledWith(expect.objectContaining({ err: secret, method: 'POST', path: '/api/candidates' }), 'request failed');
  });

  it('answers 503 when the database is unreachable', () => {
    expect(respond(new Error('connect ECONNREFUSED 127.0.0.1:5432')).res.status).toHaveBeenCalledWith(503);
  });

  it('writes nothing once the headers are sent', () => {
    const { res } = respond(new AppError('NOT_FOUND', 'gone'), true);

    expect(res.status).not.toHaveBeenCalled();
    expect(res.json).not.toHaveBeenCalled();
  });
});
