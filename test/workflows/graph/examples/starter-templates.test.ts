// The starter templates validate with zero issues against the default job
// stages, and their dry runs reach a sensible end: the hiring pipeline hires,
// rejects or flags a stalled application; the nurtures send what they promise,
// when they promise it, and finish.
import { compileGraph } from '../../../../workflows/graph/compile';
import { simulate, type TSimulationEvent } from '../../../../workflows/graph/simulate';
import { validateGraph } from '../../../../workflows/graph/validate';
import { STARTER_TEMPLATES, findStarterTemplate, instantiateStarterTemplate } from '../../../../workflows/graph/examples/starter-templates';
import { OFFER_APPROVER_PLACEHOLDER } from '../../../../workflows/graph/examples/standard-hiring';
import { DEFAULT_STAGES } from '../../../../api/routes/jobs';

const stageKeys = DEFAULT_STAGES.map((s) => s.key);
const context = {
  candidate: { firstName: 'Noor', lastName: 'Haddad', fullName: 'Noor Haddad', email: 'noor@example.com' },
  job: { title: 'Backend Engineer' }, application: { stage: 'screen' }, org: { name: 'Acme' },
};
// A Monday, 07:00 UTC: before the send windows open.
const startAt = Date.parse('2026-06-01T07:00:00Z');

function dryRun(templateId: string, script: TSimulationEvent[] = []) {
  const compiled = compileGraph(findStarterTemplate(templateId)!.graph, { stageKeys });
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
  return simulate({ plan: compiled.plan, context, startAt, script });
}
const at = (days: number, name: string, payload: Record<string, unknown> = {}): TSimulationEvent => ({ at: { days }, name, payload });
const days = (iso: string) => (Date.parse(iso) - startAt) / 86_400_000;

test.each(STARTER_TEMPLATES.map((t) => [t.id, t] as const))('%s validates with zero issues and lays out every node apart', (_id, template) => {
  expect(validateGraph(template.graph, { stageKeys }).issues).toEqual([]);
  const layout = template.graph.layout ?? {};
  expect(Object.keys(layout).sort()).toEqual(template.graph.nodes.map((n) => n.id).sort());
  const spots = new Set(Object.values(layout).map((p) => `${p.x},${p.y}`));
  expect(spots.size).toBe(template.graph.nodes.length);
});

test('the four templates of the issue and the campaign starter, with unique ids', () => {
  expect(STARTER_TEMPLATES.map((t) => [t.id, t.kind])).toEqual([
    ['standard-hiring', 'HIRING'], ['silver-medalist-nurture', 'NURTURE'], ['event-follow-up', 'NURTURE'], ['job-alert-digest', 'NURTURE'],
    ['prospect-nurture', 'NURTURE'],
  ]);
});

describe('standard hiring', () => {
  test('a strong candidate goes screen -> interview -> offer -> hired, with an approved offer', () => {
    const result = dryRun('standard-hiring', [
      at(1, 'feedback.submitted', { score: 4, recommendation: 'yes' }),
      at(2, 'task.completed', { outcome: {} }),
      at(6, 'feedback.submitted', { score: 3, recommendation: 'yes' }),
      at(7, 'approval.decided', { approved: true }),
      at(9, 'task.completed', { outcome: { accepted: true } }),
    ]);
    expect(result.outcome).toBe('completed');
    expect(result.timeline.flatMap((e) => (e.kind === 'stage' ? [e.stage] : []))).toEqual(['screen', 'interview', 'offer', 'hired']);
    expect(result.timeline.flatMap((e) => (e.kind === 'email' ? [e.subject] : []))).toEqual([
      'Thanks for applying to Backend Engineer at Acme', 'Next step: interviews for Backend Engineer', 'Your offer from Acme', 'Welcome to Acme, Noor!',
    ]);
    expect(result.steps.at(-1)!.nodeId).toBe('hired_end');
  });

  test('a weak screen is rejected with a kind email; a declined offer closes the application', () => {
    const weak = dryRun('standard-hiring', [at(1, 'feedback.submitted', { score: 2 })]);
    expect(weak.steps.map((s) => s.nodeId).slice(-2)).toEqual(['reject_after_screen', 'closed_after_screen']);
    expect(weak.timeline.filter((e) => e.kind === 'stage').at(-1)).toMatchObject({ stage: 'rejected' });

    const declined = dryRun('standard-hiring', [
      at(1, 'feedback.submitted', { score: 4 }), at(2, 'task.completed', { outcome: {} }), at(6, 'feedback.submitted', { score: 4 }),
      at(7, 'approval.decided', { approved: true }), at(9, 'task.completed', { outcome: { accepted: false } }),
    ]);
    expect(declined.steps.map((s) => s.nodeId).slice(-2)).toEqual(['offer_declined', 'declined_end']);
  });

  test('a screen nobody submits is asked for once more, then flagged for a recruiter after 10 days', () => {
    const result = dryRun('standard-hiring');
    expect(result.outcome).toBe('completed');
    expect(result.steps.map((s) => `${s.nodeId}:${s.port ?? ''}`).filter((s) => s.startsWith('screen'))).toEqual(['screen:timeout', 'screen_retry:ask_again', 'screen:timeout', 'screen_retry:give_up']);
    const note = result.timeline.find((e) => e.kind === 'note');
    expect(note).toMatchObject({ body: expect.stringContaining('Noor Haddad (Backend Engineer, stage screen)') });
    expect(days(note!.at)).toBe(10);
    expect(result.steps.at(-1)!.nodeId).toBe('stalled_end');
  });

  test('instantiating swaps the placeholder approver for real people and leaves the shared template alone', () => {
    const template = findStarterTemplate('standard-hiring')!;
    const graph = instantiateStarterTemplate(template, { offerApproverUserIds: ['user_hm'] });
    expect(graph.nodes.find((n) => n.id === 'offer_approval')!.config).toMatchObject({ approverUserIds: ['user_hm'] });
    expect(template.graph.nodes.find((n) => n.id === 'offer_approval')!.config).toMatchObject({ approverUserIds: [OFFER_APPROVER_PLACEHOLDER] });
    expect(validateGraph(graph, { stageKeys }).issues).toEqual([]);
  });
});

test('silver-medalist nurture: a note after two weeks, six monthly check-ins on weekday mornings, then a recruiter call', () => {
  const result = dryRun('silver-medalist-nurture', [at(240, 'task.completed', { outcome: {} })]);
  expect(result.outcome).toBe('completed');
  const emails = result.timeline.filter((e) => e.kind === 'email');
  expect(emails.map((e) => (e.kind === 'email' ? e.subject : ''))).toEqual(['Staying in touch, Noor', ...Array(6).fill('New roles at Acme this month')]);
  expect(days(emails[0]!.at)).toBeGreaterThanOrEqual(14);
  for (const e of emails) {
    const d = new Date(e.at);
    expect([1, 2, 3, 4]).toContain(d.getUTCDay());
    expect(d.getUTCHours()).toBeGreaterThanOrEqual(9);
    expect(d.getUTCHours()).toBeLessThan(12);
  }
  expect(result.timeline.find((e) => e.kind === 'task')).toMatchObject({ title: 'Call a silver medalist about open roles' });
  expect(result.steps.at(-1)!.nodeId).toBe('end');
});

describe('event follow-up', () => {
  test('a reply becomes a recruiter task due the next day', () => {
    const result = dryRun('event-follow-up', [at(2, 'candidate.replied'), { at: { days: 2, hours: 12 }, name: 'task.completed', payload: { outcome: {} } }]);
    expect(result.outcome).toBe('completed');
    expect(result.timeline.find((e) => e.kind === 'email')).toMatchObject({ subject: 'Great to meet you, Noor', at: '2026-06-01T09:00:00.000Z' });
    const task = result.timeline.find((e) => e.kind === 'task');
    expect(task).toMatchObject({ title: 'Answer an event attendee who replied' });
    expect(task!.kind === 'task' && days(task!.dueAt!) - days(task!.at)).toBe(1);
    expect(result.steps.at(-1)!.nodeId).toBe('replied_end');
  });

  test('silence for five days: one email about open roles and a place in the pool', () => {
    const result = dryRun('event-follow-up');
    expect(result.outcome).toBe('completed');
    const emails = result.timeline.filter((e) => e.kind === 'email');
    expect(emails).toHaveLength(2);
    expect(emails[1]).toMatchObject({ subject: 'Roles at Acme you might like' });
    expect(days(emails[1]!.at) - days(emails[0]!.at)).toBe(5);
    expect(result.timeline.find((e) => e.kind === 'action' && e.activity === 'addToPool')).toMatchObject({ detail: { poolName: 'Event attendees' } });
  });
});

test('job-alert digest: a confirmation, 26 Tuesday-morning digests, then the end of the alerts', () => {
  const result = dryRun('job-alert-digest');
  expect(result.outcome).toBe('completed');
  const emails = result.timeline.filter((e) => e.kind === 'email');
  expect(emails).toHaveLength(28);
  const digests = emails.filter((e) => e.kind === 'email' && e.subject === "This week's open roles at Acme");
  expect(digests).toHaveLength(26);
  for (const d of digests) {
    const when = new Date(d.at);
    expect(when.getUTCDay()).toBe(2);
    expect(when.getUTCHours()).toBe(8);
  }
  expect(emails.at(-1)).toMatchObject({ subject: 'Your job alerts from Acme have ended' });
});

describe('prospect nurture (campaign)', () => {
  test('an introduction on the first weekday morning, a follow-up two weeks later, then a recruiter task', () => {
    const result = dryRun('prospect-nurture', [at(30, 'task.completed', { outcome: {} })]);
    expect(result.outcome).toBe('completed');
    const emails = result.timeline.filter((e) => e.kind === 'email');
    expect(emails.map((e) => (e.kind === 'email' ? e.subject : ''))).toEqual(['Noor, a team at Acme you might like', 'Following up, Noor']);
    expect(emails[0]!.at).toBe('2026-06-01T09:00:00.000Z');
    expect(days(emails[1]!.at) - days(emails[0]!.at)).toBeGreaterThanOrEqual(14);
    expect(result.timeline.find((e) => e.kind === 'task')).toMatchObject({ title: 'Reach out to a prospect who has not answered the campaign' });
  });

  test('a reply ends it where it waits: no follow-up', () => {
    const result = dryRun('prospect-nurture', [at(3, 'candidate.replied')]);
    expect(result.outcome).toBe('exited');
    expect(result.timeline.filter((e) => e.kind === 'email')).toHaveLength(1);
    expect(result.parkedAt).toBe('gap');
  });
});
