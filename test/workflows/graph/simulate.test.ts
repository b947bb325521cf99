// The dry run over nodes with many kinds of side effects: what it shows, and
// when, for an event script and for silence.
import { compileGraph } from '../../../workflows/graph/compile';
import { matchesKeywords, simulate } from '../../../workflows/graph/simulate';
import type { Plan } from '../../../workflows/graph/plan';
import type { TGraph } from '../../../workflows/graph/schema';

const graph: TGraph = {
  nodes: [
    { id: 'start', type: 'trigger.manual', typeVersion: 1, config: {} },
    { id: 'text', type: 'message.send_sms', typeVersion: 1, config: { body: 'Hi {{candidate.firstName}}, a recruiter will call you.' } },
    { id: 'tag', type: 'action.tag', typeVersion: 1, config: { add: ['contacted'], remove: [] } },
    { id: 'listen', type: 'events.wait_for_any', typeVersion: 1, config: { events: [{ name: 'candidate.replied', port: 'replied' }], timeout: { days: 2 } } },
    { id: 'note', type: 'message.internal_note', typeVersion: 1, config: { body: '{{candidate.fullName}} replied' } },
    { id: 'end', type: 'action.end', typeVersion: 1, config: {} },
  ],
  edges: [
    { source: 'start', sourcePort: 'out', target: 'text' },
    { source: 'text', sourcePort: 'out', target: 'tag' },
    { source: 'tag', sourcePort: 'out', target: 'listen' },
    { source: 'listen', sourcePort: 'replied', target: 'note' },
    { source: 'listen', sourcePort: 'timeout', target: 'end' },
    { source: 'note', sourcePort: 'out', target: 'end' },
  ],
};

const compiled = compileGraph(graph);
if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
const plan: Plan = compiled.plan;
const context = { candidate: { firstName: 'Noor', lastName: 'Haddad', fullName: 'Noor Haddad', phone: '+15550100', email: null }, org: { name: 'Acme' } };
const startAt = Date.parse('2026-06-01T08:00:00Z');

test('a reply on day 1 is noted, with every step dated', () => {
  const result = simulate({ plan, context, startAt, script: [{ at: { days: 1 }, name: 'candidate.replied', payload: {} }] });
  expect(result.outcome).toBe('completed');
  expect(result.timeline.map((e) => e.kind)).toEqual(['sms', 'action', 'wait', 'event', 'note', 'end']);
  expect(result.timeline[0]).toMatchObject({ kind: 'sms', to: '+15550100', body: 'Hi Noor, a recruiter will call you.' });
  expect(result.timeline[2]).toMatchObject({ kind: 'wait', until: '2026-06-03T08:00:00.000Z', for: ['candidate.replied'] });
  expect(result.timeline[4]).toMatchObject({ kind: 'note', body: 'Noor Haddad replied', at: '2026-06-02T08:00:00.000Z' });
  expect(result.steps.map((s) => `${s.nodeId}:${s.port ?? ''}`)).toEqual(['start:out', 'text:out', 'tag:out', 'listen:replied', 'note:out', 'end:']);
});

test('silence: the wait times out two days later', () => {
  const result = simulate({ plan, context, startAt, script: [] });
  expect(result.timeline.map((e) => e.kind)).toEqual(['sms', 'action', 'wait', 'timeout', 'end']);
  expect(result.timeline[3]).toMatchObject({ at: '2026-06-03T08:00:00.000Z' });
});

test('a reply after the deadline does not count', () => {
  const result = simulate({ plan, context, startAt, script: [{ at: { days: 3 }, name: 'candidate.replied', payload: {} }] });
  expect(result.steps.map((s) => s.port)).toContain('timeout');
});

test('an exit event in the script ends the run at the wait, as the workflow does', () => {
  const exiting = compileGraph({ ...graph, settings: { exitOn: ['candidate.unsubscribed'] } });
  if (!exiting.ok) throw new Error(JSON.stringify(exiting.issues));
  const result = simulate({ plan: exiting.plan, context, startAt, script: [{ at: { hours: 5 }, name: 'candidate.unsubscribed', payload: {} }] });
  expect(result.outcome).toBe('exited');
  expect(result.parkedAt).toBe('listen');
  expect(result.timeline.map((e) => e.kind)).toEqual(['sms', 'action', 'wait', 'event']);
  expect(result.timeline[3]).toMatchObject({ kind: 'event', name: 'candidate.unsubscribed', at: '2026-06-01T13:00:00.000Z' });
  expect(result.steps.at(-1)).toMatchObject({ nodeId: 'listen', port: 'exit:candidate.unsubscribed' });
  // Without the exit condition the same event is not one the wait listens for: the wait times out.
  const ignored = simulate({ plan, context, startAt, script: [{ at: { hours: 5 }, name: 'candidate.unsubscribed', payload: {} }] });
  expect(ignored.outcome).toBe('completed');
  expect(ignored.timeline.map((e) => e.kind)).toContain('timeout');
});

describe('screening by criteria in a dry run', () => {
  const screening: TGraph = {
    nodes: [
      { id: 'start', type: 'trigger.manual', typeVersion: 1, config: {} },
      {
        id: 'score', type: 'logic.score_criteria', typeVersion: 1,
        config: {
          criteria: [
            { kind: 'skills', label: 'Rust', points: 40, skills: ['rust'] },
            { kind: 'min_years', label: '5+ years', points: 30, years: 5 },
            { kind: 'keywords', label: 'Kubernetes, not PHP', points: 30, q: 'kubernetes -php' },
          ],
          passScore: 70,
        },
      },
      { id: 'passed', type: 'message.internal_note', typeVersion: 1, config: { body: 'passed' } },
      { id: 'failed', type: 'message.internal_note', typeVersion: 1, config: { body: 'failed' } },
      { id: 'end', type: 'action.end', typeVersion: 1, config: {} },
    ],
    edges: [
      { source: 'passed', sourcePort: 'out', target: 'end' },
      { source: 'failed', sourcePort: 'out', target: 'end' },
      { source: 'start', sourcePort: 'out', target: 'score' },
      { source: 'score', sourcePort: 'pass', target: 'passed' },
      { source: 'score', sourcePort: 'fail', target: 'failed' },
    ],
  };
  const compiledScreening = compileGraph(screening);
  if (!compiledScreening.ok) throw new Error(JSON.stringify(compiledScreening.issues));
  const profile = { skills: ['rust'], yearsExperience: 3, countryCode: 'DE', tags: [], knockoutFailures: [], text: 'Built Kubernetes operators in Rust' };
  const notes = (r: ReturnType<typeof simulate>) => r.timeline.flatMap((e) => (e.kind === 'note' ? [e.body] : []));

  test('scores the profile with the real rule and follows pass or fail', () => {
    const passing = simulate({ plan: compiledScreening.plan, context, startAt, profile });
    expect(passing.timeline.find((e) => e.kind === 'action')).toMatchObject({ activity: 'scoreApplication', detail: { score: 70, isPassed: true } });
    expect(notes(passing)).toEqual(['passed']);
    const failing = simulate({ plan: compiledScreening.plan, context, startAt, profile: { ...profile, text: 'Kubernetes and PHP' } });
    expect(failing.timeline.find((e) => e.kind === 'action')).toMatchObject({ detail: { score: 40, isPassed: false } });
    expect(notes(failing)).toEqual(['failed']);
  });

  test('without a profile nothing is met', () => {
    expect(notes(simulate({ plan: compiledScreening.plan, context, startAt }))).toEqual(['failed']);
  });
});

describe('matchesKeywords', () => {
  test.each([
    ['kubernetes', 'Built Kubernetes operators', true],
    ['kube', 'Built Kubernetes operators', false],
    ['"kubernetes operators"', 'Built Kubernetes operators', true],
    ['"operators kubernetes"', 'Built Kubernetes operators', false],
    ['rust -php', 'Rust and PHP', false],
    ['go or rust', 'Rust only', true],
    ['-php', 'Rust only', true],
    ['', 'anything', false],
  ])('%s in "%s": %s', (q, text, expected) => {
    expect(matchesKeywords(q, text)).toBe(expected);
  });
});
