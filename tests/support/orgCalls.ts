import { ORG_ROLE_VALUES, type OrgRole } from '../../bot/domain/organisation/orgRoles';
import type { LocalIdentityProvider } from './ssoTokens';
import type { TabReply } from './tabCalls';
import type { TestPerson } from './teamsActivities';

/** Who calls: a person, the organisation roles their token's `roles` claim carries, and their tenant (the configured one unless given). */
export interface OrgCaller {
  readonly who: TestPerson;
  readonly roles: readonly OrgRole[];
  readonly tenantId?: string;
}

/**
 * Calls the tab's API of a signed-in service with an SSO token carrying `roles` as Entra puts
 * app roles in it (their values: 'Organisation.Leader', 'Organisation.Admin'), or with no token
 * at all (`caller` undefined). A JSON body when given.
 */
export function orgCaller(identity: LocalIdentityProvider, service: { url: string }) {
  return async (caller: OrgCaller | undefined, method: string, path: string, body?: unknown): Promise<TabReply> => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (caller) {
      const roles = caller.roles.map((role) => ORG_ROLE_VALUES[role]);
      const token = await identity.sign({ oid: caller.who.aadObjectId, name: caller.who.name, ...(roles.length > 0 ? { roles } : {}) }, caller.tenantId ? { tenantId: caller.tenantId } : {});
      headers.authorization = `Bearer ${token}`;
    }
    const response = await fetch(`${service.url}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await response.text();
    const json = (response.headers.get('content-type') ?? '').startsWith('application/json');
    return { status: response.status, body: (json && text ? JSON.parse(text) : { file: response.headers.get('content-type') }) as TabReply['body'] };
  };
}

/** A close date `days` ahead, as the admin picks it (YYYY-MM-DD). */
export function closesOnIn(days: number, now = new Date()): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}
