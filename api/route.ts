// A route is one declaration: method, path, who may call it, zod schemas for
// params / query / body, a body limit, and the handler. The validator and the
// OpenAPI document both come from it.
import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { AppError } from './errors';
import type { AuthContext } from './auth';
import type { Services } from './services/services';
import { enforceScope, type RouteScope } from './sessions/access-scope';

export type Access = 'public' | 'authenticated' | readonly AuthContext['role'][];

export interface RouteContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  auth: AuthContext;
  services: Services;
  req: Request;
  res: Response;
}

export interface RouteResult {
  status?: number;
  body?: unknown;
  /** Set when the handler wrote the response itself (HTML, CSV, redirects). */
  isRaw?: boolean;
}

export interface RouteDef<P = any, Q = any, B = any> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  access: Access;
  /** The one record the route reads or changes (its id in params): checked for organization and role scope before the handler. */
  scope?: RouteScope;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  bodyLimit?: string;
  handler(ctx: RouteContext<P, Q, B>): Promise<RouteResult>;
}

export function defineRoute<P = Record<string, never>, Q = Record<string, never>, B = undefined>(def: RouteDef<P, Q, B>): RouteDef<P, Q, B> {
  return def;
}

/** Validates one part of a request (params, query, body or a part of a multipart body); a failure is a 400 naming each path. */
export function parse<T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return value as T;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details = result.error.issues.map((i) => ({ path: [where, ...i.path].join('.'), message: i.message, code: i.code }));
  throw new AppError('VALIDATION_FAILED', `invalid ${where}: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`, details);
}

export function mountRoutes(router: Router, routes: readonly RouteDef[], services: Services, authenticate: (req: Request, access: Access) => Promise<AuthContext>) {
  for (const route of routes) {
    const handlers = [];
    if (route.body) handlers.push(express.json({ limit: route.bodyLimit ?? '1mb', strict: false }));
    handlers.push(async (req: Request, res: Response) => {
      const auth = await authenticate(req, route.access);
      const params = parse(route.params, req.params, 'params');
      if (route.scope && auth.isAuthenticated) await enforceScope(services.pool, auth, route.scope, params as Record<string, unknown>);
      const query = parse(route.query, req.query, 'query');
      const body = parse(route.body, req.body, 'body');
      const result = await route.handler({ params, query, body, auth, services, req, res });
      if (result.isRaw) return;
      res.status(result.status ?? 200);
      if (result.body === undefined) res.end();
      else res.json(result.body);
    });
    router[route.method](route.path, ...handlers);
  }
}
