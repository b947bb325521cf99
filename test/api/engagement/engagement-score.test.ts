import { ENGAGEMENT_WEIGHTS, engagementScore, engagementScoreUpdateSql } from '../../../api/services/engagement/engagement-score';

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 5, 2);

test('weights by kind: a reply outweighs many opens; opens weigh little', () => {
  expect(engagementScore([{ kind: 'OPENED', at: NOW }], NOW)).toBe(1);
  expect(engagementScore([{ kind: 'CLICKED', at: NOW }, { kind: 'REPLIED', at: NOW }], NOW)).toBe(20);
  expect(ENGAGEMENT_WEIGHTS.REPLIED).toBeGreaterThan(10 * ENGAGEMENT_WEIGHTS.OPENED);
});

test('halves every 30 days and forgets after a year', () => {
  expect(engagementScore([{ kind: 'APPLIED', at: NOW - 30 * DAY }], NOW)).toBe(13);
  expect(engagementScore([{ kind: 'APPLIED', at: NOW - 60 * DAY }], NOW)).toBe(6);
  expect(engagementScore([{ kind: 'APPLIED', at: NOW - 365 * DAY }], NOW)).toBe(0);
});

test('stays within 0..100', () => {
  expect(engagementScore(Array.from({ length: 10 }, () => ({ kind: 'ATTENDED' as const, at: NOW })), NOW)).toBe(100);
  expect(engagementScore([{ kind: 'COMPLAINED', at: NOW }, { kind: 'CLICKED', at: NOW }], NOW)).toBe(0);
});

test('the SQL carries every weight', () => {
  const sql = engagementScoreUpdateSql('SELECT $2::text AS id');
  for (const [kind, weight] of Object.entries(ENGAGEMENT_WEIGHTS)) expect(sql).toContain(`('${kind}', ${weight})`);
});
