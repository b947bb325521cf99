// The contract every node type implements. A node's semantics are pure: given
// its config and what happened, it says what to do next (follow a port, call an
// activity, wait for an event, or end). All I/O happens in the activity of the
// same name under activities/.
import type { z } from 'zod';
import type { TRetryPolicy } from './plan';

export type NodeCategory = 'trigger' | 'message' | 'time' | 'people' | 'logic' | 'action';

/** Activities the interpreter may call; implemented in activities/. */
export type ActivityName =
  | 'sendEmail' | 'sendSms' | 'addNote'
  | 'createTask' | 'cancelTask' | 'createApprovalTasks' | 'createInterviewRequest' | 'remindAssignees' | 'reassignTask'
  | 'moveToStage' | 'rejectApplication' | 'hireApplication'
  | 'updateTags' | 'addToPool' | 'updateCandidateField' | 'callWebhook' | 'scoreApplication';

export interface RunRef {
  runId: string;
  workflowId: string;
  orgId: string;
  candidateId: string;
  applicationId?: string;
  /** A campaign enrollment's run: its messages are the campaign's (sender, topic, contact policy, dashboard). */
  campaignId?: string;
}

export type NodeEvent =
  | { type: 'activity.completed'; result: unknown }
  | { type: 'signal'; name: string; payload: Record<string, unknown> }
  | { type: 'timeout' };

export type NodeEffect =
  | { kind: 'next'; port: string; vars?: Record<string, unknown> }
  | { kind: 'activity'; activity: ActivityName; input: Record<string, unknown>; memo?: unknown }
  | { kind: 'wait'; signals: string[]; match?: Record<string, string>; timeoutMs?: number; memo?: unknown }
  | { kind: 'end' };

export interface NodeContext<C> {
  nodeId: string;
  config: C;
  run: RunRef;
  vars: Readonly<Record<string, unknown>>;
  /** 1 on the first entry into this node, 2 on the second (loops)... */
  visit: number;
  /** Entries per node so far in this run (loop counters: conditions can read visits.<nodeId>). */
  visits: Readonly<Record<string, number>>;
  /** Stable across retries and replays: `${workflowId}/${nodeId}/${visit}`. */
  idempotencyKey: string;
  /** Node-local state carried from the previous effect of this visit. */
  memo: unknown;
  retry?: TRetryPolicy;
  /** Workflow time (deterministic inside Temporal), ms since the epoch. */
  now: number;
}

export interface NodeDefinition<C = unknown> {
  type: string;
  typeVersion: number;
  category: NodeCategory;
  label: string;
  /** One paragraph for the palette and docs/pipeline-language.md. */
  docs: string;
  config: z.ZodType<C>;
  /** Output ports for this config; a node with none ends the run. */
  ports(config: C): readonly string[];
  isTrigger?: boolean;
  /** Waits durably (human event or timer): allowed inside a loop. */
  isDurableWait?: boolean;
  /** Template fields in the config (checked at publish for syntax and variables). */
  templateFields?: readonly (keyof C & string)[];
  /** Variables this node makes available downstream of a port (checked against templates). */
  provides?(port: string): readonly string[];
  /** Run data this node reads (condition fields, date fields): each must be provided on every path into it. */
  reads?(config: C): readonly string[];
  start(ctx: NodeContext<C>): NodeEffect;
  resume?(ctx: NodeContext<C>, event: NodeEvent): NodeEffect;
}

export function defineNode<C>(def: NodeDefinition<C>): NodeDefinition<C> {
  return def;
}
