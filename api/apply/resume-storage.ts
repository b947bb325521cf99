// Where resume bytes live: files under <TRELLIS_DATA_DIR>/resumes (or
// RESUME_STORAGE_DIR), at `<orgId>/<sha256>/<resumeFileId>.<kind>`: grouped by
// content hash (identical uploads sit side by side and are found by the sha256
// column), one key per ResumeFile row because storageKey is unique. Keys are
// built from ids, the hash and the detected type only, never from the sent
// file name, and resolved paths are checked to stay under the root.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { TResumeKind } from '../resumes/detect-file-type';

export interface TResumeStorage {
  root: string;
  /** Writes the bytes (once per content) and returns the storage key and hash. */
  put(orgId: string, resumeFileId: string, kind: TResumeKind, bytes: Uint8Array): Promise<{ storageKey: string; sha256: string }>;
  /** Best effort: removes a file whose database row was never committed. */
  remove(storageKey: string): Promise<void>;
  read(storageKey: string): Promise<Buffer>;
}

const SAFE_SEGMENT = /^[A-Za-z0-9_-]{1,64}$/;

export function resumeStorageRoot(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.RESUME_STORAGE_DIR || path.join(dataDir, 'resumes'));
}

export function createResumeStorage(root: string): TResumeStorage {
  const pathOf = (storageKey: string) => {
    const full = path.resolve(root, storageKey);
    if (!full.startsWith(root + path.sep)) throw new Error(`storage key ${storageKey} leaves the storage root`);
    return full;
  };
  return {
    root,
    async put(orgId, resumeFileId, kind, bytes) {
      if (!SAFE_SEGMENT.test(orgId) || !SAFE_SEGMENT.test(resumeFileId)) throw new Error('unexpected id in a storage key');
      const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
      const storageKey = `${orgId}/${sha256}/${resumeFileId}.${kind}`;
      const full = pathOf(storageKey);
      await fs.mkdir(path.dirname(full), { recursive: true });
      // Written under a temporary name and renamed: a reader never sees half a file.
      const temp = `${full}.${crypto.randomBytes(6).toString('hex')}.tmp`;
      await fs.writeFile(temp, bytes, { flag: 'wx' });
      await fs.rename(temp, full);
      return { storageKey, sha256 };
    },
    read: (storageKey) => fs.readFile(pathOf(storageKey)),
    remove: (storageKey) => fs.rm(pathOf(storageKey), { force: true }),
  };
}
