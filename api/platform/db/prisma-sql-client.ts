// Lets plain-SQL helpers written for a pg client (signalCandidateRuns, recordAudit) run inside a Prisma
// interactive transaction, so a Prisma-written change and their rows commit together. Statements without
// RETURNING that change rows go through $executeRaw, which reports the row count pg would.
import type { PoolClient } from 'pg';
import type { Prisma } from '../../../generated/prisma/client';

const IS_WRITE_WITHOUT_RETURNING = (text: string) => /^\s*(UPDATE|INSERT|DELETE)\b/i.test(text) && !/\bRETURNING\b/i.test(text);

export function prismaSqlClient(tx: Prisma.TransactionClient): Pick<PoolClient, 'query'> {
  const query = async (text: string, values: unknown[] = []) => {
    if (IS_WRITE_WITHOUT_RETURNING(text)) return { rows: [], rowCount: await tx.$executeRawUnsafe(text, ...values) };
    const rows = await tx.$queryRawUnsafe<unknown[]>(text, ...values);
    return { rows, rowCount: rows.length };
  };
  return { query } as unknown as Pick<PoolClient, 'query'>;
}
