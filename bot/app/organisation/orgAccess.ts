import type { TabUser } from '../../auth/ssoTokenVerifier';
import { AuditError } from '../../domain/errors';
import { readsOrganisation, runsOrganisation } from '../../domain/organisation/orgRoles';

/**
 * Whose organisation a request is about: always the signed-in person's own tenant, never one a
 * request names. `partition`: where the organisation's own rows live (serviceRoundsRepository);
 * `teamsTenantId`: the tenant whose installed teams make up the organisation (undefined in local
 * mode, whose one developer has no tenant: every team the local service knows).
 */
export interface Organisation {
  readonly partition: string;
  readonly teamsTenantId: string | undefined;
}

function organisationOf(user: TabUser): Organisation {
  return { partition: user.tenantId, teamsTenantId: user.local ? undefined : user.tenantId };
}

/** Organisation leaders and admins read the organisation view. @throws AuditError NOT_AN_ORG_LEADER (403). */
export function requireOrgLeader(user: TabUser): Organisation {
  if (!readsOrganisation(user.orgRoles)) throw new AuditError('NOT_AN_ORG_LEADER');
  return organisationOf(user);
}

/** Organisation admins open service-wide rounds and leave teams out. @throws AuditError NOT_AN_ORG_LEADER (403) for staff without a role, NOT_AN_ORG_ADMIN (403) for leaders. */
export function requireOrgAdmin(user: TabUser): Organisation {
  const organisation = requireOrgLeader(user);
  if (!runsOrganisation(user.orgRoles)) throw new AuditError('NOT_AN_ORG_ADMIN');
  return organisation;
}
