import { unzipSync, zipSync, type Zippable } from 'fflate';

/** Files at the zip's root, as Teams requires (no folder inside the package). */
export type PackageFiles = Readonly<Record<string, Uint8Array>>;

// A fixed date keeps the zip byte-for-byte the same for the same inputs (fflate defaults to now).
const FIXED_MTIME = new Date('2020-01-01T00:00:00Z');

export function zipAppPackage(files: PackageFiles): Uint8Array {
  const entries: Zippable = {};
  for (const [name, data] of Object.entries(files)) entries[name] = [data, { mtime: FIXED_MTIME, level: 9 }];
  return zipSync(entries);
}

export function unzipAppPackage(zip: Uint8Array): PackageFiles {
  return unzipSync(zip);
}
