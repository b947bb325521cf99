// `npm run db:migrate`: applies pending migrations to DATABASE_URL (the app also does this at start).
import { Pool } from 'pg';
import { migrate } from '../api/platform/db/migrate';

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set (the embedded database migrates itself at `npm start`)');
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    const applied = await migrate(pool);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema up to date');
  } finally {
    await pool.end();
  }
}
main().catch((err) => {
  console.error((err as Error).message);
  process.exit(1);
});
