import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A self-signed TLS key and certificate for the given host names, valid for a day, made for one run. */
export function throwawayCertificate(hostNames: readonly string[]): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'practice-audit-teams-host-'));
  const keyPath = join(dir, 'host.key');
  const certPath = join(dir, 'host.crt');
  try {
    const subjectAltName = `subjectAltName=${hostNames.map((name) => `DNS:${name}`).join(',')}`;
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyPath, '-out', certPath, '-days', '1', '-subj', `/CN=${hostNames[0]}`, '-addext', subjectAltName], { stdio: 'pipe' });
    return { key: readFileSync(keyPath), cert: readFileSync(certPath) };
  } catch (error) {
    throw new Error(`The fake Teams host makes a TLS certificate with openssl (apt-get install -y openssl): ${(error as Error).message}`, { cause: error });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
