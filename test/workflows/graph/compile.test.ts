// compileGraph: a valid graph becomes a plan (ports folded into next maps,
// config defaults filled in) whose hash follows the content and only the content.
import { compileGraph } from '../../../workflows/graph/compile';
import { applicationReviewGraph } from '../../../workflows/graph/examples/application-review';
import type { Plan } from '../../../workflows/graph/plan';
import type { TGraph } from '../../../workflows/graph/schema';
import { edge, nodeOf, patchConfig } from './graph-builders';

function planOf(graph: unknown): Plan {
  const result = compileGraph(graph);
  if (!result.ok) throw new Error(`expected the graph to compile: ${JSON.stringify(result.issues)}`);
  return result.plan;
}

const hashOf = (graph: TGraph) => planOf(graph).hash;
const exampleHash = hashOf(applicationReviewGraph());

describe('compileGraph', () => {
  it('compiles the example with its trigger and a next map per port', () => {
    const plan = planOf(applicationReviewGraph());

    expect(plan.formatVersion).toBe(1);
    expect(plan.triggerNodeId).toBe('applied');
    expect(Object.keys(plan.nodes).sort()).toEqual(['acknowledge', 'applied', 'closed', 'decide', 'done', 'rejection_email', 'screen', 'to_interview', 'to_rejected']);
    expect(plan.nodes.screen!.next).toEqual({ submitted: 'decide', timeout: 'rejection_email' });
    expect(plan.nodes.decide!.next).toEqual({ advance: 'to_interview', decline: 'rejection_email' });
    expect(plan.nodes.done!.next).toEqual({});
    expect(plan.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('stores configs with their defaults applied', () => {
    const plan = planOf(applicationReviewGraph());

    expect(plan.nodes.acknowledge!.config).toMatchObject({ category: 'TRANSACTIONAL', fromName: 'Acme Talent Team' });
    expect(plan.nodes.applied!.config).toEqual({});
  });

  it('fills in defaults the graph left out', () => {
    const graph = applicationReviewGraph();
    nodeOf(graph, 'screen').config = { timeout: { hours: 2 } };

    expect(planOf(graph).nodes.screen!.config).toEqual({ title: 'Submit feedback', assignee: { role: 'RECRUITER' }, timeout: { hours: 2 } });
  });

  it('turns a node timeout into milliseconds and keeps its retry policy', () => {
    const graph = applicationReviewGraph();
    Object.assign(nodeOf(graph, 'acknowledge'), { timeout: { minutes: 2, seconds: 5 }, retry: { maximumAttempts: 3 } });

    expect(planOf(graph).nodes.acknowledge).toMatchObject({ timeoutMs: 125_000, retry: { maximumAttempts: 3 } });
  });

  it('gives ok:false with the validation issues for an invalid graph', () => {
    const result = compileGraph(applicationReviewGraph(), { stageKeys: ['interview'] });

    expect(result).toEqual({ ok: false, issues: [expect.objectContaining({ code: 'unknown_stage', nodeId: 'to_rejected' })] });
  });

  it('gives ok:false for a value that is not a graph', () => {
    expect(compileGraph(null)).toEqual({ ok: false, issues: [expect.objectContaining({ code: 'schema' })] });
  });

  describe('hash', () => {
    it('is the same for the same graph compiled twice', () => {
      expect(hashOf(applicationReviewGraph())).toBe(exampleHash);
    });

    it('ignores the layout', () => {
      const graph = applicationReviewGraph();
      graph.layout = { applied: { x: 10, y: 20 }, done: { x: 300, y: 40 } };

      expect(hashOf(graph)).toBe(exampleHash);
    });

    it('ignores the order of nodes and of edges, and edge ids', () => {
      const graph = applicationReviewGraph();
      graph.nodes.reverse();
      graph.edges = graph.edges.reverse().map((e, i) => ({ ...e, id: `e${i}` }));

      expect(hashOf(graph)).toBe(exampleHash);
    });

    it('treats a default spelled out like the default left out', () => {
      const graph = patchConfig(applicationReviewGraph(), 'acknowledge', { category: 'TRANSACTIONAL' });

      expect(hashOf(graph)).toBe(exampleHash);
    });

    it('changes when a config changes', () => {
      const changed = [
        patchConfig(applicationReviewGraph(), 'acknowledge', { subject: 'Thanks for applying to {{job.title}}' }),
        patchConfig(applicationReviewGraph(), 'acknowledge', { category: 'MARKETING' }),
        patchConfig(applicationReviewGraph(), 'to_interview', { stage: 'phone_screen' }),
        applicationReviewGraph({ feedbackTimeout: { days: 3 } }),
      ].map(hashOf);

      expect(changed).not.toContain(exampleHash);
      expect(new Set(changed).size).toBe(changed.length);
    });

    it('changes when an edge is rewired', () => {
      const graph = applicationReviewGraph();
      graph.edges = graph.edges.map((e) => (e.source === 'screen' && e.sourcePort === 'timeout' ? edge('screen', 'timeout', 'to_rejected') : e));

      expect(hashOf(graph)).not.toBe(exampleHash);
    });
  });
});
