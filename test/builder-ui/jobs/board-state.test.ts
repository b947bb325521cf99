// The board's optimistic moves: a card leaves one column and joins another in applied order,
// counts follow, a card past the loaded page is counted but not shown, and moving it back (the
// rollback) restores the columns; "load more" never repeats a card already shown.
import { appendPage, daysBetween, findCard, moveCard } from '../../../builder-ui/src/jobs/board-state';
import type { BoardCard, BoardStage, JobBoard } from '../../../builder-ui/src/jobs/job-types';

const card = (id: string, day: number): BoardCard => ({
  applicationId: id, candidateId: `c-${id}`, candidateName: `Person ${id}`, headline: null, source: null, status: 'ACTIVE', tags: [],
  appliedAt: new Date(Date.UTC(2026, 0, day)).toISOString(), enteredStageAt: new Date(Date.UTC(2026, 0, day)).toISOString(),
  openTaskCount: 0, hasKnockoutFailure: false, scorecards: null,
});
const stage = (key: string, cards: BoardCard[], count = cards.length, nextCursor: string | null = null): BoardStage =>
  ({ key, name: key, kind: 'OTHER', position: 0, count, cards, nextCursor });
const board = (...stages: BoardStage[]): JobBoard => ({ job: { id: 'j', title: 'J', status: 'OPEN', department: null, pipelineId: null }, sources: [], stages });
const ids = (b: JobBoard, key: string) => b.stages.find((s) => s.key === key)!.cards.map((c) => c.applicationId);
const count = (b: JobBoard, key: string) => b.stages.find((s) => s.key === key)!.count;

test('a moved card joins the target column in applied order and the counts follow', () => {
  const before = board(stage('applied', [card('a', 1), card('b', 5)]), stage('screen', [card('c', 2), card('d', 9)]));
  const after = moveCard(before, 'b', 'screen', { ...card('b', 5), status: 'ACTIVE' });
  expect(ids(after, 'applied')).toEqual(['a']);
  expect(ids(after, 'screen')).toEqual(['c', 'b', 'd']);
  expect([count(after, 'applied'), count(after, 'screen')]).toEqual([1, 3]);
  // The rollback puts it back where it was.
  const rolledBack = moveCard(after, 'b', 'applied', card('b', 5));
  expect(rolledBack.stages).toEqual(before.stages);
});

test('a card that sorts after the loaded page of a paged column is counted there, not shown (load more brings it); unknown or same-column moves change nothing', () => {
  const before = board(stage('applied', [card('a', 20)]), stage('screen', [card('c', 2), card('d', 3)], 10, 'cursor'));
  const after = moveCard(before, 'a', 'screen', card('a', 20));
  expect(ids(after, 'screen')).toEqual(['c', 'd']);
  expect(count(after, 'screen')).toBe(11);
  expect(moveCard(before, 'zzz', 'screen', card('zzz', 1))).toBe(before);
  expect(moveCard(before, 'a', 'applied', card('a', 20))).toBe(before);
  expect(findCard(after, 'a')).toBeNull();
});

test('load more appends the next page without repeating cards moved in meanwhile', () => {
  const before = board(stage('screen', [card('c', 2), card('x', 4)], 4, 'cursor'));
  const after = appendPage(before, 'screen', [card('x', 4), card('e', 6), card('f', 7)], null);
  expect(ids(after, 'screen')).toEqual(['c', 'x', 'e', 'f']);
  expect(after.stages[0]!.nextCursor).toBeNull();
});

test('days in stage are whole days, never negative', () => {
  const now = Date.parse('2026-01-10T12:00:00Z');
  expect(daysBetween('2026-01-07T13:00:00Z', now)).toBe(2);
  expect(daysBetween('2026-01-11T00:00:00Z', now)).toBe(0);
});
