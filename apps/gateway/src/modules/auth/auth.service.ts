import type { Principal } from '@hanjiang/authz';
import { derivePasswordKey } from '@hanjiang/db';
import type { Role, TenantKind } from '@hanjiang/domain';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { unauthenticated } from '../../auth/authenticate.js';
import type { TokenService } from '../../auth/token-service.js';
import type { RequestTransaction } from '../../db/request-transaction.js';
import type { AuthPayload, Me, Membership } from './auth.types.js';

interface LoginRow {
  user_id: string;
  display_name: string;
  demo: boolean;
  disabled: boolean;
  membership_id: string | null;
  tenant_kind: TenantKind | null;
  tenant_code: string | null;
  role: Role | null;
  team_id: string | null;
  is_default: boolean | null;
}

const FREE_FAILURES = 5;

/** Sign-in, tenant switching and `me`. Every failure looks the same to the caller. */
export class AuthService {
  // Failures per username in 15 minutes; past FREE_FAILURES each attempt waits longer (not a lock-out, which
  // would let anyone lock a cadre out of the field app).
  private readonly failures = new RateLimiterMemory({ points: 1_000, duration: 15 * 60 });

  constructor(
    private readonly tokens: TokenService,
    private readonly demoMode: boolean,
  ) {}

  async login(tx: RequestTransaction, username: string, password: string): Promise<AuthPayload> {
    const key = username.trim().toLowerCase();
    await this.slowDown(key);
    // The database hands out the salt and parameters only (a made-up salt for an unknown user, so the work and
    // the answer are the same) and compares the derived key itself: no hash leaves it.
    const [found] = await tx.query<{ params: string }>('SELECT app.password_params($1) AS params', [key]);
    const derived = found ? await derivePasswordKey(password, found.params) : null;
    const rows = derived
      ? await tx.query<LoginRow>('SELECT * FROM app.find_login($1, $2)', [key, derived])
      : [];
    const user = rows[0];
    const membership = rows.find((r) => r.membership_id !== null);
    if (!user || user.disabled || (user.demo && !this.demoMode) || !membership) {
      await this.failures.penalty(key, 1);
      throw unauthenticated();
    }
    await this.failures.delete(key);
    return this.issue(key, user.display_name, rows, membership);
  }

  async switchTenant(
    tx: RequestTransaction,
    principal: Principal | null,
    membershipId: string,
  ): Promise<AuthPayload> {
    if (!principal || principal.kind !== 'user') throw unauthenticated();
    const rows = await tx.query<LoginRow>('SELECT * FROM app.my_memberships()');
    const target = rows.find((r) => r.membership_id === membershipId);
    if (!target || rows[0]?.disabled) throw unauthenticated();
    return this.issue(principal.subject, rows[0]?.display_name ?? principal.subject, rows, target);
  }

  async me(tx: RequestTransaction, principal: Principal): Promise<Me> {
    const rows =
      principal.kind === 'user' ? await tx.query<LoginRow>('SELECT * FROM app.my_memberships()') : [];
    return {
      subject: principal.subject,
      displayName: rows[0]?.display_name ?? null,
      kind: principal.kind,
      tenantKind: principal.tenantKind,
      tenantCode: principal.tenantCode,
      role: principal.role,
      teamId: principal.teamId,
      memberships: memberships(rows, principal.membershipId),
    };
  }

  private issue(username: string, displayName: string, rows: LoginRow[], active: LoginRow): AuthPayload {
    const { token, expiresAt } = this.tokens.issue({
      sub: active.user_id,
      username,
      mid: active.membership_id!,
      tk: active.tenant_kind!,
      tc: active.tenant_code!,
      role: active.role!,
      team: active.team_id,
    });
    return {
      token,
      expiresAt,
      me: {
        subject: username,
        displayName,
        kind: 'user',
        tenantKind: active.tenant_kind!,
        tenantCode: active.tenant_code!,
        role: active.role!,
        teamId: active.team_id,
        memberships: memberships(rows, active.membership_id),
      },
    };
  }

  private async slowDown(key: string): Promise<void> {
    const state = await this.failures.get(key);
    const excess = (state?.consumedPoints ?? 0) - FREE_FAILURES;
    if (excess >= 0) await new Promise((r) => setTimeout(r, Math.min(8_000, 250 * 2 ** excess)));
  }
}

function memberships(rows: LoginRow[], activeId: string | null): Membership[] {
  return rows
    .filter((r) => r.membership_id !== null)
    .map((r) => ({
      id: r.membership_id!,
      tenantKind: r.tenant_kind!,
      tenantCode: r.tenant_code!,
      role: r.role!,
      teamId: r.team_id,
      active: r.membership_id === activeId,
    }));
}
