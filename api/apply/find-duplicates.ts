// Duplicate candidates, each check one index lookup (docs/ats-data-model.md,
// Duplicates and merge): the same email, the same E.164 phone, or a shared link
// identity (LinkedIn, GitHub, site) with the same name. Merged records are
// never reported: their survivor is.
import type { Prisma as P } from '../../generated/prisma/client';
import { normalizedName } from './link-keys';

export type TDuplicateReason = 'email' | 'phone' | 'name_and_link';

export interface TDuplicateMatch {
  candidateId: string;
  firstName: string;
  lastName: string;
  email: string | null;
  reasons: TDuplicateReason[];
}

export interface TDuplicateProbe {
  /** The record itself, left out of the results. */
  id?: string;
  email?: string | null;
  phoneE164?: string | null;
  linkKeys?: readonly string[];
  firstName: string;
  lastName: string;
}

type Db = Pick<P.TransactionClient, 'candidate'>;
const SELECT = { id: true, firstName: true, lastName: true, email: true } as const;

export async function findDuplicates(db: Db, orgId: string, probe: TDuplicateProbe): Promise<TDuplicateMatch[]> {
  const live = { orgId, mergedIntoId: null, anonymizedAt: null, ...(probe.id ? { NOT: { id: probe.id } } : {}) };
  // One after another: inside a transaction they share one connection anyway.
  const byEmail = probe.email ? await db.candidate.findMany({ where: { ...live, email: probe.email.toLowerCase() }, select: SELECT, take: 5 }) : [];
  const byPhone = probe.phoneE164 ? await db.candidate.findMany({ where: { ...live, phoneE164: probe.phoneE164 }, select: SELECT, take: 20 }) : [];
  const byLink = probe.linkKeys?.length ? await db.candidate.findMany({ where: { ...live, linkKeys: { hasSome: [...probe.linkKeys] } }, select: SELECT, take: 20 }) : [];
  const name = normalizedName(probe.firstName, probe.lastName);
  const matches = new Map<string, TDuplicateMatch>();
  const add = (rows: typeof byEmail, reason: TDuplicateReason) => {
    for (const r of rows) {
      const m = matches.get(r.id) ?? { candidateId: r.id, firstName: r.firstName, lastName: r.lastName, email: r.email, reasons: [] };
      m.reasons.push(reason);
      matches.set(r.id, m);
    }
  };
  add(byEmail, 'email');
  add(byPhone, 'phone');
  // A shared link alone is not enough (a company page, a shared repo): the name must match too.
  add(byLink.filter((r) => normalizedName(r.firstName, r.lastName) === name), 'name_and_link');
  return [...matches.values()];
}
