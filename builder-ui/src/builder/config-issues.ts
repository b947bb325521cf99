// Places validation issues in the configuration form: each issue goes to the
// deepest field drawn at (or above) its JSON pointer, e.g. /nodes/3/config/subject
// to the subject field; issues no drawn field covers are listed at the top.
import type { GraphIssue } from '../../../workflows/graph/plan';
import type { FieldDescriptor } from './config-form-fields';
import { asObject } from './config-values';

const escapeSegment = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** The pointer of `key` under `parent`, e.g. ("/config", "subject") -> "/config/subject". */
export const childPointer = (parent: string, key: string | number) => `${parent}/${escapeSegment(String(key))}`;

/** An issue's pointer relative to its node: "/nodes/3/config/subject" -> "/config/subject"; the node itself is "". */
export const nodeRelativePointer = (path: string) => path.replace(/^\/nodes\/\d+(?=\/|$)/, '');

/** Every pointer the form draws a field (or a list item's fields) at, for this value. */
export function fieldPointers(fields: readonly FieldDescriptor[], value: unknown, prefix: string): string[] {
  const obj = asObject(value);
  return fields.flatMap((field) => {
    const at = childPointer(prefix, field.name);
    const current = obj[field.name] ?? field.defaultValue;
    const items = Array.isArray(current) ? current : [];
    if (field.kind === 'group') return [at, ...fieldPointers(field.fields, current, at)];
    if (field.kind === 'group-list') return [at, ...items.flatMap((item, i) => fieldPointers(field.itemFields, item, childPointer(at, i)))];
    if (field.kind === 'conditions') return [at, ...items.map((_, i) => childPointer(at, i))];
    return [at];
  });
}

export interface PlacedIssues {
  byPointer: Map<string, GraphIssue[]>;
  /** Issues about the node as a whole or a part the form does not draw. */
  unplaced: GraphIssue[];
}

/** Assigns each issue (path relative to the graph or to the node) to the longest drawn pointer that contains it. */
export function placeIssues(issues: readonly GraphIssue[], pointers: readonly string[]): PlacedIssues {
  const byPointer = new Map<string, GraphIssue[]>();
  const unplaced: GraphIssue[] = [];
  const sorted = [...pointers].sort((a, b) => b.length - a.length);
  for (const issue of issues) {
    const path = issue.path.startsWith('/nodes/') ? nodeRelativePointer(issue.path) : null;
    const match = path === null ? undefined : sorted.find((p) => path === p || path.startsWith(`${p}/`));
    if (match === undefined) unplaced.push(issue);
    else byPointer.set(match, [...(byPointer.get(match) ?? []), issue]);
  }
  return { byPointer, unplaced };
}
