// Prisma CLI configuration: the JS engine with the pg driver adapter, so nothing
// is downloaded (see DEVELOPERS.md). Migrations are applied by api/platform/db/migrate.ts.
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';

// The schema names env("DATABASE_URL"); generate and diff need no live database.
process.env.DATABASE_URL ??= 'postgresql://postgres@127.0.0.1:5432/postgres';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL });
  },
});
