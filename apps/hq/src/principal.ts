import type { Principal } from '@hanjiang/authz';
import type { Session } from '@hanjiang/client';
import type { Role, TenantKind } from '@hanjiang/domain';

/**
 * The signed-in user as packages/authz's rules see them, so the portal asks `can()` which actions to offer (the
 * gateway asks the same rules again). The session carries no work team: no rule this portal asks about reads it.
 */
export function principalOf(session: Session): Principal {
  const { me } = session;
  return {
    kind: 'user',
    subject: me.subject,
    tenantKind: me.tenantKind as TenantKind,
    tenantCode: me.tenantCode,
    role: me.role as Role,
    teamId: null,
    membershipId: session.membershipId,
  };
}
