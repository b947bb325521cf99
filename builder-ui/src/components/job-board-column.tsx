// One stage of the board: its name and count, its cards (oldest application first) and "load more"
// when the server has more than one page. Cards dropped here move to this stage.
import { useState, type DragEvent } from 'react';
import type { BoardStage } from '../jobs/job-types';
import { BOARD_DRAG_TYPE, JobBoardCard } from './job-board-card';

type Props = {
  stage: BoardStage;
  stages: BoardStage[];
  canMove: boolean;
  isLoadingMore: boolean;
  onLoadMore: () => void;
  onMoveRequest: (applicationId: string, toStageKey: string) => void;
};

export function JobBoardColumn({ stage, stages, canMove, isLoadingMore, onLoadMore, onMoveRequest }: Props) {
  const [isDropTarget, setIsDropTarget] = useState(false);
  const accepts = (event: DragEvent) => canMove && event.dataTransfer.types.includes(BOARD_DRAG_TYPE);
  const onDrop = (event: DragEvent) => {
    setIsDropTarget(false);
    if (!accepts(event)) return;
    event.preventDefault();
    const { applicationId, fromStageKey } = JSON.parse(event.dataTransfer.getData(BOARD_DRAG_TYPE)) as { applicationId: string; fromStageKey: string };
    if (fromStageKey !== stage.key) onMoveRequest(applicationId, stage.key);
  };
  return (
    <section className={`board-column board-column-${stage.kind.toLowerCase()}${isDropTarget ? ' is-drop-target' : ''}`} aria-label={stage.name}
      data-testid="board-column" data-stage={stage.key} data-count={stage.count}
      onDragOver={(event) => {
        if (!accepts(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        setIsDropTarget(true);
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setIsDropTarget(false);
      }}
      onDrop={onDrop}>
      <header className="board-column-header">
        <h2>{stage.name}</h2>
        <span className="board-column-count" data-testid="board-column-count">{stage.count}</span>
      </header>
      <div className="board-column-cards">
        {stage.cards.map((card) => (
          <JobBoardCard key={card.applicationId} card={card} stages={stages} currentStageKey={stage.key} canMove={canMove}
            onMoveRequest={(toStageKey) => onMoveRequest(card.applicationId, toStageKey)} />
        ))}
        {stage.count === 0 && <p className="board-column-empty">No applications</p>}
        {stage.nextCursor && (
          <button type="button" className="button button-small button-ghost board-load-more" disabled={isLoadingMore} onClick={onLoadMore} data-testid="board-load-more">
            {isLoadingMore ? 'Loading…' : `Load more (${stage.count - stage.cards.length} more)`}
          </button>
        )}
      </div>
    </section>
  );
}
