import { ErrorCode, publicError } from '../../errors/public-error.js';
import type { TokenService } from '../../credentials/token-service.js';
import type { GatewayContext } from '../../context.js';
import type { AuditRecord } from '../../db/audit-records.js';
import { requirePrincipal } from '../../guards.js';
import type { AuthPayload, Me, Membership } from './auth.types.js';
import { LoginLimits } from './login-limits.js';
import type { CheckCredentials, LoginRow } from './login-lookup.js';

declare module '../../context.js' {
  interface Services {
    readonly auth: AuthService;
  }
}

/** Sign-in, tenant switching and `me`. Every failure looks the same to the caller. */
export class AuthService {
  constructor(
    private readonly tokens: TokenService,
    private readonly demoMode: boolean,
    /** The password check, in short transactions of its own (login-lookup.ts), never the request's. */
    private readonly checkCredentials: CheckCredentials,
    private readonly limits = new LoginLimits(),
  ) {}

  /**
   * Every `login` field is one attempt, aliased ones included: it is counted (per address and per username)
   * before anything touches the database, and refused with RATE_LIMITED past the limits. No connection is held
   * while the password is checked, and nothing ever sleeps. Every attempt is audited (ctx.services.audit): a
   * success names who signed in, a failure keeps the username tried and the address, never the password.
   */
  async login(ctx: GatewayContext, username: string, password: string): Promise<AuthPayload> {
    const key = username.trim().toLowerCase();
    // HTTP always knows the peer; an operation without one (over WebSocket) shares a single address bucket.
    const address = ctx.clientAddress ?? 'unknown';
    await this.limits.begin(address, key).catch((error: unknown) => {
      // A throttled attempt is a refusal: coalesced, so a password sprayer does not flood the log.
      throttled(ctx, error);
      throw error;
    });
    // No answer from the database (busy, down) checked no password: the attempt is given back.
    const rows = await this.checkCredentials(key, password).catch(async (error: unknown) => {
      await this.limits.abandoned(address, key);
      throw error;
    });
    const user = rows[0];
    const membership = rows.find((r) => r.membership_id !== null);
    if (!user || user.disabled || (user.demo && !this.demoMode) || !membership) {
      ctx.services.audit.record(loginRow(ctx, key, ErrorCode.UNAUTHENTICATED, null));
      throw loginFailed();
    }
    await this.limits.succeeded(address, key);
    ctx.services.audit.record(loginRow(ctx, key, 'ok', membership));
    return this.issue(key, user.display_name, rows, membership);
  }

  async switchTenant({ tx, principal }: GatewayContext, membershipId: string): Promise<AuthPayload> {
    if (!principal || principal.kind !== 'user') throw staleSession();
    const rows = await tx.query<LoginRow>('SELECT * FROM app.my_memberships()');
    const target = rows.find((r) => r.membership_id === membershipId);
    if (!target || rows[0]?.disabled) throw staleSession();
    return this.issue(principal.subject, rows[0]?.display_name ?? principal.subject, rows, target);
  }

  async me(ctx: GatewayContext): Promise<Me> {
    const { tx } = ctx;
    const principal = requirePrincipal(ctx);
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
}

/**
 * A sign-in's audit row. A success names who signed in and the membership they act in; a failure is the
 * anonymous caller's, with the username tried (truncated: it is caller input) in its detail.
 */
function loginRow(
  ctx: GatewayContext,
  username: string,
  outcome: string,
  membership: LoginRow | null,
): AuditRecord {
  return {
    at: new Date(),
    actor: membership ? username : 'anonymous',
    membership: membership?.membership_id ?? null,
    tenantKind: membership?.tenant_kind ?? null,
    tenantCode: membership?.tenant_code ?? null,
    operation: 'login',
    variablesHash: null,
    requestId: ctx.requestId,
    client: ctx.clientAddress ?? null,
    outcome,
    detail: { kind: 'login', username: username.slice(0, 200) },
  };
}

function throttled(ctx: GatewayContext, error: unknown): void {
  const code = (error as { extensions?: { code?: unknown } } | null)?.extensions?.code;
  if (typeof code !== 'string') return;
  ctx.services.audit.refused({
    actor: 'anonymous',
    tenantKind: null,
    tenantCode: null,
    membership: null,
    code,
    client: ctx.clientAddress ?? null,
    requestId: ctx.requestId,
    operation: 'login',
    transport: ctx.socket ? 'ws' : 'http',
  });
}

/**
 * A failed sign-in, the same for every reason (unknown user, wrong password, disabled, demo account outside
 * demo mode). A field error like any other: HTTP 200 with the error in the body, so it carries no `http`.
 */
function loginFailed() {
  return publicError(ErrorCode.UNAUTHENTICATED, {
    zh: '用户名或密码错误',
    en: 'Wrong username or password',
  });
}

/** switchTenant for a caller that is not (or no longer) a user holding that membership; a field error too. */
function staleSession() {
  return publicError(ErrorCode.UNAUTHENTICATED, {
    zh: '身份凭证无效或已过期,请重新登录',
    en: 'Invalid or expired credentials; please sign in again',
  });
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
