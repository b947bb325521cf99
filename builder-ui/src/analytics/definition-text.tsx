// A report's definition as docs/metrics.md writes it: paragraphs, lists, **bold**, `code` and fenced SQL,
// rendered as React elements (never as HTML, so nothing in the text can run).
import { Fragment, type ReactNode } from 'react';

/** **bold** and `code` spans of one line of text. */
function inline(text: string): ReactNode[] {
  return text.split(/(\*\*[^*]+\*\*|`[^`]+`)/g).filter(Boolean).map((part, i) => {
    if (part.startsWith('**') && part.endsWith('**')) return <strong key={i}>{part.slice(2, -2)}</strong>;
    if (part.startsWith('`') && part.endsWith('`')) return <code key={i}>{part.slice(1, -1)}</code>;
    return <Fragment key={i}>{part}</Fragment>;
  });
}

type Block = { kind: 'code'; text: string } | { kind: 'list'; items: string[] } | { kind: 'paragraph'; text: string };

export function definitionBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('```')) {
      const code: string[] = [];
      for (i++; i < lines.length && !lines[i]!.startsWith('```'); i++) code.push(lines[i]!);
      blocks.push({ kind: 'code', text: code.join('\n') });
    } else if (/^\s*- /.test(line)) {
      const last = blocks[blocks.length - 1];
      const item = line.replace(/^\s*- /, '');
      if (last?.kind === 'list') last.items.push(item);
      else blocks.push({ kind: 'list', items: [item] });
    } else if (!line.trim()) {
      blocks.push({ kind: 'paragraph', text: '' });
    } else {
      const last = blocks[blocks.length - 1];
      if (last?.kind === 'list' && /^\s+\S/.test(line)) last.items[last.items.length - 1] += ` ${line.trim()}`;
      else if (last?.kind === 'paragraph' && last.text) last.text += ` ${line.trim()}`;
      else blocks.push({ kind: 'paragraph', text: line.trim() });
    }
  }
  return blocks.filter((b) => b.kind !== 'paragraph' || b.text);
}

export function DefinitionText({ markdown }: { markdown: string }) {
  return (
    <div className="definition-text" data-testid="report-definition-text">
      {definitionBlocks(markdown).map((block, i) => {
        if (block.kind === 'code') return <pre key={i}><code>{block.text}</code></pre>;
        if (block.kind === 'list') return <ul key={i}>{block.items.map((item, j) => <li key={j}>{inline(item)}</li>)}</ul>;
        return <p key={i}>{inline(block.text)}</p>;
      })}
    </div>
  );
}
