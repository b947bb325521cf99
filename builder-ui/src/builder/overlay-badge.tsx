// The count of runs parked at a node, drawn on its canvas card; clicking it opens the cohort.
import './cohort-panel.css';

export function OverlayBadge({ count, onClick }: { count: number; onClick(): void }) {
  if (count <= 0) return null;
  return (
    <button
      type="button"
      className="cohort-overlay-badge nodrag"
      data-testid="overlay-badge"
      data-count={count}
      title={`${count} run${count === 1 ? '' : 's'} parked here now: click to list them`}
      onClick={(event) => {
        // The card underneath would take the click as a selection.
        event.stopPropagation();
        onClick();
      }}
    >
      {count}
    </button>
  );
}
