import { createRemoteJWKSet, decodeJwt, jwtVerify, type JWTPayload } from 'jose';
import { AuditError } from '../domain/errors';
import { orgRolesFromClaim, type OrgRole } from '../domain/organisation/orgRoles';

/** Who is asking, as a verified Teams SSO token says. Keyed on oid + tid, never on a name. */
export interface TabUser {
  readonly entraObjectId: string;
  readonly tenantId: string;
  readonly name: string;
  /** True only for the local identity of local mode. */
  readonly local: boolean;
  /** The organisation roles the token's `roles` claim grants (issue 13); none for most staff. */
  readonly orgRoles: readonly OrgRole[];
}

const REQUIRED_SCOPE = 'access_as_user';
// Teams clients and Entra may disagree on the time a little; botbuilder allows the same 5 minutes.
const CLOCK_TOLERANCE_SECONDS = 300;

/**
 * Validates a tab's SSO token: signature against the issuer's published keys (v2.0 JWKS),
 * audience, issuer and tenant, expiry, and the access_as_user scope. Any failure is a 401;
 * the reason goes to the log, not to the caller.
 */
export function createSsoTokenVerifier(options: { audience: string; tenantId: string; jwksUri: string; onRejected?: (reason: string) => void }) {
  const keys = createRemoteJWKSet(new URL(options.jwksUri), { cooldownDuration: 30_000, timeoutDuration: 5_000 });
  const reject = (reason: string): never => {
    options.onRejected?.(reason);
    throw new AuditError('UNAUTHENTICATED');
  };

  return async function verify(bearer: string | undefined): Promise<TabUser> {
    const token = /^Bearer (\S+)$/i.exec(bearer ?? '')?.[1] ?? reject('no bearer token');
    let claims: JWTPayload;
    try {
      // The issuer names the tenant, so read it first; the signature check below decides.
      const tid = textClaim(decodeJwt(token).tid);
      if (tid !== options.tenantId) return reject(`tenant ${tid || 'missing'}`);
      ({ payload: claims } = await jwtVerify(token, keys, {
        audience: options.audience,
        issuer: `https://login.microsoftonline.com/${tid}/v2.0`,
        algorithms: ['RS256'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['oid', 'tid', 'exp'],
      }));
    } catch (error) {
      if (error instanceof AuditError) throw error;
      return reject(error instanceof Error ? `${error.name}: ${error.message}` : 'unreadable token');
    }
    const scopes = textClaim(claims.scp).split(' ');
    if (!scopes.includes(REQUIRED_SCOPE)) return reject('scope access_as_user missing');
    return { entraObjectId: String(claims.oid), tenantId: String(claims.tid), name: textClaim(claims.name), local: false, orgRoles: orgRolesFromClaim(claims.roles) };
  };
}

/** A claim that should be text: anything else (absent, a number, an object) reads as empty. */
function textClaim(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
