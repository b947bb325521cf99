// The cohort panel's decisions: counts per node, where a cohort may move, and how a
// migration preview reads for one node.
import { cohortCount, describeOverlayVersions, migrationSource, migrationTargets, overlayByNode, parkedRunsPath, verdictForNode, type MigrationReport, type OverlayNode } from '../../builder-ui/src/builder/run-overlay';

const screen: OverlayNode = {
  nodeId: 'screen', total: 5,
  byVersion: [{ versionId: 'v2', version: 2, count: 3 }, { versionId: 'v1', version: 1, count: 2 }],
};

test('entries per node come from the overlay, and nothing is counted before it loads', () => {
  const byNode = overlayByNode({ total: 6, nodes: [screen, { nodeId: 'wait', total: 1, byVersion: [{ versionId: 'v1', version: 1, count: 1 }] }] });
  expect([...byNode].map(([nodeId, entry]) => [nodeId, entry.total])).toEqual([['screen', 5], ['wait', 1]]);
  expect(overlayByNode(undefined).size).toBe(0);
});

test('the card reads the parked runs version by version', () => {
  expect(describeOverlayVersions({ nodeId: 'screen', total: 3, byVersion: [{ versionId: 'b', version: 2, count: 1 }, { versionId: 'a', version: 1, count: 2 }] })).toBe('v1: 2 · v2: 1');
  expect(describeOverlayVersions(undefined)).toBe('');
});

test('a cohort is the whole node or one version of it', () => {
  expect(cohortCount(screen, null)).toBe(5);
  expect(cohortCount(screen, 'v1')).toBe(2);
  expect(cohortCount(screen, 'gone')).toBe(0);
});

test('a migration moves the chosen version, else the oldest one parked here', () => {
  expect(migrationSource(screen, 'v2')?.version).toBe(2);
  expect(migrationSource(screen, null)?.version).toBe(1);
  expect(migrationSource({ nodeId: 'x', total: 0, byVersion: [] }, null)).toBeUndefined();
});

test('targets are the other published versions, newest first; retired ones are not offered', () => {
  const versions = [
    { id: 'v1', version: 1, status: 'PUBLISHED' }, { id: 'v2', version: 2, status: 'RETIRED' },
    { id: 'v3', version: 3, status: 'PUBLISHED' }, { id: 'v4', version: 4, status: 'PUBLISHED' },
  ];
  expect(migrationTargets(versions, 'v1').map((v) => v.version)).toEqual([4, 3]);
  expect(migrationTargets(versions, 'v4').map((v) => v.version)).toEqual([3, 1]);
});

describe('the report for one node', () => {
  const report = (groups: MigrationReport['groups'], notAtSafePoint: string[] = []): MigrationReport => ({ from: { id: 'v1', version: 1 }, to: { id: 'v2', version: 2 }, groups, notAtSafePoint });

  test('automatic: confirmable, with the count of runs that move', () => {
    const other = { nodeId: 'other', verdict: 'blocked' as const, reason: 'gone', count: 9, runIds: [] };
    const verdict = verdictForNode(report([other, { nodeId: 'screen', verdict: 'automatic', target: 'screen', reason: 'same node in the new version', count: 2, runIds: ['a', 'b'] }], ['c']), 'screen');
    expect(verdict).toMatchObject({ verdict: 'automatic', count: 2, notAtSafePoint: 1, canConfirm: true });
  });

  test('needs mapping or blocked: shown with the reason, not confirmable', () => {
    expect(verdictForNode(report([{ nodeId: 'screen', verdict: 'needs_mapping', reason: 'the new version has no node screen', count: 2, runIds: [] }]), 'screen'))
      .toMatchObject({ verdict: 'needs_mapping', reason: 'the new version has no node screen', canConfirm: false });
    expect(verdictForNode(report([{ nodeId: 'screen', verdict: 'blocked', reason: 'type changed', count: 1, runIds: [] }]), 'screen').canConfirm).toBe(false);
  });

  test('no run of the version parked at the node: nothing to move', () => {
    expect(verdictForNode(report([]), 'screen')).toMatchObject({ verdict: 'none_parked', count: 0, canConfirm: false });
  });
});

test('the runs path carries the node, the version and the cursor', () => {
  const url = new URL(parkedRunsPath('p 1', { nodeId: 'screen', versionId: 'v1', cursor: 'abc', limit: 20 }), 'http://x');
  expect(url.pathname).toBe('/api/pipelines/p%201/overlay/runs');
  expect(Object.fromEntries(url.searchParams)).toEqual({ nodeId: 'screen', versionId: 'v1', cursor: 'abc', limit: '20' });
  expect(new URL(parkedRunsPath('p', { nodeId: 'n', versionId: null }), 'http://x').searchParams.has('versionId')).toBe(false);
});
