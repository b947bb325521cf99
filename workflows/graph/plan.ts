// The compiled plan: what a published version runs. Immutable and content-hashed;
// every run is pinned to one plan.
import type { z } from 'zod';
import type { ZRetryPolicy } from './schema';

export type TRetryPolicy = z.infer<typeof ZRetryPolicy>;

export interface PlanNode {
  id: string;
  type: string;
  typeVersion: number;
  label?: string;
  /** Config parsed by the node's schema, defaults filled in. */
  config: unknown;
  retry?: TRetryPolicy;
  timeoutMs?: number;
  /** port -> target node id */
  next: Record<string, string>;
}

export interface Plan {
  formatVersion: 1;
  hash: string;
  triggerNodeId: string;
  nodes: Record<string, PlanNode>;
  /** Events that end the run wherever it waits; absent on plans compiled before exit conditions existed. */
  exitOn?: string[];
}

/** One validation problem, located for the builder: node or edge, and a JSON pointer into the graph. */
export interface GraphIssue {
  code: string;
  message: string;
  path: string;
  nodeId?: string;
  edgeId?: string;
}
