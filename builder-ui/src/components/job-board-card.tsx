// One application on the board: who (links to the candidate profile), their headline, where they
// came from, when they applied, tags, open tasks, the interviewers' average recommendation and
// how long they have been in this stage. Dragged to move; "Move to" does the same from the keyboard.
import type { DragEvent } from 'react';
import { formatDateTime, formatRelative } from '../format';
import { hrefFor } from '../hash-route';
import { daysBetween } from '../jobs/board-state';
import type { BoardCard, BoardStage } from '../jobs/job-types';

export const BOARD_DRAG_TYPE = 'application/x-trellis-application';

const RECOMMENDATION_LABELS = { strong_no: 'Strong no', no: 'No', yes: 'Yes', strong_yes: 'Strong yes' } as const;

type Props = { card: BoardCard; stages: BoardStage[]; currentStageKey: string; canMove: boolean; onMoveRequest: (toStageKey: string) => void };

export function JobBoardCard({ card, stages, currentStageKey, canMove, onMoveRequest }: Props) {
  const days = daysBetween(card.enteredStageAt);
  const onDragStart = (event: DragEvent) => {
    event.dataTransfer.setData(BOARD_DRAG_TYPE, JSON.stringify({ applicationId: card.applicationId, fromStageKey: currentStageKey }));
    event.dataTransfer.setData('text/plain', card.candidateName);
    event.dataTransfer.effectAllowed = 'move';
  };
  return (
    <article className={`board-card board-card-${card.status.toLowerCase()}`} draggable={canMove} onDragStart={onDragStart}
      data-testid="board-card" data-application-id={card.applicationId} data-status={card.status}>
      <a className="board-card-name" href={hrefFor(`/candidates/${encodeURIComponent(card.candidateId)}`)} draggable={false}>{card.candidateName}</a>
      {card.headline && <div className="board-card-headline">{card.headline}</div>}
      <div className="board-card-meta">
        {card.source && <span className="board-chip">{card.source.replace(/_/g, ' ')}</span>}
        <span title={formatDateTime(card.appliedAt)}>Applied {formatRelative(card.appliedAt)}</span>
      </div>
      {card.tags.length > 0 && (
        <ul className="board-card-tags" aria-label="Tags">
          {card.tags.map((tag) => <li key={tag} className="board-chip board-chip-tag">{tag}</li>)}
        </ul>
      )}
      <div className="board-card-badges">
        <span className={`board-days${days >= 14 ? ' is-stale' : ''}`} title={`In this stage since ${formatDateTime(card.enteredStageAt)}`} data-testid="board-card-days">
          {days}d in stage
        </span>
        {card.openTaskCount > 0 && <span className="badge badge-info" data-testid="board-card-tasks">{card.openTaskCount} open task{card.openTaskCount === 1 ? '' : 's'}</span>}
        {card.scorecards && (
          <span className={`badge board-score-${card.scorecards.recommendation}`} title={`Average ${card.scorecards.averageScore} of 4 from ${card.scorecards.count} scorecard(s)`} data-testid="board-card-score">
            {RECOMMENDATION_LABELS[card.scorecards.recommendation]} · {card.scorecards.count}
          </span>
        )}
        {card.hasKnockoutFailure && <span className="badge badge-danger" title="A knockout question disqualified this applicant">Knocked out</span>}
        {card.status !== 'ACTIVE' && <span className="badge badge-neutral">{card.status.toLowerCase()}</span>}
      </div>
      {canMove && (
        <label className="board-card-move">
          <span className="visually-hidden">Move {card.candidateName} to</span>
          <select value="" onChange={(e) => e.target.value && onMoveRequest(e.target.value)} data-testid="board-card-move">
            <option value="">Move to…</option>
            {stages.filter((s) => s.key !== currentStageKey).map((s) => <option key={s.key} value={s.key}>{s.name}</option>)}
          </select>
        </label>
      )}
    </article>
  );
}
