import scoreNode, { scoreCriteria, ZScoreCriteriaConfig, type TScreeningFacts } from '../../../workflows/graph/nodes/logic-score-criteria';

const config = ZScoreCriteriaConfig.parse({
  passScore: 60,
  criteria: [
    { kind: 'skills', label: 'TypeScript and Postgres', skills: ['TypeScript', 'postgresql'], points: 30 },
    { kind: 'skills', label: 'Any cloud', skills: ['aws', 'gcp'], match: 'any', points: 10 },
    { kind: 'min_years', label: '5+ years', years: 5, points: 20 },
    { kind: 'countries', label: 'EU hub', countries: ['DE', 'NL'], points: 10 },
    { kind: 'tags', label: 'Referred', tags: ['referral'], points: 5 },
    { kind: 'no_knockout_failures', label: 'Knockouts passed', points: 5 },
    { kind: 'keywords', label: 'Payments', q: 'payments -crypto', points: 20 },
  ],
});
const strong: TScreeningFacts = { skills: ['typescript', 'postgresql', 'gcp'], yearsExperience: 7, countryCode: 'DE', tags: ['referral'], knockoutFailures: [], keywordMatches: { 6: true } };

test('a strong profile meets every criterion and passes', () => {
  const result = scoreCriteria(config, strong);
  expect(result.score).toBe(100);
  expect(result.isPassed).toBe(true);
  expect(result.criteria.every((c) => c.isMet)).toBe(true);
});

test('each criterion can fail on its own', () => {
  const weak = scoreCriteria(config, { skills: ['typescript'], yearsExperience: null, countryCode: 'US', tags: [], knockoutFailures: ['work_permit'], keywordMatches: { 6: false } });
  expect(weak.criteria.map((c) => c.isMet)).toEqual([false, false, false, false, false, false, false]);
  expect(weak).toMatchObject({ score: 0, isPassed: false });
  const almost = scoreCriteria(config, { ...strong, yearsExperience: 4.9, keywordMatches: {} });
  expect(almost).toMatchObject({ score: 60, isPassed: true });
  expect(scoreCriteria(config, { ...strong, yearsExperience: 4.9, keywordMatches: {}, countryCode: 'FR' })).toMatchObject({ score: 50, isPassed: false });
});

test('config: a pass score no criteria can reach, and unknown kinds, are refused', () => {
  const tooHigh = ZScoreCriteriaConfig.safeParse({ passScore: 50, criteria: [{ kind: 'min_years', label: 'x', years: 1, points: 10 }] });
  expect(tooHigh.success).toBe(false);
  expect(tooHigh.error!.issues[0]!.path).toEqual(['passScore']);
  expect(ZScoreCriteriaConfig.safeParse({ passScore: 0, criteria: [{ kind: 'salary', label: 'x', points: 1 }] }).success).toBe(false);
});

test('the node follows pass or fail from the activity result', () => {
  const ctx = { nodeId: 'screen', config, run: { runId: 'r', workflowId: 'w', orgId: 'o', candidateId: 'c', applicationId: 'a' }, vars: {}, visit: 1, visits: {}, idempotencyKey: 'w/screen/1', memo: undefined, now: 0 };
  expect(scoreNode.start(ctx)).toMatchObject({ kind: 'activity', activity: 'scoreApplication', input: { passScore: 60, idempotencyKey: 'w/screen/1' } });
  expect(scoreNode.resume!(ctx, { type: 'activity.completed', result: { isPassed: true } })).toEqual({ kind: 'next', port: 'pass' });
  expect(scoreNode.resume!(ctx, { type: 'activity.completed', result: { isPassed: false } })).toEqual({ kind: 'next', port: 'fail' });
});

test('a criterion must carry the field of its kind, and no other', () => {
  const parse = (criterion: Record<string, unknown>) => ZScoreCriteriaConfig.safeParse({ passScore: 0, criteria: [{ label: 'x', points: 1, ...criterion }] });
  expect(parse({ kind: 'min_years' }).error!.issues.map((i) => i.path.join('.'))).toEqual(['criteria.0.years']);
  expect(parse({ kind: 'min_years', years: 3, tags: ['a'] }).error!.issues.map((i) => i.path.join('.'))).toEqual(['criteria.0.tags']);
  expect(parse({ kind: 'tags', tags: ['a'], match: 'any' }).error!.issues.map((i) => i.path.join('.'))).toEqual(['criteria.0.match']);
  expect(parse({ kind: 'no_knockout_failures' }).success).toBe(true);
});
