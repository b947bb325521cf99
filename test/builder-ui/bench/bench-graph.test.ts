// The canvas benchmark's graph: valid for the server's validator at the issue's size and others,
// a real mix of node types and port counts, deterministic, and drawn at the same spots by both
// benchmark variants (the comparison is only fair if the peer gets the same graph).
import { generateBenchGraph, parseBenchParams } from '../../../builder-ui/src/bench/bench-graph';
import { PEER_VARIANT, TRELLIS_VARIANT } from '../../../builder-ui/src/bench/bench-variants';
import { validateGraph } from '../../../workflows/graph/validate';

describe('generateBenchGraph', () => {
  const graph = generateBenchGraph({ nodes: 500, edges: 600 });

  it('builds the issue-4 graph, 500 nodes and 600 edges, which the validator accepts', () => {
    expect(graph.nodes).toHaveLength(500);
    expect(graph.edges).toHaveLength(600);
    expect(validateGraph(graph).issues).toEqual([]);
  });

  it('mixes many node types and cards with one, two and three ports', () => {
    expect(new Set(graph.nodes.map((node) => node.type)).size).toBeGreaterThanOrEqual(15);
    const portCounts = new Map<string, number>();
    for (const edge of graph.edges) portCounts.set(edge.source, (portCounts.get(edge.source) ?? 0) + 1);
    expect(new Set(portCounts.values())).toEqual(new Set([1, 2, 3]));
  });

  it('gives every node its own saved position and is the same graph on every call', () => {
    const spots = new Set(graph.nodes.map((node) => `${graph.layout?.[node.id]?.x},${graph.layout?.[node.id]?.y}`));
    expect(spots.size).toBe(500);
    expect(generateBenchGraph({ nodes: 500, edges: 600 })).toEqual(graph);
  });

  it.each([
    [3, 2],
    [10, 9],
    [10, 17],
    [50, 60],
    [1000, 1200],
  ])('builds a valid graph of %i nodes and %i edges', (nodes, edges) => {
    const sized = generateBenchGraph({ nodes, edges });
    expect([sized.nodes.length, sized.edges.length]).toEqual([nodes, edges]);
    expect(validateGraph(sized).issues).toEqual([]);
  });

  it('refuses sizes no valid chain can have', () => {
    expect(() => generateBenchGraph({ nodes: 10, edges: 8 })).toThrow('between 9 and 17 edges');
    expect(() => generateBenchGraph({ nodes: 10, edges: 18 })).toThrow('between 9 and 17 edges');
    expect(() => generateBenchGraph({ nodes: 2, edges: 1 })).toThrow('at least 3 nodes');
  });
});

describe('bench variants', () => {
  const graph = generateBenchGraph({ nodes: 500, edges: 600 });

  it('place our cards and the default nodes at the same positions, joined by the same edges', () => {
    const [ours, peer] = [TRELLIS_VARIANT, PEER_VARIANT];
    const placed = (nodes: ReturnType<typeof ours.toNodes>) => nodes.map((node) => [node.id, node.position.x, node.position.y]);
    expect(placed(peer.toNodes(graph))).toEqual(placed(ours.toNodes(graph)));
    const joined = (edges: ReturnType<typeof ours.toEdges>) => edges.map((edge) => `${edge.source}->${edge.target}`).sort();
    expect(joined(peer.toEdges(graph))).toEqual(joined(ours.toEdges(graph)));
    expect(new Set(peer.toNodes(graph).map((node) => node.type))).toEqual(new Set(['default']));
  });

  it('attach each of our edges to the handle of its port', () => {
    const cards = new Map(TRELLIS_VARIANT.toNodes(graph).map((node) => [node.id, node.data as { ports: string[] }]));
    for (const edge of TRELLIS_VARIANT.toEdges(graph)) expect(cards.get(edge.source)?.ports).toContain(edge.sourceHandle);
  });
});

describe('parseBenchParams', () => {
  it('reads the variant and the size, defaulting to ours at 500 / 600', () => {
    expect(parseBenchParams('')).toEqual({ variant: 'trellis', nodes: 500, edges: 600 });
    expect(parseBenchParams('?variant=peer&nodes=50&edges=60')).toEqual({ variant: 'peer', nodes: 50, edges: 60 });
  });

  it('refuses what it cannot draw instead of falling back to a default', () => {
    expect(() => parseBenchParams('?variant=vue-flow')).toThrow('variant must be one of trellis, peer, editor');
    expect(() => parseBenchParams('?nodes=abc')).toThrow('nodes must be an integer');
    expect(() => parseBenchParams('?nodes=1500&edges=1600')).toThrow('at most 1000');
  });
});
