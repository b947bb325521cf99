// The graph the canvas benchmark draws: a deterministic, valid pipeline of any size (500 nodes /
// 600 edges in the goal) mixing the catalog's node types, laid out on a saved grid so our
// canvas and the peer place every node at the same spot. Pure: the bench page and its tests share it.
import type { TGraph, TGraphNode } from '../../../workflows/graph/schema';
import { findNodeDefinition } from '../../../workflows/graph/registry';

type Step = Pick<TGraphNode, 'type' | 'typeVersion' | 'config'>;

/** The mix of node types, each with a valid config; how many ports each has comes from the registry. */
const STEPS: readonly Step[] = [
  { type: 'message.send_email', typeVersion: 1, config: { subject: 'About {{job.title}}', body: 'Hi {{candidate.firstName}}, a quick update on {{job.title}}.' } },
  { type: 'action.tag', typeVersion: 1, config: { add: ['pipeline-bench'], remove: [] } },
  { type: 'message.internal_note', typeVersion: 1, config: { body: 'Checked {{candidate.fullName}}' } },
  { type: 'time.wait', typeVersion: 1, config: { duration: { days: 2 } } },
  { type: 'message.send_sms', typeVersion: 1, config: { body: 'Hi {{candidate.firstName}}, see your email.' } },
  { type: 'action.move_to_stage', typeVersion: 1, config: { stage: 'screen' } },
  { type: 'time.send_window', typeVersion: 1, config: { timeZone: 'UTC' } },
  { type: 'action.add_to_pool', typeVersion: 1, config: { poolName: 'Silver medalists' } },
  { type: 'people.create_task', typeVersion: 1, config: { title: 'Call the candidate' } },
  { type: 'action.update_field', typeVersion: 1, config: { field: 'profile.benchStep', value: 'seen' } },
  { type: 'action.webhook', typeVersion: 1, config: { url: 'https://hooks.example.com/trellis', secretName: 'bench-hook' } },
  { type: 'people.collect_feedback', typeVersion: 1, config: { title: 'Screen the application', timeout: { days: 5 } } },
  { type: 'logic.branch', typeVersion: 1, config: { rules: [{ port: 'referral', when: [{ field: 'candidate.source', op: 'eq', value: 'referral' }] }], otherwise: 'other' } },
  { type: 'logic.ab_split', typeVersion: 1, config: { variants: [{ port: 'a', weight: 1 }, { port: 'b', weight: 1 }] } },
  { type: 'events.wait_for_any', typeVersion: 1, config: { events: [{ name: 'candidate.replied', port: 'replied' }], timeout: { days: 3 } } },
  { type: 'people.approval', typeVersion: 1, config: { title: 'Approve the offer', approverUserIds: ['hiring-manager'] } },
  { type: 'people.create_task', typeVersion: 1, config: { title: 'Prepare the debrief', dueIn: { days: 1 }, escalateAfter: { days: 1 } } },
  { type: 'scheduling.schedule_interview', typeVersion: 1, config: { interviewerIds: ['interviewer-1'] } },
  { type: 'people.approval', typeVersion: 1, config: { title: 'Approve the hire', approverUserIds: ['hiring-manager'], timeout: { days: 2 } } },
];

function portsOf(step: Step): readonly string[] {
  const def = findNodeDefinition(step.type, step.typeVersion);
  if (!def) throw new Error(`bench step ${step.type}@${step.typeVersion} is not in the registry`);
  return def.ports(def.config.parse(step.config));
}

/** Steps by port count: index 0 holds the one-port steps, 1 the two-port ones, 2 the three-port ones. */
const STEPS_BY_EXTRA_PORTS = [1, 2, 3].map((portCount) => STEPS.map((step) => ({ step, ports: portsOf(step) })).filter((s) => s.ports.length === portCount));

// Wide enough for a three-port card (270 px) beside its zig-zagged neighbour; rows as tall as a card plus room for edges.
const COLUMN_WIDTH = 480;
const ZIGZAG_X = 160;
const ROW_HEIGHT = 140;

export type BenchGraphSize = { nodes: number; edges: number };

/**
 * A chain from the trigger to an End node (nodes − 1 edges); the remaining edges come from branch
 * ports spread evenly along it, each skipping ahead one or two steps, so the graph has no loop,
 * every port is wired exactly once, and the validator accepts it.
 */
export function generateBenchGraph({ nodes: nodeCount, edges: edgeCount }: BenchGraphSize): TGraph {
  const slots = nodeCount - 2;
  const extraPorts = edgeCount - (nodeCount - 1);
  if (!Number.isInteger(nodeCount) || nodeCount < 3) throw new Error('a bench graph needs at least 3 nodes');
  if (!Number.isInteger(edgeCount) || extraPorts < 0 || extraPorts > slots) {
    throw new Error(`a bench graph of ${nodeCount} nodes has between ${nodeCount - 1} and ${nodeCount - 1 + slots} edges`);
  }
  // Extra ports per slot, spread evenly (0 or 1 each); every fourth branching slot lends its port to
  // the next one so some cards carry three ports, with the total unchanged.
  const extras = Array.from({ length: slots }, (_, k) => Math.floor(((k + 1) * extraPorts) / slots) - Math.floor((k * extraPorts) / slots));
  for (let k = 0, branching = 0; k < slots; k++) {
    if (extras[k] !== 1) continue;
    const next = extras.indexOf(1, k + 1);
    if (branching++ % 4 === 1 && next > k) (extras[k] = 2), (extras[next] = 0);
  }

  const last = nodeCount - 1;
  const graphNodes: TGraph['nodes'] = [{ id: 'n0', type: 'trigger.application_received', typeVersion: 1, label: 'Application received', config: {} }];
  const graphEdges: TGraph['edges'] = [{ source: 'n0', sourcePort: 'out', target: 'n1' }];
  const counters = [0, 0, 0];
  extras.forEach((extra, k) => {
    const index = k + 1;
    const pool = STEPS_BY_EXTRA_PORTS[extra]!;
    const { step, ports } = pool[counters[extra]!++ % pool.length]!;
    graphNodes.push({ id: `n${index}`, ...step, label: `Step ${index}` });
    ports.forEach((port, j) => graphEdges.push({ source: `n${index}`, sourcePort: port, target: `n${Math.min(index + 1 + j, last)}` }));
  });
  graphNodes.push({ id: `n${last}`, type: 'action.end', typeVersion: 1, label: 'Done', config: {} });

  // Columns read top to bottom, left to right; alternate rows shift right so an edge that skips a
  // step does not run under the card it skips.
  const rows = Math.max(1, Math.round(Math.sqrt(nodeCount * 2)));
  const layout: NonNullable<TGraph['layout']> = {};
  graphNodes.forEach((node, i) => {
    const row = i % rows;
    layout[node.id] = { x: Math.floor(i / rows) * COLUMN_WIDTH + (row % 2) * ZIGZAG_X, y: row * ROW_HEIGHT };
  });
  return { nodes: graphNodes, edges: graphEdges, layout };
}

export type BenchVariantName = 'trellis' | 'peer' | 'editor';
export const BENCH_VARIANT_NAMES: readonly BenchVariantName[] = ['trellis', 'peer', 'editor'];
export type BenchParams = BenchGraphSize & { variant: BenchVariantName };

const MAX_NODES = 1000;

/** `?variant=trellis|peer|editor&nodes=500&edges=600`; anything else is refused rather than silently defaulted. */
export function parseBenchParams(search: string): BenchParams {
  const query = new URLSearchParams(search);
  const variant = query.get('variant') ?? 'trellis';
  if (!BENCH_VARIANT_NAMES.includes(variant as BenchVariantName)) throw new Error(`variant must be one of ${BENCH_VARIANT_NAMES.join(', ')}, not "${variant}"`);
  const count = (name: string, fallback: number) => {
    const raw = query.get(name);
    const value = raw === null ? fallback : Number(raw);
    if (!Number.isInteger(value) || value < 3 || value > 2 * MAX_NODES) throw new Error(`${name} must be an integer from 3 to ${2 * MAX_NODES}`);
    return value;
  };
  const nodes = count('nodes', 500);
  if (nodes > MAX_NODES) throw new Error(`nodes must be at most ${MAX_NODES} (the graph schema's limit)`);
  return { variant: variant as BenchVariantName, nodes, edges: count('edges', 600) };
}
