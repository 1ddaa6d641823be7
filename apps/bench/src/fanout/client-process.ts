// The parent's handle on one forked fan-out client process (../fanout-client.ts): typed messages both ways,
// waiting for the next message of a kind with a timeout, and a close that kills the process if it does not go.
import { type ChildProcess, fork } from 'node:child_process';
import type { ParentMessage, WorkerMessage } from '../fanout-client.js';

export class ClientProcess {
  private readonly waiters: ((message: WorkerMessage) => boolean)[] = [];
  readonly exited: Promise<void>;

  constructor(readonly proc: ChildProcess) {
    proc.on('message', (message: WorkerMessage) => {
      const i = this.waiters.findIndex((w) => w(message));
      if (i >= 0) this.waiters.splice(i, 1);
    });
    this.exited = new Promise((resolve) => proc.once('exit', () => resolve()));
  }

  static fork(cwd: string): ClientProcess {
    return new ClientProcess(
      fork(new URL('../fanout-client.ts', import.meta.url), [], {
        cwd,
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      }),
    );
  }

  send(message: ParentMessage): void {
    if (this.proc.connected) this.proc.send(message);
  }

  next<T extends WorkerMessage['type']>(
    type: T,
    timeoutMs: number,
    accept: (m: Extract<WorkerMessage, { type: T }>) => boolean = () => true,
  ): Promise<Extract<WorkerMessage, { type: T }> | null> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        resolve(null);
      }, timeoutMs);
      const waiter = (message: WorkerMessage) => {
        if (message.type !== type || !accept(message as Extract<WorkerMessage, { type: T }>)) return false;
        clearTimeout(timer);
        resolve(message as Extract<WorkerMessage, { type: T }>);
        return true;
      };
      this.waiters.push(waiter);
      void this.exited.then(() => {
        clearTimeout(timer);
        resolve(null);
      });
    });
  }

  async close(): Promise<void> {
    this.send({ type: 'close' });
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 5_000);
    await this.exited;
    clearTimeout(timer);
  }
}
