// Connections the canvas refuses while dragging, each with its reason; typed ports refuse a
// connection whose port does not carry what the target node reads.
import { connectionProblem } from '../../builder-ui/src/builder/connection-rules';
import { applicationReviewGraph } from '../../workflows/graph/examples/application-review';
import type { TGraph } from '../../workflows/graph/schema';

const graph = applicationReviewGraph();
const withoutEdge = (g: TGraph, source: string, port: string): TGraph => ({ ...g, edges: g.edges.filter((e) => !(e.source === source && e.sourcePort === port)) });

test('a free port may lead to a node that needs nothing the port lacks', () => {
  const g = withoutEdge(graph, 'screen', 'timeout');
  expect(connectionProblem(g, { source: 'screen', sourcePort: 'timeout', target: 'rejection_email' })).toBeNull();
});

test('structural refusals', () => {
  expect(connectionProblem(graph, { source: 'acknowledge', sourcePort: null, target: 'screen' })).toMatch(/ports/);
  expect(connectionProblem(graph, { source: 'done', sourcePort: 'out', target: 'applied' })).toMatch(/trigger/);
  expect(connectionProblem(graph, { source: 'acknowledge', sourcePort: 'out', target: 'to_interview' })).toMatch(/already leads to "screen"/);
  expect(connectionProblem(graph, { source: 'acknowledge', sourcePort: 'out', target: 'screen' })).toMatch(/already connected/);
  expect(connectionProblem(graph, { source: 'acknowledge', sourcePort: 'out', target: 'nowhere' })).toMatch(/nodes/);
  const g = withoutEdge(graph, 'acknowledge', 'out');
  expect(connectionProblem(g, { source: 'acknowledge', sourcePort: 'out', target: 'acknowledge' })).toMatch(/waits/);
});

test('typed ports: the branch reads feedback.score, which the timeout port does not carry', () => {
  const g = withoutEdge(graph, 'screen', 'timeout');
  const problem = connectionProblem(g, { source: 'screen', sourcePort: 'timeout', target: 'decide' });
  expect(problem).toMatch(/feedback\.score/);
  expect(problem).toMatch(/timeout/);
  // The submitted port carries the scorecard, so the same target is fine from there.
  const g2 = withoutEdge(graph, 'screen', 'submitted');
  expect(connectionProblem(g2, { source: 'screen', sourcePort: 'submitted', target: 'decide' })).toBeNull();
});
