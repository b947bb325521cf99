// Reads a ZIP archive's directory (names and sizes, nothing inflated) and
// inflates chosen entries with their output capped: the zip-bomb guard for DOCX.
import { unzipSync } from 'fflate';

export interface TZipEntry {
  name: string;
  compressedSize: number;
  /** As declared by the archive; inflation never writes past it (fflate sizes its buffer from it). */
  declaredSize: number;
}

export type TZipListing =
  | { isReadable: true; entries: TZipEntry[] }
  | { isReadable: false; isTooManyEntries: boolean };

class TooManyEntries extends Error {}

export function listZipEntries(bytes: Uint8Array, maxEntries: number): TZipListing {
  const entries: TZipEntry[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        if (entries.length >= maxEntries) throw new TooManyEntries();
        entries.push({ name: file.name, compressedSize: file.size, declaredSize: file.originalSize });
        return false;
      },
    });
    return { isReadable: true, entries };
  } catch (error) {
    return { isReadable: false, isTooManyEntries: error instanceof TooManyEntries };
  }
}

export type TZipInflateResult =
  | { isOk: true; files: Map<string, Uint8Array> }
  | { isOk: false; reason: 'too_large' | 'malformed'; message: string };

/**
 * Inflates the entries `wanted` accepts. An entry declaring more than
 * `maxEntryBytes` is refused before inflating; one that lies about its size is
 * cut at the declared size, so memory stays bounded either way.
 */
export function inflateZipEntries(bytes: Uint8Array, wanted: (name: string) => boolean, maxEntryBytes: number, maxTotalBytes: number): TZipInflateResult {
  let total = 0;
  let oversized: string | undefined;
  try {
    const files = unzipSync(bytes, {
      filter: (file) => {
        if (!wanted(file.name)) return false;
        total += file.originalSize;
        if (file.originalSize > maxEntryBytes || total > maxTotalBytes) {
          oversized = file.name;
          return false;
        }
        return true;
      },
    });
    if (oversized) {
      return { isOk: false, reason: 'too_large', message: `the document part ${oversized} inflates past the ${maxEntryBytes}-byte limit` };
    }
    return { isOk: true, files: new Map(Object.entries(files)) };
  } catch {
    return { isOk: false, reason: 'malformed', message: 'the ZIP archive is damaged' };
  }
}
