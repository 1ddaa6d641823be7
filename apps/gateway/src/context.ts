import type { Principal } from '@hanjiang/authz';
import type { Authenticator } from './credentials/authenticate.js';
import type { TokenService } from './credentials/token-service.js';
import type { CatalogueCache } from './db/catalogue-cache.js';
import type { RequestTransaction } from './db/request-transaction.js';
import type { LiveService } from './live/live-service.js';
import type { Logger } from './logger.js';
import type { Loaders } from './loaders.js';
import type { AuthService } from './modules/auth/auth.service.js';
import type { SummaryRunner } from './modules/summary/summary.runner.js';
import type { SocketRenewal } from './ws/socket-session.js';

/** What every resolver receives. Built per HTTP request or per WebSocket operation. */
export interface GatewayContext {
  readonly requestId: string;
  readonly principal: Principal | null;
  readonly logger: Logger;
  readonly tx: RequestTransaction;
  readonly loaders: Loaders;
  readonly services: Services;
  /** Caller's address (HTTP), recorded in the audit log. */
  readonly clientAddress?: string | null;
  /** Over WebSocket only: the socket's session, for in-band token renewal (`renewSocketToken`). */
  readonly socket?: SocketRenewal;
}

/** Process-wide collaborators resolvers reach through the context (per-request state lives above). */
export interface Services {
  readonly readiness: Readiness;
  readonly version: string;
  readonly catalogue: CatalogueCache;
  readonly tokens: TokenService;
  readonly authenticator: Authenticator;
  readonly auth: AuthService;
  /** Live updates: the hub fed by the PostgreSQL/Redis bus that subscription source streams listen to. */
  readonly live: LiveService;
  /** Tonight's summary: runs a day under the district's scope (the nightly job and `runDailySummary`). */
  readonly summaries: SummaryRunner;
}

export interface Readiness {
  isReady(): boolean;
  reason(): string;
}
