// The campaign and event forms' requests: a new campaign's body; an edit sends only what changed (an active
// campaign refuses a changed audience or pipeline, so unchanged ones must never be sent); server error paths
// land on their fields, grouped by field; event times are wall-clock times in the event's own zone, across DST.
import { createCampaignBody, EMPTY_CAMPAIGN_FORM, formFieldOfErrorPath, formOfCampaign, updateCampaignBody } from '../../../builder-ui/src/crm/campaign-form';
import { emptyEventForm, eventBody, eventPatch, formatEventTime, formOfEvent, instantOfZonedInput, zonedInputValue } from '../../../builder-ui/src/crm/event-form';
import type { Campaign, RecruitingEvent } from '../../../builder-ui/src/crm/crm-types';
import { ZCreateCampaign, ZUpdateCampaign } from '../../../api/services/campaigns/campaign-input';
import { ZCreateEvent, ZUpdateEvent } from '../../../api/services/events/event-input';
import { bodyFieldOf, errorsByField } from '../../../builder-ui/src/crm/field-errors';
import { ApiError } from '../../../builder-ui/src/api';

const campaign: Campaign = {
  id: 'c1', name: 'Backend nurture', status: 'ACTIVE', topic: 'jobs', isAutoEnroll: true, contactPolicy: { frequencyCap: { max: 1, perDays: 14 } },
  pipeline: { id: 'p1', name: 'Nurture', kind: 'NURTURE', publishedVersion: { id: 'v1', version: 1 } },
  audience: { kind: 'segment', id: 's1', name: 'Backend people' }, sender: { id: 'u1', name: 'Rita', email: 'rita@acme.test' },
  counts: { enrolled: 2, active: 2 }, issues: [], createdById: 'u1', createdAt: '', updatedAt: '', activatedAt: null,
};

test('a new campaign: the audience is the one picked, the policy only what was switched on; the server schema accepts it', () => {
  const body = createCampaignBody({ ...EMPTY_CAMPAIGN_FORM, name: ' Spring ', segmentId: 's1', poolId: 'p-stale', pipelineId: 'p1', hasQuietHours: true });
  expect(body).toEqual({ name: 'Spring', pipelineId: 'p1', segmentId: 's1', contactPolicy: { quietHours: { start: '20:00', end: '08:00' } }, topic: 'jobs', isAutoEnroll: true });
  expect(ZCreateCampaign.safeParse(body).success).toBe(true);
  const pool = createCampaignBody({ ...EMPTY_CAMPAIGN_FORM, name: 'Pool', audienceKind: 'pool', segmentId: 's1', poolId: 'pool1', pipelineId: 'p1', senderUserId: 'u2' });
  expect(pool).toMatchObject({ poolId: 'pool1', senderUserId: 'u2' });
  expect(pool).not.toHaveProperty('segmentId');
});

test('an edit sends only the changed fields, and nothing when nothing changed', () => {
  const form = formOfCampaign(campaign);
  expect(form).toMatchObject({ audienceKind: 'segment', segmentId: 's1', hasCap: true, capMax: '1', capPerDays: '14', hasQuietHours: false, senderUserId: 'u1' });
  expect(updateCampaignBody(form, campaign)).toBeNull();
  const patch = updateCampaignBody({ ...form, name: 'Renamed', capMax: '2', senderUserId: '' }, campaign);
  expect(patch).toEqual({ name: 'Renamed', contactPolicy: { frequencyCap: { max: 2, perDays: 14 } }, senderUserId: null });
  expect(ZUpdateCampaign.safeParse(patch).success).toBe(true);
  expect(updateCampaignBody({ ...form, audienceKind: 'pool', poolId: 'pool1' }, campaign)).toEqual({ poolId: 'pool1' });
});

test('server error paths land on the form fields', () => {
  expect(['body.segmentId', 'body.poolId', 'body.contactPolicy.quietHours.end', 'body.contactPolicy.frequencyCap.max', 'body.name', 'body.other'].map(formFieldOfErrorPath))
    .toEqual(['segmentId', 'poolId', 'hasQuietHours', 'hasCap', 'name', null]);
});

test('event times are typed in the event\'s zone and sent as instants, either side of a DST change', () => {
  expect(instantOfZonedInput('2025-03-29T18:00', 'Europe/Berlin')).toBe('2025-03-29T17:00:00.000Z');
  expect(instantOfZonedInput('2025-03-31T18:00', 'Europe/Berlin')).toBe('2025-03-31T16:00:00.000Z');
  expect(zonedInputValue('2025-03-31T16:00:00.000Z', 'Europe/Berlin')).toBe('2025-03-31T18:00');
  expect(instantOfZonedInput('', 'UTC')).toBeNull();
  expect(instantOfZonedInput('2025-03-31T18:00', 'Mars/Olympus')).toBeNull();
});

const event: RecruitingEvent = {
  id: 'e1', slug: 'backend-meetup', name: 'Backend meetup', description: '', kind: 'meetup', status: 'DRAFT', startsAt: '2025-06-03T16:00:00.000Z', endsAt: '2025-06-03T18:00:00.000Z',
  timeZone: 'Europe/Berlin', location: 'Factory Berlin', isOnline: false, onlineUrl: null, capacity: 50, poolId: null, createdById: null, createdAt: '', updatedAt: '',
  publicPath: '/events/acme/backend-meetup', counts: { registered: 3, waitlisted: 0, attended: 0, noShow: 0, cancelled: 0 }, placesLeft: 47,
};

test('an event form: a new event\'s body passes the server schema; an edit sends what changed', () => {
  const body = eventBody({ ...emptyEventForm('Europe/Berlin'), name: 'Meetup', startsAt: '2025-06-03T18:00', location: 'Factory', capacity: '30' });
  expect(body).toMatchObject({ startsAt: '2025-06-03T16:00:00.000Z', endsAt: null, capacity: 30, onlineUrl: null, poolId: null });
  expect(ZCreateEvent.safeParse(body).success).toBe(true);
  const form = formOfEvent(event);
  expect(form).toMatchObject({ startsAt: '2025-06-03T18:00', endsAt: '2025-06-03T20:00', capacity: '50' });
  expect(eventPatch(form, event)).toBeNull();
  const patch = eventPatch({ ...form, capacity: '80', endsAt: '2025-06-03T21:00' }, event);
  expect(patch).toEqual({ capacity: 80, endsAt: '2025-06-03T19:00:00.000Z' });
  expect(ZUpdateEvent.safeParse(patch).success).toBe(true);
});

test('an event\'s time reads in its own zone', () => {
  expect(formatEventTime(event)).toBe('Tue, 3 Jun 2025, 18:00–20:00 (Europe/Berlin)');
  expect(formatEventTime({ ...event, endsAt: null })).toBe('Tue, 3 Jun 2025, 18:00 (Europe/Berlin)');
});

test('a refused request\'s errors are grouped by the form field their path names', () => {
  const refused = new ApiError(400, 'VALIDATION_FAILED', 'invalid', [
    { path: 'body.endsAt', message: 'must be after startsAt' }, { path: 'body.endsAt', message: 'at most 31 days' }, { path: 'body.location', message: 'required' }, { path: 'headers.x', message: 'ignored' },
  ]);
  const byField = errorsByField(refused, (path) => (path.startsWith('body.') ? bodyFieldOf(path) : null));
  expect([...byField]).toEqual([['endsAt', ['must be after startsAt', 'at most 31 days']], ['location', ['required']]]);
  expect(errorsByField(new Error('network'), bodyFieldOf).size).toBe(0);
});
