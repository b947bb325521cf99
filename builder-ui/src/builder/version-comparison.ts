// What the version history panel compares: the pair of versions a selection
// means (two picked: older -> newer; one picked: it -> the newest, or the one
// before it if it is the newest), and a one-line summary of their diff.
import type { GraphDiff } from './graph-diff';

export type VersionRow = { id: string; version: number; hash: string; status: string; publishedAt: string };

export const newestFirst = <V extends VersionRow>(versions: readonly V[]): V[] => [...versions].sort((a, b) => b.version - a.version);

export function comparisonPair<V extends VersionRow>(versions: readonly V[], selectedIds: readonly string[]): { before: V; after: V } | null {
  const sorted = newestFirst(versions);
  const picked = sorted.filter((v) => selectedIds.includes(v.id));
  if (picked.length >= 2) return { before: picked[picked.length - 1]!, after: picked[0]! };
  const [only] = picked;
  if (!only) return null;
  const newest = sorted[0]!;
  if (only.id !== newest.id) return { before: only, after: newest };
  const previous = sorted[1];
  return previous ? { before: previous, after: only } : null;
}

/** Keep at most two picks: picking a third drops the earliest pick. */
export function toggleSelection(selectedIds: readonly string[], id: string): string[] {
  if (selectedIds.includes(id)) return selectedIds.filter((s) => s !== id);
  return [...selectedIds, id].slice(-2);
}

const plural = (n: number, word: string) => `${n} ${word}`;

export function diffSummary(diff: GraphDiff): string {
  if (diff.isEmpty) return 'No differences.';
  const parts = [plural(diff.nodes.added.length, 'added'), plural(diff.nodes.removed.length, 'removed'), plural(diff.nodes.changed.length, 'changed')];
  if (diff.nodes.moved.length) parts.push(plural(diff.nodes.moved.length, 'moved'));
  const edges = diff.edges.added.length + diff.edges.removed.length;
  if (edges) parts.push(`${edges} connection${edges === 1 ? '' : 's'} rewired`);
  if (diff.settings.length) parts.push('settings changed');
  return parts.join(', ');
}
