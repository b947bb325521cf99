// `npm run db:diff -- <name>`: writes prisma/migrations/<NNNN>_<name>/migration.sql,
// the SQL that takes the schema of the latest migration (kept beside it as
// schema.prisma) to the current prisma/schema.prisma. Works offline.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const dir = path.resolve('prisma/migrations');
const name = (process.argv[2] ?? '').replace(/[^a-z0-9_]/gi, '_').toLowerCase();
if (!name) {
  console.error('usage: npm run db:diff -- <migration_name>');
  process.exit(2);
}
fs.mkdirSync(dir, { recursive: true });
const existing = fs.readdirSync(dir).filter((d) => /^\d{4}_/.test(d)).sort();
const last = existing[existing.length - 1];
const from = last ? ['--from-schema-datamodel', path.join(dir, last, 'schema.prisma')] : ['--from-empty'];
const sql = execFileSync('npx', ['prisma', 'migrate', 'diff', ...from, '--to-schema-datamodel', 'prisma/schema.prisma', '--script'], { encoding: 'utf8' });
if (!sql.replace(/--.*$/gm, '').trim()) {
  console.log('schema unchanged: no migration written');
  process.exit(0);
}
const next = `${String(existing.length + 1).padStart(4, '0')}_${name}`;
fs.mkdirSync(path.join(dir, next));
fs.writeFileSync(path.join(dir, next, 'migration.sql'), sql);
fs.copyFileSync('prisma/schema.prisma', path.join(dir, next, 'schema.prisma'));
console.log(`wrote prisma/migrations/${next}/migration.sql`);
