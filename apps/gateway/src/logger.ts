import { pino, type Logger } from 'pino';
import type { Env } from './env.js';

export type { Logger };

export function createLogger(env: Pick<Env, 'LOG_LEVEL' | 'NODE_ENV'>): Logger {
  return pino({
    level: env.LOG_LEVEL,
    base: { service: 'gateway' },
    redact: {
      paths: ['req.headers.authorization', 'req.headers["x-api-key"]', 'password', '*.password'],
      remove: true,
    },
  });
}
