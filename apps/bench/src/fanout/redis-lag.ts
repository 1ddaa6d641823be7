// The Redis leg of a signing with replicas: the bench subscribes to the gateways' live channel itself, like
// one more replica, and notes when each message arrives. COMMIT → arrival here is the NOTIFY → bridge →
// PUBLISH → Redis → subscriber path every replica's events take, without any GraphQL work, so it splits the
// replicas' latency into "getting the event" and "executing and sending the board".
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';

/** The gateway's channel (apps/gateway/src/live/live-events.ts LIVE_CHANNEL, namespaced by database name in
 * redis-live-bus.ts); the bench does not import the gateway, so the name is repeated here. */
const channelFor = (databaseUrl: string) =>
  `hanjiang_live:${new URL(databaseUrl).pathname.replace(/^\//, '') || 'postgres'}`;

/** Says why Redis cannot be used (null when it answers PING within 2 s). */
export async function redisProblem(url: string): Promise<string | null> {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 2_000, maxRetriesPerRequest: 0 });
  // The socket's own error (e.g. ECONNREFUSED) says more than the "Connection is closed." connect() rejects with.
  let cause: string | null = null;
  client.on('error', (error: Error) => (cause ??= error.message));
  try {
    await client.connect();
    await client.ping();
    return null;
  } catch (error) {
    return `${url}: ${cause ?? (error as Error).message}`;
  } finally {
    client.disconnect();
  }
}

export class RedisLagProbe {
  private readonly client: Redis;
  private readonly arrivals: number[] = [];

  private constructor(
    url: string,
    private readonly channel: string,
  ) {
    this.client = new Redis(url, { lazyConnect: true });
    this.client.on('error', () => undefined);
    this.client.on('message', (channel: string) => {
      if (channel === this.channel) this.arrivals.push(performance.timeOrigin + performance.now());
    });
  }

  static async start(redisUrl: string, databaseUrl: string): Promise<RedisLagProbe> {
    const probe = new RedisLagProbe(redisUrl, channelFor(databaseUrl));
    await probe.client.connect();
    await probe.client.subscribe(probe.channel);
    return probe;
  }

  /** Milliseconds from `commitStartedAt` to the first message that arrived at or after `since`. */
  lagAfter(since: number, commitStartedAt: number): number | null {
    const first = this.arrivals.find((t) => t >= since);
    return first === undefined ? null : first - commitStartedAt;
  }

  stop(): void {
    this.client.disconnect();
  }
}
