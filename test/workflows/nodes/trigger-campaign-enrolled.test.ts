import campaignEnrolled from '../../../workflows/graph/nodes/trigger-campaign-enrolled';
import { configIssues, contextFor } from './node-context';

test('starts the run and leaves by "out" at once, for any campaign or one', () => {
  expect(campaignEnrolled.isTrigger).toBe(true);
  expect(campaignEnrolled.start(contextFor(campaignEnrolled, {}))).toEqual({ kind: 'next', port: 'out' });
  expect(configIssues(campaignEnrolled, { campaignId: 'c1' })).toEqual([]);
});

test('refuses an empty campaign id', () => {
  expect(configIssues(campaignEnrolled, { campaignId: '' })).toEqual(['campaignId']);
});
