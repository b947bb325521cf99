// Each report's definition as written in docs/metrics.md (the words and the query under its anchor), served
// with the catalog so the dashboards show the same text the documentation holds: one source for both.
import fs from 'node:fs';
import path from 'node:path';

export const METRICS_DOC = path.resolve(__dirname, '../../../docs/metrics.md');

/** The Markdown under each `<a id="...">` anchor, up to the next heading or anchor. Pure, for tests. */
export function parseDefinitions(markdown: string): Map<string, string> {
  const sections = new Map<string, string>();
  let current: { id: string; lines: string[] } | null = null;
  let isInCode = false;
  const close = () => { if (current) sections.set(current.id, current.lines.join('\n').trim()); };
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) isInCode = !isInCode;
    const anchor = isInCode ? null : /^<a id="([^"]+)"><\/a>\s*$/.exec(line);
    if (anchor) {
      close();
      current = { id: anchor[1]!, lines: [] };
    } else if (!isInCode && /^#{1,6} /.test(line)) {
      close();
      current = null;
    } else current?.lines.push(line);
  }
  close();
  return sections;
}

let cached: Map<string, string> | undefined;
/** The definitions of docs/metrics.md, read once; none when the file is not shipped (the description stands). */
export function metricDefinitions(): Map<string, string> {
  cached ??= fs.existsSync(METRICS_DOC) ? parseDefinitions(fs.readFileSync(METRICS_DOC, 'utf8')) : new Map();
  return cached;
}

/** `docs/metrics.md#offers` → the text of that section (null when missing). */
export function definitionTextOf(definition: string): string | null {
  const anchor = definition.split('#')[1];
  return (anchor && metricDefinitions().get(anchor)) || null;
}
