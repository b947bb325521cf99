// Result of the last save / publish: success, an edit conflict, or the API's validation errors.
import { ApiError } from '../api';
import type { ApiErrorDetail } from '../api-types';
import { shortHash } from '../format';
import type { DraftOutcome } from '../use-pipeline-draft';
import { describeError } from './error-notice';
import { ValidationIssueList } from './validation-issue-list';

type DraftOutcomeNoticeProps = {
  outcome: DraftOutcome | null;
  onReload: () => void;
  onDismiss: () => void;
  onSelectIssue: (detail: ApiErrorDetail) => void;
};

export function DraftOutcomeNotice({ outcome, onReload, onDismiss, onSelectIssue }: DraftOutcomeNoticeProps) {
  if (!outcome) return null;
  if (outcome.kind === 'saved') {
    return (
      <div className="notice notice-success" role="status" data-testid="draft-saved">
        Draft saved.
        <button type="button" className="button button-small button-ghost" onClick={onDismiss}>Dismiss</button>
      </div>
    );
  }
  if (outcome.kind === 'published') {
    const { version } = outcome;
    return (
      <div className="notice notice-success" role="status" data-testid="publish-success">
        Published version {version.version} <code>{shortHash(version.hash)}</code>. New runs will use it.
        <button type="button" className="button button-small button-ghost" onClick={onDismiss}>Dismiss</button>
      </div>
    );
  }
  if (outcome.kind === 'conflict') {
    return (
      <div className="notice notice-error" role="alert" data-testid="draft-conflict">
        <div className="notice-heading">
          <strong>Someone else saved this draft; reload to get their version.</strong>
          <button type="button" className="button button-small" onClick={onReload} data-testid="reload-draft-button">
            Reload draft
          </button>
        </div>
        <p className="notice-hint">Reloading replaces your unsaved edits. Copy them out of the editor first if you need them.</p>
      </div>
    );
  }
  const details = outcome.error instanceof ApiError ? outcome.error.details : [];
  const verb = outcome.action === 'publish' ? 'Publish failed' : 'Save failed';
  return (
    <div className="notice notice-error" role="alert" data-testid="draft-action-error">
      <div className="notice-heading">
        <strong data-testid="error-message">{verb}: {describeError(outcome.error)}</strong>
        <button type="button" className="button button-small button-ghost" onClick={onDismiss}>Dismiss</button>
      </div>
      {details.length > 0 && (
        <>
          <p className="notice-hint">
            {details.length} problem{details.length === 1 ? '' : 's'} found. Click one to show it on the canvas.
          </p>
          <ValidationIssueList details={details} onSelectIssue={onSelectIssue} />
        </>
      )}
    </div>
  );
}
