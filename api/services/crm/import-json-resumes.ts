// JSON Resume import: one or many documents (a JSON body, or .json files in a multipart upload), each
// checked on its own so one bad file fails only itself, then the same import job as CSV rows.
import crypto from 'node:crypto';
import { z } from 'zod';
import type { Services } from '../services';
import type { AuthContext } from '../../auth';
import type { BulkJobView } from '../bulk-jobs';
import { prospectOfJsonResume, ZJsonResume } from './json-resume';
import { assertPoolOfOrg, startProspectImport, ZImportOptions, type TImportRow } from './run-import';

export const MAX_JSON_RESUMES = 1_000;

export const ZJsonResumeImport = ZImportOptions.extend({
  /** JSON Resume documents; each is validated on its own (a bad one fails only itself). */
  resumes: z.array(z.unknown()).min(1).max(MAX_JSON_RESUMES),
}).strict();
export type TJsonResumeImport = z.infer<typeof ZJsonResumeImport>;

export interface TJsonResumeFile {
  fileName?: string;
  /** The parsed document, or why the file is not JSON. */
  document: unknown;
  parseError?: string;
}

export async function importJsonResumes(services: Services, auth: AuthContext, files: TJsonResumeFile[], options: z.infer<typeof ZImportOptions>): Promise<BulkJobView> {
  await assertPoolOfOrg(services, auth.orgId, options.poolId, 'options.poolId');
  const source = options.source ?? 'import';
  const rows: TImportRow[] = files.map((f, i) => {
    const place = { file: i + 1, ...(f.fileName ? { fileName: f.fileName } : {}) };
    if (f.parseError) return { place, error: f.parseError };
    const parsed = ZJsonResume.safeParse(f.document);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return { place, error: `not a JSON Resume: ${issue.path.join('.') || '(document)'}: ${issue.message}` };
    }
    return { place, prospect: prospectOfJsonResume(parsed.data, { source }) };
  });
  const sha256 = crypto.createHash('sha256').update(JSON.stringify(files.map((f) => f.document))).digest('hex');
  return startProspectImport(services, auth, {
    kind: 'import_json_resume', subjectId: sha256, rows, options: { poolId: options.poolId, tags: options.tags ?? [], source },
    description: { files: files.length, fileNames: files.map((f) => f.fileName ?? null).slice(0, 100) },
  });
}
