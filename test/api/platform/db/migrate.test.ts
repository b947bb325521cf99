// readMigrations: what the runner will apply, in which order, and the checksum
// that detects a migration edited after it was applied.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readMigrations } from '../../../../api/platform/db/migrate';

let dir: string;

function addMigration(name: string, sql: string) {
  fs.mkdirSync(path.join(dir, name));
  fs.writeFileSync(path.join(dir, name, 'migration.sql'), sql);
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-migrations-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('readMigrations', () => {
  it('returns migrations in name order with their SQL', () => {
    addMigration('0002_add_tasks', 'CREATE TABLE task (id text);');
    addMigration('0001_init', 'CREATE TABLE org (id text);');
    addMigration('0010_add_index', 'CREATE INDEX task_id ON task (id);');

    expect(readMigrations(dir).map((m) => [m.name, m.sql])).toEqual([
      ['0001_init', 'CREATE TABLE org (id text);'],
      ['0002_add_tasks', 'CREATE TABLE task (id text);'],
      ['0010_add_index', 'CREATE INDEX task_id ON task (id);'],
    ]);
  });

  it('skips folders without migration.sql and loose files', () => {
    addMigration('0001_init', 'SELECT 1;');
    fs.mkdirSync(path.join(dir, '0002_draft'));
    fs.writeFileSync(path.join(dir, 'migration_lock.toml'), 'provider = "postgresql"');

    expect(readMigrations(dir).map((m) => m.name)).toEqual(['0001_init']);
  });

  it('checksums the SQL with SHA-256, so any edit changes it', () => {
    addMigration('0001_init', 'CREATE TABLE org (id text);');
    addMigration('0002_same_but_edited', 'CREATE TABLE org (id text); ');
    const [first, second] = readMigrations(dir);

    expect(first!.checksum).toBe(createHash('sha256').update('CREATE TABLE org (id text);').digest('hex'));
    expect(second!.checksum).not.toBe(first!.checksum);
  });

  it("reads the project's own migrations by default", () => {
    const migrations = readMigrations();

    expect(migrations[0]?.name).toBe('0001_init');
    expect(migrations[0]?.sql).toMatch(/CREATE TABLE/);
  });
});
