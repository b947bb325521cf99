// Trigger: a recruiter (or an API client) starts the run for one candidate.
import { z } from 'zod';
import { defineNode } from '../node-definition';

export const ZManualConfig = z.object({}).strict();

export default defineNode({
  type: 'trigger.manual',
  typeVersion: 1,
  category: 'trigger',
  label: 'Started manually or by API',
  docs:
    'Starts a run when a recruiter starts this pipeline for a candidate (optionally for one of their applications) ' +
    'from the UI or the API, one run per start. Leaves immediately by "out".',
  config: ZManualConfig,
  ports: () => ['out'],
  isTrigger: true,
  start: () => ({ kind: 'next', port: 'out' }),
});
