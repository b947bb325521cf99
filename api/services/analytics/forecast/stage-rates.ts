// What history says about each stage kind: how many candidates who entered it went on (pass-through), the
// chance of a hire from it (the product of the pass-throughs from it to the offer), and the days from
// entering it to the hire. Computed per job and for the whole organization, which a job with too little
// history of its own falls back to (docs/metrics.md#hiring-forecast). Pure: no I/O, unit tested.

/** The ordered stage kinds a candidate passes through to a hire; OTHER has no place in the order. */
export const ORDERED_KINDS = ['APPLIED', 'SCREEN', 'INTERVIEW', 'OFFER'] as const;
export type TActiveKind = (typeof ORDERED_KINDS)[number] | 'OTHER';
export const ACTIVE_KINDS: readonly TActiveKind[] = [...ORDERED_KINDS, 'OTHER'];
const ORDER: Record<string, number> = { APPLIED: 0, SCREEN: 1, INTERVIEW: 2, OFFER: 3, HIRED: 4 };

/** A job's own rate for a kind needs this many decided candidates; fewer, and the organization's is used. */
export const MIN_DECIDED = 5;
/** A job's own days-to-hire from a kind need this many hires; fewer, and the organization's are used. */
export const MIN_HIRES = 3;
const DAY_MS = 86_400_000;

/** One application's history as of the forecast date: when it first entered each kind, its kind now. */
export interface TApplicationHistory {
  jobId: string;
  firstEntered: Partial<Record<string, Date>>;
  kindAsOf: string | null;
}

export interface TKindStats {
  /** Entered the kind within the history window. */
  entered: number;
  /** Of those, decided by the as-of date: went on to a later kind, or were rejected. */
  decided: number;
  /** Of the decided, went on to a later kind (OTHER: were hired). */
  passed: number;
  /** Days from entering the kind to the hire, of those hired (sorted). */
  daysToHire: number[];
}

export type TKindTable = Record<TActiveKind, TKindStats>;

const emptyTable = (): TKindTable => Object.fromEntries(ACTIVE_KINDS.map((k) => [k, { entered: 0, decided: 0, passed: 0, daysToHire: [] }])) as unknown as TKindTable;

/** Counts per kind for the organization and per job, from applications that entered a kind in [from, to). */
export function kindStats(histories: readonly TApplicationHistory[], from: Date, to: Date): { org: TKindTable; byJob: Map<string, TKindTable> } {
  const org = emptyTable();
  const byJob = new Map<string, TKindTable>();
  for (const h of histories) {
    const job = byJob.get(h.jobId) ?? emptyTable();
    byJob.set(h.jobId, job);
    const hiredAt = h.firstEntered.HIRED;
    const isRejected = h.kindAsOf === 'REJECTED';
    for (const kind of ACTIVE_KINDS) {
      const at = h.firstEntered[kind];
      if (!at || at < from || at >= to) continue;
      const wentOn = kind === 'OTHER' ? !!hiredAt : Object.entries(h.firstEntered).some(([k, when]) => (ORDER[k] ?? -1) > ORDER[kind]! && when !== undefined && when >= at);
      const isDecided = wentOn || isRejected || !!hiredAt;
      for (const table of [org, job]) {
        const s = table[kind];
        s.entered += 1;
        if (isDecided) s.decided += 1;
        if (wentOn) s.passed += 1;
        if (hiredAt && hiredAt >= at) s.daysToHire.push((hiredAt.getTime() - at.getTime()) / DAY_MS);
      }
    }
  }
  for (const table of [org, ...byJob.values()]) for (const k of ACTIVE_KINDS) table[k].daysToHire.sort((a, b) => a - b);
  return { org, byJob };
}

export interface TJobRates {
  /** Pass-through per kind the job has (null: no decided candidate anywhere). */
  passThrough: Partial<Record<TActiveKind, number | null>>;
  /** p(hire | kind) for each active kind (null: unknown). */
  pHire: Record<TActiveKind, number | null>;
  /** Days from entering the kind to the hire (the empirical distribution), [] when unknown. */
  daysToHire: Record<TActiveKind, number[]>;
  /** Kinds whose rate or days came from the organization's history. */
  usesOrgFor: TActiveKind[];
}

/**
 * The rates a job's forecast uses: its own where it has MIN_DECIDED decided candidates (MIN_HIRES hires for
 * the days), else the organization's. p(hire | K) multiplies the pass-throughs of K and of every later kind
 * the job has a stage of (a kind the job skips loses no one); OTHER stages use their direct hire rate.
 */
export function jobRates(job: TKindTable | undefined, org: TKindTable, jobKinds: readonly string[]): TJobRates {
  const usesOrg = new Set<TActiveKind>();
  const pick = (kind: TActiveKind): TKindStats => {
    if (job && job[kind].decided >= MIN_DECIDED) return job[kind];
    usesOrg.add(kind);
    return org[kind];
  };
  const passThrough: TJobRates['passThrough'] = {};
  for (const kind of ACTIVE_KINDS) {
    if (!jobKinds.includes(kind)) continue;
    const s = pick(kind);
    passThrough[kind] = s.decided ? s.passed / s.decided : null;
  }
  const pHire = {} as TJobRates['pHire'];
  const daysToHire = {} as TJobRates['daysToHire'];
  for (const kind of ACTIVE_KINDS) {
    if (kind === 'OTHER') {
      // Its pass-through is its hire rate (passed = hired); a job without OTHER stages never needs it.
      pHire.OTHER = 'OTHER' in passThrough ? passThrough.OTHER! : (org.OTHER.decided ? org.OTHER.passed / org.OTHER.decided : null);
    } else {
      let p: number | null = 1;
      for (const later of ORDERED_KINDS.slice(ORDERED_KINDS.indexOf(kind))) {
        if (!(later in passThrough)) continue;
        const rate = passThrough[later];
        p = rate === null || rate === undefined || p === null ? null : p * rate;
      }
      pHire[kind] = p;
    }
    if (job && job[kind].daysToHire.length >= MIN_HIRES) daysToHire[kind] = job[kind].daysToHire;
    else {
      daysToHire[kind] = org[kind].daysToHire;
      if (jobKinds.includes(kind)) usesOrg.add(kind);
    }
  }
  return { passThrough, pHire, daysToHire, usesOrgFor: ACTIVE_KINDS.filter((k) => usesOrg.has(k)) };
}

/** The ordered kind with the lowest pass-through (the earliest on a tie); null when none has a rate. */
export function bottleneck(rates: TJobRates): { kind: TActiveKind; passThrough: number } | null {
  let worst: { kind: TActiveKind; passThrough: number } | null = null;
  for (const kind of ORDERED_KINDS) {
    const rate = rates.passThrough[kind];
    if (rate === null || rate === undefined) continue;
    if (!worst || rate < worst.passThrough) worst = { kind, passThrough: rate };
  }
  return worst;
}
