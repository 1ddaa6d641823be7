// Where the data lives and how connections to it are held.
import { z } from 'zod';
import { postgresUrl } from './fields.js';

export const databaseEnv = {
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
};
