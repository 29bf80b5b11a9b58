/**
 * Local mode's "Act as" switch (issue 13): which organisation role the developer acts as, kept
 * for the browser tab's session and sent as X-Local-Org-Role, which the service honours only in
 * local mode (bot/auth/tabAuthenticator.ts). Signed in through Teams, roles come from the token.
 */
export type LocalOrgRole = 'admin' | 'leader' | 'none';

export const LOCAL_ORG_ROLE_HEADER = 'X-Local-Org-Role';

const KEY = 'practice-audit.local-org-role';
const ROLES: readonly LocalOrgRole[] = ['admin', 'leader', 'none'];

/** The role chosen this session; an organisation admin until one is chosen (as the service defaults). */
export function localOrgRole(): LocalOrgRole {
  try {
    const stored = window.sessionStorage.getItem(KEY);
    return ROLES.find((role) => role === stored) ?? 'admin';
  } catch {
    // Storage refused (a locked-down browser): the default.
    return 'admin';
  }
}

export function chooseLocalOrgRole(role: LocalOrgRole): void {
  try {
    window.sessionStorage.setItem(KEY, role);
  } catch {
    // Storage refused: the choice lasts until the page reloads only.
  }
}
