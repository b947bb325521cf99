// Autocomplete for Handlebars templates in the builder: where the caret sits in
// an open {{ expression, which variables match what was typed, and the text after
// inserting one. Pure, so the editor component only wires keys and the caret.

export interface TemplateCompletion {
  /** The partial path typed so far, e.g. "candidate.fi". */
  query: string;
  /** The range a suggestion replaces: the whole path token around the caret. */
  from: number;
  to: number;
  suggestions: string[];
}

const PATH_CHAR = /[A-Za-z0-9_.]/;
/** A path token may follow the braces, a ~, whitespace (helper arguments: {{#if x}}) or a parenthesis. */
const BEFORE_PATH = /[{~\s(]/;

/** Variables matching `query`: prefix matches first, then a path segment starting with it, then anywhere; each group sorted. */
export function matchVariables(query: string, variables: readonly string[]): string[] {
  const q = query.toLowerCase();
  const unique = [...new Set(variables)].sort();
  const prefix = unique.filter((v) => v.toLowerCase().startsWith(q));
  const segment = unique.filter((v) => !prefix.includes(v) && v.toLowerCase().split('.').some((part) => part.startsWith(q)));
  const anywhere = unique.filter((v) => !prefix.includes(v) && !segment.includes(v) && v.toLowerCase().includes(q));
  return [...prefix, ...segment, ...anywhere];
}

/** The completion at `caret`, or null when the caret is not on a variable inside an open {{ expression. */
export function completionAt(text: string, caret: number, variables: readonly string[]): TemplateCompletion | null {
  if (caret < 2 || caret > text.length) return null;
  const open = text.lastIndexOf('{{', caret - 2);
  if (open < 0) return null;
  const inside = text.slice(open + 2, caret);
  // Closed already, or the expression spans lines: the caret is in plain text.
  if (inside.includes('}') || inside.includes('\n')) return null;
  let from = caret;
  while (from > open + 2 && PATH_CHAR.test(text[from - 1]!)) from--;
  const before = text[from - 1]!;
  if (!BEFORE_PATH.test(before)) return null;
  let to = caret;
  while (to < text.length && PATH_CHAR.test(text[to]!)) to++;
  const query = text.slice(from, caret);
  return { query, from, to, suggestions: matchVariables(query, variables) };
}

/** The text with `variable` in place of the completion's range, closed with }} (or }}} after {{{) unless already closed. */
export function applyCompletion(text: string, completion: TemplateCompletion, variable: string): { text: string; caret: number } {
  const head = text.slice(0, completion.from) + variable;
  const tail = text.slice(completion.to);
  const open = text.lastIndexOf('{{', completion.from);
  // lastIndexOf finds the last two braces of a {{{: look one further back.
  const closing = text[open - 1] === '{' || text[open + 2] === '{' ? '}}}' : '}}';
  const closed = (closing === '}}}' ? /^\s*~?}}}/ : /^\s*~?}}/).exec(tail);
  if (closed) return { text: head + tail, caret: head.length + closed[0].length };
  // Inside a block helper's arguments the author may want more arguments, but a bare variable is the common case: close it.
  return { text: head + closing + tail, caret: head.length + closing.length };
}
