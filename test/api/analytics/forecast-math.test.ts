// The forecast's pure parts against hand-computed values: the exact Poisson-binomial, stage pass-through and
// p(hire) from a small history (job rates and the organization's fallback), the bottleneck, and one job's
// interval and fill dates.
import { atLeast, capPmf, convolvePmf, pmfQuantile, poissonBinomialPmf } from '../../../api/services/analytics/forecast/poisson-binomial';
import { bottleneck, jobRates, kindStats, type TApplicationHistory } from '../../../api/services/analytics/forecast/stage-rates';
import { forecastJob } from '../../../api/services/analytics/forecast/job-forecast';

const close = (actual: number[], expected: number[]) => expected.forEach((e, i) => expect(actual[i]).toBeCloseTo(e, 12));

test('the Poisson-binomial is exact: [0.2, 0.5, 1] gives 0, .4, .5, .1', () => {
  close(poissonBinomialPmf([0.2, 0.5, 1]), [0, 0.4, 0.5, 0.1]);
  expect(poissonBinomialPmf([])).toEqual([1]);
  const two = poissonBinomialPmf([0.5, 0.5]);
  close(two, [0.25, 0.5, 0.25]);
  expect([pmfQuantile(two, 0.1), pmfQuantile(two, 0.5), pmfQuantile(two, 0.9)]).toEqual([0, 1, 2]);
  expect(atLeast(two, 1)).toBeCloseTo(0.75, 12);
  expect(atLeast(two, 0)).toBe(1);
  // Sums to one for many trials (no drift), and the median of 100 fair coins is 50.
  const many = poissonBinomialPmf(new Array(100).fill(0.5));
  expect(many.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  expect(pmfQuantile(many, 0.5)).toBe(50);
});

const d = (day: number) => new Date(Date.UTC(2026, 0, day));
const from = d(1);
const to = d(200);

function history(jobId: string, moves: [string, number][], kindAsOf?: string): TApplicationHistory {
  const firstEntered: Record<string, Date> = {};
  for (const [kind, day] of moves) firstEntered[kind] ??= d(day);
  return { jobId, firstEntered, kindAsOf: kindAsOf ?? moves[moves.length - 1]![0] };
}

test('pass-through counts decided candidates only; p(hire) is the product from the stage on', () => {
  // Job A: 4 applied; 2 went to interview, 1 rejected at applied, 1 still applied (undecided).
  // Of the 2 interviewed: 1 hired after 10 days in interview, 1 still interviewing.
  const hs = [
    history('A', [['APPLIED', 1], ['INTERVIEW', 5], ['HIRED', 15]]),
    history('A', [['APPLIED', 2], ['INTERVIEW', 6]]),
    history('A', [['APPLIED', 3], ['REJECTED', 4]]),
    history('A', [['APPLIED', 7]]),
    history('B', [['APPLIED', 1], ['INTERVIEW', 2], ['REJECTED', 3]]),
  ];
  const { org, byJob } = kindStats(hs, from, to);
  expect(byJob.get('A')!.APPLIED).toEqual({ entered: 4, decided: 3, passed: 2, daysToHire: [14] });
  expect(byJob.get('A')!.INTERVIEW).toEqual({ entered: 2, decided: 1, passed: 1, daysToHire: [10] });
  expect(org.INTERVIEW).toMatchObject({ entered: 3, decided: 2, passed: 1 });
  // Job A has fewer than 5 decided per kind: the organization's rates: applied 3/4, interview 1/2.
  const rates = jobRates(byJob.get('A'), org, ['APPLIED', 'INTERVIEW', 'HIRED', 'REJECTED']);
  expect(rates.passThrough).toEqual({ APPLIED: 0.75, INTERVIEW: 0.5 });
  expect(rates.pHire.APPLIED).toBeCloseTo(0.375, 12);
  expect(rates.pHire.INTERVIEW).toBe(0.5);
  expect(rates.usesOrgFor).toEqual(['APPLIED', 'INTERVIEW']);
  expect(bottleneck(rates)).toEqual({ kind: 'INTERVIEW', passThrough: 0.5 });
  // Entries outside the window do not count.
  expect(kindStats(hs, d(100), to).org.APPLIED.entered).toBe(0);
});

test('a job with enough history uses its own rates; none anywhere gives null, never NaN', () => {
  const hs = [1, 2, 3, 4, 5, 6].map((i) => history('A', [['APPLIED', i], ...(i <= 3 ? [['HIRED', i + 4] as [string, number]] : [['REJECTED', i + 1] as [string, number]])]));
  hs.push(history('B', [['APPLIED', 1], ['REJECTED', 2]]));
  const { org, byJob } = kindStats(hs, from, to);
  const own = jobRates(byJob.get('A'), org, ['APPLIED', 'HIRED']);
  expect(own.passThrough).toEqual({ APPLIED: 0.5 });
  expect(own.daysToHire.APPLIED).toEqual([4, 4, 4]);
  expect(own.usesOrgFor).toEqual([]);
  const none = jobRates(undefined, kindStats([], from, to).org, ['APPLIED', 'SCREEN']);
  expect(none.pHire.APPLIED).toBeNull();
  expect(bottleneck(none)).toBeNull();
  expect(forecastJob(['APPLIED'], none, 1)).toEqual({ p10: null, p50: null, p90: null, fillDaysP50: null, fillDaysP90: null, fillChance: null });
});

test('one job: interval capped at the openings left, fill dates where the chance crosses 50 % and 90 %', () => {
  const rates = { passThrough: {}, usesOrgFor: [], pHire: { APPLIED: 0.1, SCREEN: 0.2, INTERVIEW: 0.3, OFFER: 0.5, OTHER: 0 }, daysToHire: { APPLIED: [], SCREEN: [], INTERVIEW: [], OFFER: [10, 20], OTHER: [] } };
  // Two at offer: p = .5 each; by day 10 each is hired with .25 (P(>=1) = .4375), by day 20 with .5 (.75).
  expect(forecastJob(['OFFER', 'OFFER'], rates, 1)).toEqual({ p10: 0, p50: 1, p90: 1, fillDaysP50: 20, fillDaysP90: null, fillChance: 0.75 });
  // Uncapped with two openings: 0, 1, 2; filling both needs both (.25): no date.
  expect(forecastJob(['OFFER', 'OFFER'], rates, 2)).toMatchObject({ p10: 0, p50: 1, p90: 2, fillDaysP50: null, fillChance: 0.25 });
  // Already filled: nothing more to expect.
  expect(forecastJob(['OFFER'], rates, 0)).toMatchObject({ p50: 0, fillDaysP50: 0, fillChance: 1 });
  // Five at offer, one opening: P(>=1 by day 10) = 1 - .75^5 = .763; by day 20: 1 - .5^5 = .969.
  expect(forecastJob(new Array(5).fill('OFFER'), rates, 1)).toMatchObject({ fillDaysP50: 10, fillDaysP90: 20 });
});

test('capped and summed distributions: a job hires at most its openings; totals convolve the jobs', () => {
  close(capPmf([0.25, 0.5, 0.25], 1), [0.25, 0.75]);
  close(capPmf([0.25, 0.75], 3), [0.25, 0.75]);
  close(convolvePmf([0.25, 0.75], [0.5, 0.5]), [0.125, 0.5, 0.375]);
});
