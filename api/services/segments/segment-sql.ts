// Turns a validated segment query (segment-query.ts) into SQL over the organization's live profiles (not
// merged, not anonymized). User input only ever travels as $n values, never inside the text. Campaigns
// embed `segmentMembersSql` in INSERT ... SELECT (enrollment, the auto-enroll sweep); the segment API
// counts and pages members with the same predicate, so a count and an enrollment cannot disagree.
import type { TAnyOfCondition, TSegmentCondition, TSegmentQuery } from './segment-query';

export interface SegmentStatement {
  text: string;
  values: unknown[];
}

export interface SegmentSqlOptions {
  /**
   * The caller's own values: the segment's are appended and its placeholders numbered after them, so the
   * statement can sit inside a larger one (INSERT INTO "Run" ... SELECT ... WHERE c.id IN (<members>)).
   */
  values?: unknown[];
  /** Only these candidates (is this person in the segment now?). */
  candidateIds?: string[];
}

/** Days before now, as SQL, for relative windows ("within the last 30 days"). */
const daysAgo = (param: string) => `now() - make_interval(days => ${param}::int)`;

/** SHA-256 of the organization and the lower-cased address, as api/services/messaging/address-hash.ts computes it. */
export const SUPPRESSION_HASH_OF_EMAIL = `encode(sha256(convert_to('suppression:' || c."orgId" || ':' || lower(btrim(c.email)), 'UTF8')), 'hex')`;

/** Builds the WHERE clause of a segment over `"Candidate" c`, numbering values as it goes. */
export class SegmentPredicate {
  readonly values: unknown[];
  readonly orgParam: string;

  constructor(orgId: string, values: unknown[] = []) {
    this.values = values;
    this.orgParam = this.$(orgId);
  }

  $(value: unknown): string {
    return `$${this.values.push(value)}`;
  }

  /** Live profiles of the organization, then every condition. */
  where(query: TSegmentQuery, candidateIds?: string[]): string[] {
    const clauses = [`c."orgId" = ${this.orgParam}`, `c."mergedIntoId" IS NULL`, `c."anonymizedAt" IS NULL`];
    if (candidateIds) clauses.push(`c.id = ANY(${this.$(candidateIds)}::text[])`);
    for (const condition of query.conditions) clauses.push(this.condition(condition));
    return clauses;
  }

  condition(c: TSegmentCondition | TAnyOfCondition): string {
    switch (c.field) {
      case 'any_of':
        return `(${c.conditions.map((inner) => this.condition(inner)).join(' OR ')})`;
      case 'skills':
        return `c.skills ${c.match === 'all' ? '@>' : '&&'} ${this.$(c.values)}::text[]`;
      case 'tags':
        if (c.match === 'none') return `NOT (c.tags && ${this.$(c.values)}::text[])`;
        return `c.tags ${c.match === 'all' ? '@>' : '&&'} ${this.$(c.values)}::text[]`;
      case 'location': {
        const parts = [`c."countryCode" = ANY(${this.$(c.countryCodes)}::bpchar[])`];
        if (c.city) parts.push(`lower(c.city) = lower(${this.$(c.city)})`);
        return `(${parts.join(' AND ')})`;
      }
      case 'interest_level': {
        const levels = c.values.filter((v) => v !== 'UNSET');
        const parts = levels.length ? [`c."interestLevel" = ANY(${this.$(levels)}::text[])`] : [];
        if (c.values.includes('UNSET')) parts.push(`c."interestLevel" IS NULL`);
        return `(${parts.join(' OR ')})`;
      }
      case 'keywords':
        return `c."searchVector" @@ websearch_to_tsquery('simple', ${this.$(c.q)})`;
      case 'years_experience':
        return this.range(`c."yearsExperience"`, c);
      case 'engagement_score':
        return this.range(`c."engagementScore"`, c);
      case 'last_contacted':
        return this.window(`c."lastContactedAt"`, c);
      case 'last_engaged':
        return this.window(`c."lastEngagedAt"`, c);
      case 'last_replied':
        return this.window(`c."lastRepliedAt"`, c);
      case 'created':
        return this.window(`c."createdAt"`, c);
      case 'stage_reached':
        return c.match === 'none' ? `NOT (${this.stageReached(c)})` : this.stageReached(c);
      case 'applications': {
        // The orgId test lets "no hired application" read the organization's hired applications (orgId, status)
        // rather than every application; per person, the covering index on candidateId holds orgId too.
        const filters = [`a."candidateId" = c.id`, `a."orgId" = ${this.orgParam}`];
        if (c.jobId) filters.push(`a."jobId" = ${this.$(c.jobId)}`);
        if (c.stageId) filters.push(`a."stageId" = ${this.$(c.stageId)}`);
        if (c.statuses) filters.push(`a.status = ANY(${this.$(c.statuses)}::"ApplicationStatus"[])`);
        if (c.source) filters.push(`a.source = ${this.$(c.source)}`);
        if (c.appliedWithinDays) filters.push(`a."appliedAt" >= ${daysAgo(this.$(c.appliedWithinDays))}`);
        return `${c.match === 'none' ? 'NOT ' : ''}EXISTS (SELECT 1 FROM "Application" a WHERE ${filters.join(' AND ')})`;
      }
      case 'engagement': {
        const filters = [`e."candidateId" = c.id`, `e.kind = ANY(${this.$(c.kinds)}::"EngagementKind"[])`];
        if (c.withinDays) filters.push(`e.at >= ${daysAgo(this.$(c.withinDays))}`);
        if (c.campaignId) filters.push(`e."campaignId" = ${this.$(c.campaignId)}`);
        if (c.eventId) filters.push(`e."eventId" = ${this.$(c.eventId)}`);
        return `${c.match === 'none' ? 'NOT ' : ''}EXISTS (SELECT 1 FROM "EngagementEvent" e WHERE ${filters.join(' AND ')})`;
      }
      case 'pools':
        return `${c.match === 'none' ? 'NOT ' : ''}EXISTS (SELECT 1 FROM "TalentPoolMember" m WHERE m."candidateId" = c.id AND m."poolId" = ANY(${this.$(c.poolIds)}::text[]))`;
      case 'source':
        return `c.source = ANY(${this.$(c.values)}::text[])`;
      case 'kind':
        return `c.kind = ${this.$(c.value)}::"CandidateKind"`;
      case 'has_email':
        return c.value ? `c.email IS NOT NULL` : `c.email IS NULL`;
      case 'contactable': {
        const isSuppressed = `EXISTS (SELECT 1 FROM "Suppression" s WHERE s."orgId" = c."orgId" AND s."addressHash" = ${SUPPRESSION_HASH_OF_EMAIL})`;
        return c.value ? `(c.email IS NOT NULL AND NOT ${isSuppressed})` : `(c.email IS NULL OR ${isSuppressed})`;
      }
    }
  }

  private range(column: string, c: { min?: number; max?: number }): string {
    const parts: string[] = [];
    if (c.min !== undefined) parts.push(`${column} >= ${this.$(c.min)}`);
    if (c.max !== undefined) parts.push(`${column} <= ${this.$(c.max)}`);
    return `(${parts.join(' AND ')})`;
  }

  private window(column: string, c: { withinDays?: number; notWithinDays?: number; after?: string; before?: string; isNever?: true }): string {
    if (c.isNever) return `${column} IS NULL`;
    const parts: string[] = [];
    if (c.withinDays !== undefined) parts.push(`${column} >= ${daysAgo(this.$(c.withinDays))}`);
    if (c.notWithinDays !== undefined) parts.push(`(${column} IS NULL OR ${column} < ${daysAgo(this.$(c.notWithinDays))})`);
    if (c.after !== undefined) parts.push(`${column} >= ${this.$(c.after)}::timestamptz`);
    if (c.before !== undefined) parts.push(`${column} < ${this.$(c.before)}::timestamptz`);
    return `(${parts.join(' AND ')})`;
  }

  /**
   * Reached one of the stages in some application: the stage it is in now, or one it passed through (a
   * StageTransition into it). Set-oriented (the org's matching stages, then their applications), so a count
   * over many profiles reads the applications once instead of probing per profile.
   */
  private stageReached(c: Extract<TSegmentCondition, { field: 'stage_reached' }>): string {
    const stageFilters = [`j."orgId" = ${this.orgParam}`];
    if (c.stageKinds) stageFilters.push(`s.kind = ANY(${this.$(c.stageKinds)}::"StageKind"[])`);
    if (c.stageName) stageFilters.push(`lower(s.name) = lower(${this.$(c.stageName)})`);
    if (c.jobId) stageFilters.push(`s."jobId" = ${this.$(c.jobId)}`);
    const stages = `SELECT s.id FROM "Stage" s JOIN "Job" j ON j.id = s."jobId" WHERE ${stageFilters.join(' AND ')}`;
    // The stages are the organization's, so their applications and transitions are too (no orgId test needed).
    return `c.id IN (SELECT a."candidateId" FROM "Application" a WHERE a."stageId" IN (${stages})
      UNION SELECT a."candidateId" FROM "StageTransition" t JOIN "Application" a ON a.id = t."applicationId" WHERE t."toStageId" IN (${stages}))`;
  }
}

/** `SELECT c.id FROM "Candidate" c WHERE <segment>`: the segment's member ids now. */
export function segmentMembersSql(orgId: string, query: TSegmentQuery, options: SegmentSqlOptions = {}): SegmentStatement {
  const predicate = new SegmentPredicate(orgId, options.values ?? []);
  const where = predicate.where(query, options.candidateIds);
  return { text: `SELECT c.id FROM "Candidate" c WHERE ${where.join('\n   AND ')}`, values: predicate.values };
}

/** The number of members now. */
export function segmentCountSql(orgId: string, query: TSegmentQuery): SegmentStatement {
  const predicate = new SegmentPredicate(orgId);
  const where = predicate.where(query);
  return { text: `SELECT count(*)::int AS count FROM "Candidate" c WHERE ${where.join('\n   AND ')}`, values: predicate.values };
}

export const SEGMENT_MEMBER_COLUMNS = `c.id, c.kind, c."firstName", c."lastName", c.email, c.headline, c.city, c."countryCode", c.skills, c.tags,
       c.source, c."interestLevel", c."engagementScore", c."lastContactedAt", c."lastEngagedAt", c."createdAt"`;

/** One page of members, newest profile first, keyset on (createdAt, id): the candidate list's own index order. */
export function segmentMembersPageSql(orgId: string, query: TSegmentQuery, page: { limit: number; after?: { createdAt: string; id: string } }): SegmentStatement {
  const predicate = new SegmentPredicate(orgId);
  const where = predicate.where(query);
  if (page.after) where.push(`(c."createdAt", c.id) < (${predicate.$(page.after.createdAt)}::timestamptz, ${predicate.$(page.after.id)})`);
  return {
    text: `SELECT ${SEGMENT_MEMBER_COLUMNS} FROM "Candidate" c WHERE ${where.join('\n   AND ')}
 ORDER BY c."createdAt" DESC, c.id DESC LIMIT ${predicate.$(page.limit + 1)}`,
    values: predicate.values,
  };
}
