// Drives one node definition by hand: a context with its config parsed the way
// publish parses it (defaults applied), and the events the interpreter feeds back.
import type { NodeContext, NodeDefinition, NodeEffect, NodeEvent } from '../../../workflows/graph/node-definition';
import { RUN } from '../graph/graph-builders';

/** Monday 2 June 2025, 10:00 UTC. */
export const NOW = Date.UTC(2025, 5, 2, 10, 0, 0);

export function contextFor<C>(def: NodeDefinition<C>, config: unknown, over: Partial<NodeContext<C>> = {}): NodeContext<C> {
  return { nodeId: 'n1', config: def.config.parse(config), run: RUN, vars: {}, visit: 1, idempotencyKey: 'wf-1/n1/1', memo: undefined, now: NOW, ...over, visits: over.visits ?? { n1: 1 } };
}

export const completed = (result: unknown): NodeEvent => ({ type: 'activity.completed', result });
export const signal = (name: string, payload: Record<string, unknown>): NodeEvent => ({ type: 'signal', name, payload });
export const timeout: NodeEvent = { type: 'timeout' };

/** Carries the memo of an effect into the next context, as the interpreter does. */
export function after<C>(ctx: NodeContext<C>, effect: NodeEffect, over: Partial<NodeContext<C>> = {}): NodeContext<C> {
  const memo = effect.kind === 'activity' || effect.kind === 'wait' ? effect.memo ?? ctx.memo : ctx.memo;
  return { ...ctx, memo, ...over };
}

/** Paths of the config issues (e.g. ["endHour"]), empty when the config is valid. */
export function configIssues(def: NodeDefinition<any>, config: unknown): string[] {
  const parsed = def.config.safeParse(config);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.') || '(root)');
}
