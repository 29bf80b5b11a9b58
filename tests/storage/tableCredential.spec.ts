import { DefaultAzureCredential, ManagedIdentityCredential } from '@azure/identity';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tableCredentialFor } from '../../bot/storage/tableCredential';

/**
 * App Service gives a site's managed identities one token endpoint (IDENTITY_ENDPOINT, guarded by
 * IDENTITY_HEADER). A stand-in for it shows which identity the credential asks for.
 */
const CLIENT_ID = '0f1e2d3c-4b5a-4697-8877-665544332211';
const TABLES_SCOPE = 'https://storage.azure.com/.default';
const asked: { url: string; headers: IncomingHttpHeaders }[] = [];
let identityEndpoint: Server;
const savedEnv = { IDENTITY_ENDPOINT: process.env.IDENTITY_ENDPOINT, IDENTITY_HEADER: process.env.IDENTITY_HEADER };

beforeAll(async () => {
  identityEndpoint = createServer((req, res) => {
    asked.push({ url: req.url ?? '', headers: req.headers });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ access_token: 'token-for-the-identity', expires_on: String(Math.floor(Date.now() / 1000) + 3600), resource: 'https://storage.azure.com', token_type: 'Bearer' }));
  });
  await new Promise<void>((resolve) => identityEndpoint.listen(0, '127.0.0.1', resolve));
  process.env.IDENTITY_ENDPOINT = `http://127.0.0.1:${(identityEndpoint.address() as AddressInfo).port}/msi/token`;
  process.env.IDENTITY_HEADER = 'app-service-identity-header';
});
afterAll(async () => {
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await new Promise((resolve) => identityEndpoint.close(resolve));
});

describe('the credential for Table storage reached by endpoint', () => {
  it('asks App Service for a storage token for the named user-assigned identity when AZURE_CLIENT_ID is set', async () => {
    const credential = tableCredentialFor({ managedIdentityClientId: CLIENT_ID });
    expect(credential).toBeInstanceOf(ManagedIdentityCredential);

    const token = await credential.getToken(TABLES_SCOPE);
    expect(token?.token).toBe('token-for-the-identity');
    expect(asked).toHaveLength(1);
    const query = new URL(asked[0]!.url, 'http://identity').searchParams;
    expect(query.get('client_id')).toBe(CLIENT_ID);
    expect(query.get('resource')).toBe('https://storage.azure.com');
    expect(asked[0]!.headers['x-identity-header']).toBe('app-service-identity-header');
  });

  it('is DefaultAzureCredential otherwise (a developer signed in with the Azure CLI, say)', () => {
    const credential = tableCredentialFor({});
    expect(credential).toBeInstanceOf(DefaultAzureCredential);
    expect(credential).not.toBeInstanceOf(ManagedIdentityCredential);
  });
});
