import { backoffDelay } from '../live/backoff.js';
import { realTimers, type Timers } from '../live/transport.js';

export interface IssuedToken {
  readonly token: string;
  /** ISO instant at which the gateway stops accepting the token. */
  readonly expiresAt: string;
}

export interface TokenKeeperOptions {
  readonly initial: IssuedToken;
  /** Asks the gateway for a fresh token of the same session (switchTenant to the active membership). */
  readonly renew: (current: string) => Promise<IssuedToken>;
  /** Hands the fresh token on (e.g. to the open socket, with renewSocketToken). */
  readonly onRenewed?: (token: IssuedToken) => void;
  /** Called when renewal keeps failing until the token expired: the person must sign in again. */
  readonly onExpired?: () => void;
  /** Renew when this share of the token's lifetime is left (default a quarter, at least 30 s before expiry). */
  readonly renewWhenLeft?: number;
  /** Delay before retry `attempt` (0 = the first) of a failed renewal; default `backoffDelay`, jittered. */
  readonly backoff?: (attempt: number) => number;
  readonly now?: () => number;
  readonly timers?: Timers;
}

const MIN_MARGIN_MS = 30_000;

/**
 * Keeps a session's JWT fresh: renews it ahead of expiry on a timer (retrying with back-off if the gateway is
 * away), and on demand when a request finds it stale (after a laptop slept through the timer). One renewal at a
 * time: concurrent callers share it.
 */
export class TokenKeeper {
  private current: IssuedToken;
  private issuedAt: number;
  private timer: unknown = null;
  private inFlight: Promise<IssuedToken> | null = null;
  private failures = 0;
  private stopped = false;
  private readonly now: () => number;
  private readonly timers: Timers;

  constructor(private readonly options: TokenKeeperOptions) {
    this.current = options.initial;
    this.now = options.now ?? Date.now;
    this.timers = options.timers ?? realTimers;
    this.issuedAt = this.now();
    this.schedule();
  }

  get token(): string {
    return this.current.token;
  }

  get expiresAt(): string {
    return this.current.expiresAt;
  }

  /** True when the token is inside its renewal window (or past expiry). */
  needsRenewal(): boolean {
    return this.now() >= this.renewAt();
  }

  renewNow(): Promise<IssuedToken> {
    this.inFlight ??= this.options
      .renew(this.current.token)
      .then(
        (fresh) => {
          this.current = fresh;
          this.issuedAt = this.now();
          this.failures = 0;
          this.options.onRenewed?.(fresh);
          return fresh;
        },
        (error: unknown) => {
          this.failures += 1;
          throw error;
        },
      )
      .finally(() => {
        this.inFlight = null;
        this.schedule();
      });
    return this.inFlight;
  }

  stop(): void {
    this.stopped = true;
    this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private renewAt(): number {
    const expires = Date.parse(this.current.expiresAt);
    const lifetime = Math.max(0, expires - this.issuedAt);
    const margin = Math.max(MIN_MARGIN_MS, lifetime * (this.options.renewWhenLeft ?? 0.25));
    return expires - margin;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timers.clearTimeout(this.timer);
    const expires = Date.parse(this.current.expiresAt);
    const now = this.now();
    if (this.failures > 0 && now >= expires) {
      this.timer = null;
      this.options.onExpired?.();
      return;
    }
    const delay =
      this.failures > 0
        ? Math.min((this.options.backoff ?? backoffDelay)(this.failures - 1), Math.max(0, expires - now))
        : Math.max(0, this.renewAt() - now);
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      this.renewNow().catch(() => undefined); // failures reschedule with back-off in finally
    }, delay);
  }
}
