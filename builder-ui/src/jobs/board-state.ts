// Pure updates of a loaded job board: moving a card between columns (the optimistic move and its
// rollback) and appending a column's next page. Kept free of React so the rules can be unit tested.
import type { BoardCard, BoardStage, JobBoard } from './job-types';

const byAppliedAt = (a: BoardCard, b: BoardCard) => a.appliedAt.localeCompare(b.appliedAt) || a.applicationId.localeCompare(b.applicationId);

/** Where a card sits: its column and the card itself. */
export function findCard(board: JobBoard, applicationId: string): { stage: BoardStage; card: BoardCard } | null {
  for (const stage of board.stages) {
    const card = stage.cards.find((c) => c.applicationId === applicationId);
    if (card) return { stage, card };
  }
  return null;
}

/** Whether a card belongs among the loaded cards of a column (ordered by applied date), or past its last loaded page. */
function isWithinLoaded(stage: BoardStage, card: BoardCard): boolean {
  const last = stage.cards[stage.cards.length - 1];
  return stage.nextCursor === null || (last !== undefined && byAppliedAt(card, last) <= 0);
}

/**
 * The board with a card moved to another column, counts adjusted. The card keeps the column's
 * order (oldest application first); when it falls after the loaded page it is counted, and "load
 * more" brings it. `card` replaces the moved card (new status, time in stage).
 */
export function moveCard(board: JobBoard, applicationId: string, toStageKey: string, card: BoardCard): JobBoard {
  const from = findCard(board, applicationId);
  if (!from || from.stage.key === toStageKey) return board;
  return {
    ...board,
    stages: board.stages.map((stage) => {
      if (stage.key === from.stage.key) return { ...stage, count: Math.max(0, stage.count - 1), cards: stage.cards.filter((c) => c.applicationId !== applicationId) };
      if (stage.key !== toStageKey) return stage;
      const cards = isWithinLoaded(stage, card) ? [...stage.cards, card].sort(byAppliedAt) : stage.cards;
      return { ...stage, count: stage.count + 1, cards };
    }),
  };
}

/** The column with its next page appended (cards already shown, e.g. moved in meanwhile, are not repeated). */
export function appendPage(board: JobBoard, stageKey: string, cards: BoardCard[], nextCursor: string | null): JobBoard {
  return {
    ...board,
    stages: board.stages.map((stage) => {
      if (stage.key !== stageKey) return stage;
      const shown = new Set(stage.cards.map((c) => c.applicationId));
      return { ...stage, cards: [...stage.cards, ...cards.filter((c) => !shown.has(c.applicationId))], nextCursor };
    }),
  };
}

/** Whole days between two instants, for "3d in stage". */
export function daysBetween(fromIso: string, now = Date.now()): number {
  return Math.max(0, Math.floor((now - Date.parse(fromIso)) / 86_400_000));
}
