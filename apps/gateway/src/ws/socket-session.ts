import type { Principal } from '@hanjiang/authz';
import { ErrorCode } from '@hanjiang/domain';
import type { SocketRenewal } from '../context.js';
import type { Authenticator } from '../credentials/authenticate.js';
import { publicError } from '../errors/public-error.js';
import { CloseCode } from './close-codes.js';

/** setTimeout's ceiling (~24.8 days); longer expiries re-arm. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The credential of one socket. The socket closes with 4403 when the token's `exp` passes, unless a renewed
 * token of the same identity arrived first (ping payload `{ renewToken }` or the `renewSocketToken` mutation):
 * subscriptions then simply continue, with no resubscribe and no gap. It also closes with 4403 when the
 * credential lapses before that (`revoke`, from ws/socket-credentials.ts).
 */
export class SocketSession implements SocketRenewal {
  private timer: NodeJS.Timeout | null = null;
  private disposed = false;

  constructor(
    readonly principal: Principal | null,
    private expiresAt: Date | null,
    private readonly authenticator: Authenticator,
    private readonly close: (code: number, reason: string) => void,
    /** The peer's address, recorded in the audit log like an HTTP caller's. */
    readonly clientAddress: string | null = null,
  ) {
    this.arm();
  }

  get expiry(): Date | null {
    return this.expiresAt;
  }

  /** Verifies `token` and, when it is the same user in the same membership, moves the expiry to its `exp`. */
  async renew(token: string): Promise<{ subject: string; expiresAt: Date | null }> {
    const auth = await this.authenticator.authenticate(`Bearer ${token}`, undefined);
    if (!auth.principal || !this.principal || !sameIdentity(this.principal, auth.principal)) {
      throw publicError(ErrorCode.FORBIDDEN, {
        zh: '续期令牌必须属于同一用户、同一单位和同一角色',
        en: 'A renewal token must be for the same subject, tenant and role as the socket',
      });
    }
    if (!this.disposed) {
      this.expiresAt = auth.expiresAt;
      this.arm();
    }
    return { subject: this.principal.subject, expiresAt: this.expiresAt };
  }

  /**
   * A renewal in a ping payload. graphql-ws sends the pong after this resolves, so the pong acknowledges an
   * accepted renewal; a refused one closes the socket (4403) with the reason instead.
   */
  async renewFromPing(payload: unknown): Promise<void> {
    const token = (payload as { renewToken?: unknown } | null | undefined)?.renewToken;
    if (typeof token !== 'string') return;
    await this.renew(token).catch((error: unknown) => {
      const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
      const why = typeof code === 'string' ? code : 'UNAUTHENTICATED';
      this.close(CloseCode.Forbidden, `Forbidden: token renewal refused (${why})`);
    });
  }

  /** The credential lapsed (revoked key, disabled user, changed membership): close now, whatever `exp` says. */
  revoke(): void {
    if (this.disposed) return;
    this.dispose();
    this.close(CloseCode.Forbidden, 'Forbidden: credential revoked');
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.expiresAt || this.disposed) return;
    const left = this.expiresAt.getTime() - Date.now();
    this.timer = setTimeout(
      () => {
        this.timer = null;
        if (this.expiresAt && this.expiresAt.getTime() <= Date.now()) {
          this.close(CloseCode.Forbidden, 'Forbidden: token expired');
        } else {
          this.arm();
        }
      },
      Math.max(0, Math.min(left, MAX_TIMER_MS)),
    );
    // An expiry timer alone must not keep the process alive.
    this.timer.unref();
  }
}

/** Same user (or key) acting in the same membership: tenant, role and team unchanged. */
export function sameIdentity(a: Principal, b: Principal): boolean {
  return (
    a.kind === b.kind &&
    a.subject === b.subject &&
    a.tenantKind === b.tenantKind &&
    a.tenantCode === b.tenantCode &&
    a.role === b.role &&
    a.teamId === b.teamId
  );
}
