// The builder page for one pipeline: loads it, then hands it to the builder workspace. Publishing
// and rollbacks refresh the pipeline (its versions) without replacing the graph being edited.
import { ReactFlowProvider } from '@xyflow/react';
import type { PipelineDetail } from '../api-types';
import { BuilderWorkspace } from '../builder/builder-workspace';
import { ErrorNotice } from '../components/error-notice';
import { PageHeader } from '../components/page-header';
import { hrefFor } from '../hash-route';
import { useApiResource } from '../use-api-resource';

export function PipelineBuilderPage({ pipelineId }: { pipelineId: string }) {
  const detail = useApiResource<PipelineDetail>(`/api/pipelines/${encodeURIComponent(pipelineId)}`);
  const pipeline = detail.data;
  return (
    <section className="builder-page" data-testid="pipeline-detail-page">
      <PageHeader
        title={pipeline?.name ?? 'Pipeline'}
        backHref={hrefFor('/pipelines')}
        backLabel="Pipelines"
        subtitle={
          pipeline && (
            <>
              <span className="kind-tag">{pipeline.kind}</span> {pipeline.versions.length} published version{pipeline.versions.length === 1 ? '' : 's'}
              {pipeline.jobs && pipeline.jobs.length > 0 && <> · runs for {pipeline.jobs.map((job) => job.title).join(', ')}</>}
            </>
          )
        }
      />
      {!pipeline && detail.isLoading && <p className="muted">Loading pipeline…</p>}
      <ErrorNotice error={detail.error} title="Could not load the pipeline" onRetry={() => void detail.reload()} />
      {pipeline && (
        <ReactFlowProvider>
          <BuilderWorkspace pipeline={pipeline} onPipelineChanged={detail.reload} />
        </ReactFlowProvider>
      )}
    </section>
  );
}
