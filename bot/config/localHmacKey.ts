import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * In local mode the respondent HMAC key is created once under the data folder and kept,
 * so a restart still recognises people's earlier answers. Production reads it from
 * configuration (a Key Vault reference in Azure) and never writes one.
 */
export function localHmacKey(dataDir: string): string {
  const path = join(dataDir, 'respondent-hmac.key');
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const key = randomBytes(32).toString('base64url');
    writeFileSync(path, `${key}\n`, { mode: 0o600, flag: 'wx' });
    return key;
  }
}
