// Saved searches: a named, validated search query a recruiter keeps for
// themselves or shares with the organization. Running one re-validates the
// stored query (it may predate a schema change) and pages like a live search.
import { z } from 'zod';
import type { Pool } from 'pg';
import type { PrismaClient, Prisma } from '../../generated/prisma/client';
import { AppError, notFound } from '../errors';
import type { AuthContext } from '../auth';
import { ZCandidateSearchQuery, type TCandidateSearchPage } from '../search/candidate-search-request';
import { searchCandidates, type CandidateSearchResult } from './search-candidates';

export const ZCreateSavedSearch = z
  .object({
    name: z.string().trim().min(1).max(100),
    query: ZCandidateSearchQuery,
    isShared: z.boolean().default(false),
  })
  .strict();
export type TCreateSavedSearch = z.infer<typeof ZCreateSavedSearch>;

const SELECT = { id: true, name: true, query: true, isShared: true, ownerId: true, createdAt: true, updatedAt: true } as const;

/** Visible = mine, or shared in my organization; anything else is a 404 (no hint that it exists). */
async function findVisible(prisma: PrismaClient, auth: AuthContext, id: string) {
  const saved = await prisma.savedSearch.findFirst({ where: { id, orgId: auth.orgId, OR: [{ ownerId: auth.userId }, { isShared: true }] }, select: SELECT });
  if (!saved) throw notFound('Saved search', id);
  return saved;
}

export async function createSavedSearch(prisma: PrismaClient, auth: AuthContext, input: TCreateSavedSearch) {
  const existing = await prisma.savedSearch.findUnique({ where: { ownerId_name: { ownerId: auth.userId, name: input.name } }, select: { id: true } });
  if (existing) throw new AppError('CONFLICT', `you already have a saved search named "${input.name}"`, [{ path: 'body.name', message: 'must be unique among your saved searches', code: 'duplicate' }]);
  return prisma.$transaction(async (tx) => {
    const saved = await tx.savedSearch.create({
      data: { orgId: auth.orgId, ownerId: auth.userId, name: input.name, query: input.query as Prisma.InputJsonValue, isShared: input.isShared },
      select: SELECT,
    });
    await tx.auditEvent.create({
      data: { orgId: auth.orgId, actorType: 'USER', actorId: auth.userId, action: 'saved_search.created', entityType: 'SavedSearch', entityId: saved.id, after: { name: saved.name, isShared: saved.isShared, query: input.query as Prisma.InputJsonValue } },
    });
    return saved;
  });
}

export async function listSavedSearches(prisma: PrismaClient, auth: AuthContext) {
  const rows = await prisma.savedSearch.findMany({
    where: { orgId: auth.orgId, OR: [{ ownerId: auth.userId }, { isShared: true }] },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    select: SELECT,
  });
  return rows.map((row) => ({ ...row, isMine: row.ownerId === auth.userId }));
}

export async function runSavedSearch(pool: Pool, prisma: PrismaClient, auth: AuthContext, id: string, page: TCandidateSearchPage): Promise<CandidateSearchResult & { savedSearch: { id: string; name: string } }> {
  const saved = await findVisible(prisma, auth, id);
  const query = ZCandidateSearchQuery.safeParse(saved.query);
  if (!query.success) {
    const details = query.error.issues.map((i) => ({ path: ['savedSearch.query', ...i.path].join('.'), message: i.message, code: i.code }));
    throw new AppError('CONFLICT', `saved search ${id} holds a query this version no longer accepts; save it again`, details);
  }
  const result = await searchCandidates(pool, auth.orgId, query.data, page, 'savedSearch.query');
  return { savedSearch: { id: saved.id, name: saved.name }, ...result };
}

/** Only the owner (or an admin of the organization) deletes; others who can see a shared search get 403. */
export async function deleteSavedSearch(prisma: PrismaClient, auth: AuthContext, id: string): Promise<void> {
  const saved = await findVisible(prisma, auth, id);
  if (saved.ownerId !== auth.userId && auth.role !== 'ADMIN') throw new AppError('FORBIDDEN', 'only its owner or an admin may delete a shared search', [{ path: 'params.id', message: 'not yours' }]);
  await prisma.$transaction([
    prisma.savedSearch.deleteMany({ where: { id, orgId: auth.orgId } }),
    prisma.auditEvent.create({
      data: { orgId: auth.orgId, actorType: 'USER', actorId: auth.userId, action: 'saved_search.deleted', entityType: 'SavedSearch', entityId: id, before: { name: saved.name, isShared: saved.isShared, ownerId: saved.ownerId } },
    }),
  ]);
}
