/**
 * The organisation's roles (issue 13): Entra app roles on the tab's app registration, assigned to
 * people or groups by the tenant's admin (Enterprise applications → Users and groups), and
 * arriving in the SSO token's `roles` claim. The app keeps no list of who holds them.
 *
 * - An organisation leader reads the organisation view: every team's audit side by side.
 * - An organisation admin also opens service-wide rounds and chooses which teams take part.
 *   An admin may read everything a leader may.
 */
export type OrgRole = 'leader' | 'admin';

/** The app roles' `value`s, as aad.manifest.json declares them and the token's `roles` claim carries them. */
export const ORG_ROLE_VALUES: Readonly<Record<OrgRole, string>> = {
  leader: 'Organisation.Leader',
  admin: 'Organisation.Admin',
};

/**
 * The organisation roles a token's `roles` claim grants: unknown values, and anything that is not
 * an array of strings, grant nothing.
 */
export function orgRolesFromClaim(claim: unknown): OrgRole[] {
  if (!Array.isArray(claim)) return [];
  return (Object.keys(ORG_ROLE_VALUES) as OrgRole[]).filter((role) => claim.includes(ORG_ROLE_VALUES[role]));
}

/** Whether these roles may read the organisation view (leaders and admins). */
export function readsOrganisation(roles: readonly OrgRole[]): boolean {
  return roles.includes('leader') || roles.includes('admin');
}

/** Whether these roles may open service-wide rounds and leave teams out (admins). */
export function runsOrganisation(roles: readonly OrgRole[]): boolean {
  return roles.includes('admin');
}
