// CSV sourcing import: bytes → text (UTF-8, or Windows-1252 as older spreadsheet exports write it) → records
// (parse-csv.ts) → columns (csv-prospects.ts) → rows, then the import job (run-import.ts). Everything that
// makes the whole file unusable (too large, too many rows, no header, no column to recognise people by, a
// pool of another organization) is refused before a job exists; a bad row only fails that row.
import crypto from 'node:crypto';
import { z } from 'zod';
import type { Services } from '../services';
import type { AuthContext } from '../../auth';
import { AppError } from '../../errors';
import type { BulkJobView } from '../bulk-jobs';
import { readCsv, stripBom } from './parse-csv';
import { csvColumns, prospectOfRow, ZCsvColumnMapping } from './csv-prospects';
import { assertPoolOfOrg, startProspectImport, ZImportOptions, type TImportRow } from './run-import';

export const MAX_CSV_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 100_000;

export const ZCsvImportOptions = ZImportOptions.extend({
  /** Header → column ("ignore" to skip one); as JSON text in a query. */
  mapping: z.union([ZCsvColumnMapping, z.string().max(20_000).transform((s, ctx) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not JSON' });
      return z.NEVER;
    }
  }).pipe(ZCsvColumnMapping)]).optional(),
  fileName: z.string().max(255).optional(),
}).strict();
export type TCsvImportOptions = z.infer<typeof ZCsvImportOptions>;

export function decodeCsvBytes(bytes: Buffer): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  try {
    return { text: stripBom(new TextDecoder('utf-8', { fatal: true }).decode(bytes)), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

export async function importCsv(services: Services, auth: AuthContext, bytes: Buffer, options: TCsvImportOptions): Promise<BulkJobView> {
  if (bytes.length > MAX_CSV_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', `the file is larger than ${MAX_CSV_BYTES} bytes`, [{ path: 'file', message: `larger than ${MAX_CSV_BYTES} bytes` }]);
  await assertPoolOfOrg(services, auth.orgId, options.poolId, 'options.poolId');
  const { text, encoding } = decodeCsvBytes(bytes);
  const records = readCsv(text);
  const first = records.next();
  if (first.done) throw new AppError('VALIDATION_FAILED', 'the file is empty', [{ path: 'file', message: 'no header line' }]);
  if ('error' in first.value) throw new AppError('VALIDATION_FAILED', `the header line is malformed: ${first.value.error}`, [{ path: 'file.header', message: first.value.error }]);
  const columns = csvColumns(first.value.fields, options.mapping);
  const source = options.source ?? 'import';
  const rows: TImportRow[] = [];
  for (const record of records) {
    if (rows.length >= MAX_IMPORT_ROWS) throw new AppError('PAYLOAD_TOO_LARGE', `the file has more than ${MAX_IMPORT_ROWS} rows; split it`, [{ path: 'file', message: `more than ${MAX_IMPORT_ROWS} rows` }]);
    const place = { line: record.line };
    if ('error' in record) rows.push({ place, error: `malformed CSV: ${record.error}` });
    else {
      const outcome = prospectOfRow(columns, record.fields, { source });
      rows.push('error' in outcome ? { place, error: outcome.error } : { place, prospect: outcome.prospect });
    }
  }
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  return startProspectImport(services, auth, {
    kind: 'import_csv', subjectId: sha256, rows, options: { poolId: options.poolId, tags: options.tags ?? [], source },
    description: { fileName: options.fileName ?? null, sha256, bytes: bytes.length, encoding, rows: rows.length, columns: columns.recognised, ignoredColumns: columns.ignored },
  });
}
