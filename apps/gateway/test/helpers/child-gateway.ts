import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { RAISED_ADDRESS_LIMITS } from './raised-limits.js';

const GATEWAY_DIR = path.resolve(__dirname, '../..');

export interface ChildGateway {
  process: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code (or null when killed by a signal). */
  exited: Promise<number | null>;
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Runs `src/main.ts` in a real child process with exactly the environment given (plus PATH/HOME). */
export function spawnGateway(env: Record<string, string>): ChildGateway {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: GATEWAY_DIR,
    // Tests drive one principal far past a person's pace: the per-caller and per-address budgets are raised
    // (rate-limits.test.ts and address-limits.test.ts set their own).
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '1000000',
      COST_LIMIT_PER_MINUTE: '1000000000',
      IMPORTS_PER_MINUTE: '1000000',
      ...RAISED_ADDRESS_LIMITS,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    process: child,
    stdout: () => out,
    stderr: () => err,
    exited,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

export async function waitFor<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  { timeoutMs = 30_000, everyMs = 25, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
