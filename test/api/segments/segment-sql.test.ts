// The segment SQL builder, condition by condition: the predicate each produces, values only ever as $n,
// placeholders numbered after a caller's own, and the query schema's refusals with their paths.
import { ZSegmentQuery } from '../../../api/services/segments/segment-query';
import { segmentCountSql, segmentMembersPageSql, segmentMembersSql, SegmentPredicate } from '../../../api/services/segments/segment-sql';

const hostile = `x'); DROP TABLE "Candidate"; --`;

/** The predicate of one condition, with its values. */
function predicate(condition: unknown) {
  const query = ZSegmentQuery.parse({ conditions: [condition] });
  const p = new SegmentPredicate('org-1');
  return { sql: p.condition(query.conditions[0]!), values: p.values.slice(1) };
}

function expectOnlyValues(statement: { text: string; values: unknown[] }) {
  expect(statement.text).not.toContain('DROP');
  const placeholders = new Set([...statement.text.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
  expect([...placeholders].sort((a, b) => a - b)).toEqual(statement.values.map((_, i) => i + 1));
}

describe('segment conditions', () => {
  test.each([
    [{ field: 'skills', values: ['TypeScript', 'Go'] }, 'c.skills @> $2::text[]', [['typescript', 'go']]],
    [{ field: 'skills', match: 'any', values: ['rust'] }, 'c.skills && $2::text[]', [['rust']]],
    [{ field: 'tags', values: ['alumni'] }, 'c.tags @> $2::text[]', [['alumni']]],
    [{ field: 'tags', match: 'any', values: ['a', 'b'] }, 'c.tags && $2::text[]', [['a', 'b']]],
    [{ field: 'tags', match: 'none', values: ['do-not-contact'] }, 'NOT (c.tags && $2::text[])', [['do-not-contact']]],
    [{ field: 'location', countryCodes: ['de', 'FR'] }, '(c."countryCode" = ANY($2::bpchar[]))', [['DE', 'FR']]],
    [{ field: 'location', countryCodes: ['DE'], city: 'Berlin' }, '(c."countryCode" = ANY($2::bpchar[]) AND lower(c.city) = lower($3))', [['DE'], 'Berlin']],
    [{ field: 'interest_level', values: ['HOT', 'WARM'] }, '(c."interestLevel" = ANY($2::text[]))', [['HOT', 'WARM']]],
    [{ field: 'interest_level', values: ['UNSET', 'COLD'] }, '(c."interestLevel" = ANY($2::text[]) OR c."interestLevel" IS NULL)', [['COLD']]],
    [{ field: 'interest_level', values: ['UNSET'] }, '(c."interestLevel" IS NULL)', []],
    [{ field: 'keywords', q: 'rust -java' }, `c."searchVector" @@ websearch_to_tsquery('simple', $2)`, ['rust -java']],
    [{ field: 'years_experience', min: 2.5 }, '(c."yearsExperience" >= $2)', [2.5]],
    [{ field: 'engagement_score', min: 10, max: 50 }, '(c."engagementScore" >= $2 AND c."engagementScore" <= $3)', [10, 50]],
    [{ field: 'last_contacted', notWithinDays: 90 }, '((c."lastContactedAt" IS NULL OR c."lastContactedAt" < now() - make_interval(days => $2::int)))', [90]],
    [{ field: 'last_contacted', isNever: true }, 'c."lastContactedAt" IS NULL', []],
    [{ field: 'last_engaged', withinDays: 30 }, '(c."lastEngagedAt" >= now() - make_interval(days => $2::int))', [30]],
    [{ field: 'last_replied', after: '2026-01-01T00:00:00Z', before: '2026-02-01T00:00:00Z' }, '(c."lastRepliedAt" >= $2::timestamptz AND c."lastRepliedAt" < $3::timestamptz)', ['2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z']],
    [{ field: 'created', withinDays: 7 }, '(c."createdAt" >= now() - make_interval(days => $2::int))', [7]],
    [{ field: 'applications', match: 'none' }, 'NOT EXISTS (SELECT 1 FROM "Application" a WHERE a."candidateId" = c.id AND a."orgId" = $1)', []],
    [{ field: 'applications', jobId: 'j1', stageId: 's1', statuses: ['ACTIVE'], source: 'referral', appliedWithinDays: 14 },
      'EXISTS (SELECT 1 FROM "Application" a WHERE a."candidateId" = c.id AND a."orgId" = $1 AND a."jobId" = $2 AND a."stageId" = $3 AND a.status = ANY($4::"ApplicationStatus"[]) AND a.source = $5 AND a."appliedAt" >= now() - make_interval(days => $6::int))',
      ['j1', 's1', ['ACTIVE'], 'referral', 14]],
    [{ field: 'engagement', kinds: ['CLICKED', 'REPLIED'], withinDays: 30, campaignId: 'camp' },
      'EXISTS (SELECT 1 FROM "EngagementEvent" e WHERE e."candidateId" = c.id AND e.kind = ANY($2::"EngagementKind"[]) AND e.at >= now() - make_interval(days => $3::int) AND e."campaignId" = $4)',
      [['CLICKED', 'REPLIED'], 30, 'camp']],
    [{ field: 'engagement', match: 'none', kinds: ['ATTENDED'], eventId: 'ev' }, 'NOT EXISTS (SELECT 1 FROM "EngagementEvent" e WHERE e."candidateId" = c.id AND e.kind = ANY($2::"EngagementKind"[]) AND e."eventId" = $3)', [['ATTENDED'], 'ev']],
    [{ field: 'pools', poolIds: ['p1'] }, 'EXISTS (SELECT 1 FROM "TalentPoolMember" m WHERE m."candidateId" = c.id AND m."poolId" = ANY($2::text[]))', [['p1']]],
    [{ field: 'pools', match: 'none', poolIds: ['p1'] }, 'NOT EXISTS (SELECT 1 FROM "TalentPoolMember" m WHERE m."candidateId" = c.id AND m."poolId" = ANY($2::text[]))', [['p1']]],
    [{ field: 'source', values: ['referral'] }, 'c.source = ANY($2::text[])', [['referral']]],
    [{ field: 'kind', value: 'PROSPECT' }, 'c.kind = $2::"CandidateKind"', ['PROSPECT']],
    [{ field: 'has_email', value: true }, 'c.email IS NOT NULL', []],
    [{ field: 'has_email', value: false }, 'c.email IS NULL', []],
  ])('%j', (condition, sql, values) => {
    expect(predicate(condition)).toEqual({ sql, values });
  });

  test('stages reached: the current stage or any stage passed through, set-oriented; none negates the whole set', () => {
    const { sql, values } = predicate({ field: 'stage_reached', stageKinds: ['INTERVIEW', 'OFFER'], stageName: 'Onsite', jobId: 'j1' });
    expect(values).toEqual([['INTERVIEW', 'OFFER'], 'Onsite', 'j1']);
    expect(sql).toMatch(/^c\.id IN \(SELECT a\."candidateId" FROM "Application" a WHERE a\."stageId" IN \(SELECT s\.id FROM "Stage" s JOIN "Job" j ON j\.id = s\."jobId" WHERE j\."orgId" = \$1/);
    expect(sql).toContain('UNION SELECT a."candidateId" FROM "StageTransition" t JOIN "Application" a ON a.id = t."applicationId" WHERE t."toStageId" IN (');
    expect(sql).toContain(`s.kind = ANY($2::"StageKind"[]) AND lower(s.name) = lower($3) AND s."jobId" = $4`);
    expect(predicate({ field: 'stage_reached', match: 'none', stageKinds: ['HIRED'] }).sql).toMatch(/^NOT \(c\.id IN \(.*\)\)$/s);
  });

  test('contactable: an email whose suppression hash (as address-hash.ts computes it) is not on the list', () => {
    expect(predicate({ field: 'contactable', value: true }).sql).toBe(
      `(c.email IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Suppression" s WHERE s."orgId" = c."orgId" AND s."addressHash" = encode(sha256(convert_to('suppression:' || c."orgId" || ':' || lower(btrim(c.email)), 'UTF8')), 'hex')))`,
    );
    expect(predicate({ field: 'contactable', value: false }).sql).toMatch(/^\(c\.email IS NULL OR EXISTS \(SELECT 1 FROM "Suppression"/);
  });

  test('any_of is one parenthesised OR of its conditions', () => {
    expect(predicate({ field: 'any_of', conditions: [{ field: 'kind', value: 'APPLICANT' }, { field: 'tags', values: ['vip'] }] })).toEqual({
      sql: '(c.kind = $2::"CandidateKind" OR c.tags @> $3::text[])', values: ['APPLICANT', ['vip']],
    });
  });
});

describe('segment statements', () => {
  const query = ZSegmentQuery.parse({
    conditions: [
      { field: 'skills', values: [hostile] }, { field: 'keywords', q: hostile }, { field: 'location', countryCodes: ['DE'], city: hostile },
      { field: 'stage_reached', stageName: hostile, jobId: hostile }, { field: 'applications', jobId: hostile, source: hostile },
      { field: 'any_of', conditions: [{ field: 'tags', match: 'none', values: [hostile] }, { field: 'source', values: [hostile] }] },
    ],
  });

  test('live profiles of the organization only, input only as values', () => {
    for (const statement of [segmentCountSql('org-1', query), segmentMembersSql('org-1', query), segmentMembersPageSql('org-1', query, { limit: 10, after: { createdAt: '2026-01-01T00:00:00.000Z', id: hostile } })]) {
      expect(statement.text).toContain(`c."orgId" = $1`);
      expect(statement.text).toContain(`c."mergedIntoId" IS NULL`);
      expect(statement.text).toContain(`c."anonymizedAt" IS NULL`);
      expectOnlyValues(statement);
    }
    expect(segmentCountSql('org-1', { conditions: [] }).text).toMatch(/^SELECT count\(\*\)::int AS count FROM "Candidate" c WHERE c\."orgId" = \$1\s+AND c\."mergedIntoId" IS NULL\s+AND c\."anonymizedAt" IS NULL$/);
  });

  test("members SQL numbers its placeholders after the caller's values, to sit inside an INSERT ... SELECT", () => {
    const values: unknown[] = ['campaign-1', 'version-1'];
    const members = segmentMembersSql('org-1', { conditions: [{ field: 'kind', value: 'PROSPECT' }] }, { values, candidateIds: ['c1'] });
    expect(members.values).toBe(values);
    expect(members.values).toEqual(['campaign-1', 'version-1', 'org-1', ['c1'], 'PROSPECT']);
    expect(members.text).toBe(`SELECT c.id FROM "Candidate" c WHERE c."orgId" = $3\n   AND c."mergedIntoId" IS NULL\n   AND c."anonymizedAt" IS NULL\n   AND c.id = ANY($4::text[])\n   AND c.kind = $5::"CandidateKind"`);
  });

  test('member pages are newest profile first, keyset on (createdAt, id), one extra row to know there is more', () => {
    const page = segmentMembersPageSql('org-1', { conditions: [] }, { limit: 25, after: { createdAt: '2026-01-01T00:00:00.000Z', id: 'c9' } });
    expect(page.text).toContain(`(c."createdAt", c.id) < ($2::timestamptz, $3)`);
    expect(page.text).toMatch(/ORDER BY c\."createdAt" DESC, c\.id DESC LIMIT \$4$/);
    expect(page.values).toEqual(['org-1', '2026-01-01T00:00:00.000Z', 'c9', 26]);
  });
});

describe('ZSegmentQuery refusals name the path', () => {
  const issues = (query: unknown) => {
    const r = ZSegmentQuery.safeParse(query);
    return r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message]);
  };

  test.each([
    [{ conditions: [{ field: 'salary' }] }, 'conditions.0.field'],
    [{ conditions: [{ field: 'skills', values: [] }] }, 'conditions.0.values'],
    [{ conditions: [{ field: 'tags', values: ['a'], colour: 'red' }] }, 'conditions.0'],
    [{ conditions: [{ field: 'last_contacted' }] }, 'conditions.0'],
    [{ conditions: [{ field: 'last_contacted', withinDays: 5, notWithinDays: 9 }] }, 'conditions.0.notWithinDays'],
    [{ conditions: [{ field: 'last_contacted', isNever: true, withinDays: 5 }] }, 'conditions.0.isNever'],
    [{ conditions: [{ field: 'created', isNever: true }] }, 'conditions.0.isNever'],
    [{ conditions: [{ field: 'last_engaged', after: '2026-02-01T00:00:00Z', before: '2026-01-01T00:00:00Z' }] }, 'conditions.0.before'],
    [{ conditions: [{ field: 'engagement_score', min: 9, max: 1 }] }, 'conditions.0.max'],
    [{ conditions: [{ field: 'engagement_score' }] }, 'conditions.0'],
    [{ conditions: [{ field: 'location', countryCodes: ['Germany'] }] }, 'conditions.0.countryCodes.0'],
    [{ conditions: [{ field: 'stage_reached', jobId: 'j' }] }, 'conditions.0.stageKinds'],
    [{ conditions: [{ field: 'interest_level', values: ['LUKEWARM'] }] }, 'conditions.0.values.0'],
    [{ conditions: [{ field: 'engagement', kinds: ['OPENED'] }] }, 'conditions.0.kinds.0'],
    [{ conditions: [{ field: 'any_of', conditions: [{ field: 'kind', value: 'PROSPECT' }] }] }, 'conditions.0.conditions'],
    [{ conditions: [{ field: 'any_of', conditions: [{ field: 'any_of', conditions: [] }, { field: 'kind', value: 'PROSPECT' }] }] }, 'conditions.0.conditions.0.field'],
    [{ conditions: [], extra: true }, ''],
    [{ conditions: Array.from({ length: 31 }, () => ({ field: 'has_email', value: true })) }, 'conditions'],
  ])('%j is refused at %s', (query, path) => {
    const found = issues(query);
    expect(found.length).toBeGreaterThan(0);
    expect(found.map(([p]) => p)).toContain(path);
  });

  test('opens are not a segment condition: they are unreliable (privacy proxies fetch every image)', () => {
    expect(issues({ conditions: [{ field: 'engagement', kinds: ['OPENED'] }] })[0]![1]).toMatch(/CLICKED/);
  });
});
