// The caps that keep one caller from taking what belongs to all: sockets, rates, costs, addresses, exports.
import { z } from 'zod';
import { trustList } from './fields.js';

export const limitsEnv = {
  // Live updates over WebSocket: abuse caps (close code 4429 past them) and the burst-coalescing window.
  WS_MAX_SUBSCRIPTIONS_PER_SOCKET: z.coerce.number().int().min(1).max(10_000).default(50),
  WS_MAX_SOCKETS_PER_PRINCIPAL: z.coerce.number().int().min(1).max(100_000).default(20),
  WS_MAX_UNINITIALISED_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(10),
  // Open sockets' credentials are re-checked this often (revocations also close them at once via the bus).
  WS_CREDENTIAL_RECHECK_MS: z.coerce.number().int().min(100).max(3_600_000).default(5_000),
  // How long a JWT's standing (user enabled, membership unchanged) is remembered before it is checked again
  // (credentials/token-standing.ts); credential events from the database forget it at once.
  CREDENTIAL_CHECK_TTL_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  // Per API key and per signed-in user, on every entry (pipeline/rate-limits.ts): operations and summed query
  // cost (graphql-armor's pricing) per window; a key's own limits override these. The window is a minute in
  // service; tests shorten it.
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(1_200),
  COST_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000_000).default(2_000_000),
  // Roster imports (modules/roster/roster.admission.ts): an import parses up to 8 MB, so a caller starts a few a
  // minute (dry runs too) whatever its operation rate, and a process checks IMPORT_CONCURRENCY files at a time.
  IMPORTS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(12),
  IMPORT_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3_600).default(60),
  // Per client address, before a body is read (pipeline/address-limits.ts): requests per window (every path but
  // the probes), TCP connections and WebSockets open at once, and anonymous operations and their cost per
  // RATE_LIMIT_WINDOW_SECONDS. Far above what a portal or an office behind one NAT sends; loopback is not exempt.
  ADDRESS_REQUESTS_PER_WINDOW: z.coerce.number().int().min(1).max(100_000_000).default(1_000),
  ADDRESS_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3_600).default(10),
  ADDRESS_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(1_000_000).default(256),
  ADDRESS_MAX_SOCKETS: z.coerce.number().int().min(1).max(1_000_000).default(128),
  ANONYMOUS_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000_000).default(120),
  ANONYMOUS_COST_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000_000).default(100_000),
  // Peers (IPs or CIDRs, comma-separated, or proxy-addr's names such as `loopback`) whose X-Forwarded-For is
  // believed; from any other peer the socket's address is the client's.
  TRUSTED_PROXIES: trustList,
  // Automatic persisted queries are stored by any caller: past this many texts the least recently used go
  // (never an allow-list key's registered operations). Enforced in app.persist_query, so by every replica.
  PERSISTED_QUERY_MAX_ROWS: z.coerce.number().int().min(10).max(10_000_000).default(50_000),
  // Household exports (docs/integrators.md): a filter matching more rows is refused before anything streams;
  // a download still running after EXPORT_MAX_SECONDS is cut off; download links live EXPORT_LINK_TTL_SECONDS.
  EXPORT_MAX_ROWS: z.coerce.number().int().min(1).max(1_000_000).default(50_000),
  EXPORT_MAX_SECONDS: z.coerce.number().int().min(1).max(3_600).default(120),
  EXPORT_LINK_TTL_SECONDS: z.coerce.number().int().min(5).max(3_600).default(60),
};
