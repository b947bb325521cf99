// Pipeline builder: the draft graph on a canvas beside its JSON, with save, publish and the
// published versions. Publishing validates the saved draft on the server.
import { useMemo, useState } from 'react';
import { ApiError } from '../api';
import type { ApiErrorDetail, PipelineDetail } from '../api-types';
import { DraftGraphEditor } from '../components/draft-graph-editor';
import { DraftOutcomeNotice } from '../components/draft-outcome-notice';
import { ErrorNotice } from '../components/error-notice';
import { PageHeader } from '../components/page-header';
import { PipelineCanvas, type CanvasFocusRequest } from '../components/pipeline-canvas';
import { PipelineVersionList } from '../components/pipeline-version-list';
import { SelectedNodePanel } from '../components/selected-node-panel';
import { hrefFor } from '../hash-route';
import { useApiResource } from '../use-api-resource';
import { usePipelineDraft } from '../use-pipeline-draft';

export function PipelineDetailPage({ pipelineId }: { pipelineId: string }) {
  const detail = useApiResource<PipelineDetail>(`/api/pipelines/${encodeURIComponent(pipelineId)}`);
  const draft = usePipelineDraft(detail.data, detail.reload);
  const [selectedNodeId, setSelectedNodeId] = useState<string | null>(null);
  const [selectedEdgeId, setSelectedEdgeId] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState<CanvasFocusRequest | null>(null);

  const issueNodeIds = useMemo(() => {
    const { outcome } = draft;
    if (outcome?.kind !== 'failed' || !(outcome.error instanceof ApiError)) return new Set<string>();
    return new Set(outcome.error.details.flatMap((detail) => (detail.nodeId ? [detail.nodeId] : [])));
  }, [draft.outcome]);

  const selectIssue = (detail: ApiErrorDetail) => {
    setSelectedNodeId(detail.nodeId ?? null);
    setSelectedEdgeId(detail.edgeId ?? null);
    setFocusRequest({ nodeId: detail.nodeId ?? null, edgeId: detail.edgeId ?? null, nonce: Date.now() });
  };

  const selectNode = (nodeId: string | null) => {
    setSelectedNodeId(nodeId);
    setSelectedEdgeId(null);
  };

  const pipeline = detail.data;
  if (!pipeline) {
    return (
      <section data-testid="pipeline-detail-page">
        <PageHeader title="Pipeline" backHref={hrefFor('/pipelines')} backLabel="Pipelines" />
        {detail.isLoading && <p className="muted">Loading pipeline…</p>}
        <ErrorNotice error={detail.error} title="Could not load the pipeline" onRetry={() => void detail.reload()} />
      </section>
    );
  }

  return (
    <section className="builder-page" data-testid="pipeline-detail-page">
      <PageHeader
        title={pipeline.name}
        backHref={hrefFor('/pipelines')}
        backLabel="Pipelines"
        subtitle={
          <>
            <span className="kind-tag">{pipeline.kind}</span> Draft revision #{pipeline.draftRevision} ·{' '}
            {pipeline.versions.length} published version{pipeline.versions.length === 1 ? '' : 's'}
          </>
        }
        actions={
          <>
            <button
              type="button"
              className="button"
              onClick={() => void draft.saveDraft()}
              disabled={!draft.isDirty || draft.parseError !== null || draft.isBusy}
              data-testid="save-draft-button"
            >
              Save draft
            </button>
            <button
              type="button"
              className="button button-primary"
              onClick={() => void draft.publish()}
              disabled={draft.isDirty || draft.isBusy}
              title={draft.isDirty ? 'Save the draft first: publishing uses the saved draft.' : undefined}
              data-testid="publish-button"
            >
              Publish
            </button>
          </>
        }
      />
      <ErrorNotice error={detail.error} title="Could not refresh the pipeline" onRetry={() => void detail.reload()} />
      <div className="builder-layout">
        <div className="builder-canvas-column">
          <PipelineCanvas
            graph={draft.canvasGraph}
            issueNodeIds={issueNodeIds}
            selectedNodeId={selectedNodeId}
            selectedEdgeId={selectedEdgeId}
            focusRequest={focusRequest}
            onSelectNode={selectNode}
          />
          <SelectedNodePanel graph={draft.canvasGraph} nodeId={selectedNodeId} />
        </div>
        <div className="builder-side-column">
          <DraftOutcomeNotice
            outcome={draft.outcome}
            onReload={() => void draft.discardAndReload()}
            onDismiss={draft.clearOutcome}
            onSelectIssue={selectIssue}
          />
          <DraftGraphEditor
            text={draft.draftText}
            parseError={draft.parseError}
            isDirty={draft.isDirty}
            onChange={draft.setDraftText}
          />
          <PipelineVersionList versions={pipeline.versions} />
        </div>
      </div>
    </section>
  );
}
