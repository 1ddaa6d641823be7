// How the fan-out's sockets are spread: over client processes (so no one client event loop times itself instead
// of the gateway) and, with --fanout-replicas, over gateway replicas. Each client process talks to ONE replica,
// so a process's timestamps belong to one replica and the per-replica figures need no change to the client.

/** Subscriptions per socket (the gateway allows 50). */
export const SUBSCRIPTIONS_PER_SOCKET = 10;

/** Client processes holding the sockets: two, and one more per 10,000 subscribers past 20,000 (one process's
 * event loop parsing every board for 25,000 sockets would time itself, not the gateway); with several replicas,
 * rounded up to a multiple of them so that every replica gets the same number of processes. */
export function clientProcesses(subscribers: number, replicas = 1): number {
  const base = Math.max(2, Math.ceil(subscribers / 10_000));
  return Math.ceil(base / replicas) * replicas;
}

export interface ClientShare {
  /** Index of the replica this client process connects to (0 = the one the signings go to). */
  replica: number;
  /** Indexes of the sockets (into the round-robin token list) this process opens. */
  sockets: number[];
}

/** Sockets round-robin over the client processes, processes round-robin over the replicas: socket i goes to
 * process i mod P (as before replicas existed), process k to replica k mod R. Processes differ by at most one
 * socket, so with P a multiple of R the replicas differ by at most P / R sockets. */
export function shareSockets(sockets: number, processes: number, replicas: number): ClientShare[] {
  if (processes % replicas !== 0)
    throw new Error(`${processes} client processes do not split over ${replicas}`);
  const shares: ClientShare[] = Array.from({ length: processes }, (_, k) => ({
    replica: k % replicas,
    sockets: [],
  }));
  for (let i = 0; i < sockets; i += 1) shares[i % processes]!.sockets.push(i);
  return shares;
}

/** Subscriptions each replica holds under `shares`. */
export function subscriptionsPerReplica(
  shares: ClientShare[],
  replicas: number,
  perSocket: number,
): number[] {
  const counts = Array.from({ length: replicas }, () => 0);
  for (const share of shares) counts[share.replica]! += share.sockets.length * perSocket;
  return counts;
}
