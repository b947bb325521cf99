// The number of successes among independent trials with different probabilities (the Poisson-binomial
// distribution), computed exactly by dynamic programming: the forecast's interval of expected hires and the
// chance a job fills by a date (docs/metrics.md#hiring-forecast). Pure: no I/O, unit tested.

/** P(X = k) for k = 0..n, X the number of successes of independent trials with these probabilities. */
export function poissonBinomialPmf(probabilities: readonly number[]): number[] {
  let pmf = [1];
  for (const raw of probabilities) {
    const p = Math.min(1, Math.max(0, raw));
    const next = new Array<number>(pmf.length + 1).fill(0);
    for (let k = 0; k < pmf.length; k++) {
      next[k]! += pmf[k]! * (1 - p);
      next[k + 1]! += pmf[k]! * p;
    }
    pmf = next;
  }
  return pmf;
}

/** The smallest k with P(X <= k) >= q (q in (0, 1]). A tolerance absorbs rounding in the sums. */
export function pmfQuantile(pmf: readonly number[], q: number): number {
  let cumulative = 0;
  for (let k = 0; k < pmf.length; k++) {
    cumulative += pmf[k]!;
    if (cumulative >= q - 1e-12) return k;
  }
  return pmf.length - 1;
}

/** P(X >= k). */
export function atLeast(pmf: readonly number[], k: number): number {
  if (k <= 0) return 1;
  let sum = 0;
  for (let i = k; i < pmf.length; i++) sum += pmf[i]!;
  return Math.min(1, sum);
}

/** The distribution of min(X, cap): the mass above the cap is piled on it (a job hires at most its openings). */
export function capPmf(pmf: readonly number[], cap: number): number[] {
  if (pmf.length <= cap + 1) return [...pmf];
  return [...pmf.slice(0, cap), pmf.slice(cap).reduce((a, b) => a + b, 0)];
}

/** The distribution of the sum of two independent counts. */
export function convolvePmf(a: readonly number[], b: readonly number[]): number[] {
  const out = new Array<number>(a.length + b.length - 1).fill(0);
  a.forEach((x, i) => b.forEach((y, j) => { out[i + j]! += x * y; }));
  return out;
}
