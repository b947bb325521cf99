// Autosave of the builder's draft. Every change is copied to the browser at once (draft-backup.ts)
// and saved to the server after a short pause, sending the revision it was based on; the server
// refuses (409) a save over a newer draft, which becomes a visible conflict the user resolves
// (keep mine / load theirs). Nothing is overwritten silently and a reload never loses an edit.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, apiGet, apiPut } from '../api';
import type { PipelineDetail } from '../api-types';
import type { TGraph } from '../../../workflows/graph/schema';
import { clearDraftBackup, readDraftBackup, stableJson, writeDraftBackup } from './draft-backup';

export const AUTOSAVE_DELAY_MS = 800;
const RETRY_DELAY_MS = 5_000;

export type SaveStatus =
  | { state: 'saved'; revision: number }
  | { state: 'unsaved' }
  | { state: 'saving' }
  | { state: 'conflict'; theirRevision: number | null; theirGraph: TGraph | null }
  | { state: 'error'; message: string; willRetry: boolean };

type Base = { pipelineId: string; revision: number; savedJson: string };

export type DraftAutosave = {
  status: SaveStatus;
  /** The server revision the editor's graph is based on. */
  revision: number | null;
  /** Loads a pipeline into the editor: the server draft, or the browser's unsaved copy of it. */
  start(pipeline: PipelineDetail): { graph: TGraph; restoredFrom: string | null };
  /** Saves now (if needed) and resolves when the server has the current graph. */
  flush(): Promise<boolean>;
  keepMine(): Promise<void>;
  takeTheirs(): TGraph | null;
};

export function useDraftAutosave(graph: TGraph | null): DraftAutosave {
  const [status, setStatus] = useState<SaveStatus>({ state: 'saved', revision: 0 });
  const base = useRef<Base | null>(null);
  const latestJson = useRef<string | null>(null);
  const latestGraph = useRef<TGraph | null>(null);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const isConflicted = useRef(false);

  const save = useCallback(async (): Promise<boolean> => {
    const current = base.current;
    const json = latestJson.current;
    const toSave = latestGraph.current;
    if (!current || json === null || !toSave || isConflicted.current) return false;
    if (json === current.savedJson) return true;
    setStatus({ state: 'saving' });
    try {
      const saved = await apiPut<{ draftRevision: number }>(`/api/pipelines/${encodeURIComponent(current.pipelineId)}/draft`, {
        graph: toSave,
        revision: current.revision,
      });
      base.current = { ...current, revision: saved.draftRevision, savedJson: json };
      if (latestJson.current === json) {
        clearDraftBackup(current.pipelineId);
        setStatus({ state: 'saved', revision: saved.draftRevision });
      } else {
        writeDraftBackup(current.pipelineId, { baseRevision: saved.draftRevision, graph: latestGraph.current!, savedAt: new Date().toISOString() });
        setStatus({ state: 'unsaved' });
      }
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        isConflicted.current = true;
        const theirs = await apiGet<PipelineDetail>(`/api/pipelines/${encodeURIComponent(current.pipelineId)}`).catch(() => null);
        setStatus({ state: 'conflict', theirRevision: theirs?.draftRevision ?? null, theirGraph: theirs?.draft ?? null });
        return false;
      }
      // Network trouble and 5xx retry; a 4xx would fail again, so it waits for the next edit.
      const willRetry = !(error instanceof ApiError) || error.status === 0 || error.status >= 500;
      setStatus({ state: 'error', message: error instanceof Error ? error.message : String(error), willRetry });
      if (willRetry) timer.current = window.setTimeout(() => void runSave(), RETRY_DELAY_MS);
      return false;
    }
  }, []);

  // One save at a time; a save requested meanwhile runs right after it with the newest graph.
  const runSave = useCallback((): Promise<boolean> => {
    window.clearTimeout(timer.current);
    const previous = inFlight.current ?? Promise.resolve(true);
    const next = previous.then(() => save());
    inFlight.current = next.finally(() => {
      if (inFlight.current === next) inFlight.current = null;
    });
    return next;
  }, [save]);

  useEffect(() => {
    const current = base.current;
    if (!graph || !current) return;
    const json = stableJson(graph);
    latestJson.current = json;
    latestGraph.current = graph;
    if (json === current.savedJson) return;
    writeDraftBackup(current.pipelineId, { baseRevision: current.revision, graph, savedAt: new Date().toISOString() });
    if (isConflicted.current) return;
    setStatus({ state: 'unsaved' });
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void runSave(), AUTOSAVE_DELAY_MS);
  }, [graph, runSave]);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const start = useCallback((pipeline: PipelineDetail) => {
    window.clearTimeout(timer.current);
    const serverJson = stableJson(pipeline.draft);
    base.current = { pipelineId: pipeline.id, revision: pipeline.draftRevision, savedJson: serverJson };
    latestJson.current = serverJson;
    latestGraph.current = pipeline.draft;
    isConflicted.current = false;
    const backup = readDraftBackup(pipeline.id);
    if (!backup || stableJson(backup.graph) === serverJson) {
      if (backup) clearDraftBackup(pipeline.id);
      setStatus({ state: 'saved', revision: pipeline.draftRevision });
      return { graph: pipeline.draft, restoredFrom: null };
    }
    if (backup.baseRevision !== pipeline.draftRevision) {
      // Edited here on an older revision while someone saved a newer one: the user decides.
      isConflicted.current = true;
      setStatus({ state: 'conflict', theirRevision: pipeline.draftRevision, theirGraph: pipeline.draft });
    }
    return { graph: backup.graph, restoredFrom: backup.savedAt };
  }, []);

  const keepMine = useCallback(async () => {
    const current = base.current;
    if (!current) return;
    const theirs = await apiGet<PipelineDetail>(`/api/pipelines/${encodeURIComponent(current.pipelineId)}`);
    base.current = { ...current, revision: theirs.draftRevision, savedJson: stableJson(theirs.draft) };
    isConflicted.current = false;
    await runSave();
  }, [runSave]);

  const takeTheirs = useCallback((): TGraph | null => {
    const current = base.current;
    if (!current || status.state !== 'conflict' || !status.theirGraph || status.theirRevision === null) return null;
    clearDraftBackup(current.pipelineId);
    base.current = { ...current, revision: status.theirRevision, savedJson: stableJson(status.theirGraph) };
    isConflicted.current = false;
    setStatus({ state: 'saved', revision: status.theirRevision });
    return status.theirGraph;
  }, [status]);

  return { status, revision: base.current?.revision ?? null, start, flush: runSave, keepMine, takeTheirs };
}
