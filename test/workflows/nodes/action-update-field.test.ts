import updateField from '../../../workflows/graph/nodes/action-update-field';
import { RUN } from '../graph/graph-builders';
import { completed, configIssues, contextFor } from './node-context';

test('sets the field through updateCandidateField', () => {
  expect(updateField.start(contextFor(updateField, { field: 'interestLevel', value: 'high' }))).toEqual({
    kind: 'activity',
    activity: 'updateCandidateField',
    input: { field: 'interestLevel', value: 'high', run: RUN, nodeId: 'n1', idempotencyKey: 'wf-1/n1/1' },
  });
});

test('later conditions see the new value, for a column or a profile field', () => {
  const vars = { candidate: { tags: ['a'], interestLevel: 'low' } };
  expect(updateField.resume!(contextFor(updateField, { field: 'interestLevel', value: 'high' }, { vars }), completed({}))).toEqual({
    kind: 'next', port: 'out', vars: { candidate: { tags: ['a'], interestLevel: 'high' } },
  });
  expect(updateField.resume!(contextFor(updateField, { field: 'profile.yearsOfExperience', value: 7 }, { vars }), completed({}))).toEqual({
    kind: 'next', port: 'out', vars: { candidate: { tags: ['a'], interestLevel: 'low', profile: { yearsOfExperience: 7 } } },
  });
});

test('accepts only allowlisted columns or profile.<key>', () => {
  expect(configIssues(updateField, { field: 'location', value: 'Berlin' })).toEqual([]);
  expect(configIssues(updateField, { field: 'profile.remote_ok', value: true })).toEqual([]);
  expect(configIssues(updateField, { field: 'email', value: 'x@example.com' })).toEqual(['field']);
  expect(configIssues(updateField, { field: 'orgId', value: 'other-org' })).toEqual(['field']);
  expect(configIssues(updateField, { field: 'profile.', value: 1 })).toEqual(['field']);
  expect(configIssues(updateField, { field: 'profile.a.b', value: 1 })).toEqual(['field']);
});

test('columns take text; a time zone must be a real one', () => {
  expect(configIssues(updateField, { field: 'location', value: 3 })).toEqual(['value']);
  expect(configIssues(updateField, { field: 'timeZone', value: 'Europe/Berlin' })).toEqual([]);
  expect(configIssues(updateField, { field: 'timeZone', value: 'CEST+2' })).toEqual(['value']);
  expect(configIssues(updateField, { field: 'profile.x', value: { nested: true } })).toEqual(['value']);
});
