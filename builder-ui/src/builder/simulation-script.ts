// Event scripts for the simulation panel: for each node where a run waits for
// people or the outside world, the events a recruiter would script to move it
// on (feedback with a score, approvals, a task done, an interview booked...),
// with the signal names and payload fields each node's `resume` reads; and the
// path a simulated run took, for highlighting on the canvas. Pure.
import { FEEDBACK_SUBMITTED } from '../../../workflows/graph/nodes/people-collect-feedback';
import { APPROVAL_DECIDED } from '../../../workflows/graph/nodes/people-approval';
import { TASK_COMPLETED } from '../../../workflows/graph/nodes/people-create-task';
import { INTERVIEW_DECLINED, INTERVIEW_SCHEDULED } from '../../../workflows/graph/nodes/scheduling-schedule-interview';
import { findNodeDefinition } from '../../../workflows/graph/registry';
import { durationToMs, edgeId, type TDuration, type TGraph, type TGraphNode } from '../../../workflows/graph/schema';
import type { SimulationResult, TSimulationEvent } from '../../../workflows/graph/simulate';
import { branchesAfter, witnessesPerPort } from './simulation-branch-payloads';

export interface SimulationPreset {
  /** Stable across renders: `<nodeId>/<variant>`. */
  id: string;
  nodeId: string;
  label: string;
  events: TSimulationEvent[];
}

export interface SimulationPath {
  nodeIds: string[];
  edgeIds: string[];
}

const DAY = 86_400_000;

/** One way a wait can end: the events and where they lead. */
interface Variant {
  key: string;
  label: string;
  events: { name: string; payload: Record<string, unknown> }[];
}

/** Run variables a wait's event data becomes, per node type (see each node's resume). */
interface WaitShape {
  /** The variable later nodes read, e.g. feedback, task, lastEvent. */
  namespace: string;
  /** The port the event data leaves by. */
  port: string;
  defaults: Record<string, unknown>;
  toVars(fields: Record<string, unknown>): Record<string, unknown>;
  toEvents(fields: Record<string, unknown>): Variant['events'];
  describe(fields: Record<string, unknown>): string;
}

export function simulationPresets(graph: TGraph, opts: { startAt?: number } = {}): SimulationPreset[] {
  const startAt = opts.startAt ?? Date.now();
  const arrivals = estimateArrivals(graph);
  const presets: SimulationPreset[] = [];
  for (const node of graph.nodes) {
    const config = parsedConfig(node);
    if (!config) continue;
    const respondMs = responseDelayMs(node, config);
    const atMs = (arrivals.get(node.id) ?? 0) + respondMs;
    const name = node.label || node.id;
    for (const variant of variantsOf(graph, node, config, startAt + atMs)) {
      presets.push({
        id: `${node.id}/${variant.key}`, nodeId: node.id, label: `${name}: ${variant.label}`,
        events: variant.events.map((e) => ({ at: msToDuration(atMs), name: e.name, payload: e.payload })),
      });
    }
  }
  return presets;
}

function variantsOf(graph: TGraph, node: TGraphNode, config: Record<string, any>, eventAt: number): Variant[] {
  switch (`${node.type}@${node.typeVersion}`) {
    case 'people.collect_feedback@1':
      return branchAware(graph, node, {
        namespace: 'feedback', port: 'submitted', defaults: { score: 4, recommendation: 'yes', notes: 'Simulated scorecard' },
        toVars: (f) => ({ feedback: f }),
        toEvents: (f) => [{ name: FEEDBACK_SUBMITTED, payload: f }],
        describe: (f) => `feedback, score ${String(f.score ?? '—')}`,
      });
    case 'people.collect_feedback@2': {
      // In a dry run each scorecard counts once: the quorum needs that many events.
      const quorum: number = config.quorum ?? config.interviewerUserIds.length;
      return branchAware(graph, node, {
        namespace: 'feedback', port: 'submitted', defaults: { score: 4, recommendation: 'yes' },
        toVars: (f) => ({ feedback: { score: f.score, scores: Array(quorum).fill(f.score), count: quorum, recommendation: f.recommendation } }),
        toEvents: (f) => Array.from({ length: quorum }, () => ({ name: FEEDBACK_SUBMITTED, payload: f })),
        describe: (f) => `${quorum} scorecard${quorum === 1 ? '' : 's'}, score ${String(f.score ?? '—')}`,
      });
    }
    case 'people.approval@1': {
      const approvers: number = config.approverUserIds.length;
      const required: number = config.required;
      const decisions = (approved: boolean, n: number) => Array.from({ length: n }, () => ({ name: APPROVAL_DECIDED, payload: { approved } }));
      return [
        { key: 'approved', label: `${required} approval${required === 1 ? '' : 's'} → approved`, events: decisions(true, required) },
        // Rejected as soon as the required approvals can no longer come.
        { key: 'rejected', label: `${approvers - required + 1} rejection${approvers - required + 1 === 1 ? '' : 's'} → rejected`, events: decisions(false, approvers - required + 1) },
      ];
    }
    case 'people.create_task@1':
    case 'people.create_task@2':
      return branchAware(graph, node, {
        namespace: 'task', port: 'completed', defaults: {},
        toVars: (f) => ({ task: f }),
        toEvents: (f) => [{ name: TASK_COMPLETED, payload: { outcome: f } }],
        describe: (f) => (Object.keys(f).length ? `task done (${summarize(f)})` : 'task done'),
      });
    case 'scheduling.schedule_interview@1':
      return [
        // A few days after the booking, so "wait until interview.startsAt" nodes have a future date.
        { key: 'scheduled', label: 'interview booked → scheduled', events: [{ name: INTERVIEW_SCHEDULED, payload: { startsAt: new Date(eventAt + 3 * DAY).toISOString() } }] },
        { key: 'declined', label: 'candidate declines → declined', events: [{ name: INTERVIEW_DECLINED, payload: { reason: 'Not available' } }] },
      ];
    case 'events.wait_for_any@1':
      return (config.events as { name: string; port: string }[]).flatMap((route) =>
        branchAware(graph, node, {
          namespace: 'lastEvent', port: route.port, defaults: sampleEventPayload(route.name, eventAt),
          toVars: (f) => ({ lastEvent: f }),
          toEvents: (f) => [{ name: route.name, payload: f }],
          describe: () => `${route.name} → ${route.port}`,
        }).map((v) => ({ ...v, key: `${route.name}/${v.key}` })),
      );
    default:
      return [];
  }
}

/** One variant per port of the branches right after the wait, or one plain variant when nothing branches on the data. */
function branchAware(graph: TGraph, node: TGraphNode, shape: WaitShape): Variant[] {
  const variants: Variant[] = [];
  for (const branch of branchesAfter(graph, node.id, shape.port)) {
    for (const w of witnessesPerPort(branch.config, shape.namespace, shape.defaults, shape.toVars)) {
      variants.push({ key: `${branch.node.id}:${w.port}`, label: `${shape.describe(w.fields)} → ${branch.node.label || branch.node.id}: ${w.port}`, events: shape.toEvents(w.fields) });
    }
  }
  if (variants.length) return variants;
  return [{ key: shape.port, label: shape.describe(shape.defaults), events: shape.toEvents(shape.defaults) }];
}

/** What each event a run can wait for carries (the API's public run events). */
function sampleEventPayload(name: string, eventAt: number): Record<string, unknown> {
  switch (name) {
    case 'candidate.replied': return { body: 'Thanks, that works for me.' };
    case 'feedback.submitted': return { score: 4, recommendation: 'yes' };
    case 'interview.scheduled': return { startsAt: new Date(eventAt + 3 * DAY).toISOString() };
    case 'form.submitted': return { form: 'sample-form' };
    case 'stage.changed': return { stage: 'interview' };
    default: return {};
  }
}

function summarize(fields: Record<string, unknown>): string {
  return Object.entries(fields).map(([k, v]) => `${k} ${JSON.stringify(v)}`).join(', ');
}

function parsedConfig(node: TGraphNode): Record<string, any> | null {
  const def = findNodeDefinition(node.type, node.typeVersion);
  if (!def?.isDurableWait) return null;
  const parsed = def.config.safeParse(node.config ?? {});
  return parsed.success ? (parsed.data as Record<string, any>) : null;
}

/** How long the wait may last before it times out, if it can. */
function waitLimitMs(node: TGraphNode, c: Record<string, any>): number | undefined {
  if (node.type === 'people.create_task') {
    // Counted from the due date: v1 leaves by "overdue" escalateAfter past it, v2 giveUpAfter past it.
    const after: TDuration | undefined = node.typeVersion === 1 ? c.escalateAfter : c.giveUpAfter;
    return c.dueIn && after ? durationToMs(c.dueIn) + durationToMs(after) : undefined;
  }
  return c.timeout ? durationToMs(c.timeout) : undefined;
}

/** When the scripted answer comes after the run starts waiting: a day, or half the time allowed when that is shorter. */
function responseDelayMs(node: TGraphNode, c: Record<string, any>): number {
  if (node.type === 'time.wait') return durationToMs(c.duration);
  if (node.type.startsWith('time.')) return 0;
  const limit = waitLimitMs(node, c);
  return limit === undefined ? DAY : Math.max(1000, Math.min(DAY, Math.floor(limit / 2000) * 1000));
}

/**
 * Earliest time after the start each node is reached, counting fixed waits and
 * the scripted answers before it (shortest path). Events scripted for then
 * arrive before their node's timeout on that path; on a longer path they are
 * already there when the run arrives, so they are taken at once.
 */
function estimateArrivals(graph: TGraph): Map<string, number> {
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const trigger = graph.nodes.find((n) => findNodeDefinition(n.type, n.typeVersion)?.isTrigger);
  const arrival = new Map<string, number>();
  if (!trigger) return arrival;
  const delay = (node: TGraphNode) => {
    const c = parsedConfig(node);
    return c ? responseDelayMs(node, c) : 0;
  };
  arrival.set(trigger.id, 0);
  const done = new Set<string>();
  for (;;) {
    let current: string | undefined;
    for (const [id, at] of arrival) if (!done.has(id) && (current === undefined || at < arrival.get(current)!)) current = id;
    if (current === undefined) return arrival;
    done.add(current);
    const leaveAt = arrival.get(current)! + delay(nodes.get(current)!);
    for (const e of graph.edges) {
      if (e.source !== current || !nodes.has(e.target)) continue;
      if (leaveAt < (arrival.get(e.target) ?? Infinity)) arrival.set(e.target, leaveAt);
    }
  }
}

export function msToDuration(ms: number): TDuration {
  const total = Math.max(1, Math.round(ms / 1000));
  const parts: TDuration = { days: Math.floor(total / 86_400), hours: Math.floor(total / 3600) % 24, minutes: Math.floor(total / 60) % 60, seconds: total % 60 };
  return Object.fromEntries(Object.entries(parts).filter(([, v]) => v > 0)) as TDuration;
}

/** The nodes a simulated run went through (and where it is parked), and the edges it took, in order. */
export function simulationPath(result: Pick<SimulationResult, 'steps' | 'parkedAt'>, graph: TGraph): SimulationPath {
  const known = new Set(graph.nodes.map((n) => n.id));
  const nodeIds: string[] = [];
  const edgeIds: string[] = [];
  const addNode = (id: string | null | undefined) => {
    if (id && known.has(id) && !nodeIds.includes(id)) nodeIds.push(id);
  };
  for (const step of result.steps) {
    addNode(step.nodeId);
    if (!step.port) continue;
    // The canvas may have changed since the run: an edge no longer there is not highlighted.
    const edge = graph.edges.find((e) => e.source === step.nodeId && e.sourcePort === step.port);
    if (edge && !edgeIds.includes(edgeId(edge))) edgeIds.push(edgeId(edge));
  }
  addNode(result.parkedAt);
  return { nodeIds, edgeIds };
}
