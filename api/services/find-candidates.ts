// Candidate look-up for pickers (the builder's simulation panel): a few
// candidates of one organization whose name or email contains what was typed.
// The full candidate search (ranking, filters, trigram indexes) comes with the
// ATS; this stays small: scoped by orgId (the leading column of the
// (orgId, email) and (orgId, lastName) indexes), capped at 50 rows.
import { z } from 'zod';
import type { Prisma } from '../../generated/prisma/client';
import type { Services } from './services';

export const MAX_CANDIDATE_RESULTS = 50;

export const ZFindCandidatesQuery = z
  .object({
    q: z.string().trim().max(200).default(''),
    limit: z.coerce.number().int().min(1).max(MAX_CANDIDATE_RESULTS).default(20),
  })
  .strict();
export type TFindCandidatesQuery = z.infer<typeof ZFindCandidatesQuery>;

export interface CandidateMatch {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
}

/** Prisma passes `contains` to LIKE as is: a "%" or "_" typed in the box must match itself (a backslash escapes in PostgreSQL). */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function findCandidates(services: Services, orgId: string, query: TFindCandidatesQuery): Promise<CandidateMatch[]> {
  // Each word must match some field, so "ada lov" finds Ada Lovelace.
  const words = query.q.split(/\s+/).filter(Boolean).slice(0, 5).map(escapeLike);
  const where: Prisma.CandidateWhereInput = {
    orgId,
    // Merged and anonymized records are not someone to simulate for.
    mergedIntoId: null,
    anonymizedAt: null,
    AND: words.map((word) => ({
      OR: [
        { firstName: { contains: word, mode: 'insensitive' as const } },
        { lastName: { contains: word, mode: 'insensitive' as const } },
        { email: { contains: word, mode: 'insensitive' as const } },
      ],
    })),
  };
  return services.prisma.candidate.findMany({
    where,
    // Without a query the picker shows the newest candidates; with one, by name.
    orderBy: words.length ? [{ lastName: 'asc' }, { firstName: 'asc' }, { id: 'asc' }] : [{ createdAt: 'desc' }, { id: 'asc' }],
    take: query.limit,
    select: { id: true, firstName: true, lastName: true, email: true },
  });
}
