// Looks for traces of a person (an email address, a phone number) everywhere the system keeps
// data: every text, JSON, array and tsvector column of every table (found through
// information_schema, so tables added later are covered without changing this file), every file
// under a directory (raw bytes, and the text of PDFs), and Temporal workflow histories (payloads
// decoded). Case-insensitive. Used by the erasure tests to prove a person is gone.
import fs from 'node:fs';
import path from 'node:path';
import type { Pool } from 'pg';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { createPdfTextExtractor } from '../../api/resumes/extract-pdf-text';

const SCANNED_TYPES = ['text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'tsvector'];

/** "Table.column" for each column of the public schema holding any needle (case-insensitive). */
export async function scanDatabase(pool: Pool, needles: readonly string[]): Promise<string[]> {
  const { rows: columns } = await pool.query<{ table: string; column: string }>(
    `SELECT c.table_name AS table, c.column_name AS column FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = 'public' AND c.data_type = ANY($1) ORDER BY 1, 2`,
    [SCANNED_TYPES],
  );
  const byTable = new Map<string, string[]>();
  for (const c of columns) byTable.set(c.table, [...(byTable.get(c.table) ?? []), c.column]);
  const patterns = needles.map((n) => `%${n.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
  const hits: string[] = [];
  for (const [table, cols] of byTable) {
    const selects = cols.map((col, i) => `count(*) FILTER (WHERE "${col}"::text ILIKE ANY($1::text[]))::int AS c${i}`);
    const { rows: [counts] } = await pool.query<Record<string, number>>(`SELECT ${selects.join(', ')} FROM "${table}"`, [patterns]);
    cols.forEach((col, i) => {
      if (counts![`c${i}`]! > 0) hits.push(`${table}.${col}`);
    });
  }
  return hits;
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** Files under `dir` whose bytes, names or (for PDFs) extracted text hold any needle. */
export async function scanFiles(dir: string, needles: readonly string[]): Promise<string[]> {
  const lower = needles.map((n) => n.toLowerCase());
  const has = (text: string) => lower.some((n) => text.toLowerCase().includes(n));
  const pdf = createPdfTextExtractor({ poolSize: 1 });
  const hits: string[] = [];
  try {
    for (const file of filesUnder(dir)) {
      const bytes = fs.readFileSync(file);
      let isHit = has(file) || has(bytes.toString('latin1')) || has(bytes.toString('utf8'));
      if (!isHit && bytes.subarray(0, 5).toString('latin1') === '%PDF-') {
        const extracted = await pdf.extract(bytes);
        isHit = extracted.isOk && has(`${extracted.text}\n${extracted.urls.join('\n')}`);
      }
      if (isHit) hits.push(path.relative(dir, file));
    }
  } finally {
    await pdf.close();
  }
  return hits;
}

/** Every string and decoded payload of a history, as one text. */
function historyText(value: unknown, out: string[] = []): string[] {
  if (value instanceof Uint8Array) out.push(Buffer.from(value).toString('utf8'));
  else if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) historyText(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) historyText(v, out);
  return out;
}

/** For each workflow id: 'deleted' when Temporal no longer has it, else whether its history holds a needle. */
export async function scanWorkflowHistories(client: Client, workflowIds: readonly string[], needles: readonly string[]): Promise<Record<string, 'deleted' | 'clean' | 'holds a trace'>> {
  const lower = needles.map((n) => n.toLowerCase());
  const result: Record<string, 'deleted' | 'clean' | 'holds a trace'> = {};
  for (const id of workflowIds) {
    try {
      const history = await client.workflow.getHandle(id).fetchHistory();
      const text = historyText(history).join('\n').toLowerCase();
      result[id] = lower.some((n) => text.includes(n)) ? 'holds a trace' : 'clean';
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError) && !/not found/i.test((err as Error).message)) throw err;
      result[id] = 'deleted';
    }
  }
  return result;
}
