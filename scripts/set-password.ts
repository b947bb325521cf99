// `npx tsx scripts/set-password.ts <email> [--org <slug>]`: sets a user's
// password in DATABASE_URL, read from TRELLIS_PASSWORD or standard input (never
// from the command line, which other users of the machine can see), and ends
// the user's sessions.
import { Pool } from 'pg';
import { setUserPassword } from '../api/sessions/set-password';

async function readPassword(): Promise<string> {
  if (process.env.TRELLIS_PASSWORD) return process.env.TRELLIS_PASSWORD;
  if (process.stdin.isTTY) process.stderr.write('new password (then Enter): ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    if (chunks.join('').includes('\n')) break;
  }
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0]!;
}

async function main() {
  const [email, flag, slug] = process.argv.slice(2);
  if (!email || (flag && (flag !== '--org' || !slug))) throw new Error('usage: set-password <email> [--org <slug>]');
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  const pool = new Pool({ connectionString: url, max: 2 });
  try {
    const { rows } = await pool.query<{ id: string; orgId: string; slug: string }>(
      `SELECT u.id, u."orgId", o.slug FROM "User" u JOIN "Organization" o ON o.id = u."orgId" WHERE lower(u.email) = lower($1) AND ($2::text IS NULL OR o.slug = $2)`,
      [email, slug ?? null],
    );
    if (rows.length === 0) throw new Error(`no user ${email}${slug ? ` in ${slug}` : ''}`);
    if (rows.length > 1) throw new Error(`${email} exists in several organizations (${rows.map((r) => r.slug).join(', ')}): pass --org <slug>`);
    await setUserPassword(pool, { orgId: rows[0]!.orgId, userId: rows[0]!.id, password: await readPassword() });
    console.log(`password set for ${email} (${rows[0]!.slug}); their sessions were ended`);
  } finally {
    await pool.end();
  }
}
main().catch((err) => {
  console.error((err as Error).message);
  process.exit(1);
});
