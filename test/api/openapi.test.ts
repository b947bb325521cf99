// The API reference comes from the route declarations: every route is in the OpenAPI 3.1 document
// with its access, path and query parameters and request body schema, and the readable page lists
// every operation with its text escaped.
import { z } from 'zod';
import { ROUTES } from '../../api/app';
import { openApiDocsHtml, openApiDocument } from '../../api/openapi';

const doc = openApiDocument(ROUTES);
const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));

test('every declared route is an operation, with its access and security', () => {
  expect(doc.openapi).toBe('3.1.0');
  expect(operations).toHaveLength(ROUTES.length);
  for (const route of ROUTES) {
    const op = doc.paths[route.path.replace(/:([A-Za-z]+)/g, '{$1}')]?.[route.method];
    expect(op).toBeDefined();
    expect(op!['x-access']).toEqual(route.access);
    expect(op!.security).toEqual(route.access === 'public' ? [] : [{ bearer: [] }, { session: [] }]);
  }
});

test('path and query parameters and bodies come from the same zod schemas that validate requests', () => {
  for (const { path, op } of operations) {
    const pathNames = [...path.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => m[1]);
    expect((op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name).sort()).toEqual([...pathNames].sort());
  }
  const opOf = (route: (typeof ROUTES)[number]) => doc.paths[route.path.replace(/:([A-Za-z]+)/g, '{$1}')]![route.method]!;
  const withQuery = ROUTES.filter((route) => route.query && Object.keys(route.query instanceof z.ZodObject ? route.query.shape : {}).length > 0);
  expect(withQuery.length).toBeGreaterThan(0);
  for (const route of withQuery) {
    const names = Object.keys((route.query as z.ZodObject).shape).sort();
    expect((opOf(route).parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name).sort()).toEqual(names);
  }
  for (const route of ROUTES.filter((r) => r.body)) {
    const schema = opOf(route).requestBody!.content['application/json'].schema as { type?: string; oneOf?: unknown[]; anyOf?: unknown[] };
    expect(schema.type === 'object' || Array.isArray(schema.oneOf) || Array.isArray(schema.anyOf)).toBe(true);
  }
});

test('the readable page lists every operation and escapes what it shows', () => {
  const html = openApiDocsHtml(doc);
  for (const { path, method } of operations) expect(html).toContain(`id="${`${method}-${path}`.replace(/&/g, '&amp;')}"`);
  const hostile = openApiDocsHtml({ ...doc, paths: { '/x': { get: { summary: '<script>alert(1)</script>', tags: ['x'], security: [], 'x-access': 'public' } } } });
  expect(hostile).not.toContain('<script>alert(1)</script>');
  expect(hostile).toContain('&lt;script&gt;');
});
