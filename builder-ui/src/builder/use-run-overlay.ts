// The live overlay for the canvas: how many runs are parked at each node now, polled every 5 s.
// The returned object is stable between polls that change nothing, so effects that depend on
// it do not re-run for nothing.
import { useMemo } from 'react';
import { useApiResource } from '../use-api-resource';
import { overlayByNode, type OverlayNode, type RunOverlay } from './run-overlay';

export const OVERLAY_POLL_MS = 5000;

export type RunOverlayState = {
  overlay: RunOverlay | undefined;
  /** Each node's entry (total and per version), by node id. */
  byNode: Map<string, OverlayNode>;
  reload: () => Promise<void>;
  error: unknown;
};

export function useRunOverlay(pipelineId: string, options: { pollMs?: number } = {}): RunOverlayState {
  const resource = useApiResource<RunOverlay>(`/api/pipelines/${encodeURIComponent(pipelineId)}/overlay`, options.pollMs ?? OVERLAY_POLL_MS);
  // Each poll parses a fresh object; compare by content so unchanged counts keep their identity.
  const key = resource.data ? JSON.stringify(resource.data) : '';
  const overlay = useMemo(() => resource.data, [key]);
  const byNode = useMemo(() => overlayByNode(overlay), [overlay]);
  return useMemo(() => ({ overlay, byNode, reload: resource.reload, error: resource.error }), [overlay, byNode, resource.reload, resource.error]);
}
