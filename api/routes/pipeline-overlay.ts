// The builder's live overlay: runs parked at each node of a pipeline, the
// candidates in one such cohort, and ending that cohort. Moving a cohort to
// another version is the migrations API with `nodeIds: [nodeId]`.
import { z } from 'zod';
import { defineRoute } from '../route';
import { listParkedRuns, runOverlay, ZParkedRunsQuery } from '../services/pipeline-overlay';
import { exitCohort, ZCohortExitRequest } from '../services/exit-cohort';

const ZId = z.object({ id: z.string().min(1) }).strict();
const EDITORS = ['ADMIN', 'RECRUITER', 'COORDINATOR'] as const;

export const pipelineOverlayRoutes = [
  defineRoute({
    method: 'get', path: '/api/pipelines/:id/overlay', summary: 'Live overlay: running runs parked at each node, per version', access: 'authenticated', params: ZId,
    handler: async ({ services, auth, params }) => ({ body: await runOverlay(services, auth.orgId, params.id) }),
  }),
  defineRoute({
    method: 'get', path: '/api/pipelines/:id/overlay/runs', summary: 'The candidates parked at a node, longest-waiting first (keyset pages of at most 200)', access: 'authenticated',
    params: ZId, query: ZParkedRunsQuery,
    handler: async ({ services, auth, params, query }) => ({ body: await listParkedRuns(services, auth.orgId, params.id, query) }),
  }),
  defineRoute({
    method: 'post', path: '/api/pipelines/:id/cohorts/exit', summary: 'End the runs parked at a node (all, one version, or the given runs): they exit where they wait', access: EDITORS,
    params: ZId, body: ZCohortExitRequest, bodyLimit: '300kb',
    handler: async ({ services, auth, params, body }) => ({ body: await exitCohort(services, auth.orgId, params.id, auth.userId, body) }),
  }),
];
