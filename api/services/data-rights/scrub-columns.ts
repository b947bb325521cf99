// Scrubbing personal tokens out of free-text, JSON and text-array columns of the rows a
// WHERE clause selects, in code (one regular expression for every column type), writing back
// only the rows that changed. Table and column names come from erase-candidates.ts's fixed
// lists, never from a request.
import type { PoolClient } from 'pg';
import { scrubJson, scrubText } from './personal-data-tokens';

export type TColumnKind = 'text' | 'json' | 'text[]';

const cast: Record<TColumnKind, string> = { text: '', json: '::jsonb', 'text[]': '::text[]' };

/** Scrubs `columns` of the rows of `table` matching `where` (placeholders $1..); returns how many rows changed. */
export async function scrubColumns(
  client: PoolClient, table: string, columns: Record<string, TColumnKind>, where: string, values: unknown[], pattern: RegExp | null,
): Promise<number> {
  if (!pattern) return 0;
  const names = Object.keys(columns);
  const { rows } = await client.query<Record<string, unknown>>(`SELECT id, ${names.map((n) => `"${n}"`).join(', ')} FROM "${table}" WHERE ${where}`, values);
  let changed = 0;
  for (const row of rows) {
    const sets: string[] = [];
    const next: unknown[] = [row.id];
    for (const name of names) {
      const before = row[name];
      if (before === null || before === undefined) continue;
      const after = typeof before === 'string' ? scrubText(before, pattern) : scrubJson(before, pattern);
      if (JSON.stringify(after) === JSON.stringify(before)) continue;
      next.push(columns[name] === 'json' ? JSON.stringify(after) : after);
      sets.push(`"${name}" = $${next.length}${cast[columns[name]!]}`);
    }
    if (!sets.length) continue;
    await client.query(`UPDATE "${table}" SET ${sets.join(', ')} WHERE id = $1`, next);
    changed++;
  }
  return changed;
}
