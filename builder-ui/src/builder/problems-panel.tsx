// Problems the shared validator finds in the graph as it is edited (the same checks publish runs),
// plus the server's answer to the last publish. Clicking a problem focuses its node or edge.
import { ApiError } from '../api';
import type { GraphIssue } from '../../../workflows/graph/plan';
import { describeError } from '../components/error-notice';

type ProblemsPanelProps = { issues: readonly GraphIssue[]; serverError: unknown; onSelect(issue: GraphIssue): void };

export function ProblemsPanel({ issues, serverError, onSelect }: ProblemsPanelProps) {
  const serverIssues = serverError instanceof ApiError ? serverError.details : [];
  return (
    <div className="problems-panel" data-testid="problems-panel">
      {serverError !== null && serverError !== undefined && (
        <p className="notice notice-error" data-testid="server-validation">
          The server refused to publish: {describeError(serverError)}
          {serverIssues.length > 0 && ` (${serverIssues.length} problem${serverIssues.length === 1 ? '' : 's'})`}
        </p>
      )}
      {issues.length === 0 ? (
        <p className="muted" data-testid="no-problems">No problems: this graph can be published.</p>
      ) : (
        <ul className="issue-list" data-testid="validation-errors">
          {issues.map((issue, index) => (
            <li key={`${issue.path}-${issue.code}-${index}`} data-testid="validation-error" data-node-id={issue.nodeId} data-edge-id={issue.edgeId} data-code={issue.code}>
              <button type="button" className="issue-button" onClick={() => onSelect(issue)} disabled={!issue.nodeId && !issue.edgeId} title="Show on canvas">
                <span className="issue-message">{issue.message}</span>
                <span className="issue-location">
                  {issue.nodeId && <strong>{issue.nodeId}</strong>}
                  <code>{issue.code}</code>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
