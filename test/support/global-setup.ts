// Integration test setup: a real Temporal dev server (the CLI, found or built)
// and a fresh PostgreSQL database for this run, migrated. Their coordinates go
// to the test workers through environment variables.
import { Pool } from 'pg';
import { freePort } from '../../api/platform/db/embedded-postgres';
import { startDevServer } from '../../api/platform/temporal/dev-server';
import { migrate } from '../../api/platform/db/migrate';
import { adminDatabaseUrl, withDatabase } from './database-url';

declare global {
  // eslint-disable-next-line no-var
  var __trellisTeardown: (() => Promise<void>) | undefined;
}

export default async function globalSetup(): Promise<void> {
  const dbName = `trellis_test_${process.pid}_${Date.now()}`;
  const admin = new Pool({ connectionString: adminDatabaseUrl(), max: 1 });
  await admin.query(`CREATE DATABASE "${dbName}"`);
  await admin.end();
  const url = withDatabase(adminDatabaseUrl(), dbName);
  const pool = new Pool({ connectionString: url, max: 1 });
  await migrate(pool);
  await pool.end();

  const [port, uiPort] = [await freePort(), await freePort()];
  const temporal = await startDevServer({ dataDir: '/tmp', port, uiPort, namespace: 'default', isPersistent: false, log: (m) => process.stderr.write(`${m}\n`) });

  process.env.TEST_DATABASE_URL = url;
  process.env.TEST_TEMPORAL_ADDRESS = temporal.address;
  process.env.TEST_TEMPORAL_UI_URL = temporal.uiUrl;
  globalThis.__trellisTeardown = async () => {
    await temporal.stop();
    const cleanup = new Pool({ connectionString: adminDatabaseUrl(), max: 1 });
    await cleanup.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => undefined);
    await cleanup.end();
  };
}
