// Request an interview and wait until it is scheduled, declined, or nobody responds.
import { z } from 'zod';
import { ZDuration, durationToMs } from '../schema';
import { defineNode, type RunRef } from '../node-definition';
import { ZUserIds } from './config-parts';

export const ZScheduleInterviewConfig = z
  .object({
    title: z.string().min(1).max(200).default('Interview'),
    /** availability_request: the candidate sends their availability; self_schedule: the candidate books a slot. */
    mode: z.enum(['availability_request', 'self_schedule']).default('availability_request'),
    interviewerIds: ZUserIds.min(1).max(10),
    durationMinutes: z.number().int().min(15).max(480).default(60),
    /** How long to wait for the interview to be booked before leaving by "no_response". */
    timeout: ZDuration.default({ days: 7 }),
  })
  .strict();
export type TScheduleInterviewConfig = z.infer<typeof ZScheduleInterviewConfig>;

export interface TCreateInterviewRequestInput {
  run: RunRef;
  nodeId: string;
  idempotencyKey: string;
  title: string;
  mode: TScheduleInterviewConfig['mode'];
  interviewerIds: string[];
  durationMinutes: number;
}
export interface TCreateInterviewRequestResult {
  interviewId: string;
}

/** Signals the API sends for the requested interview: { interviewId, startsAt } / { interviewId, reason? }. */
export const INTERVIEW_SCHEDULED = 'interview.scheduled';
export const INTERVIEW_DECLINED = 'interview.declined';

export default defineNode({
  type: 'scheduling.schedule_interview',
  typeVersion: 1,
  category: 'people',
  label: 'Schedule interview',
  docs:
    'Creates an interview request for the application with the chosen interviewers and length, in one of two modes: ' +
    'the candidate sends their availability (availability_request) or books a slot themselves (self_schedule). Leaves ' +
    'by "scheduled" once a time is booked, with {{interview.id}} and {{interview.startsAt}} available; by "declined" if ' +
    'the candidate declines; by "no_response" when nothing happens within the timeout (default 7 days).',
  config: ZScheduleInterviewConfig,
  ports: () => ['scheduled', 'declined', 'no_response'],
  isDurableWait: true,
  provides: (port) => (port === 'scheduled' ? ['interview.id', 'interview.startsAt'] : []),
  start: (ctx) => ({
    kind: 'activity',
    activity: 'createInterviewRequest',
    input: {
      run: ctx.run,
      nodeId: ctx.nodeId,
      idempotencyKey: ctx.idempotencyKey,
      title: ctx.config.title,
      mode: ctx.config.mode,
      interviewerIds: ctx.config.interviewerIds,
      durationMinutes: ctx.config.durationMinutes,
    } satisfies TCreateInterviewRequestInput,
  }),
  resume: (ctx, event) => {
    if (event.type === 'activity.completed') {
      const { interviewId } = (event.result ?? {}) as Partial<TCreateInterviewRequestResult>;
      return {
        kind: 'wait',
        signals: [INTERVIEW_SCHEDULED, INTERVIEW_DECLINED],
        match: interviewId ? { interviewId } : undefined,
        timeoutMs: durationToMs(ctx.config.timeout),
        memo: { interviewId },
      };
    }
    if (event.type === 'timeout') return { kind: 'next', port: 'no_response' };
    if (event.name === INTERVIEW_DECLINED) return { kind: 'next', port: 'declined' };
    const { interviewId } = ctx.memo as { interviewId?: string };
    return { kind: 'next', port: 'scheduled', vars: { interview: { id: event.payload.interviewId ?? interviewId, startsAt: event.payload.startsAt } } };
  },
});
