import type { TabAuth } from '../config/loadConfig';
import type { Logger } from '../logger';
import { createSsoTokenVerifier, type TabUser } from './ssoTokenVerifier';

/** Configuration allows this only in local mode (loopback, not production). */
const LOCAL_TAB_USER: TabUser = {
  entraObjectId: 'local-developer',
  tenantId: 'local',
  name: 'Local developer (not signed in)',
  local: true,
  // Local mode acts as an organisation admin, who may do everything a leader may (issue 13).
  orgRoles: ['admin'],
};

export type TabAuthenticator = (authorizationHeader: string | undefined) => Promise<TabUser>;

export function createTabAuthenticator(tabAuth: TabAuth, logger: Logger): TabAuthenticator {
  if (tabAuth.mode === 'local') return async () => LOCAL_TAB_USER;
  return createSsoTokenVerifier({ ...tabAuth, onRejected: (reason) => logger.info('tab_token_rejected', { reason }) });
}
