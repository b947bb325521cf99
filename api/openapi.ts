// The OpenAPI 3.1 document and its readable page, both made from the route declarations (the same
// zod schemas that validate requests), so the docs cannot drift from what the API accepts.
import { z } from 'zod';
import type { RouteDef } from './route';
import { SESSION_COOKIE_PLAIN } from './sessions/session-token';

type Operation = {
  summary: string;
  tags: string[];
  security: Record<string, string[]>[];
  'x-access': RouteDef['access'];
  'x-scope'?: unknown;
  parameters?: { name: string; in: 'path' | 'query'; required: boolean; schema: unknown }[];
  requestBody?: { content: { 'application/json': { schema: unknown } } };
};
type OpenApiDocument = {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  components: { securitySchemes: Record<string, unknown> };
  paths: Record<string, Record<string, Operation>>;
};

const toSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown>; required?: string[] };

function parametersOf(schema: z.ZodType | undefined, location: 'path' | 'query') {
  if (!schema) return [];
  const json = toSchema(schema);
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
}

/** `/api/jobs/:id/close` → tag `jobs`; public pages (`/careers/...`) → their first segment. */
const tagOf = (path: string) => (path.startsWith('/api/') ? path.split('/')[2] : path.split('/')[1]) ?? 'other';

export function openApiDocument(routes: readonly RouteDef[]): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const route of routes) {
    const path = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const parameters = [...parametersOf(route.params, 'path'), ...parametersOf(route.query, 'query')];
    (paths[path] ??= {})[route.method] = {
      summary: route.summary,
      tags: [tagOf(route.path)],
      security: route.access === 'public' ? [] : [{ bearer: [] }, { session: [] }],
      'x-access': route.access,
      ...(route.scope ? { 'x-scope': route.scope } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(route.body ? { requestBody: { content: { 'application/json': { schema: toSchema(route.body) } } } } : {}),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Trellis API',
      version: '0.1.0',
      description: 'Every route declares who may call it (x-access; x-scope for per-record access). Cookie sessions must send X-CSRF-Token on unsafe methods.',
    },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'An API token' },
        session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE_PLAIN, description: `Signed-in session (named __Host-${SESSION_COOKIE_PLAIN} over https)` },
      },
    },
    paths,
  };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const accessText = (access: RouteDef['access']) => (typeof access === 'string' ? access : access.join(', '));

/** A readable page of the document: operations grouped by tag, with access, parameters and body schema. */
export function openApiDocsHtml(doc: OpenApiDocument): string {
  const byTag = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = (op.parameters ?? []).map((p) => `<li><code>${escapeHtml(p.name)}</code> <small>${p.in}${p.required ? ', required' : ''}</small></li>`).join('');
      const body = op.requestBody ? `<details><summary>Request body (JSON Schema)</summary><pre>${escapeHtml(JSON.stringify(op.requestBody.content['application/json'].schema, null, 2))}</pre></details>` : '';
      const html = `<article class="op" id="${escapeHtml(`${method}-${path}`)}"><h3><span class="method ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
<p>${escapeHtml(op.summary)}</p><p class="access">Who may call it: <strong>${escapeHtml(accessText(op['x-access']))}</strong>${op['x-scope'] ? ` · scoped to the ${escapeHtml((op['x-scope'] as { kind: string }).kind)}` : ''}</p>
${params ? `<ul class="params">${params}</ul>` : ''}${body}</article>`;
      const tag = op.tags[0] ?? 'other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), html]);
    }
  }
  const tags = [...byTag.keys()].sort();
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.info.title)} reference</title><style>
body{font-family:system-ui,sans-serif;max-width:960px;margin:0 auto;padding:24px;color:#1d2330}
nav{columns:4;font-size:14px}h2{border-bottom:1px solid #e3e6eb;padding-top:16px}.op{border:1px solid #e3e6eb;border-radius:8px;padding:8px 16px;margin:12px 0}
.method{font-family:monospace;padding:2px 6px;border-radius:4px;background:#e8effb;color:#2458b3}.method.post,.method.put,.method.patch{background:#e4f4ea;color:#1f7a4a}.method.delete{background:#fdecea;color:#b42318}
pre{background:#f5f6f8;padding:8px;overflow:auto;font-size:12px}.access{font-size:14px;color:#5f6b7c}</style></head>
<body><header><h1>${escapeHtml(doc.info.title)} ${escapeHtml(doc.info.version)}</h1><p>${escapeHtml(doc.info.description)} Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${doc.openapi}).</p></header>
<nav aria-label="Sections"><ul>${tags.map((tag) => `<li><a href="#tag-${escapeHtml(tag)}">${escapeHtml(tag)}</a></li>`).join('')}</ul></nav>
<main>${tags.map((tag) => `<section id="tag-${escapeHtml(tag)}"><h2>${escapeHtml(tag)}</h2>${byTag.get(tag)!.join('\n')}</section>`).join('\n')}</main></body></html>`;
}
