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
    'Optionally limited to one event. Leaves immediately by "out".',
  config: ZEventRegistrationConfig,
  ports: () => ['out'],
  isTrigger: true,
  start: () => ({ kind: 'next', port: 'out' }),
});
