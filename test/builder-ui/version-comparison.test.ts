// Which two versions the history panel compares for a selection, and the
// summary line it shows for their diff.
import { comparisonPair, diffSummary, toggleSelection } from '../../builder-ui/src/builder/version-comparison';
import { diffGraphs } from '../../builder-ui/src/builder/graph-diff';
import { applicationReviewGraph } from '../../workflows/graph/examples/application-review';

const versions = [1, 3, 2].map((n) => ({ id: `v${n}`, version: n, hash: `h${n}`, status: 'PUBLISHED', publishedAt: '2026-01-01T00:00:00Z' }));
const pair = (ids: string[]) => {
  const p = comparisonPair(versions, ids);
  return p && [p.before.id, p.after.id];
};

test('two picks compare older -> newer, whatever the order they were picked in', () => {
  expect(pair(['v3', 'v1'])).toEqual(['v1', 'v3']);
  expect(pair(['v1', 'v2'])).toEqual(['v1', 'v2']);
});

test('one pick compares it with the newest; the newest alone with the one before it', () => {
  expect(pair(['v1'])).toEqual(['v1', 'v3']);
  expect(pair(['v3'])).toEqual(['v2', 'v3']);
  expect(pair([])).toBeNull();
  expect(comparisonPair(versions.slice(0, 1), ['v1'])).toBeNull();
});

test('at most two picks: a third drops the earliest; picking again unpicks', () => {
  expect(toggleSelection(toggleSelection(['v1'], 'v2'), 'v3')).toEqual(['v2', 'v3']);
  expect(toggleSelection(['v1', 'v2'], 'v1')).toEqual(['v2']);
});

test('the summary counts what the diff found', () => {
  const before = applicationReviewGraph();
  expect(diffSummary(diffGraphs(before, applicationReviewGraph()))).toBe('No differences.');
  const after = applicationReviewGraph();
  after.nodes = after.nodes.map((n) => (n.id === 'screen' ? { ...n, label: 'Phone screen' } : n));
  after.nodes.push({ id: 'extra', type: 'action.end', typeVersion: 1, config: {} });
  after.settings = { exitOn: ['candidate.withdrew'] };
  expect(diffSummary(diffGraphs(before, after))).toBe('1 added, 0 removed, 1 changed, settings changed');
});
