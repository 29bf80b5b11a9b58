import type { TabAuth } from '../config/loadConfig';
import type { OrgRole } from '../domain/organisation/orgRoles';
import type { Logger } from '../logger';
import { createSsoTokenVerifier, type TabUser } from './ssoTokenVerifier';

/** Configuration allows this only in local mode (loopback, not production). */
const LOCAL_TAB_USER: TabUser = {
  entraObjectId: 'local-developer',
  tenantId: 'local',
  name: 'Local developer (not signed in)',
  local: true,
  orgRoles: ['admin'],
};

/**
 * The header local mode's banner sends to act as an organisation role (issue 13): `admin`,
 * `leader` or `none` (a team member only). Honoured only in local mode; with Teams sign-in the
 * roles come from the token alone, whatever a request's headers say.
 */
export const LOCAL_ORG_ROLE_HEADER = 'x-local-org-role';

const LOCAL_ACTS_AS: Readonly<Record<string, readonly OrgRole[]>> = { admin: ['admin'], leader: ['leader'], none: [] };

/** The headers of a request to the tab's API that say who is asking. */
export interface TabRequestHeaders {
  /** The Authorization header: `Bearer <Teams SSO token>`. */
  readonly authorization: string | undefined;
  /** X-Local-Org-Role (local mode only). */
  readonly localOrgRole: string | undefined;
}

/** Who is asking. @throws AuditError UNAUTHENTICATED (401) for a missing or invalid token (SSO mode). */
export type TabAuthenticator = (headers: TabRequestHeaders) => Promise<TabUser>;

/**
 * SSO mode: the token is verified (ssoTokenVerifier.ts) and its `roles` claim alone gives the
 * organisation roles. Local mode: the local identity, acting as the role X-Local-Org-Role names
 * (an organisation admin when it names none, or one it does not know).
 */
export function createTabAuthenticator(tabAuth: TabAuth, logger: Logger): TabAuthenticator {
  if (tabAuth.mode === 'local') {
    return async ({ localOrgRole }) => {
      const orgRoles = LOCAL_ACTS_AS[localOrgRole?.trim().toLowerCase() ?? ''];
      return orgRoles ? { ...LOCAL_TAB_USER, orgRoles } : LOCAL_TAB_USER;
    };
  }
  const verify = createSsoTokenVerifier({ ...tabAuth, onRejected: (reason) => logger.info('tab_token_rejected', { reason }) });
  return ({ authorization }) => verify(authorization);
}
