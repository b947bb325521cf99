import scheduleInterview from '../../../workflows/graph/nodes/scheduling-schedule-interview';
import { RUN } from '../graph/graph-builders';
import { after, completed, configIssues, contextFor, signal, timeout } from './node-context';

const DAY = 86_400_000;
const CONFIG = { interviewerIds: ['u1', 'u2'], timeout: { days: 3 } };

function waiting(result: unknown = { interviewId: 'i1' }) {
  const ctx = contextFor(scheduleInterview, CONFIG);
  const wait = scheduleInterview.resume!(after(ctx, scheduleInterview.start(ctx)), completed(result));
  return { ctx: after(ctx, wait), wait };
}

test('requests the interview through createInterviewRequest, with defaults for mode, length and title', () => {
  expect(scheduleInterview.start(contextFor(scheduleInterview, CONFIG))).toEqual({
    kind: 'activity',
    activity: 'createInterviewRequest',
    input: { run: RUN, nodeId: 'n1', idempotencyKey: 'wf-1/n1/1', title: 'Interview', mode: 'availability_request', interviewerIds: ['u1', 'u2'], durationMinutes: 60 },
  });
});

test('waits for that interview to be scheduled or declined, up to the timeout', () => {
  expect(waiting().wait).toEqual({ kind: 'wait', signals: ['interview.scheduled', 'interview.declined'], match: { interviewId: 'i1' }, timeoutMs: 3 * DAY, memo: { interviewId: 'i1' } });
});

test('leaves by "scheduled" with the interview id and start, by "declined", or by "no_response"', () => {
  const { ctx } = waiting();
  expect(scheduleInterview.resume!(ctx, signal('interview.scheduled', { interviewId: 'i1', startsAt: '2025-06-10T14:00:00Z' }))).toEqual({
    kind: 'next', port: 'scheduled', vars: { interview: { id: 'i1', startsAt: '2025-06-10T14:00:00Z' } },
  });
  expect(scheduleInterview.resume!(ctx, signal('interview.declined', { interviewId: 'i1' }))).toEqual({ kind: 'next', port: 'declined' });
  expect(scheduleInterview.resume!(ctx, timeout)).toEqual({ kind: 'next', port: 'no_response' });
});

test('in a dry run (no interview id) waits for any scheduling event', () => {
  expect(waiting({}).wait).toMatchObject({ kind: 'wait', match: undefined });
});

test('provides interview.id and interview.startsAt only on "scheduled"', () => {
  expect(scheduleInterview.provides!('scheduled')).toEqual(['interview.id', 'interview.startsAt']);
  expect(scheduleInterview.provides!('declined')).toEqual([]);
});

test('refuses no interviewers, unknown modes and odd lengths', () => {
  expect(configIssues(scheduleInterview, { interviewerIds: [] })).toEqual(['interviewerIds']);
  expect(configIssues(scheduleInterview, { interviewerIds: ['u1'], mode: 'phone' })).toEqual(['mode']);
  expect(configIssues(scheduleInterview, { interviewerIds: ['u1'], durationMinutes: 5 })).toEqual(['durationMinutes']);
  expect(scheduleInterview.config.parse({ interviewerIds: ['u1'] })).toMatchObject({ timeout: { days: 7 } });
});
