// Interview coordination and feedback: interviewer availability (working hours,
// calendar feed, busy blocks), slot finding, booking, rescheduling and
// cancelling interviews, self-scheduling links, and scorecards.
import { z } from 'zod';
import { defineRoute } from '../route';
import {
  ZAvailabilityUpdate, ZBusyBlockCreate, ZCalendarFeedUpdate, addBusyBlock, deleteBusyBlock, getAvailability, feedDepsOf, refreshOwnFeed, refreshStaleFeeds, removeCalendarFeed, setAvailability, setCalendarFeed,
} from '../services/interviews/availability';
import { ZSlotRequest, searchSlots } from '../services/interviews/slot-search';
import { ZCancelInterview, ZRescheduleInterview, ZScheduleInterview, cancelInterview, getInterview, rescheduleInterview, scheduleInterview } from '../services/interviews/interview-booking';
import { ZCreateInterviewRequest, createInterviewRequest } from '../services/interviews/self-scheduling';
import { ZInterviewScorecard, listApplicationScorecards, scorecardForm, submitInterviewScorecard } from '../services/interviews/scorecards';
import { notFound } from '../errors';

const COORDINATORS = ['ADMIN', 'RECRUITER', 'COORDINATOR'] as const;
const ZUserParams = z.object({ userId: z.string().min(1).max(100) }).strict();
const ZIdParams = z.object({ id: z.string().min(1).max(100) }).strict();

export const interviewRoutes = [
  defineRoute({
    method: 'get', path: '/api/users/:userId/availability', summary: "An interviewer's time zone, working hours, calendar feed status (never its URL) and busy blocks ('me' for yourself)", access: 'authenticated',
    params: ZUserParams,
    handler: async ({ services, auth, params }) => ({ body: await getAvailability(services, auth, params.userId) }),
  }),
  defineRoute({
    method: 'put', path: '/api/users/:userId/availability', summary: 'Set time zone and working hours (null = Mon-Fri 09:00-17:00); yourself, or anyone for coordinators', access: 'authenticated',
    params: ZUserParams, body: ZAvailabilityUpdate, bodyLimit: '20kb',
    handler: async ({ services, auth, params, body }) => ({ body: await setAvailability(services, auth, params.userId, body) }),
  }),
  defineRoute({
    method: 'put', path: '/api/users/:userId/calendar-feed', summary: 'Set the ICS feed URL (write-only) and import it now', access: 'authenticated',
    params: ZUserParams, body: ZCalendarFeedUpdate, bodyLimit: '10kb',
    handler: async ({ services, auth, params, body }) => ({ body: await setCalendarFeed(services, auth, params.userId, body) }),
  }),
  defineRoute({
    method: 'post', path: '/api/users/:userId/calendar-feed/refresh', summary: 'Fetch the ICS feed again and replace its busy blocks', access: 'authenticated',
    params: ZUserParams,
    handler: async ({ services, auth, params }) => ({ body: await refreshOwnFeed(services, auth, params.userId) }),
  }),
  defineRoute({
    method: 'delete', path: '/api/users/:userId/calendar-feed', summary: 'Remove the ICS feed and its busy blocks', access: 'authenticated',
    params: ZUserParams,
    handler: async ({ services, auth, params }) => {
      await removeCalendarFeed(services, auth, params.userId);
      return { status: 204 };
    },
  }),
  defineRoute({
    method: 'post', path: '/api/users/:userId/busy-blocks', summary: 'Add a manual busy block', access: 'authenticated',
    params: ZUserParams, body: ZBusyBlockCreate, bodyLimit: '10kb',
    handler: async ({ services, auth, params, body }) => ({ status: 201, body: await addBusyBlock(services, auth, params.userId, body) }),
  }),
  defineRoute({
    method: 'delete', path: '/api/users/:userId/busy-blocks/:blockId', summary: 'Delete a manual busy block', access: 'authenticated',
    params: z.object({ userId: z.string().min(1).max(100), blockId: z.string().min(1).max(100) }).strict(),
    handler: async ({ services, auth, params }) => {
      await deleteBusyBlock(services, auth, params.userId, params.blockId);
      return { status: 204 };
    },
  }),
  defineRoute({
    method: 'post', path: '/api/interviews/slots', summary: 'Free slots for one interviewer or a panel (all, or N of M with required members)', access: COORDINATORS,
    body: ZSlotRequest, bodyLimit: '20kb',
    handler: async ({ services, auth, body }) => {
      const result = await searchSlots(services.pool, auth.orgId, body);
      // Stale feeds refresh in the background: this answer uses the blocks at hand, the next one the fresh ones.
      void refreshStaleFeeds(feedDepsOf(services), auth.orgId, body.interviewerIds).catch((err) => services.log.warn({ err: (err as Error).message }, 'feed refresh failed'));
      return { body: result };
    },
  }),
  defineRoute({
    method: 'post', path: '/api/interviews', summary: 'Book an interview (or a pipeline-requested one) and email ICS invites to the candidate and interviewers', access: COORDINATORS,
    body: ZScheduleInterview, bodyLimit: '20kb',
    handler: async ({ services, auth, body }) => ({ status: 201, body: await scheduleInterview(services, auth.orgId, auth.userId, body) }),
  }),
  defineRoute({
    method: 'get', path: '/api/interviews/:id', scope: { kind: 'interview' }, summary: 'An interview with its participants and scheduling requests', access: 'authenticated',
    params: ZIdParams,
    handler: async ({ services, auth, params }) => {
      const interview = await getInterview(services, auth.orgId, params.id);
      // Interviewers see only interviews they are on.
      if (auth.role === 'INTERVIEWER' && !interview.participants.some((p) => p.userId === auth.userId)) throw notFound('Interview', params.id);
      return { body: interview };
    },
  }),
  defineRoute({
    method: 'post', path: '/api/interviews/:id/reschedule', scope: { kind: 'interview' }, summary: 'Move an interview: SEQUENCE + 1, invites sent again (METHOD:REQUEST), reminders reset', access: COORDINATORS,
    params: ZIdParams, body: ZRescheduleInterview, bodyLimit: '10kb',
    handler: async ({ services, auth, params, body }) => ({ body: await rescheduleInterview(services, auth.orgId, auth.userId, params.id, body) }),
  }),
  defineRoute({
    method: 'post', path: '/api/interviews/:id/cancel', scope: { kind: 'interview' }, summary: 'Cancel an interview: METHOD:CANCEL to everyone invited; open scheduling links end', access: COORDINATORS,
    params: ZIdParams, body: ZCancelInterview, bodyLimit: '10kb',
    handler: async ({ services, auth, params, body }) => ({ body: await cancelInterview(services, auth.orgId, auth.userId, params.id, body) }),
  }),
  defineRoute({
    method: 'post', path: '/api/interview-requests', summary: 'Offer the candidate free slots through a signed, expiring self-scheduling link', access: COORDINATORS,
    body: ZCreateInterviewRequest, bodyLimit: '20kb',
    handler: async ({ services, auth, body }) => ({ status: 201, body: await createInterviewRequest(services, auth, body) }),
  }),
  defineRoute({
    method: 'get', path: '/api/interviews/:id/scorecard-form', scope: { kind: 'interview' }, summary: "The attributes to rate for this interview (the job's scorecard template)", access: 'authenticated',
    params: ZIdParams,
    handler: async ({ services, auth, params }) => ({ body: await scorecardForm(services, auth, params.id) }),
  }),
  defineRoute({
    method: 'post', path: '/api/interviews/:id/scorecards', scope: { kind: 'interview' }, summary: 'Submit your scorecard for an interview you are on; completes your feedback task and resumes the waiting run', access: 'authenticated',
    params: ZIdParams, body: ZInterviewScorecard, bodyLimit: '100kb',
    handler: async ({ services, auth, params, body }) => ({ status: 201, body: await submitInterviewScorecard(services, auth, params.id, body) }),
  }),
  defineRoute({
    method: 'get', path: '/api/applications/:id/scorecards', scope: { kind: 'application' }, summary: "An application's scorecards; a panelist sees others' only after submitting their own", access: 'authenticated',
    params: ZIdParams,
    handler: async ({ services, auth, params }) => ({ body: await listApplicationScorecards(services, auth, params.id) }),
  }),
];
