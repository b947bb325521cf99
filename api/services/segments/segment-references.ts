// The records a segment query names (pools, jobs, stages, campaigns, events) must be the organization's own:
// another's id, or none, is a 404 naming the condition's path, rather than a segment that silently matches
// nobody. Also: a saved segment's query, and a candidate search's filters as a segment query.
import type { Pool } from 'pg';
import { AppError, type ErrorDetail } from '../../errors';
import type { TCandidateSearchQuery } from '../../search/candidate-search-request';
import { ZSegmentQuery, type TAnyOfCondition, type TSegmentCondition, type TSegmentQuery } from './segment-query';

type RefKind = 'pool' | 'job' | 'stage' | 'campaign' | 'event';
interface Ref { kind: RefKind; id: string; path: string }

const EXISTS_SQL: Record<RefKind, string> = {
  pool: `SELECT id FROM "TalentPool" WHERE "orgId" = $1 AND id = ANY($2::text[])`,
  job: `SELECT id FROM "Job" WHERE "orgId" = $1 AND id = ANY($2::text[])`,
  stage: `SELECT s.id FROM "Stage" s JOIN "Job" j ON j.id = s."jobId" WHERE j."orgId" = $1 AND s.id = ANY($2::text[])`,
  campaign: `SELECT id FROM "Campaign" WHERE "orgId" = $1 AND id = ANY($2::text[])`,
  event: `SELECT id FROM "RecruitingEvent" WHERE "orgId" = $1 AND id = ANY($2::text[])`,
};

function refsOf(condition: TSegmentCondition | TAnyOfCondition, path: string): Ref[] {
  switch (condition.field) {
    case 'any_of':
      return condition.conditions.flatMap((c, i) => refsOf(c, `${path}.conditions.${i}`));
    case 'pools':
      return condition.poolIds.map((id, i) => ({ kind: 'pool', id, path: `${path}.poolIds.${i}` }));
    case 'stage_reached':
      return condition.jobId ? [{ kind: 'job', id: condition.jobId, path: `${path}.jobId` }] : [];
    case 'applications':
      return [
        ...(condition.jobId ? [{ kind: 'job' as const, id: condition.jobId, path: `${path}.jobId` }] : []),
        ...(condition.stageId ? [{ kind: 'stage' as const, id: condition.stageId, path: `${path}.stageId` }] : []),
      ];
    case 'engagement':
      return [
        ...(condition.campaignId ? [{ kind: 'campaign' as const, id: condition.campaignId, path: `${path}.campaignId` }] : []),
        ...(condition.eventId ? [{ kind: 'event' as const, id: condition.eventId, path: `${path}.eventId` }] : []),
      ];
    default:
      return [];
  }
}

export async function assertSegmentReferences(pool: Pick<Pool, 'query'>, orgId: string, query: TSegmentQuery, path: string): Promise<void> {
  const refs = query.conditions.flatMap((c, i) => refsOf(c, `${path}.conditions.${i}`));
  const missing: ErrorDetail[] = [];
  for (const kind of Object.keys(EXISTS_SQL) as RefKind[]) {
    const ofKind = refs.filter((r) => r.kind === kind);
    if (!ofKind.length) continue;
    const { rows } = await pool.query<{ id: string }>(EXISTS_SQL[kind], [orgId, [...new Set(ofKind.map((r) => r.id))]]);
    const found = new Set(rows.map((r) => r.id));
    for (const r of ofKind) if (!found.has(r.id)) missing.push({ path: r.path, message: `no ${kind} with this id in your organization`, code: 'not_found' });
  }
  if (missing.length) throw new AppError('NOT_FOUND', `the segment names records that do not exist: ${missing.map((m) => m.path).join(', ')}`, missing);
}

/** A saved segment's query (validated again: a stored query is read as the current schema reads it). */
export async function loadSegmentQuery(pool: Pick<Pool, 'query'>, orgId: string, segmentId: string, path: string): Promise<TSegmentQuery> {
  const { rows: [segment] } = await pool.query<{ query: unknown }>(`SELECT query FROM "Segment" WHERE id = $1 AND "orgId" = $2`, [segmentId, orgId]);
  if (!segment) throw new AppError('NOT_FOUND', `segment ${segmentId} not found`, [{ path, message: 'no segment with this id in your organization' }]);
  const parsed = ZSegmentQuery.safeParse(segment.query);
  if (!parsed.success) throw new AppError('CONFLICT', `segment ${segmentId} holds a query this version cannot read; edit and save it again`, [{ path, message: 'stored query is invalid' }]);
  return parsed.data;
}

/** A candidate search's filters (keywords, skills, years, location, tags, one application's job/stage/source/status) as a segment query. */
export async function searchAsSegmentQuery(pool: Pick<Pool, 'query'>, orgId: string, search: TCandidateSearchQuery, path: string): Promise<TSegmentQuery> {
  const conditions: TSegmentCondition[] = [];
  if (search.q) conditions.push({ field: 'keywords', q: search.q });
  if (search.skills?.length) conditions.push({ field: 'skills', match: 'all', values: search.skills });
  if (search.minYears !== undefined || search.maxYears !== undefined) conditions.push({ field: 'years_experience', min: search.minYears, max: search.maxYears });
  if (search.location) conditions.push({ field: 'location', countryCodes: [search.location.countryCode], city: search.location.city });
  if (search.tags?.length) conditions.push({ field: 'tags', match: 'all', values: search.tags });
  if (search.jobId || search.stageId || search.source || search.status) {
    conditions.push({ field: 'applications', match: 'some', jobId: search.jobId, stageId: search.stageId, source: search.source, statuses: search.status ? [search.status] : undefined });
  }
  const query = { conditions };
  try {
    await assertSegmentReferences(pool, orgId, query, path);
  } catch (err) {
    // Name the search's own fields (body.search.jobId), not the condition they became.
    if (err instanceof AppError) throw new AppError(err.code, err.message, err.details.map((d) => ({ ...d, path: d.path.replace(/\.conditions\.\d+\./, '.') })));
    throw err;
  }
  return query;
}
