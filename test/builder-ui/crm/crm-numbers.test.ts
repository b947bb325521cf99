// How long work and campaign results read: a bulk job's bar, label and phase at each step; rates; the
// dashboard's tiles in order with the rate of each and the caveat on opens; exits and held mail by reason.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { bulkJobProgress, formatRate } from '../../../builder-ui/src/crm/bulk-job-progress';
import { BulkJobProgressBar } from '../../../builder-ui/src/crm/bulk-job-progress-bar';
import { campaignFunnel, exitReasons, heldMessages } from '../../../builder-ui/src/crm/campaign-funnel';
import type { BulkJob, CampaignStatsView } from '../../../builder-ui/src/crm/crm-types';

const job = (over: Partial<BulkJob>): BulkJob => ({
  id: 'job-1', kind: 'import_csv', status: 'RUNNING', subjectId: null, total: 5000, processed: 1250, succeeded: 1240, failed: 10, progress: 0.25,
  report: null, error: null, createdAt: '2025-01-01T00:00:00Z', startedAt: null, finishedAt: null, ...over,
});

test('a bulk job from queued to done', () => {
  expect(bulkJobProgress(job({ status: 'QUEUED', processed: 0, failed: 0, progress: 0 }))).toEqual({ phase: 'queued', percent: 0, label: 'Waiting to start…', failedLabel: null, isFinished: false });
  expect(bulkJobProgress(job({}))).toEqual({ phase: 'running', percent: 25, label: '1,250 of 5,000 rows', failedLabel: '10 failed', isFinished: false });
  // The last batch is not written yet while the job runs: never 100 % before the end.
  expect(bulkJobProgress(job({ processed: 5000, progress: 1 })).percent).toBe(99);
  expect(bulkJobProgress(job({ total: 0, processed: 40, progress: 0 }), 'people').label).toBe('40 people so far');
  expect(bulkJobProgress(job({ status: 'SUCCEEDED', processed: 5000, progress: 1 }), 'rows')).toMatchObject({ phase: 'succeeded', percent: 100, label: 'Done: 5,000 rows', isFinished: true });
  // An enrollment of an empty audience is done, at 100 %.
  expect(bulkJobProgress(job({ status: 'SUCCEEDED', total: 0, processed: 0, failed: 0, progress: 1 }), 'people')).toMatchObject({ percent: 100, label: 'Done: 0 people' });
  expect(bulkJobProgress(job({ status: 'FAILED', error: 'the campaign was paused' }))).toMatchObject({ phase: 'failed', percent: 25, label: 'Stopped after 1,250 of 5,000 rows: the campaign was paused', isFinished: true });
});

test('the bar tells assistive technology where it is', () => {
  const html = renderToStaticMarkup(createElement(BulkJobProgressBar, { job: job({}), label: 'Importing people.csv' }));
  expect(html).toContain('role="progressbar"');
  expect(html).toContain('aria-valuenow="25"');
  expect(html).toContain('aria-valuetext="1,250 of 5,000 rows"');
  expect(html).toContain('data-phase="running"');
});

test('rates', () => {
  expect([formatRate(1, 0), formatRate(0, 10), formatRate(1, 300), formatRate(1, 3), formatRate(2, 2)]).toEqual(['—', '0 %', '0.3 %', '33 %', '100 %']);
});

const stats: CampaignStatsView = {
  campaignId: 'c1',
  enrollments: { enrolled: 200, active: 150, pending: 10, completed: 20, exited: 30, failed: 0, exitedBy: { 'candidate.replied': 12, 'candidate.applied': 15, 'operator.exit': 3 }, waitingAt: { gap: 140 } },
  messages: { sent: 380, suppressed: 7, suppressedBy: { unsubscribed: 5, suppressed: 2 }, deferred: 9, deferredBy: { quiet_hours: 9 }, failed: 0, bounced: 1 },
  people: { reached: 190, opened: 120, isOpenedReliable: false, clicked: 38, replied: 12, unsubscribed: 5, bounced: 1, converted: 15, hired: 2 },
};

test('the dashboard: tiles in reading order with their rates, opens flagged unreliable', () => {
  const tiles = campaignFunnel(stats);
  expect(tiles.map((t) => [t.key, t.value, t.rate])).toEqual([
    ['enrolled', 200, null], ['active', 150, '75 % of enrolled'], ['sent', 380, null], ['opened', 120, '63 % of reached'],
    ['clicked', 38, '20 % of reached'], ['replied', 12, '6 % of reached'], ['converted', 15, '8 % of enrolled'], ['unsubscribed', 5, '3 % of reached'],
  ]);
  expect(tiles.find((t) => t.key === 'opened')!.note).toBe('unreliable: privacy proxies open mail');
  expect(tiles.find((t) => t.key === 'sent')!.note).toBe('to 190 people');
  expect(tiles.find((t) => t.key === 'converted')!.note).toBe('2 hired');
});

test('exits and held mail by reason, most frequent first, in words', () => {
  expect(exitReasons(stats)).toEqual([
    { reason: 'candidate.applied', label: 'Applied', count: 15 }, { reason: 'candidate.replied', label: 'Replied', count: 12 },
    { reason: 'operator.exit', label: 'Stopped by a recruiter or archived', count: 3 },
  ]);
  expect(heldMessages(stats).map((h) => [h.status, h.label, h.count])).toEqual([
    ['deferred', 'Quiet hours', 9], ['suppressed', 'Unsubscribed', 5], ['suppressed', 'Address suppressed', 2],
  ]);
});
