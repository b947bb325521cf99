// The live overlay's data as the builder reads it (GET /api/pipelines/:id/overlay and its cohort
// endpoints), and the pure decisions the cohort panel makes from it: counts per node, which
// versions a cohort can move to, and what a migration preview says about one node.

// The API's own response types (type-only: nothing of the server reaches the bundle).
import type { OverlayNode, ParkedRun } from '../../../api/services/pipeline-overlay';

export type { OverlayNode, ParkedRun };
export type OverlayVersionCount = OverlayNode['byVersion'][number];
export type RunOverlay = { total: number; nodes: OverlayNode[] };

export type ParkedRunsPage = { runs: ParkedRun[]; nextCursor: string | null };

export type MigrationVerdict = 'automatic' | 'needs_mapping' | 'blocked';
export type MigrationGroup = { nodeId: string; verdict: MigrationVerdict; target?: string; reason: string; count: number; runIds: string[] };
export type MigrationReport = {
  from: { id: string; version: number };
  to: { id: string; version: number };
  groups: MigrationGroup[];
  notAtSafePoint: string[];
};
export type MigrationResult = MigrationReport & { migrated: string[]; failed: { runId: string; reason: string }[] };
export type CohortExitResult = { requested: number; exited: string[] };

export type VersionOption = { id: string; version: number; status: string };

export function overlayByNode(overlay: RunOverlay | undefined): Map<string, OverlayNode> {
  return new Map((overlay?.nodes ?? []).map((node) => [node.nodeId, node]));
}

/** "v1: 2 · v3: 1": where the runs parked at a node stand, version by version. */
export function describeOverlayVersions(entry: OverlayNode | undefined): string {
  if (!entry || entry.total === 0) return '';
  return [...entry.byVersion].sort((a, b) => a.version - b.version).map((v) => `v${v.version}: ${v.count}`).join(' · ');
}

/** Runs of the cohort in one version, or in all of them when no version is chosen. */
export function cohortCount(node: OverlayNode, versionId: string | null): number {
  if (!versionId) return node.total;
  return node.byVersion.find((entry) => entry.versionId === versionId)?.count ?? 0;
}

/** A migration moves runs of one version: the chosen one, else the oldest version with runs here. */
export function migrationSource(node: OverlayNode, versionId: string | null): OverlayVersionCount | undefined {
  const sorted = [...node.byVersion].sort((a, b) => a.version - b.version);
  return sorted.find((entry) => entry.versionId === versionId) ?? sorted[0];
}

/** Published versions other than the source, newest first: where a cohort may move. */
export function migrationTargets(versions: readonly VersionOption[], fromVersionId: string | undefined): VersionOption[] {
  return versions.filter((v) => v.status === 'PUBLISHED' && v.id !== fromVersionId).sort((a, b) => b.version - a.version);
}

export type NodeMigrationVerdict = {
  verdict: MigrationVerdict | 'none_parked';
  reason: string;
  /** Runs that would move. */
  count: number;
  target?: string;
  /** Runs of the version whose workflows were not parked in a wait when asked (anywhere in the pipeline). */
  notAtSafePoint: number;
  canConfirm: boolean;
};

/** What the preview says about the runs parked at one node. */
export function verdictForNode(report: MigrationReport, nodeId: string): NodeMigrationVerdict {
  const group = report.groups.find((g) => g.nodeId === nodeId);
  const notAtSafePoint = report.notAtSafePoint.length;
  if (!group) {
    return { verdict: 'none_parked', reason: `no run of v${report.from.version} is parked in a wait at ${nodeId} right now`, count: 0, notAtSafePoint, canConfirm: false };
  }
  return { verdict: group.verdict, reason: group.reason, count: group.count, target: group.target, notAtSafePoint, canConfirm: group.verdict === 'automatic' && group.count > 0 };
}

export const VERDICT_LABELS: Record<NodeMigrationVerdict['verdict'], string> = {
  automatic: 'Automatic',
  needs_mapping: 'Needs mapping',
  blocked: 'Blocked',
  none_parked: 'Nothing to move',
};

export function parkedRunsPath(pipelineId: string, query: { nodeId: string; versionId: string | null; cursor?: string | null; limit?: number }): string {
  const params = new URLSearchParams({ nodeId: query.nodeId, limit: String(query.limit ?? 50) });
  if (query.versionId) params.set('versionId', query.versionId);
  if (query.cursor) params.set('cursor', query.cursor);
  return `/api/pipelines/${encodeURIComponent(pipelineId)}/overlay/runs?${params.toString()}`;
}
