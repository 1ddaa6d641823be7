// The one place configuration is read. Every problem is reported at once, then the process exits 1.
import {
  DEFAULT_AWARD_LOSS_LAST_PLACES,
  formatWorkingHours,
  DEFAULT_WORKING_HOURS,
  parseWorkingHours,
} from '@hanjiang/domain';
import proxyaddr from 'proxy-addr';
import { z } from 'zod';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const postgresUrl = z
  .string()
  .refine((v) => /^postgres(ql)?:\/\//.test(v), { message: 'must be a postgres:// or postgresql:// URL' });

function compilesAsTrust(list: string[]): boolean {
  try {
    proxyaddr.compile(list);
    return true;
  } catch {
    return false;
  }
}

export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().min(1).default('0.0.0.0'),
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    DATABASE_URL: postgresUrl.optional(),
    // A read replica (a hot standby of DATABASE_URL, same roles and scope key): queries open their transaction on
    // it unless their caller wrote within DATABASE_REPLICA_PIN_MS (docs/operations.md, "Read replicas"). A replica
    // that fails is skipped for DATABASE_REPLICA_RETRY_MS (reads on the primary, /readyz says degraded).
    DATABASE_REPLICA_URL: postgresUrl.optional(),
    DATABASE_REPLICA_PIN_MS: z.coerce.number().int().min(0).max(600_000).default(5_000),
    DATABASE_REPLICA_RETRY_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
    DATA_DIR: z.string().min(1).default('.data'),
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(20),
    // Pool connections: how long a request waits for one (then SERVICE_UNAVAILABLE), and the server-side limits
    // that keep one request from holding a connection for long (statement; idle inside a transaction).
    DB_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    // A pool none of whose connections came back for this long is starved: requests then fail at once
    // (SERVICE_UNAVAILABLE) instead of each waiting DB_ACQUIRE_TIMEOUT_MS.
    DB_STARVED_AFTER_MS: z.coerce.number().int().min(100).max(120_000).default(1_000),
    DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
    DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(15_000),
    REDIS_URL: z
      .string()
      .refine((v) => /^rediss?:\/\//.test(v), { message: 'must be a redis:// URL' })
      .optional(),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    JWT_PRIVATE_KEY_FILE: z.string().optional(),
    JWT_PUBLIC_KEY_FILE: z.string().optional(),
    JWT_ISSUER: z.string().default('hanjiang-campaign'),
    JWT_AUDIENCE: z.string().default('hanjiang-campaign-api'),
    JWT_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(3_600),
    DEMO_MODE: bool.optional(),
    DEMO_PASSWORD: z.string().min(8, 'must be at least 8 characters').default('hanjiang-demo-2020'),
    SEED_ON_EMPTY: bool.default(true),
    SEED_SCALE: z.coerce.number().positive().max(1000).default(1),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    ALLOWED_ORIGINS: z.string().default('*'),
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
    TRUSTED_PROXIES: z
      .string()
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean),
      )
      .refine(compilesAsTrust, { message: 'must list IP addresses, CIDRs or proxy-addr names' }),
    LIVE_COALESCE_MS: z.coerce.number().int().min(0).max(5_000).default(100),
    // Adds `extensions.sqlStatements` to responses: for the N+1 tests and the bench, never in production.
    EXPOSE_SQL_STATS: bool.default(false),
    // Draining requests, then the embedded server's shutdown checkpoint: durable (fsync on), a freshly seeded
    // cluster may take well over 10 s to flush, and exiting before it ends is an error exit for Ctrl-C.
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(45_000),
    // How often the audit chain's head (last id and hash) is written to the log and /metrics, so a later
    // rewrite of the chain disagrees with what was exported before it.
    // Set by pnpm: the directory the operator ran `pnpm <script>` in (scripts run in the package's own), so
    // operator scripts resolve file arguments as typed (e.g. `pnpm apikey allow --manifest packages/…`).
    INIT_CWD: z.string().min(1).optional(),
    AUDIT_HEAD_EXPORT_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(60_000),
    // Tonight's summary (精准汇总): its hour and minute in Asia/Shanghai (after the evening visits end at 21:30),
    // or a whole cron expression (Shanghai time) instead; SUMMARY_JOBS=0 runs no job on this replica.
    SUMMARY_HOUR: z.coerce.number().int().min(0).max(23).default(22),
    SUMMARY_MINUTE: z.coerce.number().int().min(0).max(59).default(0),
    SUMMARY_CRON: z
      .string()
      .regex(/^\S+( \S+){4}$/, 'must be a five-field cron expression')
      .optional(),
    SUMMARY_JOBS: bool.default(true),
    // The integrator audit (modules/audit/audit.writer.ts): rows are written off the request path, in batches of at
    // most AUDIT_BATCH_ROWS, at most AUDIT_FLUSH_MS after they happen; refusals are coalesced per caller, code and
    // address into one row per AUDIT_REFUSAL_WINDOW_MS.
    AUDIT_FLUSH_MS: z.coerce.number().int().min(10).max(60_000).default(500),
    AUDIT_BATCH_ROWS: z.coerce.number().int().min(1).max(5_000).default(200),
    AUDIT_REFUSAL_WINDOW_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
    // /metrics is never public: a listener of its own (off unless set; for the cluster network only) and/or a
    // bearer token (required wherever it is set; without it the gateway's own port has no /metrics at all).
    METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    METRICS_HOST: z.string().min(1).optional(),
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    // How often a probe goes round the live bus to measure its lag (only while metrics are served).
    METRICS_BUS_PROBE_MS: z.coerce.number().int().min(100).max(3_600_000).default(15_000),
    // Household exports (docs/integrators.md): a filter matching more rows is refused before anything streams;
    // a download still running after EXPORT_MAX_SECONDS is cut off; download links live EXPORT_LINK_TTL_SECONDS.
    // Automatic persisted queries are stored by any caller: past this many texts the least recently used go
    // (never an allow-list key's registered operations). Enforced in app.persist_query, so by every replica.
    PERSISTED_QUERY_MAX_ROWS: z.coerce.number().int().min(10).max(10_000_000).default(50_000),
    EXPORT_MAX_ROWS: z.coerce.number().int().min(1).max(1_000_000).default(50_000),
    EXPORT_MAX_SECONDS: z.coerce.number().int().min(1).max(3_600).default(120),
    EXPORT_LINK_TTL_SECONDS: z.coerce.number().int().min(5).max(3_600).default(60),
    // Field work (issue 14): the working day in Asia/Shanghai wall-clock time ('HH:MM-HH:MM'); a visit outside it
    // is an off-hours visit (错时走访). And how many inspection periods ranked last cost a unit its award eligibility.
    WORKING_HOURS: z
      .string()
      .default(formatWorkingHours(DEFAULT_WORKING_HOURS))
      .transform((v, ctx) => {
        try {
          return parseWorkingHours(v);
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: (error as Error).message });
          return z.NEVER;
        }
      }),
    AWARD_LOSS_LAST_PLACES: z.coerce.number().int().min(1).max(52).default(DEFAULT_AWARD_LOSS_LAST_PLACES),
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_REPLICA_URL && !env.DATABASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['DATABASE_REPLICA_URL'],
        message: 'needs DATABASE_URL (the embedded server has no replica)',
      });
    }
    if (Boolean(env.JWT_PRIVATE_KEY_FILE) !== Boolean(env.JWT_PUBLIC_KEY_FILE)) {
      ctx.addIssue({
        code: 'custom',
        path: ['JWT_PUBLIC_KEY_FILE'],
        message: 'JWT_PRIVATE_KEY_FILE and JWT_PUBLIC_KEY_FILE go together (RS256)',
      });
    }
    if (
      env.NODE_ENV === 'production' &&
      !env.JWT_SECRET &&
      !env.JWT_PRIVATE_KEY_FILE &&
      env.DEMO_MODE !== true
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['JWT_SECRET'],
        message:
          'required in production unless DEMO_MODE=1 (or use JWT_PRIVATE_KEY_FILE/JWT_PUBLIC_KEY_FILE)',
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

/** The nightly summary's cron expression, in Asia/Shanghai time. */
export function summaryCron(env: Env): string {
  return env.SUMMARY_CRON ?? `${env.SUMMARY_MINUTE} ${env.SUMMARY_HOUR} * * *`;
}

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid environment: ${problems.join('; ')}`);
  }
}

/** Parses an environment map; throws EnvError naming every invalid variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty string means "unset": shells and compose files often export VAR= .
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = envSchema.safeParse(cleaned);
  if (result.success) return result.data;
  throw new EnvError(
    result.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`),
  );
}

/** Demo mode is on unless stated otherwise, except in production where it must be asked for. */
export function isDemoMode(env: Env): boolean {
  return env.DEMO_MODE ?? env.NODE_ENV !== 'production';
}

export function readProcessEnv(): Env {
  return parseEnv(process.env);
}
