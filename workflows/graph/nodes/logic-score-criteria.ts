// Screening by predefined criteria: score an application against the
// candidate's parsed profile (skills, years, country, tags, knockout answers,
// keywords in the resume) and follow `pass` or `fail`. Auto-reject is `fail`
// wired to action.reject. Pure: the scoring rule lives here so the activity,
// the simulator and the tests share it.
import { z } from 'zod';
import { defineNode, type RunRef } from '../node-definition';

const ZPoints = z.number().int().min(0).max(100);
const ZLabel = z.string().trim().min(1).max(100);

export const CRITERION_KINDS = ['skills', 'min_years', 'countries', 'tags', 'no_knockout_failures', 'keywords'] as const;
/** The field each kind needs; the others must stay empty. */
const NEEDS: Record<(typeof CRITERION_KINDS)[number], 'skills' | 'years' | 'countries' | 'tags' | 'q' | null> = {
  skills: 'skills', min_years: 'years', countries: 'countries', tags: 'tags', no_knockout_failures: null, keywords: 'q',
};
const KIND_FIELDS = ['skills', 'years', 'countries', 'tags', 'q'] as const;

/**
 * One flat object per criterion (not a union), so the builder draws it as a
 * form: `kind` says which of the optional fields it needs.
 */
export const ZCriterion = z
  .object({
    kind: z.enum(CRITERION_KINDS),
    label: ZLabel,
    points: ZPoints,
    /** skills: all of these (match all) or one of them (match any); lower-case like the profile. */
    skills: z.array(ZLabel.transform((s) => s.toLowerCase())).min(1).max(20).optional(),
    match: z.enum(['all', 'any']).optional(),
    /** min_years: at least this many years of experience. */
    years: z.number().min(0).max(80).optional(),
    /** countries: ISO 3166-1 alpha-2. */
    countries: z.array(z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2, upper case')).min(1).max(50).optional(),
    /** tags: all of these. */
    tags: z.array(ZLabel).min(1).max(20).optional(),
    /** keywords: web-search syntax over the profile and resume, as the candidate search reads it. */
    q: z.string().trim().min(1).max(200).optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    const needed = NEEDS[c.kind];
    if (needed && c[needed] === undefined) ctx.addIssue({ code: 'custom', path: [needed], message: `a ${c.kind} criterion needs ${needed}` });
    for (const field of KIND_FIELDS) if (field !== needed && c[field] !== undefined) ctx.addIssue({ code: 'custom', path: [field], message: `not used by a ${c.kind} criterion` });
    if (c.match !== undefined && c.kind !== 'skills') ctx.addIssue({ code: 'custom', path: ['match'], message: 'only skills criteria match all or any' });
  });
export type TCriterion = z.infer<typeof ZCriterion>;

export const ZScoreCriteriaConfig = z
  .object({
    criteria: z.array(ZCriterion).min(1).max(20),
    /** The application passes when its score (sum of the points of the criteria it meets) reaches this. */
    passScore: z.number().int().min(0).max(2000),
  })
  .strict()
  .refine((c) => c.passScore <= c.criteria.reduce((s, x) => s + x.points, 0), { message: 'higher than the most points the criteria can give', path: ['passScore'] });
export type TScoreCriteriaConfig = z.infer<typeof ZScoreCriteriaConfig>;

/** What the criteria are checked against, read by the activity from the application and its candidate. */
export interface TScreeningFacts {
  skills: string[];
  yearsExperience: number | null;
  countryCode: string | null;
  tags: string[];
  knockoutFailures: string[];
  /** For each criterion (by index) of kind keywords: did the profile match? */
  keywordMatches: Record<number, boolean>;
}

export interface TCriterionResult {
  label: string;
  kind: TCriterion['kind'];
  isMet: boolean;
  points: number;
}

export interface TScreeningResult {
  score: number;
  isPassed: boolean;
  criteria: TCriterionResult[];
}

function isMet(criterion: TCriterion, index: number, facts: TScreeningFacts): boolean {
  switch (criterion.kind) {
    case 'skills': {
      const has = (s: string) => facts.skills.includes(s);
      const skills = criterion.skills ?? [];
      return criterion.match === 'any' ? skills.some(has) : skills.length > 0 && skills.every(has);
    }
    case 'min_years':
      return facts.yearsExperience !== null && criterion.years !== undefined && facts.yearsExperience >= criterion.years;
    case 'countries':
      return facts.countryCode !== null && (criterion.countries ?? []).includes(facts.countryCode);
    case 'tags':
      return (criterion.tags ?? []).length > 0 && criterion.tags!.every((t) => facts.tags.includes(t));
    case 'no_knockout_failures':
      return facts.knockoutFailures.length === 0;
    case 'keywords':
      return facts.keywordMatches[index] === true;
  }
}

export function scoreCriteria(config: TScoreCriteriaConfig, facts: TScreeningFacts): TScreeningResult {
  const criteria = config.criteria.map((c, i) => {
    const met = isMet(c, i, facts);
    return { label: c.label, kind: c.kind, isMet: met, points: met ? c.points : 0 };
  });
  const score = criteria.reduce((s, c) => s + c.points, 0);
  return { score, isPassed: score >= config.passScore, criteria };
}

export interface TScoreApplicationInput extends TScoreCriteriaConfig {
  run: RunRef;
  nodeId: string;
  idempotencyKey: string;
}

export default defineNode({
  type: 'logic.score_criteria',
  typeVersion: 1,
  category: 'logic',
  label: 'Score by criteria',
  docs:
    'Scores the application against predefined criteria (skills, minimum years of experience, countries, tags, no failed ' +
    'knockout question, keywords in the profile or resume in web-search syntax), each worth some points; the sum is ' +
    'stored on the application (screeningScore, with each criterion\'s result in screening) and the run follows `pass` ' +
    'when it reaches passScore, else `fail`. Wire `fail` to a reject node to auto-reject. Needs an application.',
  config: ZScoreCriteriaConfig,
  ports: () => ['pass', 'fail'],
  start: (ctx) => ({
    kind: 'activity',
    activity: 'scoreApplication',
    input: { ...ctx.config, run: ctx.run, nodeId: ctx.nodeId, idempotencyKey: ctx.idempotencyKey } satisfies TScoreApplicationInput,
  }),
  resume: (_ctx, event) => {
    const result = (event.type === 'activity.completed' ? event.result : undefined) as Partial<TScreeningResult> | undefined;
    return { kind: 'next', port: result?.isPassed ? 'pass' : 'fail' };
  },
});
