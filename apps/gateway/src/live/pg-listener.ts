import pg from 'pg';
import type { Logger } from '../logger.js';

export interface PgListenerOptions {
  /** Connection settings of the database (a dedicated client is opened: LISTEN must not hold a pool slot). */
  connection: pg.ClientConfig;
  channel: string;
  logger: Logger;
  onPayload(payload: string): void;
  /** After a drop and a successful reconnect: notifications sent meanwhile are lost, so state must be re-read. */
  onReconnected(): void;
  /** The connection was lost (called before each reconnection attempt is scheduled). */
  onDropped?(): void;
  /**
   * When set, LISTEN only while holding this session-level advisory lock: one listener per database across
   * all replicas (the Redis bridge). Standbys retry the lock every `standbyRetryMs`.
   */
  leaderLock?: string;
  /** Called with true when this listener starts listening as the leader. */
  onLeadership?(leader: boolean): void;
  standbyRetryMs?: number;
}

const MAX_BACKOFF_MS = 5_000;

/** LISTEN on a dedicated pg.Client that reconnects with exponential backoff after any drop. */
export class PgListener {
  private client: pg.Client | null = null;
  private stopped = false;
  private attempt = 0;
  private connectedOnce = false;
  /** Reconnect backoff, and the standby's next try for the lock. */
  private reconnectTimer: NodeJS.Timeout | null = null;
  private standbyTimer: NodeJS.Timeout | null = null;
  private leader = false;
  private connected = false;

  constructor(private readonly options: PgListenerOptions) {}

  get isLeader(): boolean {
    return this.leader;
  }

  /** True while the dedicated connection is up (listening, or a standby waiting for the lock). */
  get isConnected(): boolean {
    return this.connected;
  }

  /** First connection attempt; on failure it keeps retrying in the background rather than failing startup. */
  async start(): Promise<void> {
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.clearTimers();
    const client = this.client;
    this.client = null;
    // Ending the session releases the advisory lock and the LISTEN with it.
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const { connection, channel, logger } = this.options;
    const client = new pg.Client({ ...connection, application_name: 'hanjiang-live' });
    client.on('error', (error) => this.dropped(client, error));
    client.on('end', () => this.dropped(client, null));
    client.on('notification', (message) => {
      if (message.channel === channel && message.payload) this.options.onPayload(message.payload);
    });
    this.client = client;
    try {
      await client.connect();
      await this.listenIfLeader(client);
    } catch (error) {
      this.dropped(client, error as Error);
      return;
    }
    this.attempt = 0;
    this.connected = true;
    if (this.connectedOnce) {
      logger.info({ channel }, 'live listener reconnected');
      this.options.onReconnected();
    }
    this.connectedOnce = true;
  }

  private async listenIfLeader(client: pg.Client): Promise<void> {
    const { leaderLock, channel } = this.options;
    if (leaderLock) {
      const { rows } = await client.query<{ ok: boolean }>(
        'SELECT pg_try_advisory_lock(hashtext($1)) AS ok',
        [leaderLock],
      );
      if (!rows[0]?.ok) {
        this.standbyTimer = setTimeout(() => {
          this.standbyTimer = null;
          if (this.client !== client) return;
          this.listenIfLeader(client).catch((error: unknown) => this.dropped(client, error as Error));
        }, this.options.standbyRetryMs ?? 2_000);
        return;
      }
    }
    await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    this.leader = true;
    if (leaderLock) this.options.logger.info({ channel }, 'live bridge: this replica relays NOTIFY');
    this.options.onLeadership?.(true);
  }

  private clearTimers(): void {
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.standbyTimer) clearTimeout(this.standbyTimer);
    this.reconnectTimer = this.standbyTimer = null;
  }

  private dropped(client: pg.Client, error: Error | null): void {
    // Only the current client's death matters; a stale one ending late is ignored.
    if (this.client !== client) return;
    this.clearTimers();
    // Keep a listener so a late socket error on the dead client is not an unhandled 'error' event.
    client.removeAllListeners();
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    this.client = null;
    this.connected = false;
    if (this.leader) this.options.onLeadership?.(false);
    this.leader = false;
    if (this.stopped) return;
    this.options.onDropped?.();
    const delay = Math.min(MAX_BACKOFF_MS, 100 * 2 ** this.attempt) * (0.75 + Math.random() / 2);
    this.attempt += 1;
    this.options.logger.warn(
      { err: error ?? undefined, retryInMs: Math.round(delay) },
      'live listener lost its connection',
    );
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      void this.connect();
    }, delay);
  }
}
