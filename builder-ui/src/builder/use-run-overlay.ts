// The live overlay for the canvas: how many runs are parked at each node now, polled every 5 s.
// The returned object is stable between polls that change nothing, so effects that depend on
// it do not re-run for nothing.
import { useMemo } from 'react';
import { useApiResource } from '../use-api-resource';
import { overlayCountsByNode, type RunOverlay } from './run-overlay';

export const OVERLAY_POLL_MS = 5000;

export type RunOverlayState = {
  overlay: RunOverlay | undefined;
  countsByNode: Map<string, number>;
  reload: () => Promise<void>;
  error: unknown;
};

export function useRunOverlay(pipelineId: string, options: { pollMs?: number } = {}): RunOverlayState {
  const resource = useApiResource<RunOverlay>(`/api/pipelines/${encodeURIComponent(pipelineId)}/overlay`, options.pollMs ?? OVERLAY_POLL_MS);
  // Each poll parses a fresh object; compare by content so unchanged counts keep their identity.
  const key = resource.data ? JSON.stringify(resource.data) : '';
  const overlay = useMemo(() => resource.data, [key]);
  const countsByNode = useMemo(() => overlayCountsByNode(overlay), [overlay]);
  return useMemo(() => ({ overlay, countsByNode, reload: resource.reload, error: resource.error }), [overlay, countsByNode, resource.reload, resource.error]);
}
