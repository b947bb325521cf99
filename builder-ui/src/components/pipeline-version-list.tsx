// Published versions of a pipeline, newest first. Versions are immutable; runs pin one of them.
import type { PipelineVersion } from '../api-types';
import { formatDateTime, shortHash } from '../format';
import { StatusBadge } from './status-badge';

export function PipelineVersionList({ versions }: { versions: PipelineVersion[] }) {
  const newestFirst = [...versions].sort((left, right) => right.version - left.version);
  return (
    <div className="card side-card" data-testid="pipeline-versions">
      <h2 className="card-title">Versions</h2>
      {newestFirst.length === 0 ? (
        <p className="muted">Not published yet. Publish the draft to create version 1.</p>
      ) : (
        <ul className="version-list">
          {newestFirst.map((version) => (
            <li key={version.id} data-testid="pipeline-version" data-version={version.version}>
              <span className="version-number">v{version.version}</span>
              <StatusBadge status={version.status} />
              <code title={version.hash}>{shortHash(version.hash)}</code>
              <span className="muted">{formatDateTime(version.publishedAt)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
