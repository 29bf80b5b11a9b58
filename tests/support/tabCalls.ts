import type { LocalIdentityProvider } from './ssoTokens';
import type { TestPerson } from './teamsActivities';

/** A reply of the tab's API: its status and its JSON (undefined for 204). */
export interface TabReply {
  readonly status: number;
  readonly body: Record<string, unknown> & { error?: { code: string; message: string } };
}

/**
 * Calls the tab's API of a signed-in service as `who`, with an SSO token the local identity
 * provider signs, a JSON body when given, and `version` as If-Match.
 */
export function tabCaller(identity: LocalIdentityProvider, service: { url: string }) {
  return async (who: TestPerson, method: string, path: string, body?: unknown, version?: string): Promise<TabReply> => {
    const token = await identity.sign({ oid: who.aadObjectId, name: who.name });
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(version ? { 'if-match': version } : {}) };
    const response = await fetch(`${service.url}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as TabReply['body'] };
  };
}
