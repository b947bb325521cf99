import eventRegistration from '../../../workflows/graph/nodes/trigger-event-registration';
import { configIssues, contextFor } from './node-context';

test('starts the run and leaves by "out" at once', () => {
  expect(eventRegistration.isTrigger).toBe(true);
  expect(eventRegistration.start(contextFor(eventRegistration, { status: 'attended' }))).toEqual({ kind: 'next', port: 'out' });
});

test('listens for registrations unless told otherwise', () => {
  expect(eventRegistration.config.parse({})).toEqual({ status: 'registered' });
  expect(eventRegistration.config.parse({ eventId: 'e1', status: 'no_show' })).toEqual({ eventId: 'e1', status: 'no_show' });
});

test('refuses an unknown status', () => {
  expect(configIssues(eventRegistration, { status: 'cancelled' })).toEqual(['status']);
});
