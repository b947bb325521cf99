// State of the pipeline builder: the draft JSON being edited, and the save / publish actions.
// Saving sends the revision it was loaded at, so the API can refuse (409) to overwrite a newer
// draft someone else saved in the meantime.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, apiPost, apiPut } from './api';
import type { PipelineDetail, PipelineGraph, PublishedVersion } from './api-types';
import { formatDraftGraph, parseDraftGraph } from './parse-draft-graph';

export type DraftOutcome =
  | { kind: 'saved' }
  | { kind: 'published'; version: PublishedVersion }
  | { kind: 'conflict' }
  | { kind: 'failed'; action: 'save' | 'publish'; error: unknown };

export function usePipelineDraft(pipeline: PipelineDetail | undefined, reload: () => Promise<void>) {
  const [draftText, setDraftText] = useState('');
  const [savedText, setSavedText] = useState('');
  const [canvasGraph, setCanvasGraph] = useState<PipelineGraph>({ nodes: [], edges: [] });
  const [outcome, setOutcome] = useState<DraftOutcome | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  useEffect(() => {
    if (!pipeline) return;
    const text = formatDraftGraph(pipeline.draft);
    setDraftText(text);
    setSavedText(text);
  }, [pipeline]);

  const parsed = useMemo(() => parseDraftGraph(draftText || '{"nodes":[],"edges":[]}'), [draftText]);
  // While the JSON is mid-edit and invalid, the canvas keeps showing the last graph that parsed.
  useEffect(() => {
    if (parsed.graph) setCanvasGraph(parsed.graph);
  }, [parsed]);

  const pipelineId = pipeline?.id;
  const draftRevision = pipeline?.draftRevision;

  const saveDraft = useCallback(async () => {
    if (!pipelineId || !parsed.graph || draftRevision === undefined) return;
    setIsBusy(true);
    try {
      await apiPut<unknown>(`/api/pipelines/${encodeURIComponent(pipelineId)}/draft`, {
        graph: parsed.graph,
        revision: draftRevision,
      });
      setOutcome({ kind: 'saved' });
      await reload();
    } catch (error) {
      const isConflict = error instanceof ApiError && error.status === 409;
      setOutcome(isConflict ? { kind: 'conflict' } : { kind: 'failed', action: 'save', error });
    } finally {
      setIsBusy(false);
    }
  }, [pipelineId, parsed, draftRevision, reload]);

  const publish = useCallback(async () => {
    if (!pipelineId) return;
    setIsBusy(true);
    try {
      const version = await apiPost<PublishedVersion>(`/api/pipelines/${encodeURIComponent(pipelineId)}/publish`, {});
      setOutcome({ kind: 'published', version });
      await reload();
    } catch (error) {
      setOutcome({ kind: 'failed', action: 'publish', error });
    } finally {
      setIsBusy(false);
    }
  }, [pipelineId, reload]);

  const discardAndReload = useCallback(async () => {
    setOutcome(null);
    await reload();
  }, [reload]);

  return {
    draftText,
    setDraftText,
    parseError: parsed.error,
    canvasGraph,
    isDirty: draftText !== savedText,
    isBusy,
    outcome,
    clearOutcome: () => setOutcome(null),
    saveDraft,
    publish,
    discardAndReload,
  };
}
