// Where the draft stands (saved, saving, unsaved, conflict, error) and, on a conflict, the choice
// the user must make: nothing is overwritten without it.
import type { SaveStatus } from './use-draft-autosave';

const LABELS: Record<SaveStatus['state'], string> = {
  saved: 'All changes saved',
  unsaved: 'Unsaved changes…',
  saving: 'Saving…',
  conflict: 'Not saved: conflict',
  error: 'Not saved',
};

export function SaveStatusIndicator({ status }: { status: SaveStatus }) {
  const detail = status.state === 'saved' ? ` (revision ${status.revision})` : status.state === 'error' ? `: ${status.message}${status.willRetry ? ' (retrying)' : ''}` : '';
  return (
    <span className={`save-status save-status-${status.state}`} data-testid="save-status" data-state={status.state} role="status">
      {LABELS[status.state]}
      {detail}
    </span>
  );
}

export function DraftConflictBanner({ status, onKeepMine, onTakeTheirs }: { status: SaveStatus; onKeepMine(): void; onTakeTheirs(): void }) {
  if (status.state !== 'conflict') return null;
  return (
    <div className="notice notice-error" role="alert" data-testid="draft-conflict">
      <div className="notice-heading">
        <strong>
          Someone else saved this draft{status.theirRevision !== null ? ` (revision ${status.theirRevision})` : ''} while you were editing. Your changes are
          kept in this browser and were not saved.
        </strong>
      </div>
      <div className="notice-actions">
        <button type="button" className="button button-small" onClick={onTakeTheirs} disabled={!status.theirGraph} data-testid="take-theirs-button">
          Load their draft (discard mine)
        </button>
        <button type="button" className="button button-small" onClick={onKeepMine} data-testid="keep-mine-button">
          Keep mine (save over theirs)
        </button>
      </div>
    </div>
  );
}
