// Opening the fan-out's subscribers: each client process gets its sockets' tokens and its replica's URL, opens
// them, and answers once every subscription has its initial board (or the deadline passed).
import type { Child } from '../children.js';
import type { OpenCommand } from '../fanout-client.js';
import type { ClientProcess } from './client-process.js';
import type { ClientShare } from './split.js';

export const FANOUT_QUERY =
  'subscription Board { leaderboardChanged(board: HEADQUARTERS) { rank scopeCode signedPct signedToday } }';

export interface Opened {
  subscriptions: number;
  initial: number;
  problems: string[];
}

export async function openSubscribers(options: {
  workers: ClientProcess[];
  shares: ClientShare[];
  gateways: Child[];
  /** One token per socket. */
  socketTokens: string[];
  subscriptionsPerSocket: number;
  deadlineMs: number;
  budgetMs: number;
}): Promise<Opened> {
  const opened = await Promise.all(
    options.workers.map((w, k) => {
      const share = options.shares[k]!;
      const command: OpenCommand = {
        type: 'open',
        url: `${options.gateways[share.replica]!.url.replace(/^http/, 'ws')}/graphql`,
        query: FANOUT_QUERY,
        tokens: share.sockets.map((i) => options.socketTokens[i]!),
        subscriptionsPerSocket: options.subscriptionsPerSocket,
        deadlineMs: options.deadlineMs,
      };
      w.send(command);
      return w.next('opened', options.budgetMs);
    }),
  );
  const problems: string[] = [];
  for (const o of opened) problems.push(...(o?.problems ?? ['a client process did not answer']));
  return {
    subscriptions: opened.reduce((n, o) => n + (o?.subscriptions ?? 0), 0),
    initial: opened.reduce((n, o) => n + (o?.initial ?? 0), 0),
    problems,
  };
}
