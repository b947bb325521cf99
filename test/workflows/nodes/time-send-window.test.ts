import sendWindow from '../../../workflows/graph/nodes/time-send-window';
import { configIssues, contextFor, NOW, timeout } from './node-context';

// NOW is Monday 2 June 2025, 10:00 UTC.
const HOUR = 3_600_000;
const start = (config: Record<string, unknown>, vars: Record<string, unknown> = {}, now = NOW) => sendWindow.start(contextFor(sendWindow, config, { vars, now }));

test('inside the window it leaves by "out" at once', () => {
  expect(start({ timeZone: 'Europe/Berlin' })).toEqual({ kind: 'next', port: 'out' });
});

test('outside the window it waits until the window opens, then leaves by "out"', () => {
  // 10:00 UTC is 06:00 in New York: opens at 09:00 EDT, three hours later.
  expect(start({ timeZone: 'America/New_York' })).toEqual({ kind: 'wait', signals: [], timeoutMs: 3 * HOUR });
  // Saturday 7 June 12:00 UTC in London: Monday 09:00 BST is 08:00 UTC on 9 June.
  expect(start({ timeZone: 'Europe/London' }, {}, Date.UTC(2025, 5, 7, 12))).toEqual({ kind: 'wait', signals: [], timeoutMs: Date.UTC(2025, 5, 9, 8) - Date.UTC(2025, 5, 7, 12) });
  expect(sendWindow.resume!(contextFor(sendWindow, {}), timeout)).toEqual({ kind: 'next', port: 'out' });
});

test('uses the candidate\'s zone from the run data, and the configured zone when that is missing or unknown', () => {
  const config = { timeZone: 'Europe/Berlin', timeZoneField: 'candidate.timeZone' };
  expect(start(config, { candidate: { timeZone: 'America/New_York' } })).toEqual({ kind: 'wait', signals: [], timeoutMs: 3 * HOUR });
  expect(start(config, { candidate: {} })).toEqual({ kind: 'next', port: 'out' });
  expect(start(config, { candidate: { timeZone: 'Nowhere/Special' } })).toEqual({ kind: 'next', port: 'out' });
});

test('honours days, hours and holidays from the config', () => {
  expect(start({ days: ['tue'], startHour: 8, endHour: 12 })).toEqual({ kind: 'wait', signals: [], timeoutMs: 22 * HOUR });
  expect(start({ holidays: ['2025-06-02'] })).toEqual({ kind: 'wait', signals: [], timeoutMs: 23 * HOUR });
});

test('defaults to weekdays 9 to 17 UTC without holidays', () => {
  expect(sendWindow.config.parse({})).toEqual({ timeZone: 'UTC', days: ['mon', 'tue', 'wed', 'thu', 'fri'], startHour: 9, endHour: 17, holidays: [] });
});

test('refuses inconsistent windows, unknown zones and impossible dates', () => {
  expect(configIssues(sendWindow, { startHour: 17, endHour: 9 })).toEqual(['endHour']);
  expect(configIssues(sendWindow, { startHour: 9, endHour: 9 })).toEqual(['endHour']);
  expect(configIssues(sendWindow, { timeZone: 'Europe/Atlantis' })).toEqual(['timeZone']);
  expect(configIssues(sendWindow, { holidays: ['2025-02-30'] })).toEqual(['holidays.0']);
  expect(configIssues(sendWindow, { holidays: ['25/12/2025'] })).toEqual(['holidays.0']);
  expect(configIssues(sendWindow, { days: [] })).toEqual(['days']);
  expect(configIssues(sendWindow, { days: ['mon', 'mon'] })).toEqual(['days']);
  expect(configIssues(sendWindow, { days: ['monday'] })).toEqual(['days.0']);
  expect(configIssues(sendWindow, { endHour: 25 })).toEqual(['endHour']);
});
