import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';

/**
 * Stands in for Entra ID's signing keys: a locally generated key set, published at a JWKS URL
 * the service fetches as it would Microsoft's, and a signer for tokens shaped like Teams SSO's.
 */
export interface LocalIdentityProvider {
  readonly jwksUri: string;
  sign(claims: Record<string, unknown>, options?: { audience?: string; tenantId?: string; expiresInSeconds?: number; signWithUnpublishedKey?: boolean }): Promise<string>;
  close(): Promise<void>;
}

export const TAB_AUDIENCE = 'api://audit.example.org/botid-11111111-2222-4333-8444-555555555555';

export async function startLocalIdentityProvider(defaultTenantId: string): Promise<LocalIdentityProvider> {
  const published = await generateKeyPair('RS256', { extractable: true });
  const unpublished = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(published.publicKey)), kid: 'published-key', alg: 'RS256', use: 'sig' };
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    jwksUri: `http://127.0.0.1:${port}/discovery/v2.0/keys`,
    async sign(claims, options = {}) {
      const tenantId = options.tenantId ?? defaultTenantId;
      const key: KeyLike = options.signWithUnpublishedKey ? unpublished.privateKey : published.privateKey;
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ tid: tenantId, scp: 'access_as_user', ver: '2.0', ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: 'published-key' })
        .setIssuer(`https://login.microsoftonline.com/${tenantId}/v2.0`)
        .setAudience(options.audience ?? TAB_AUDIENCE)
        .setIssuedAt(now - 60)
        .setExpirationTime(now + (options.expiresInSeconds ?? 3600))
        .sign(key);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
