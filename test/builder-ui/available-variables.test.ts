// The variables the builder offers at each node come from the same data flow
// that validation uses: a variable counts only if every path into the node provides it.
import { availableVariablesByNode, validateGraph } from '../../workflows/graph/validate';
import type { TGraph } from '../../workflows/graph/schema';
import { collectFeedback, edge, end, sendEmail, trigger } from '../workflows/graph/graph-builders';

/** trigger -> screen; "submitted" -> thanks; "timeout" -> closing; both -> merge -> done. */
const mergeGraph = (): TGraph => ({
  nodes: [trigger(), collectFeedback('screen'), sendEmail('thanks'), sendEmail('closing'), sendEmail('merge'), end('done')],
  edges: [
    edge('applied', 'out', 'screen'),
    edge('screen', 'submitted', 'thanks'),
    edge('screen', 'timeout', 'closing'),
    edge('thanks', 'out', 'merge'),
    edge('closing', 'out', 'merge'),
    edge('merge', 'out', 'done'),
  ],
});

describe('availableVariablesByNode', () => {
  it('offers feedback on the branch that collected it, but not after that branch merges with one that did not', () => {
    const vars = availableVariablesByNode(mergeGraph());

    expect(vars.get('thanks')).toContain('feedback.score');
    expect(vars.get('closing')).not.toContain('feedback.score');
    expect(vars.get('merge')).not.toContain('feedback.score');
    expect(vars.get('merge')).toContain('candidate.firstName');
  });

  it('agrees with validation: a template using what the autocomplete offered at the merge passes, feedback there fails', () => {
    const graph = mergeGraph();
    const merge = graph.nodes.find((n) => n.id === 'merge')!;
    const offered = [...availableVariablesByNode(graph).get('merge')!];
    merge.config = { subject: 'Update', body: offered.map((v) => `{{${v}}}`).join(' ') };
    expect(validateGraph(graph).issues).toEqual([]);

    merge.config = { subject: 'Update', body: 'Score {{feedback.score}}' };
    expect(validateGraph(graph).issues.map((i) => i.code)).toEqual(['unknown_variable']);
  });

  it('does not offer a node its own outputs, and offers run data to nodes not connected yet', () => {
    const graph: TGraph = { nodes: [trigger(), collectFeedback('screen'), sendEmail('loose')], edges: [edge('applied', 'out', 'screen')] };
    const vars = availableVariablesByNode(graph);

    expect(vars.get('screen')).not.toContain('feedback.score');
    expect(vars.get('loose')).toContain('job.title');
    expect(vars.get('loose')).not.toContain('feedback.score');
  });

  it('still answers for a draft with no trigger or unknown node types', () => {
    const graph: TGraph = { nodes: [sendEmail('a'), { id: 'b', type: 'nope', typeVersion: 1, config: {} }], edges: [edge('a', 'out', 'b')] };
    const vars = availableVariablesByNode(graph);

    expect(vars.get('a')).toContain('candidate.email');
    expect(vars.get('b')).toContain('candidate.email');
  });
});
