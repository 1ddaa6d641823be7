// Child processes the bench starts (gateways, raw baseline, PostGraphile): each on its own loopback port,
// waited for until it answers, stopped by its own pid (never by name).
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

export interface Child {
  name: string;
  port: number;
  url: string;
  process: ChildProcess;
  /** The last lines the child printed (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
}

const running = new Set<Child>();

/** Stops every child still running (for exit paths). */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((child) => child.stop()));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface SpawnOptions {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  port: number;
  /** Path polled until it answers 200 (e.g. /readyz). */
  readyPath: string;
  readyTimeoutMs?: number;
}

export async function spawnServer(options: SpawnOptions): Promise<Child> {
  const proc = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const remember = (chunk: Buffer) => {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    if (lines.length > 60) lines.splice(0, lines.length - 60);
  };
  proc.stdout?.on('data', remember);
  proc.stderr?.on('data', remember);
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${options.port}`;
  const child: Child = {
    name: options.name,
    port: options.port,
    url,
    process: proc,
    output: () => lines.join('\n'),
    async stop() {
      running.delete(child);
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
  running.add(child);

  const deadline = Date.now() + (options.readyTimeoutMs ?? 120_000);
  for (;;) {
    if (proc.exitCode !== null || proc.signalCode !== null) {
      running.delete(child);
      throw new Error(
        `${options.name} exited (${proc.exitCode ?? proc.signalCode}) before it was ready:\n${child.output()}`,
      );
    }
    try {
      const response = await fetch(`${url}${options.readyPath}`, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.ok) return child;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await child.stop();
      throw new Error(
        `${options.name} was not ready after ${options.readyTimeoutMs ?? 120_000} ms:\n${child.output()}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
