// Trigger: a candidate's registration for a recruiting event changed status.
import { z } from 'zod';
import { defineNode } from '../node-definition';

export const ZEventRegistrationConfig = z
  .object({
    /** Only this recruiting event; any event when absent. */
    eventId: z.string().min(1).max(100).optional(),
    status: z.enum(['registered', 'attended', 'no_show']).default('registered'),
  })
  .strict();
export type TEventRegistrationConfig = z.infer<typeof ZEventRegistrationConfig>;

export default defineNode({
  type: 'trigger.event_registration',
  typeVersion: 1,
  category: 'trigger',
  label: 'Event registration',
  docs:
    'Starts one run when a candidate\'s registration for a recruiting event reaches the configured status: ' +
    '"registered" (signed up), "attended" (checked in) or "no_show" (registered but not checked in after the event). ' +
    'Optionally limited to one event. Leaves immediately by "out". Templates can use the event (name, start in UTC and its time zone, ' +
    'place, the online join link, its page) and the registration\'s id and status, as of when the run started.',
  config: ZEventRegistrationConfig,
  ports: () => ['out'],
  /** Set by the run's start (api/services/events/registration-facts.ts, eventRunVars). */
  provides: () => [
    'event.id', 'event.name', 'event.kind', 'event.startsAt', 'event.endsAt', 'event.timeZone', 'event.location', 'event.isOnline', 'event.joinUrl', 'event.pageUrl',
    'registration.id', 'registration.status',
  ],
  isTrigger: true,
  start: () => ({ kind: 'next', port: 'out' }),
});
