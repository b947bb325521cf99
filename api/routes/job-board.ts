// The kanban board of a job: stages with counts and the first cards of each,
// then more cards of one stage by keyset cursor. Org-wide roles and the job's
// hiring managers see it; interviewers do not (they reach candidates through
// the interviews they sit on, not a job's whole pipeline).
import { z } from 'zod';
import { defineRoute } from '../route';
import { readJobBoard, readJobBoardStagePage, ZBoardFilters, ZBoardStagePage } from '../services/jobs/read-job-board';

const BOARD_READERS = ['ADMIN', 'RECRUITER', 'COORDINATOR', 'HIRING_MANAGER'] as const;
const ZJobId = z.string().min(1).max(100);

export const jobBoardRoutes = [
  defineRoute({
    method: 'get', path: '/api/jobs/:id/board', scope: { kind: 'job' }, access: BOARD_READERS,
    summary: "A job's kanban board: its stages in order with application counts and the first page of cards per stage (filters: q, source, status)",
    params: z.object({ id: ZJobId }).strict(), query: ZBoardFilters,
    handler: async ({ services, auth, params, query }) => ({ body: await readJobBoard(services.pool, auth.orgId, auth.userId, params.id, query) }),
  }),
  defineRoute({
    method: 'get', path: '/api/jobs/:id/board/stages/:stageKey', scope: { kind: 'job' }, access: BOARD_READERS,
    summary: 'More cards of one board column, after the cursor the previous page returned (same filters as the board)',
    params: z.object({ id: ZJobId, stageKey: z.string().min(1).max(60) }).strict(), query: ZBoardStagePage,
    handler: async ({ services, auth, params, query }) => ({ body: await readJobBoardStagePage(services.pool, auth.orgId, auth.userId, params.id, params.stageKey, query) }),
  }),
];
