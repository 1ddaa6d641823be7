// The one place configuration is read. Every problem is reported at once, then the process exits 1. The
// variables are grouped by concern in env/ (database, limits, operations); this file adds the server's own and
// the rules that span groups.
import { z } from 'zod';
import { databaseEnv } from './env/database-env.js';
import { bool } from './env/fields.js';
import { limitsEnv } from './env/limits-env.js';
import { operationsEnv } from './env/operations-env.js';

export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().min(1).default('0.0.0.0'),
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    ...databaseEnv,
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
    ...limitsEnv,
    LIVE_COALESCE_MS: z.coerce.number().int().min(0).max(5_000).default(100),
    // Adds `extensions.sqlStatements` to responses: for the N+1 tests and the bench, never in production.
    EXPOSE_SQL_STATS: bool.default(false),
    // Draining requests, then the embedded server's shutdown checkpoint: durable (fsync on), a freshly seeded
    // cluster may take well over 10 s to flush, and exiting before it ends is an error exit for Ctrl-C.
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(45_000),
    // Set by pnpm: the directory the operator ran `pnpm <script>` in (scripts run in the package's own), so
    // operator scripts resolve file arguments as typed (e.g. `pnpm apikey allow --manifest packages/…`).
    INIT_CWD: z.string().min(1).optional(),
    ...operationsEnv,
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
