/**
 * WebSocket close codes the gateway uses, beside graphql-ws's own (4400 bad request, 4401 unauthorized,
 * 4403 forbidden, 4408 init timeout, 4409 subscriber exists, 4429 too many init requests).
 */
export const CloseCode = {
  /** Server restarting or scaling down: reconnect (RFC 6455 "Service Restart"). */
  ServiceRestart: 1012,
  /** The credential could not be checked (database unreachable): reconnect later (RFC 6455 "Try Again Later"). */
  TryAgainLater: 1013,
  /** Not authenticated: no or invalid token in connectionParams. */
  Unauthorized: 4401,
  /** The token expired and was not renewed in time, or the credential was revoked (key revoked, user disabled). */
  Forbidden: 4403,
  /**
   * Too many sockets for one principal, too many subscriptions on one socket, too many sockets from one
   * address (open, or not yet past `connection_init`), or the address is over its request rate — then the reason
   * starts with `RATE_LIMITED` and says how many seconds to wait (ws/socket-admission.ts).
   */
  TooManyRequests: 4429,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];
