// Problems the API found in a draft (publish/save answered 4xx with details). Items that name a
// node or edge are buttons: clicking one selects it on the canvas.
import type { ApiErrorDetail } from '../api-types';

type ValidationIssueListProps = {
  details: ApiErrorDetail[];
  onSelectIssue: (detail: ApiErrorDetail) => void;
};

export function ValidationIssueList({ details, onSelectIssue }: ValidationIssueListProps) {
  if (details.length === 0) return null;
  return (
    <ul className="issue-list" data-testid="validation-errors">
      {details.map((detail, index) => {
        const target = detail.nodeId ? `node ${detail.nodeId}` : detail.edgeId ? `edge ${detail.edgeId}` : null;
        const content = (
          <>
            <span className="issue-message">{detail.message}</span>
            <span className="issue-location">
              {target && <strong>{target}</strong>}
              {detail.path && <code>{detail.path}</code>}
            </span>
          </>
        );
        return (
          <li
            key={`${detail.path}-${detail.nodeId ?? ''}-${index}`}
            data-testid="validation-error"
            data-node-id={detail.nodeId}
            data-edge-id={detail.edgeId}
          >
            {target ? (
              <button type="button" className="issue-button" onClick={() => onSelectIssue(detail)} title="Show on canvas">
                {content}
              </button>
            ) : (
              <div className="issue-static">{content}</div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
