// The gateway as `pnpm start` runs it (src/main.ts in a child process), on its own embedded PostgreSQL in a
// throwaway directory, restartable on the same port and data.
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const GATEWAY_DIR = path.resolve(import.meta.dirname, '../../gateway');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export class GatewayProcess {
  private child: ChildProcess | null = null;
  private out = '';
  readonly dataDir: string;

  /** `env`: extra settings for the gateway, e.g. `{ SEED_SCALE: '6' }` for a bigger demo seed. */
  constructor(
    readonly port: number,
    private readonly env: Readonly<Record<string, string>> = {},
  ) {
    // Embedded PostgreSQL runs as the `postgres` user, which must traverse the data directory's parents.
    this.dataDir = mkdtempSync(path.join(tmpdir(), 'hj-e2e-'));
    chmodSync(this.dataDir, 0o755);
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get output(): string {
    return this.out;
  }

  /** Starts src/main.ts and resolves with its start banner once it printed one (i.e. it is ready). */
  async start(timeoutMs = 150_000): Promise<string> {
    this.out = '';
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      PORT: String(this.port),
      HOST: '127.0.0.1',
      DATA_DIR: this.dataDir,
      DEMO_MODE: '1',
      LOG_LEVEL: 'warn',
      // The same secret across restarts, as a real deployment keeps it.
      JWT_SECRET: 'e2e-only-secret-e2e-only-secret-e2e-only',
      // Every simulated portal and browser shares loopback: one client to the per-address limits.
      ADDRESS_REQUESTS_PER_WINDOW: '100000000',
      ADDRESS_MAX_CONNECTIONS: '1000000',
      ADDRESS_MAX_SOCKETS: '1000000',
      ANONYMOUS_RATE_LIMIT_PER_MINUTE: '100000000',
      ...this.env,
    };
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: GATEWAY_DIR,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout?.on('data', (chunk: Buffer) => (this.out += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.out += chunk.toString()));
    const deadline = Date.now() + timeoutMs;
    while (!/ready in [\d.]+ s/.test(this.out)) {
      if (child.exitCode !== null) throw new Error(`gateway exited (${child.exitCode}):\n${this.out}`);
      if (Date.now() > deadline) throw new Error(`gateway not ready after ${timeoutMs} ms:\n${this.out}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return this.out;
  }

  /** SIGTERM, as a restart by an operator or a deploy does; resolves when the process is gone. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await exited;
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** POSTs a GraphQL operation; throws on transport errors, returns data and errors. */
export async function graphql<T>(
  origin: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<{ data?: T; errors?: { message: string }[] }> {
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: T; errors?: { message: string }[] };
}

export async function login(
  origin: string,
  username: string,
  password = 'hanjiang-demo-2020',
): Promise<string> {
  const { data, errors } = await graphql<{ login: { token: string } }>(
    origin,
    'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
    { u: username, p: password },
  );
  if (!data) throw new Error(`login ${username} failed: ${JSON.stringify(errors)}`);
  return data.login.token;
}
