// validateGraph: every rejected graph names the rule it broke (code), where
// (node / edge id) and the JSON pointer the builder highlights.
import { validateGraph } from '../../../workflows/graph/validate';
import { applicationReviewGraph } from '../../../workflows/graph/examples/application-review';
import type { TGraph } from '../../../workflows/graph/schema';
import { branch, collectFeedback, edge, end, linearGraph, moveToStage, node, patchConfig, sendEmail, trigger } from './graph-builders';

const issuesOf = (graph: unknown, stageKeys?: string[]) => validateGraph(graph, { stageKeys }).issues;
const withCode = (graph: unknown, code: string) => issuesOf(graph).filter((i) => i.code === code);

describe('validateGraph', () => {
  it('accepts the application review example with no issues', () => {
    const result = validateGraph(applicationReviewGraph(), { stageKeys: ['applied', 'interview', 'rejected'] });

    expect(result.issues).toEqual([]);
    expect(result.configs.get('acknowledge')).toMatchObject({ category: 'TRANSACTIONAL' });
  });

  describe('shape', () => {
    it('rejects a value that is not a graph object', () => {
      expect(issuesOf('not a graph')).toEqual([expect.objectContaining({ code: 'schema', path: '' })]);
    });

    it('rejects a graph without nodes', () => {
      expect(issuesOf({ edges: [] })).toEqual([expect.objectContaining({ code: 'schema', path: '/nodes' })]);
    });

    it('points at the malformed field of a node', () => {
      const graph = linearGraph();
      graph.nodes[1]!.id = 'has spaces';

      expect(issuesOf(graph)).toEqual([expect.objectContaining({ code: 'schema', path: '/nodes/1/id' })]);
    });
  });

  describe('triggers', () => {
    it('rejects a graph without a trigger', () => {
      expect(issuesOf({ nodes: [end()], edges: [] })).toEqual([{ code: 'trigger_count', message: expect.stringContaining('found 0'), path: '/nodes', nodeId: undefined }]);
    });

    it('rejects a second trigger, naming it', () => {
      const graph: TGraph = {
        nodes: [trigger('applied'), end('done'), trigger('applied_again'), end('done_again')],
        edges: [edge('applied', 'out', 'done'), edge('applied_again', 'out', 'done_again')],
      };

      expect(withCode(graph, 'trigger_count')).toEqual([expect.objectContaining({ path: '/nodes', nodeId: 'applied_again', message: expect.stringContaining('found 2') })]);
    });

    it('rejects an edge into the trigger', () => {
      const graph = linearGraph();
      graph.nodes.splice(1, 0, sendEmail('loop'));
      graph.edges = [edge('applied', 'out', 'loop'), edge('loop', 'out', 'applied')];

      expect(withCode(graph, 'edge_into_trigger')).toEqual([expect.objectContaining({ path: '/edges/1/target', edgeId: 'loop:out->applied' })]);
    });
  });

  describe('nodes', () => {
    it('rejects a duplicate node id at its second use', () => {
      const graph = linearGraph(sendEmail('acknowledge'));
      graph.nodes.push(sendEmail('acknowledge'));

      expect(issuesOf(graph)).toEqual([expect.objectContaining({ code: 'duplicate_node_id', path: '/nodes/3/id', nodeId: 'acknowledge' })]);
    });

    it('rejects an unknown node type', () => {
      const graph = linearGraph(node('fax', 'message.send_fax'));

      expect(issuesOf(graph)).toEqual([
        { code: 'unknown_node_type', message: 'unknown node type "message.send_fax"', path: '/nodes/1/type', nodeId: 'fax' },
      ]);
    });

    it('rejects an unknown typeVersion of a known type, naming the latest', () => {
      const graph = linearGraph(sendEmail('acknowledge'));
      graph.nodes[1]!.typeVersion = 7;

      expect(issuesOf(graph)).toEqual([
        { code: 'unknown_node_type', message: expect.stringContaining('latest is 1'), path: '/nodes/1/typeVersion', nodeId: 'acknowledge' },
      ]);
    });

    it('rejects a send_email without a subject at the subject field', () => {
      const graph = linearGraph(sendEmail('acknowledge', { subject: undefined }));

      expect(issuesOf(graph)).toEqual([expect.objectContaining({ code: 'invalid_config', path: '/nodes/1/config/subject', nodeId: 'acknowledge' })]);
    });

    it('rejects a branch that uses one port for two rules', () => {
      const rule = { port: 'advance', when: [{ field: 'feedback.score', op: 'gte' as const, value: 3 }] };
      const graph: TGraph = {
        nodes: [trigger(), branch('decide', [rule, rule]), end()],
        edges: [edge('applied', 'out', 'decide'), edge('decide', 'advance', 'done')],
      };

      expect(issuesOf(graph)).toEqual([
        { code: 'invalid_config', message: 'port "advance" is used twice', path: '/nodes/1/config/rules/1/port', nodeId: 'decide' },
      ]);
    });
  });

  describe('edges and ports', () => {
    it('rejects an edge to a missing node', () => {
      const graph = linearGraph(sendEmail('acknowledge'));
      graph.edges[1] = edge('acknowledge', 'out', 'ghost');

      expect(withCode(graph, 'unknown_node')).toEqual([
        expect.objectContaining({ path: '/edges/1/target', edgeId: 'acknowledge:out->ghost', message: expect.stringContaining('"ghost"') }),
      ]);
    });

    it('rejects an edge from a missing node', () => {
      const graph = linearGraph();
      graph.edges.push({ id: 'stray', source: 'ghost', sourcePort: 'out', target: 'done' });

      expect(issuesOf(graph)).toEqual([expect.objectContaining({ code: 'unknown_node', path: '/edges/1/source', edgeId: 'stray' })]);
    });

    it('rejects an edge from a port the node does not have, listing its ports', () => {
      const graph: TGraph = {
        nodes: [trigger(), collectFeedback('screen'), end('done'), end('closed')],
        edges: [edge('applied', 'out', 'screen'), edge('screen', 'submitted', 'done'), edge('screen', 'timeout', 'closed'), edge('screen', 'approved', 'done')],
      };

      expect(issuesOf(graph)).toEqual([
        {
          code: 'unknown_port',
          message: 'node "screen" has no port "approved": its ports are submitted, timeout',
          path: '/edges/3/sourcePort',
          edgeId: 'screen:approved->done',
          nodeId: 'screen',
        },
      ]);
    });

    it('rejects a port wired twice at the second edge', () => {
      const graph = linearGraph();
      graph.nodes.push(end('closed'));
      graph.edges.push(edge('applied', 'out', 'closed'));

      expect(withCode(graph, 'port_wired_twice')).toEqual([
        expect.objectContaining({ path: '/edges/1/sourcePort', edgeId: 'applied:out->closed', nodeId: 'applied' }),
      ]);
    });

    it('rejects a port that leads nowhere', () => {
      const graph: TGraph = {
        nodes: [trigger(), collectFeedback('screen'), end()],
        edges: [edge('applied', 'out', 'screen'), edge('screen', 'submitted', 'done')],
      };

      expect(issuesOf(graph)).toEqual([expect.objectContaining({ code: 'port_unwired', path: '/nodes/1', nodeId: 'screen', message: expect.stringContaining('"timeout"') })]);
    });

    it('rejects a node the trigger cannot reach', () => {
      const graph = linearGraph();
      graph.nodes.push(end('orphan'));

      expect(issuesOf(graph)).toEqual([expect.objectContaining({ code: 'unreachable', path: '/nodes/2', nodeId: 'orphan' })]);
    });
  });

  describe('loops', () => {
    it('rejects a loop without a durable wait', () => {
      const graph: TGraph = {
        nodes: [trigger(), sendEmail('nudge'), moveToStage('restage', 'screening')],
        edges: [edge('applied', 'out', 'nudge'), edge('nudge', 'out', 'restage'), edge('restage', 'out', 'nudge')],
      };

      expect(issuesOf(graph)).toEqual([
        { code: 'cycle_without_wait', message: 'loop through nudge, restage has no durable wait (add a wait or feedback step inside it)', path: '/edges', nodeId: 'nudge' },
      ]);
    });

    const feedbackLoop = (rules: Parameters<typeof branch>[1]): TGraph => ({
      nodes: [trigger(), collectFeedback('screen'), branch('decide', rules), end('done'), end('closed')],
      edges: [
        edge('applied', 'out', 'screen'),
        edge('screen', 'submitted', 'decide'),
        edge('screen', 'timeout', 'closed'),
        ...rules.map((r) => edge('decide', r.port, r.port === 'ask_again' ? 'screen' : 'done')),
        edge('decide', 'otherwise', 'done'),
      ],
    });

    it('accepts a loop through collect_feedback bounded by a visit counter', () => {
      const graph = feedbackLoop([
        { port: 'give_up', when: [{ field: 'visits.screen', op: 'gte', value: 3 }] },
        { port: 'ask_again', when: [{ field: 'feedback.score', op: 'lt', value: 2 }] },
      ]);
      expect(issuesOf(graph)).toEqual([]);
    });

    it('rejects a loop through a wait with no iteration bound', () => {
      const graph = feedbackLoop([{ port: 'ask_again', when: [{ field: 'feedback.score', op: 'lt', value: 2 }] }]);
      expect(issuesOf(graph)).toEqual([expect.objectContaining({ code: 'loop_without_bound', nodeId: 'screen', message: expect.stringContaining('visits.screen') })]);
    });

    it('rejects a wait-free loop that shares its nodes with a loop through a wait', () => {
      const graph: TGraph = {
        nodes: [
          trigger(),
          branch('gate', [{ port: 'ask', when: [{ field: 'feedback.score', op: 'exists' }] }], 'skip'),
          collectFeedback('screen'),
          branch('recheck', [{ port: 'back', when: [{ field: 'application.id', op: 'neq', value: 'none' }] }], 'finish'),
          end(),
        ],
        edges: [
          edge('applied', 'out', 'gate'),
          edge('gate', 'ask', 'screen'),
          edge('gate', 'skip', 'recheck'),
          edge('screen', 'submitted', 'recheck'),
          edge('screen', 'timeout', 'done'),
          edge('recheck', 'back', 'gate'),
          edge('recheck', 'finish', 'done'),
        ],
      };

      expect(withCode(graph, 'cycle_without_wait')).toHaveLength(1);
    });
  });

  describe('templates', () => {
    it('rejects a template with a syntax error at its field', () => {
      const graph = linearGraph(sendEmail('acknowledge', { subject: 'Hello {{#if candidate.phone}}unclosed' }));

      expect(issuesOf(graph)).toEqual([
        { code: 'template_syntax', message: expect.stringMatching(/^template error: /), path: '/nodes/1/config/subject', nodeId: 'acknowledge' },
      ]);
    });

    it('rejects a variable no run has', () => {
      const graph = linearGraph(sendEmail('acknowledge', { body: 'Hi {{candidate.firstName}}, what size are you? {{candidate.shoeSize}}' }));

      expect(issuesOf(graph)).toEqual([
        { code: 'unknown_variable', message: '{{candidate.shoeSize}} is not available on every path into this node', path: '/nodes/1/config/body', nodeId: 'acknowledge' },
      ]);
    });

    /** trigger -> screen; "submitted" -> thanks -> done; "timeout" -> thanks too, or to its own end. */
    const feedbackGraph = (isTimeoutToThanks: boolean): TGraph => ({
      nodes: [trigger(), collectFeedback('screen'), sendEmail('thanks', { body: 'You scored {{feedback.score}}' }), end('done'), ...(isTimeoutToThanks ? [] : [end('closed')])],
      edges: [
        edge('applied', 'out', 'screen'),
        edge('screen', 'submitted', 'thanks'),
        edge('screen', 'timeout', isTimeoutToThanks ? 'thanks' : 'closed'),
        edge('thanks', 'out', 'done'),
      ],
    });

    it('accepts {{feedback.score}} after the "submitted" port', () => {
      expect(issuesOf(feedbackGraph(false))).toEqual([]);
    });

    it('rejects {{feedback.score}} where the "timeout" port also leads', () => {
      expect(issuesOf(feedbackGraph(true))).toEqual([
        expect.objectContaining({ code: 'unknown_variable', path: '/nodes/2/config/body', nodeId: 'thanks' }),
      ]);
    });

    it('rejects {{feedback.score}} in the example rejection email, which a timeout also reaches', () => {
      const graph = patchConfig(applicationReviewGraph(), 'rejection_email', { body: 'Your score was {{feedback.score}}' });

      expect(issuesOf(graph)).toEqual([expect.objectContaining({ code: 'unknown_variable', path: '/nodes/5/config/body', nodeId: 'rejection_email' })]);
    });
  });

  describe('stages', () => {
    it('rejects a move to a stage the job does not have', () => {
      expect(issuesOf(applicationReviewGraph(), ['applied', 'interview'])).toEqual([
        expect.objectContaining({ code: 'unknown_stage', path: '/nodes/6/config/stage', nodeId: 'to_rejected', message: expect.stringContaining('"rejected"') }),
      ]);
    });

    it('accepts moves to stages the job has', () => {
      expect(issuesOf(applicationReviewGraph(), ['interview', 'rejected'])).toEqual([]);
    });
  });
});

describe('data flowing through ports', () => {
  it('rejects a branch reading feedback on a path where no feedback was collected', () => {
    const graph: TGraph = {
      nodes: [trigger(), collectFeedback('screen'), branch('decide', [{ port: 'advance', when: [{ field: 'feedback.score', op: 'gte', value: 3 }] }]), end('done')],
      edges: [edge('applied', 'out', 'screen'), edge('screen', 'submitted', 'decide'), edge('screen', 'timeout', 'decide'), edge('decide', 'advance', 'done'), edge('decide', 'otherwise', 'done')],
    };
    expect(issuesOf(graph)).toEqual([expect.objectContaining({ code: 'unknown_field', nodeId: 'decide', message: expect.stringContaining('feedback.score') })]);
  });

  it('accepts conditions on the run snapshot and on loop counters anywhere', () => {
    const graph: TGraph = {
      nodes: [trigger(), branch('decide', [{ port: 'referred', when: [{ field: 'candidate.source', op: 'eq', value: 'referral' }, { field: 'visits.decide', op: 'lt', value: 2 }] }]), end('done')],
      edges: [edge('applied', 'out', 'decide'), edge('decide', 'referred', 'done'), edge('decide', 'otherwise', 'done')],
    };
    expect(issuesOf(graph)).toEqual([]);
  });
});
