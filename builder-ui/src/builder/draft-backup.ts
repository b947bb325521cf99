// The browser's copy of a draft that is not yet saved on the server, so a reload, a crash or a
// lost connection never loses an edit. Kept per pipeline with the server revision it was based on:
// restoring a copy based on an older revision is a conflict, never a silent overwrite.
import type { TGraph } from '../../../workflows/graph/schema';

export type DraftBackup = { baseRevision: number; graph: TGraph; savedAt: string };

const keyFor = (pipelineId: string) => `trellis.draft.${pipelineId}`;

export function readDraftBackup(pipelineId: string): DraftBackup | null {
  try {
    const raw = window.localStorage.getItem(keyFor(pipelineId));
    if (!raw) return null;
    const backup = JSON.parse(raw) as DraftBackup;
    return typeof backup.baseRevision === 'number' && backup.graph && Array.isArray(backup.graph.nodes) ? backup : null;
  } catch {
    return null;
  }
}

export function writeDraftBackup(pipelineId: string, backup: DraftBackup): void {
  try {
    window.localStorage.setItem(keyFor(pipelineId), JSON.stringify(backup));
  } catch {
    // Storage full or disabled: autosave to the server still runs; nothing else to do here.
  }
}

export function clearDraftBackup(pipelineId: string): void {
  window.localStorage.removeItem(keyFor(pipelineId));
}

/** Same content, regardless of key order in JSON written by other tools. */
export function sameGraph(a: TGraph, b: TGraph): boolean {
  return stableJson(a) === stableJson(b);
}

export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}
