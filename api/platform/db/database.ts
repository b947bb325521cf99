// Opens the database: the pg pool shared by Prisma (through the driver adapter)
// and by the few raw-SQL parts (migrations, outbox claims).
import { Pool } from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../../generated/prisma/client';

export type Prisma = PrismaClient;

export interface Database {
  pool: Pool;
  prisma: PrismaClient;
  close(): Promise<void>;
}

export function openDatabase(url: string, opts: { maxConnections?: number } = {}): Database {
  const pool = new Pool({ connectionString: url, max: opts.maxConnections ?? 10 });
  // An idle client losing its server (restart, failover) must not crash the process.
  pool.on('error', () => undefined);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    pool,
    prisma,
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
