// Pipelines: every hiring pipeline of the organisation with its latest published version.
import { useState } from 'react';
import type { PipelineSummary } from '../api-types';
import { ErrorNotice } from '../components/error-notice';
import { NewPipelineForm } from '../components/new-pipeline-form';
import { PageHeader } from '../components/page-header';
import { formatDateTime, shortHash } from '../format';
import { hrefFor, navigate } from '../hash-route';
import { useApiResource } from '../use-api-resource';

const TABLE_COLUMN_COUNT = 5;

export function PipelinesPage() {
  const pipelines = useApiResource<PipelineSummary[]>('/api/pipelines');
  const [isCreating, setIsCreating] = useState(false);
  const rows = pipelines.data ?? [];

  return (
    <section data-testid="pipelines-page">
      <PageHeader
        title="Pipelines"
        subtitle="Hiring workflows: draft them as a graph, publish immutable versions that runs execute."
        actions={
          <button
            type="button"
            className="button button-primary"
            onClick={() => setIsCreating(true)}
            disabled={isCreating}
            data-testid="new-pipeline-button"
          >
            New pipeline
          </button>
        }
      />
      {isCreating && (
        <NewPipelineForm onCancel={() => setIsCreating(false)} onCreated={() => { setIsCreating(false); void pipelines.reload(); }} />
      )}
      <ErrorNotice error={pipelines.error} title="Could not load pipelines" onRetry={() => void pipelines.reload()} />
      <div className="card table-card">
        <table className="data-table is-clickable" data-testid="pipeline-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Kind</th>
              <th>Latest version</th>
              <th>Draft revision</th>
              <th>Updated</th>
            </tr>
          </thead>
          <tbody>
            {pipelines.isLoading && (
              <tr>
                <td colSpan={TABLE_COLUMN_COUNT} className="table-empty">Loading pipelines…</td>
              </tr>
            )}
            {!pipelines.isLoading && rows.length === 0 && !pipelines.error && (
              <tr>
                <td colSpan={TABLE_COLUMN_COUNT} className="table-empty">No pipelines yet. Create the first one.</td>
              </tr>
            )}
            {rows.map((pipeline) => {
              const detailPath = `/pipelines/${encodeURIComponent(pipeline.id)}`;
              return (
                <tr key={pipeline.id} onClick={() => navigate(detailPath)} data-testid="pipeline-row" data-pipeline-id={pipeline.id}>
                  <td>
                    <a className="cell-title row-link" href={hrefFor(detailPath)} onClick={(event) => event.stopPropagation()}>
                      {pipeline.name}
                    </a>
                  </td>
                  <td>
                    <span className="kind-tag">{pipeline.kind}</span>
                  </td>
                  <td>
                    {pipeline.latestVersion ? (
                      <>
                        <div className="cell-title">v{pipeline.latestVersion.version}</div>
                        <div className="cell-meta">
                          <code>{shortHash(pipeline.latestVersion.hash)}</code> · {formatDateTime(pipeline.latestVersion.publishedAt)}
                        </div>
                      </>
                    ) : (
                      <span className="muted">Not published</span>
                    )}
                  </td>
                  <td>#{pipeline.draftRevision}</td>
                  <td>{formatDateTime(pipeline.updatedAt)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
