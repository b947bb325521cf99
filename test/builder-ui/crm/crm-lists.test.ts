// Lists the CRM pages derive on their own: a person's campaigns and events from their timeline entries, the
// door's search over an event's registrations, and which CRM sections the navigation offers each role.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { crmHistoryOfTimeline } from '../../../builder-ui/src/crm/crm-history';
import { matchRegistrations } from '../../../builder-ui/src/crm/use-event-registrations';
import { SideNav } from '../../../builder-ui/src/components/side-nav';
import type { EventRegistration } from '../../../builder-ui/src/crm/crm-types';

const entry = (kind: string, occurredAt: string, data: Record<string, unknown>) => ({ id: `${kind}:${occurredAt}`, kind, occurredAt, applicationId: null, userId: null, data });

test('campaign runs and their ends become one row each; registrations keep their current status', () => {
  const history = crmHistoryOfTimeline([
    entry('campaign.exited', '2025-03-02T00:00:00Z', { runId: 'r1', campaignId: 'c1', campaignName: 'Spring', status: 'EXITED', exitReason: 'candidate.replied' }),
    entry('event.registered', '2025-02-20T00:00:00Z', { eventId: 'e1', eventName: 'Meetup', startsAt: '2025-03-01T18:00:00Z', status: 'ATTENDED', checkedInAt: '2025-03-01T18:05:00Z' }),
    entry('campaign.enrolled', '2025-02-10T00:00:00Z', { runId: 'r2', campaignId: 'c2', campaignName: 'Autumn', status: 'RUNNING' }),
    entry('campaign.enrolled', '2025-02-01T00:00:00Z', { runId: 'r1', campaignId: 'c1', campaignName: 'Spring', status: 'EXITED' }),
    entry('note.added', '2025-01-01T00:00:00Z', { body: 'hi' }),
  ]);
  expect(history.enrollments).toEqual([
    { runId: 'r2', campaignId: 'c2', campaignName: 'Autumn', status: 'RUNNING', enrolledAt: '2025-02-10T00:00:00Z', endedAt: null, exitReason: null },
    { runId: 'r1', campaignId: 'c1', campaignName: 'Spring', status: 'EXITED', enrolledAt: '2025-02-01T00:00:00Z', endedAt: '2025-03-02T00:00:00Z', exitReason: 'candidate.replied' },
  ]);
  expect(history.registrations).toEqual([{ eventId: 'e1', eventName: 'Meetup', startsAt: '2025-03-01T18:00:00Z', status: 'ATTENDED', registeredAt: '2025-02-20T00:00:00Z', checkedInAt: '2025-03-01T18:05:00Z' }]);
});

const registration = (id: string, firstName: string, lastName: string, email: string): EventRegistration => ({
  id, candidateId: `c-${id}`, status: 'REGISTERED', source: 'public', checkedInAt: null, createdAt: '', candidate: { id: `c-${id}`, firstName, lastName, email },
});

test('the door\'s search matches every word typed against name and email', () => {
  const list = [registration('1', 'Ada', 'Lovelace', 'ada@example.com'), registration('2', 'Grace', 'Hopper', 'grace@navy.example'), registration('3', 'Ada', 'Yonath', 'ay@example.org')];
  expect(matchRegistrations(list, '').map((r) => r.id)).toEqual([]);
  expect(matchRegistrations(list, 'ada').map((r) => r.id)).toEqual(['1', '3']);
  expect(matchRegistrations(list, 'ADA lov').map((r) => r.id)).toEqual(['1']);
  expect(matchRegistrations(list, 'navy').map((r) => r.id)).toEqual(['2']);
});

const crmSections = (role?: string) => [...renderToStaticMarkup(createElement(SideNav, { activeSection: 'campaigns', role })).matchAll(/data-testid="nav-([\w-]+)"/g)].map((m) => m[1]).filter((s) => ['pools', 'segments', 'campaigns', 'events', 'import', 'crm-settings'].includes(s!));

test('the CRM group is for the recruiting team; its settings for admins', () => {
  expect(crmSections('ADMIN')).toEqual(['pools', 'segments', 'campaigns', 'events', 'import', 'crm-settings']);
  expect(crmSections('RECRUITER')).toEqual(['pools', 'segments', 'campaigns', 'events', 'import']);
  expect(crmSections('COORDINATOR')).toEqual(['pools', 'segments', 'campaigns', 'events', 'import']);
  expect(crmSections('HIRING_MANAGER')).toEqual([]);
  expect(crmSections('INTERVIEWER')).toEqual([]);
  expect(renderToStaticMarkup(createElement(SideNav, { activeSection: 'inbox', role: 'INTERVIEWER' }))).not.toContain('nav-group-crm');
});
