import { rmSync } from 'node:fs';

/**
 * Removes a test's data directory. A killed service's Azurite ends itself a moment after the
 * service (it has a process group of its own), and may still be writing its files while the
 * directory goes: Node retries on ENOTEMPTY/EBUSY with a growing delay (up to about 5 s in all).
 */
export function removeDir(dir: string | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
}
