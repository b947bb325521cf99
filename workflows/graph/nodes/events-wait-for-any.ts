// Wait for the first of several events about the candidate; each event leads to its own port.
import { z } from 'zod';
import { ZDuration, durationToMs } from '../schema';
import { defineNode } from '../node-definition';
import { ZPortName } from './config-parts';

// candidate.hired: an accepted offer hires (POST /api/offers/:id/response), so a pipeline can wait for the hire and
// carry on (a welcome email, onboarding) instead of only exiting on it.
export const WAITABLE_EVENTS = ['candidate.replied', 'feedback.submitted', 'interview.scheduled', 'form.submitted', 'candidate.applied', 'stage.changed', 'candidate.hired'] as const;

export const ZWaitForAnyConfig = z
  .object({
    events: z.array(z.object({ name: z.enum(WAITABLE_EVENTS), port: ZPortName }).strict()).min(1).max(10),
    timeout: ZDuration.optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.events.forEach((e, i) => {
      if (seen.has(e.name)) ctx.addIssue({ code: 'custom', message: `event "${e.name}" is listed twice`, path: ['events', i, 'name'] });
      seen.add(e.name);
      if (c.timeout && e.port === 'timeout') ctx.addIssue({ code: 'custom', message: 'port "timeout" is taken by the timeout', path: ['events', i, 'port'] });
    });
  });
export type TWaitForAnyConfig = z.infer<typeof ZWaitForAnyConfig>;

export default defineNode({
  type: 'events.wait_for_any',
  typeVersion: 1,
  category: 'time',
  label: 'Wait for any event',
  docs:
    'Waits for the first of up to ten events about this candidate (replied, feedback submitted, interview scheduled, ' +
    'form submitted, applied, stage changed, hired by an accepted offer) and leaves by the port listed for that event, with the event\'s data as ' +
    '{{lastEvent}}. Several events may share a port. With a timeout, leaves by "timeout" if none happens in time; ' +
    'without one it waits indefinitely.',
  config: ZWaitForAnyConfig,
  ports: (c) => [...new Set(c.events.map((e) => e.port)), ...(c.timeout ? ['timeout'] : [])],
  isDurableWait: true,
  provides: (port) => (port === 'timeout' ? [] : ['lastEvent']),
  start: (ctx) => ({
    kind: 'wait',
    signals: ctx.config.events.map((e) => e.name),
    timeoutMs: ctx.config.timeout ? durationToMs(ctx.config.timeout) : undefined,
  }),
  resume: (ctx, event) => {
    if (event.type !== 'signal') return { kind: 'next', port: 'timeout' };
    const route = ctx.config.events.find((e) => e.name === event.name)!;
    return { kind: 'next', port: route.port, vars: { lastEvent: event.payload } };
  },
});
