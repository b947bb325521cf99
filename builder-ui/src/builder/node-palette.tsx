// The palette: every node type of the shared registry (latest version of each), grouped by category
// and searchable. Drag an entry onto the canvas to add it there, or press it to add it in view.
import { useMemo, useState } from 'react';
import { NODE_DEFINITIONS, latestVersionOf } from '../../../workflows/graph/registry';
import type { NodeCategory, NodeDefinition } from '../../../workflows/graph/node-definition';

export const PALETTE_DRAG_TYPE = 'application/x-trellis-node';

const CATEGORY_TITLES: Record<NodeCategory, string> = {
  trigger: 'Triggers',
  message: 'Messages',
  time: 'Timing',
  people: 'People',
  logic: 'Logic',
  action: 'Actions',
};
const CATEGORY_ORDER = Object.keys(CATEGORY_TITLES) as NodeCategory[];

export function parsePaletteDrag(text: string): { type: string; typeVersion: number } | null {
  const match = /^(.+)@(\d+)$/.exec(text);
  return match ? { type: match[1]!, typeVersion: Number(match[2]) } : null;
}

/** Latest versions only: older versions exist so recorded runs replay, not for new drafts. */
const PALETTE_ENTRIES = NODE_DEFINITIONS.filter((def) => def.typeVersion === latestVersionOf(def.type));

export function filterPalette(query: string): Map<NodeCategory, NodeDefinition<unknown>[]> {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const groups = new Map<NodeCategory, NodeDefinition<unknown>[]>();
  for (const category of CATEGORY_ORDER) {
    const matches = PALETTE_ENTRIES.filter(
      (def) => def.category === category && words.every((word) => `${def.label} ${def.type} ${def.docs}`.toLowerCase().includes(word)),
    );
    if (matches.length > 0) groups.set(category, matches);
  }
  return groups;
}

export function NodePalette({ onAdd, isDisabled }: { onAdd(type: string, typeVersion: number): void; isDisabled: boolean }) {
  const [query, setQuery] = useState('');
  const groups = useMemo(() => filterPalette(query), [query]);
  return (
    <aside className="node-palette" data-testid="node-palette" aria-label="Node palette">
      <input
        type="search"
        className="node-palette-search"
        placeholder="Search nodes…"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        data-testid="palette-search"
        aria-label="Search nodes"
      />
      {groups.size === 0 && <p className="muted">No node matches “{query}”.</p>}
      {[...groups].map(([category, defs]) => (
        <section key={category} className="node-palette-group">
          <h3>{CATEGORY_TITLES[category]}</h3>
          {defs.map((def) => (
            <button
              key={def.type}
              type="button"
              className={`node-palette-item category-${category}`}
              draggable={!isDisabled}
              disabled={isDisabled}
              onDragStart={(event) => {
                event.dataTransfer.setData(PALETTE_DRAG_TYPE, `${def.type}@${def.typeVersion}`);
                event.dataTransfer.effectAllowed = 'copy';
              }}
              onClick={() => onAdd(def.type, def.typeVersion)}
              title={def.docs}
              data-testid="palette-item"
              data-node-type={def.type}
            >
              <span className="node-palette-item-label">{def.label}</span>
              <span className="node-palette-item-type">{def.type}</span>
            </button>
          ))}
        </section>
      ))}
    </aside>
  );
}
