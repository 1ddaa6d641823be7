import type { Principal } from '@hanjiang/authz';
import type pg from 'pg';
import { asNobody } from './credential-lookup.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const API_KEY_SUBJECT = /^apikey:(.+)$/;

/** What a credential stands for now, as `app.credentials_in_force` reports it. */
interface InForceRow {
  credential: string;
  subject: string;
  tenant_kind: string;
  tenant_code: string;
  role: string;
  team_id: string | null;
}

/**
 * The credential a principal was authenticated with: its API key, or the membership its token names. A user's
 * token is checked through the membership so a removed or changed membership ends it as surely as a disabled user.
 */
export function credentialOf(principal: Principal): string | null {
  if (principal.kind === 'apikey') {
    const id = API_KEY_SUBJECT.exec(principal.subject)?.[1];
    return id && UUID.test(id) ? `apikey:${id}` : null;
  }
  return principal.membershipId && UUID.test(principal.membershipId)
    ? `membership:${principal.membershipId}`
    : null;
}

/**
 * Whether principals still stand as they were authenticated: the key not revoked or expired, the user not
 * disabled, and the key or membership still of the same tenant, role and team. JWTs are verified without the
 * database; this is what lets a socket notice, long before `exp`, that its user was disabled.
 */
export class CredentialStatus {
  constructor(private readonly pool: () => pg.Pool) {}

  /** One query for all of them, whatever their number; answers in the order given. */
  async inForce(principals: readonly Principal[]): Promise<boolean[]> {
    const credentials = principals.map(credentialOf);
    const keys = new Set<string>();
    const memberships = new Set<string>();
    for (const credential of credentials) {
      if (credential?.startsWith('apikey:')) keys.add(credential.slice('apikey:'.length));
      else if (credential?.startsWith('membership:')) memberships.add(credential.slice('membership:'.length));
    }
    if (keys.size === 0 && memberships.size === 0) return principals.map(() => false);
    const rows = await asNobody(this.pool(), async (client) => {
      const { rows } = await client.query<InForceRow>(
        'SELECT * FROM app.credentials_in_force($1::uuid[], $2::uuid[])',
        [[...keys], [...memberships]],
      );
      return rows;
    });
    const standing = new Map(rows.map((row) => [row.credential, row]));
    return principals.map((principal, i) => {
      const row = standing.get(credentials[i] ?? '');
      return row !== undefined && standsFor(row, principal);
    });
  }
}

function standsFor(row: InForceRow, principal: Principal): boolean {
  return (
    row.subject === principal.subject &&
    row.tenant_kind === principal.tenantKind &&
    row.tenant_code === principal.tenantCode &&
    row.role === principal.role &&
    row.team_id === principal.teamId
  );
}
