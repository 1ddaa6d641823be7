// What every subscription field of the modules shares: the shape type-graphql hands a `subscribe` function, and
// the one answer to a subscription that arrives without an event (over HTTP instead of WebSocket).
import { ErrorCode } from '@hanjiang/domain';
import type { GatewayContext } from '../context.js';
import { publicError } from '../errors/public-error.js';

/** What type-graphql passes a subscription's `subscribe` function. */
export type SubscriptionSource = { context: GatewayContext; args: Record<string, unknown> };

/** Apollo runs a subscription POSTed over HTTP once, with no event: tell the caller where they are served. */
export function eventOf<T>(root: T | undefined): T {
  if (root === undefined || root === null) {
    throw publicError(ErrorCode.BAD_USER_INPUT, {
      zh: '订阅请通过 WebSocket(graphql-ws 协议)连接 /graphql',
      en: 'Subscriptions are served over WebSocket (graphql-ws protocol) at /graphql',
    });
  }
  return root;
}
