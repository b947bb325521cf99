// The candidate profile: the person, their applications, one timeline of
// everything that happened to them, notes, and the files and messages the
// profile opens. Every route is scoped to the candidate (hiring managers and
// interviewers reach candidates through their jobs and interviews), and what
// each viewer sees inside follows api/services/candidates/candidate-visibility.ts.
import { z } from 'zod';
import { defineRoute } from '../route';
import { getCandidateProfile } from '../services/candidates/get-candidate-profile';
import { listCandidateTimeline, ZTimelineQuery } from '../services/candidates/list-candidate-timeline';
import { addCandidateNote, ZAddCandidateNote } from '../services/candidates/add-candidate-note';
import { readCandidateMessage, readCurrentResume } from '../services/candidates/read-candidate-files';

const ZCandidateParams = z.object({ id: z.string().min(1).max(64) }).strict();
const SCOPE = { kind: 'candidate' } as const;

export const candidateProfileRoutes = [
  defineRoute({
    method: 'get', path: '/api/candidates/:id', scope: SCOPE, access: 'authenticated', params: ZCandidateParams,
    summary: 'A candidate profile: contact, links, parsed resume facts, current resume file, and the applications you can see',
    handler: async ({ services, auth, params }) => ({ body: await getCandidateProfile(services.pool, auth, params.id) }),
  }),
  defineRoute({
    method: 'get', path: '/api/candidates/:id/timeline', scope: SCOPE, access: 'authenticated', params: ZCandidateParams, query: ZTimelineQuery,
    summary: "The candidate's timeline, newest first (keyset on occurredAt, id; kinds= filters): applications, stage moves, decisions, messages (with opens, flagged unreliable, clicks, replies, bounces), tasks, interviews, scorecards, notes, offers, merges; for the recruiting team also clicks, replies, unsubscribes, bounces, event registrations and attendance, pool adds, campaign enrollments and exits",
    handler: async ({ services, auth, params, query }) => ({ body: await listCandidateTimeline(services.pool, auth, params.id, query) }),
  }),
  defineRoute({
    method: 'post', path: '/api/candidates/:id/notes', scope: SCOPE, access: 'authenticated', params: ZCandidateParams, body: ZAddCandidateNote, bodyLimit: '100kb',
    summary: 'Add a Markdown note to the candidate (optionally about one of their applications)',
    handler: async ({ services, auth, params, body }) => ({ status: 201, body: await addCandidateNote(services.pool, auth, params.id, body) }),
  }),
  defineRoute({
    method: 'get', path: '/api/candidates/:id/resume', scope: SCOPE, access: 'authenticated', params: ZCandidateParams,
    summary: "Download the candidate's current resume file (attachment, its detected type)",
    handler: async ({ services, auth, params, res }) => {
      const file = await readCurrentResume(services.pool, services.config.TRELLIS_DATA_DIR, auth.orgId, params.id);
      res.status(200);
      res.setHeader('Content-Type', file.mimeType);
      res.setHeader('Content-Disposition', `attachment; filename="${file.storedName}"`);
      res.setHeader('Cache-Control', 'private, no-store');
      res.end(file.bytes);
      return { isRaw: true };
    },
  }),
  defineRoute({
    method: 'get', path: '/api/candidates/:id/messages/:messageId', scope: SCOPE, access: 'authenticated',
    params: z.object({ id: z.string().min(1).max(64), messageId: z.string().min(1).max(64) }).strict(),
    summary: 'One message sent to or received from the candidate (subject, addresses, text)',
    handler: async ({ services, auth, params }) => ({ body: await readCandidateMessage(services.pool, auth, params.id, params.messageId) }),
  }),
];
