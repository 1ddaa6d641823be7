import { EnvError, isDemoMode, readProcessEnv } from './env.js';
import { startBanner } from './banner.js';
import { createLogger } from './logger.js';
import { startGateway } from './server.js';

function fail(message: string): never {
  process.stderr.write(`gateway: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let env;
  try {
    env = readProcessEnv();
  } catch (error) {
    if (error instanceof EnvError) fail(`invalid environment:\n  - ${error.problems.join('\n  - ')}`);
    throw error;
  }
  const logger = createLogger(env);
  const started = Date.now();
  const gateway = await startGateway(env, logger).catch((error: Error) => fail(error.message));

  let shuttingDown = false;
  const shutdown = (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => fail('shutdown took too long; exiting'), env.SHUTDOWN_GRACE_MS);
    force.unref();
    gateway.stop().then(
      () => process.exit(0),
      (error: Error) => fail(`shutdown failed: ${error.message}`),
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  try {
    const db = await gateway.ready;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    logger.info({ url: gateway.url, database: db.displayUrl, seconds }, 'gateway ready');
    process.stdout.write(
      startBanner({
        seconds,
        url: gateway.url,
        port: gateway.port,
        database: db.displayUrl,
        embedded: db.embedded,
        demoMode: isDemoMode(env),
        demoPassword: env.DEMO_PASSWORD,
        ephemeralJwtSecret: gateway.ephemeralJwtSecret,
      }),
    );
  } catch (error) {
    await gateway.stop().catch(() => undefined);
    fail((error as Error).message);
  }
}

void main();
