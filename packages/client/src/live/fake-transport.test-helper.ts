import type { ExecutionResultLike, LiveTransport, Sink, SubscribePayload, Timers } from './transport.js';

/** A transport whose subscriptions the test drives by hand. */
export class FakeTransport implements LiveTransport {
  readonly subscriptions: { payload: SubscribePayload; sink: Sink<unknown>; ended: boolean }[] = [];

  subscribe<TData>(payload: SubscribePayload, sink: Sink<TData>): () => void {
    const entry = { payload, sink: sink as Sink<unknown>, ended: false };
    this.subscriptions.push(entry);
    return () => {
      entry.ended = true;
    };
  }

  get latest() {
    const last = this.subscriptions.at(-1);
    if (!last) throw new Error('no subscription yet');
    return last;
  }

  emit(value: ExecutionResultLike<unknown>): void {
    this.latest.sink.next(value);
  }
}

/** Timers run only when the test says so, in order of due time. */
export class ManualTimers implements Timers {
  now = 0;
  private queue: { at: number; fn: () => void; id: number }[] = [];
  private nextId = 1;

  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.queue.push({ at: this.now + ms, fn, id });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.queue = this.queue.filter((t) => t.id !== handle);
  }

  get pending(): number[] {
    return this.queue.map((t) => t.at - this.now);
  }

  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      this.queue.sort((a, b) => a.at - b.at);
      const next = this.queue[0];
      if (!next || next.at > until) break;
      this.queue.shift();
      this.now = next.at;
      next.fn();
    }
    this.now = until;
  }
}
