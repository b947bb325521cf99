// Which connections the canvas accepts while the user drags one: the structural rules of the
// validator (ports exist, a port leads to one node, nothing enters the trigger), plus typed ports:
// the data a port carries must include what the target node reads (its templates' variables and
// condition fields). Refused connections say why, so the canvas can tell the user.
import type { TGraph } from '../../../workflows/graph/schema';
import { findNodeDefinition } from '../../../workflows/graph/registry';
import { isVariableAvailable, templateVariables } from '../../../workflows/graph/template-variables';
import { availableVariablesByNode } from '../../../workflows/graph/validate';

export type ProposedConnection = { source: string; sourcePort: string | null | undefined; target: string };

function definitionOf(graph: TGraph, nodeId: string) {
  const node = graph.nodes.find((candidate) => candidate.id === nodeId);
  return node ? { node, def: findNodeDefinition(node.type, node.typeVersion) } : undefined;
}

/** Variables and fields the node reads from the run: what every path into it must carry. */
export function requiredVariables(graph: TGraph, nodeId: string): string[] {
  const found = definitionOf(graph, nodeId);
  if (!found?.def) return [];
  const config = found.def.config.safeParse(found.node.config ?? {});
  if (!config.success) return [];
  const required = new Set<string>(found.def.reads?.(config.data) ?? []);
  for (const field of found.def.templateFields ?? []) {
    const text = (config.data as Record<string, unknown>)[field];
    if (typeof text !== 'string') continue;
    try {
      for (const variable of templateVariables(text)) required.add(variable);
    } catch {
      // A template with a syntax error is the validator's business, not the connection's.
    }
  }
  return [...required];
}

/** Null when the connection is fine, else the reason it is refused. */
export function connectionProblem(graph: TGraph, connection: ProposedConnection): string | null {
  const { source, sourcePort, target } = connection;
  if (!sourcePort) return 'connect from one of the ports at the bottom of a node';
  const from = definitionOf(graph, source);
  const to = definitionOf(graph, target);
  if (!from || !to) return 'both ends must be nodes';
  if (to.def?.isTrigger) return 'nothing may lead into the trigger: it is where a run starts';
  if (source === target && !from.def?.isDurableWait) return 'a node may lead back to itself only if it waits (a loop needs a durable wait)';
  const existing = graph.edges.find((edge) => edge.source === source && edge.sourcePort === sourcePort);
  if (existing) {
    return existing.target === target ? 'these nodes are already connected by this port' : `port "${sourcePort}" already leads to "${existing.target}": delete that connection first`;
  }

  // Typed ports: what the target reads must travel on this port (the data flow of the graph as it
  // would be with the new edge; a loop back to an earlier node narrows what that node can read).
  const withEdge: TGraph = { ...graph, edges: [...graph.edges, { source, sourcePort, target }] };
  const available = availableVariablesByNode(withEdge).get(source);
  if (!available) return null;
  const carried = new Set([...available, ...(from.def?.provides?.(sourcePort) ?? [])]);
  const missing = requiredVariables(graph, target).filter((variable) => !isVariableAvailable(variable, carried));
  if (missing.length > 0) {
    return `"${to.node.label ?? target}" reads ${missing.join(', ')}, which port "${sourcePort}" does not carry`;
  }
  return null;
}

