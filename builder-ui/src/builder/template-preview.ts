// Live preview of a node's template for a sample candidate, rendered the way
// the server renders it: Handlebars without HTML escaping (activities/render-template.ts,
// workflows/graph/simulate.ts), only the built-in helpers (template-variables.ts),
// and for webhook payloads JSON-escaped values and a JSON check (activities/call-webhook.ts).
import Handlebars from 'handlebars';
import { templateVariables } from '../../../workflows/graph/template-variables';

export interface SampleJob {
  title: string;
  department?: string | null;
  location?: string | null;
}

export interface SampleContextOptions {
  job?: SampleJob;
  orgName?: string;
  /** The node's sender (send email: fromName / fromEmail), as the activity uses it. */
  sender?: { name?: string; email?: string };
}

/** Sample values for every variable the catalog knows: the run context, its snapshot, and what nodes provide. */
function sampleValues(opts: SampleContextOptions): Record<string, unknown> {
  const job = opts.job ?? { title: 'Sample Role' };
  return {
    candidate: {
      firstName: 'Sam', lastName: 'Sample', fullName: 'Sam Sample', email: 'sam.sample@example.com', phone: '+1 555 0100',
      tags: ['referral'], source: 'referral', location: 'Berlin', timeZone: 'Europe/Berlin', interestLevel: 'warm', kind: 'APPLICANT',
    },
    job: { id: 'sample-job', title: job.title, department: job.department ?? 'Engineering', location: job.location ?? 'Remote' },
    application: { id: 'sample-application', stage: 'Applied', source: 'careers-site', utm: { source: 'linkedin' } },
    org: { name: opts.orgName ?? 'Your organization' },
    sender: { name: opts.sender?.name ?? 'Recruiting team', email: opts.sender?.email ?? 'recruiting@example.com' },
    feedback: { score: 4, count: 3, scores: [4, 5, 3], recommendation: 'yes', notes: 'Clear communicator, strong on system design.' },
    task: { done: true, notes: 'Looks good' },
    approval: { approvals: 2, rejections: 0 },
    interview: { id: 'sample-interview', startsAt: '2030-01-15T14:00:00.000Z' },
    lastEvent: { name: 'candidate.replied' },
    lastWebhook: { status: 200 },
  };
}

const readPath = (root: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((cur, key) => (cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>)[key] : undefined), root);

function writePath(root: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.');
  let cur = root;
  for (const key of keys.slice(0, -1)) {
    const next = cur[key];
    cur = cur[key] = next !== null && typeof next === 'object' && !Array.isArray(next) ? { ...(next as object) } : {};
  }
  cur[keys[keys.length - 1]!] = value;
}

/**
 * The template context at a node for Sam Sample: only the variables available
 * there (so a variable missing on some path renders empty, as it may in a run);
 * one without a known sample value shows as [its.path].
 */
export function sampleTemplateContext(availableVariables: readonly string[], opts: SampleContextOptions = {}): Record<string, unknown> {
  const samples = sampleValues(opts);
  const context: Record<string, unknown> = {};
  for (const variable of [...availableVariables].sort((a, b) => a.length - b.length)) {
    const value = readPath(samples, variable);
    writePath(context, variable, value === undefined ? `[${variable}]` : value);
  }
  return context;
}

export type TemplatePreview =
  | { ok: true; output: string }
  /** `message` is one line; `detail` is Handlebars' full text, with the ---^ marker under the error's position. */
  | { ok: false; message: string; detail: string };

/** Every string JSON-escaped, so inserted values cannot break the payload (as activities/call-webhook.ts does). */
function jsonEscaped(value: unknown): unknown {
  if (typeof value === 'string') return JSON.stringify(value).slice(1, -1);
  if (Array.isArray(value)) return value.map(jsonEscaped);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonEscaped(v)]));
  return value;
}

/** Handlebars' parse errors are "Parse error on line N:", the line, a ---^ marker, then "Expecting ..., got ...": keep the first and last. */
const failure = (err: unknown, prefix = ''): TemplatePreview => {
  const text = err instanceof Error ? err.message : String(err);
  const lines = text.split('\n').filter((l) => l.trim());
  const summary = lines.length > 1 ? `${lines[0]} ${lines[lines.length - 1]}` : (lines[0] ?? text);
  return { ok: false, message: prefix + (summary.length > 200 ? `${summary.slice(0, 197)}...` : summary), detail: text };
};

/** Renders `template` over `context`; syntax errors, helpers the server lacks, and (for JSON) invalid output are reported, not thrown. */
export function renderTemplatePreview(template: string, context: Record<string, unknown>, opts: { isJson?: boolean } = {}): TemplatePreview {
  try {
    templateVariables(template);
  } catch (err) {
    return failure(err, 'template error: ');
  }
  let output: string;
  try {
    output = Handlebars.compile(template, { noEscape: true, strict: false })(opts.isJson ? jsonEscaped(context) : context);
  } catch (err) {
    return failure(err, 'template error: ');
  }
  if (!opts.isJson) return { ok: true, output };
  try {
    return { ok: true, output: JSON.stringify(JSON.parse(output), null, 2) };
  } catch (err) {
    return { ok: false, message: `not JSON once rendered: ${(err as Error).message}`, detail: output };
  }
}
