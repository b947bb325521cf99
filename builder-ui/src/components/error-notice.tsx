// Shows an API failure the way the API reported it: message, code and each detail's path.
import { ApiError } from '../api';

type ErrorNoticeProps = { error: unknown; title?: string; onRetry?: () => void };

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

export function ErrorNotice({ error, title, onRetry }: ErrorNoticeProps) {
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : null;
  return (
    <div className="notice notice-error" role="alert" data-testid="error-notice">
      <div className="notice-heading">
        <strong data-testid="error-message">{title ? `${title}: ` : ''}{describeError(error)}</strong>
        {apiError && apiError.status > 0 && (
          <span className="notice-code">
            {apiError.status} · {apiError.code}
          </span>
        )}
        {onRetry && (
          <button type="button" className="button button-small button-ghost" onClick={onRetry}>
            Retry
          </button>
        )}
      </div>
      {apiError && apiError.details.length > 0 && (
        <ul className="notice-details">
          {apiError.details.map((detail, index) => (
            <li key={`${detail.path}-${index}`} data-testid="error-detail">
              {detail.path && <code>{detail.path}</code>} {detail.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
