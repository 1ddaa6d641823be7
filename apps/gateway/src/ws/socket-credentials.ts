import type { Principal } from '@hanjiang/authz';
import DataLoader from 'dataloader';
import type { CredentialStatus } from '../credentials/credential-status.js';
import type { LiveHub } from '../live/live-hub.js';
import type { LiveEvent } from '../live/live-events.js';
import type { Logger } from '../logger.js';
import type { SocketSession } from './socket-session.js';

type CredentialEvent = Extract<LiveEvent, { t: 'credential' }>;

/** Connects arriving within this window share one check (a reconnect storm is a few queries, not thousands). */
const CONNECT_BATCH_MS = 10;

/**
 * Keeps open sockets honest about their credentials. A JWT is valid until `exp` and an API key lookup is cached,
 * so without this a revoked key or a disabled user keeps receiving live events on an open socket.
 * - At once: the database announces every lapse on the live bus (triggers, migration 1764700000200), and each
 *   replica closes the affected sockets (4403) as the event arrives — before any event committed after it.
 * - Safety net: every `intervalMs`, ONE query re-checks every distinct credential open on this replica (covers
 *   lapses no trigger saw, e.g. a restore, and events lost while the bus reconnected).
 * - On connect: the credential is checked before the socket is acknowledged, so a closed socket cannot simply
 *   reconnect with the same still-unexpired token.
 */
export class SocketCredentials {
  private readonly sessions = new Set<SocketSession>();
  private readonly connecting: DataLoader<Principal, boolean>;
  private timer: NodeJS.Timeout | null = null;
  private off: (() => void) | null = null;
  private checking = false;

  constructor(
    private readonly status: CredentialStatus,
    private readonly logger: Logger,
    private readonly intervalMs: number,
  ) {
    this.connecting = new DataLoader((principals) => status.inForce(principals), {
      cache: false,
      maxBatchSize: 500,
      batchScheduleFn: (run) => setTimeout(run, CONNECT_BATCH_MS),
    });
  }

  start(hub: LiveHub): void {
    this.off = hub.on((event) => {
      if (event.t === 'credential') this.lapsed(event);
    });
    this.timer = setInterval(() => void this.recheck(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    this.off?.();
    this.off = null;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Watches a session from now on (before its connect check, so a lapse announced meanwhile is not missed). */
  add(session: SocketSession): void {
    if (session.principal) this.sessions.add(session);
  }

  remove(session: SocketSession): void {
    this.sessions.delete(session);
  }

  /** Whether a connecting principal's credential stands (batched with other connects). */
  inForce(principal: Principal): Promise<boolean> {
    return this.connecting.load(principal);
  }

  /** The periodic re-check; skipped while one is running or when no socket has a principal. */
  async recheck(): Promise<void> {
    if (this.checking || this.sessions.size === 0) return;
    this.checking = true;
    try {
      const sessions = [...this.sessions];
      const standing = await this.status.inForce(sessions.map((s) => s.principal!));
      let closed = 0;
      sessions.forEach((session, i) => {
        if (standing[i] || !this.sessions.has(session)) return;
        this.close(session);
        closed += 1;
      });
      if (closed > 0) this.logger.info({ closed }, 'sockets closed: credential no longer in force');
    } catch (error) {
      // Fail open: closing every socket on a database blip would only start a reconnect storm that fails too.
      this.logger.warn({ err: error }, 'socket credential re-check failed; will retry');
    } finally {
      this.checking = false;
    }
  }

  private lapsed(event: CredentialEvent): void {
    let closed = 0;
    for (const session of this.sessions) {
      const principal = session.principal!;
      if (principal.subject !== event.subject) continue;
      if (event.membershipId && principal.membershipId !== event.membershipId) continue;
      this.close(session);
      closed += 1;
    }
    if (closed > 0) this.logger.info({ subject: event.subject, closed }, 'sockets closed: credential lapsed');
  }

  private close(session: SocketSession): void {
    this.sessions.delete(session);
    session.revoke();
  }
}
