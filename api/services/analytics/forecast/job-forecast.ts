// One job's forecast from its active candidates and the rates history gives their stages: the hires to
// expect (median and 10th-90th percentile interval, exact), and the dates by which the job has filled its
// remaining openings with 50 % and 90 % chance (docs/metrics.md#hiring-forecast). Pure, unit tested.
import { atLeast, pmfQuantile, poissonBinomialPmf } from './poisson-binomial';
import type { TActiveKind, TJobRates } from './stage-rates';

export interface TJobForecast {
  /** Hires expected from the current pipeline, counted up to the remaining openings (null: unknown rates). */
  p10: number | null;
  p50: number | null;
  p90: number | null;
  /** Days after the as-of date by which the remaining openings are filled with 50 % / 90 % chance (null: not that likely). */
  fillDaysP50: number | null;
  fillDaysP90: number | null;
  /** Chance the current pipeline fills every remaining opening at all. */
  fillChance: number | null;
}

/** P(at least k successes), the distribution cut at k (k absorbs): O(n k) instead of O(n²). */
function chanceOfAtLeast(probabilities: readonly number[], k: number): number {
  if (k <= 0) return 1;
  const state = new Array<number>(k + 1).fill(0);
  state[0] = 1;
  for (const p of probabilities) {
    state[k]! += state[k - 1]! * p;
    for (let i = k - 1; i >= 1; i--) state[i] = state[i]! * (1 - p) + state[i - 1]! * p;
    state[0] = state[0]! * (1 - p);
  }
  return state[k]!;
}

/** Share of the sorted sample at or below x (the empirical distribution function). */
function cdf(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return sorted.length ? lo / sorted.length : 0;
}

/**
 * Candidate i is hired with p(hire | their kind), independently of the others, on day T_i after the as-of
 * date, T_i drawn from the days-to-hire of their kind. The job fills by day d when at least `openingsLeft`
 * are hired by then: P = P(Poisson-binomial with p_i · F_i(d) >= openingsLeft), evaluated exactly at each
 * day the distributions step, so the dates are the smallest such days reaching 0.5 and 0.9.
 */
export function forecastJob(candidateKinds: readonly TActiveKind[], rates: TJobRates, openingsLeft: number): TJobForecast {
  const probabilities = candidateKinds.map((k) => rates.pHire[k]);
  if (probabilities.some((p) => p === null)) return { p10: null, p50: null, p90: null, fillDaysP50: null, fillDaysP90: null, fillChance: null };
  const ps = probabilities as number[];
  const left = Math.max(0, openingsLeft);
  const pmf = poissonBinomialPmf(ps);
  const capped = (q: number) => Math.min(left, pmfQuantile(pmf, q));
  const result: TJobForecast = { p10: capped(0.1), p50: capped(0.5), p90: capped(0.9), fillDaysP50: null, fillDaysP90: null, fillChance: left === 0 ? 1 : atLeast(pmf, left) };
  if (left === 0) return { ...result, fillDaysP50: 0, fillDaysP90: 0 };
  const days = [...new Set(candidateKinds.flatMap((k) => rates.daysToHire[k]))].sort((a, b) => a - b);
  for (const day of days) {
    const chance = chanceOfAtLeast(candidateKinds.map((k, i) => ps[i]! * cdf(rates.daysToHire[k], day)), left);
    if (result.fillDaysP50 === null && chance >= 0.5 - 1e-12) result.fillDaysP50 = day;
    if (chance >= 0.9 - 1e-12) {
      result.fillDaysP90 = day;
      break;
    }
  }
  return result;
}
