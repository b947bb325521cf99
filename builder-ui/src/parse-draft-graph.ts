// Reads the draft JSON typed into the editor. Only checks what the canvas needs to draw it;
// the API's graph validator stays the authority on everything else (ports, config, cycles).
import type { PipelineGraph } from './api-types';

export type DraftParseResult = { graph: PipelineGraph; error: null } | { graph: null; error: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function findShapeProblem(value: unknown): string | null {
  if (!isRecord(value)) return 'The draft must be a JSON object with "nodes" and "edges".';
  if (!Array.isArray(value.nodes)) return '"nodes" must be an array.';
  if (!Array.isArray(value.edges)) return '"edges" must be an array.';
  for (const [index, node] of value.nodes.entries()) {
    if (!isRecord(node) || typeof node.id !== 'string' || typeof node.type !== 'string') {
      return `nodes[${index}] needs a string "id" and "type".`;
    }
  }
  for (const [index, edge] of value.edges.entries()) {
    if (!isRecord(edge) || typeof edge.source !== 'string' || typeof edge.target !== 'string') {
      return `edges[${index}] needs a string "source" and "target".`;
    }
    if (typeof edge.sourcePort !== 'string') return `edges[${index}] needs a string "sourcePort".`;
  }
  if (value.layout !== undefined && !isRecord(value.layout)) return '"layout" must be an object keyed by node id.';
  return null;
}

export function parseDraftGraph(text: string): DraftParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (caught) {
    return { graph: null, error: `Invalid JSON: ${caught instanceof Error ? caught.message : String(caught)}` };
  }
  const problem = findShapeProblem(value);
  return problem ? { graph: null, error: problem } : { graph: value as PipelineGraph, error: null };
}

export function formatDraftGraph(graph: PipelineGraph): string {
  return JSON.stringify(graph, null, 2);
}
