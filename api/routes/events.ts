// Recruiting events and career fairs for the recruiting team: create, edit,
// publish and cancel events (admins and recruiters), and run them (everyone
// org-wide, coordinators included): registrations a page at a time or as CSV,
// registering someone, cancelling a registration, and check-in at the door.
import { z } from 'zod';
import { defineRoute } from '../route';
import { ZCreateEvent, ZUpdateEvent } from '../services/events/event-input';
import { cancelEvent, createEvent, publishEvent, updateEvent } from '../services/events/save-event';
import { listEvents, listRegistrations, readEvent, registrationsOfCandidate, streamRegistrationsCsv, ZListEventsQuery, ZRegistrationsQuery } from '../services/events/list-events';
import { registerForEvent } from '../services/events/register-for-event';
import { cancelRegistration } from '../services/events/cancel-registration';
import { checkIn, ZCheckIn } from '../services/events/check-in';
import { ZRecruiterRegistration } from '../services/events/registration-input';

const ORG_WIDE = ['ADMIN', 'RECRUITER', 'COORDINATOR'] as const;
const EDITORS = ['ADMIN', 'RECRUITER'] as const;
const ZId = z.string().min(1).max(100);
const ZParams = z.object({ id: ZId }).strict();

export const eventRoutes = [
  defineRoute({
    method: 'get', path: '/api/events', summary: 'Recruiting events with registration counts (registered, waitlisted, attended, no-show, cancelled) and places left; ?when=upcoming|past', access: ORG_WIDE,
    query: ZListEventsQuery,
    handler: async ({ services, auth, query }) => ({ body: await listEvents(services, auth.orgId, query) }),
  }),
  defineRoute({
    method: 'post', path: '/api/events', summary: 'Create a recruiting event (DRAFT): name, kind, Markdown description, start/end with time zone, venue or online URL, capacity, a talent pool registrants join', access: EDITORS,
    body: ZCreateEvent,
    handler: async ({ services, auth, body }) => ({ status: 201, body: await createEvent(services, auth, body) }),
  }),
  defineRoute({
    method: 'get', path: '/api/events/:id', summary: 'One event with its counts, places left and public page address', access: ORG_WIDE, params: ZParams,
    handler: async ({ services, auth, params }) => ({ body: await readEvent(services, auth.orgId, params.id) }),
  }),
  defineRoute({
    method: 'patch', path: '/api/events/:id', summary: 'Change an event (not once cancelled); more capacity gives places to the waitlist in order', access: EDITORS, params: ZParams,
    body: ZUpdateEvent,
    handler: async ({ services, auth, params, body }) => ({ body: await updateEvent(services, auth, params.id, body) }),
  }),
  defineRoute({
    method: 'post', path: '/api/events/:id/publish', summary: 'Publish an event: its public registration page opens (409 once over or cancelled)', access: EDITORS, params: ZParams,
    handler: async ({ services, auth, params }) => ({ body: await publishEvent(services, auth, params.id) }),
  }),
  defineRoute({
    method: 'post', path: '/api/events/:id/cancel', summary: 'Cancel an event: registrants are told (with the calendar CANCEL) and their follow-up runs end', access: EDITORS, params: ZParams,
    handler: async ({ services, auth, params }) => ({ body: await cancelEvent(services, auth, params.id) }),
  }),
  defineRoute({
    method: 'get', path: '/api/events/:id/registrations', summary: 'Registrations of an event in registration order, a page at a time (keyset cursor); ?status= filters', access: ORG_WIDE, params: ZParams,
    query: ZRegistrationsQuery,
    handler: async ({ services, auth, params, query }) => ({ body: await listRegistrations(services, auth.orgId, params.id, query) }),
  }),
  defineRoute({
    method: 'get', path: '/api/events/:id/registrations.csv', summary: 'All registrations of an event as CSV (streamed)', access: ORG_WIDE, params: ZParams,
    handler: async ({ services, auth, params, res }) => {
      await streamRegistrationsCsv(services, auth.orgId, params.id, res);
      return { isRaw: true };
    },
  }),
  defineRoute({
    method: 'post', path: '/api/events/:id/registrations', summary: 'Register a candidate (by id) or a new person for an event; the full event puts them on the waitlist; registering twice returns the same registration', access: ORG_WIDE, params: ZParams,
    body: ZRecruiterRegistration,
    handler: async ({ services, auth, params, body }) => {
      const result = await registerForEvent(services, {
        orgId: auth.orgId, eventId: params.id, person: 'candidateId' in body ? { candidateId: body.candidateId } : body.person, source: 'recruiter',
        actor: { type: 'USER', id: auth.userId }, isPublic: false, sendEmail: body.sendConfirmation,
      });
      return { status: result.isNew ? 201 : 200, body: result };
    },
  }),
  defineRoute({
    method: 'post', path: '/api/events/:id/registrations/:registrationId/cancel', summary: "Cancel a registration; the place goes to the waitlist's first person", access: ORG_WIDE,
    params: z.object({ id: ZId, registrationId: ZId }).strict(),
    handler: async ({ services, auth, params }) => ({ body: await cancelRegistration(services, { orgId: auth.orgId, eventId: params.id, registrationId: params.registrationId, actor: { type: 'USER', id: auth.userId } }) }),
  }),
  defineRoute({
    method: 'get', path: '/api/candidates/:id/event-registrations', summary: "A candidate's event registrations (status, check-in) with each event, newest event first", access: ORG_WIDE,
    params: ZParams, scope: { kind: 'candidate' },
    handler: async ({ services, auth, params }) => ({ body: await registrationsOfCandidate(services, auth.orgId, params.id) }),
  }),
  defineRoute({
    method: 'post', path: '/api/events/:id/check-in', summary: 'Check someone in: { registrationId } | { email } | { code } (the check-in code of their confirmation) | { walkIn: person } (register and check in at once)', access: ORG_WIDE, params: ZParams,
    body: ZCheckIn,
    handler: async ({ services, auth, params, body }) => ({ body: await checkIn(services, auth, params.id, body) }),
  }),
];
