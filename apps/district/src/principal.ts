import type { Principal } from '@hanjiang/authz';
import type { Session } from '@hanjiang/client';
import type { Role, TenantKind } from '@hanjiang/domain';

/**
 * The signed-in person as packages/authz's rules see them, so the console asks `can()` which actions to offer
 * rather than restating who may. The session carries no team: only cadres have one, and the district has none.
 */
export function principalOf(session: Session): Principal {
  return {
    kind: 'user',
    subject: session.me.subject,
    tenantKind: session.me.tenantKind as TenantKind,
    tenantCode: session.me.tenantCode,
    role: session.me.role as Role,
    teamId: null,
    membershipId: session.membershipId,
  };
}
