import { parseEnv } from '../../src/env.js';
import { createLogger } from '../../src/logger.js';
import { type Gateway, startGateway } from '../../src/server.js';
import { RAISED_ADDRESS_LIMITS } from './raised-limits.js';

export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret-0123456789';
export const DEMO_PASSWORD = 'hanjiang-demo-2020';

/** The real gateway in this process, on a free port, against the given database (already seeded or not). */
export async function startTestGateway(
  databaseUrl: string,
  extra: Record<string, string> = {},
): Promise<Gateway> {
  const env = parseEnv({
    DATABASE_URL: databaseUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    JWT_SECRET: TEST_JWT_SECRET,
    DEMO_PASSWORD,
    DB_POOL_SIZE: '10',
    // Tests drive one demo user far harder than a person would; the rate-limit tests set their own limits.
    RATE_LIMIT_PER_MINUTE: '1000000',
    COST_LIMIT_PER_MINUTE: '1000000000',
    IMPORTS_PER_MINUTE: '1000000',
    ...RAISED_ADDRESS_LIMITS,
    ...extra,
  });
  const gateway = await startGateway(env, createLogger(env));
  await gateway.ready;
  return gateway;
}
