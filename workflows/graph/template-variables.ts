// Template checks at publish: Handlebars syntax, and every variable a template
// uses must exist on every path into its node.
import Handlebars from 'handlebars';

/** Variables every run has, loaded fresh by the activities when they render. */
export const CONTEXT_VARIABLES = [
  'candidate.firstName', 'candidate.lastName', 'candidate.fullName', 'candidate.email', 'candidate.phone',
  'job.title', 'job.department', 'job.location',
  'application.id', 'application.stage',
  'org.name',
  'sender.name', 'sender.email',
] as const;

/** The data snapshot every run starts with (runSnapshot below), readable by conditions and templates. */
export const RUN_SNAPSHOT_VARIABLES = [
  'candidate.tags', 'candidate.source', 'candidate.location', 'candidate.timeZone', 'candidate.interestLevel', 'candidate.kind',
  'application.source', 'application.utm', 'job.id',
] as const;

export interface SnapshotSource {
  candidate: { tags: string[]; source: string | null; location: string | null; timeZone: string | null; interestLevel: string | null; kind: string };
  job?: { id: string; title: string; department: string | null };
  application?: { source: string | null; utm: unknown };
}

/** The run's starting data (the fields listed above): no contact details, which activities load fresh. */
export function runSnapshot(s: SnapshotSource): Record<string, unknown> {
  const c = s.candidate;
  return {
    candidate: { tags: c.tags, source: c.source, location: c.location, timeZone: c.timeZone, interestLevel: c.interestLevel, kind: c.kind },
    ...(s.application ? { application: { source: s.application.source, utm: s.application.utm } } : {}),
    ...(s.job ? { job: { id: s.job.id, title: s.job.title, department: s.job.department } } : {}),
  };
}

const BLOCK_HELPERS_WITH_NEW_CONTEXT = new Set(['each', 'with']);
const BUILTIN_HELPERS = new Set(['if', 'unless', 'each', 'with', 'lookup', 'log']);

export class TemplateError extends Error {}

type Node = { type: string; [k: string]: any };

/** Paths a template reads from its root context, e.g. ["candidate.firstName"]. Throws on syntax errors. */
export function templateVariables(template: string): string[] {
  const found = new Set<string>();
  const visitPath = (p: Node) => {
    if (p.type !== 'PathExpression' || p.data || p.original === 'this') return;
    found.add(p.original.replace(/^this\./, ''));
  };
  const visitExpr = (e: Node | undefined) => {
    if (!e) return;
    if (e.type === 'PathExpression') visitPath(e);
    else if (e.type === 'SubExpression') visitCall(e);
  };
  const visitCall = (n: Node) => {
    const isHelperCall = n.params.length > 0 || (n.hash && n.hash.pairs.length > 0) || BUILTIN_HELPERS.has(n.path.original);
    // Only Handlebars' built-in helpers exist at send time: anything else would fail every send.
    if (isHelperCall && !BUILTIN_HELPERS.has(n.path.original)) throw new TemplateError(`unknown helper "${n.path.original}"`);
    if (!isHelperCall) visitPath(n.path);
    n.params.forEach(visitExpr);
    n.hash?.pairs.forEach((pair: Node) => visitExpr(pair.value));
  };
  const visitProgram = (prog: Node | undefined) => prog?.body.forEach(visitStatement);
  const visitStatement = (s: Node) => {
    if (s.type === 'PartialStatement' || s.type === 'PartialBlockStatement') throw new TemplateError('partials ({{> name}}) are not supported');
    if (s.type === 'DecoratorBlock' || s.type === 'Decorator') throw new TemplateError('decorators are not supported');
    if (s.type === 'MustacheStatement') visitCall(s);
    else if (s.type === 'BlockStatement') {
      visitCall(s);
      // Inside {{#each}} / {{#with}} the context changes: its paths are relative to the item.
      if (!BLOCK_HELPERS_WITH_NEW_CONTEXT.has(s.path.original)) visitProgram(s.program);
      visitProgram(s.inverse);
    }
  };
  visitProgram(Handlebars.parse(template) as unknown as Node);
  return [...found];
}

/** Is `path` available: itself, a parent (feedback.score under feedback), or a whole object with available fields (candidate)? */
export function isVariableAvailable(path: string, available: ReadonlySet<string>): boolean {
  const parts = path.split('.');
  for (let i = parts.length; i > 0; i--) if (available.has(parts.slice(0, i).join('.'))) return true;
  for (const v of available) if (v.startsWith(`${path}.`)) return true;
  return false;
}

/**
 * Run variables (feedback, task outcome, interview...) joined with the data
 * loaded at send time; for the same key, the fresh data wins, field by field.
 */
export function withRunVars<T extends Record<string, unknown>>(fresh: T, vars: Record<string, unknown> = {}): T {
  const isObject = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
  const merged: Record<string, unknown> = { ...vars };
  for (const [key, value] of Object.entries(fresh)) {
    const previous = merged[key];
    merged[key] = isObject(previous) && isObject(value) ? { ...(previous as object), ...(value as object) } : value;
  }
  return merged as T;
}
