// Environment of the baseline servers the bench starts (raw and PostGraphile).
export interface ServerEnv {
  databaseUrl: string;
  port: number;
  jwtSecret: string;
  poolSize: number;
}

export function readServerEnv(): ServerEnv {
  const env = process.env;
  const missing = ['DATABASE_URL', 'PORT', 'JWT_SECRET'].filter((name) => !env[name]);
  if (missing.length > 0) throw new Error(`missing environment: ${missing.join(', ')}`);
  return {
    databaseUrl: env.DATABASE_URL!,
    port: Number(env.PORT),
    jwtSecret: env.JWT_SECRET!,
    poolSize: Number(env.POOL_SIZE ?? 20),
  };
}
