import type { Principal } from '@hanjiang/authz';
import type { RequestTransaction } from './db/request-transaction.js';
import type { Logger } from './logger.js';

/** What every resolver receives. Built per HTTP request or per WebSocket operation. */
export interface GatewayContext {
  readonly requestId: string;
  readonly principal: Principal | null;
  readonly logger: Logger;
  readonly tx: RequestTransaction;
  readonly services: Services;
}

/** Process-wide collaborators resolvers reach through the context (kept small; per-request state lives above). */
export interface Services {
  readonly readiness: Readiness;
  readonly version: string;
}

export interface Readiness {
  isReady(): boolean;
  reason(): string;
}
