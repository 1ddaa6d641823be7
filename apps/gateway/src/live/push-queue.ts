/**
 * A push queue read as an async iterator: producers push, one consumer pulls. Source streams and subscriber
 * streams are fed from outside (bus events, a group's results), which an async generator cannot be, and a
 * generator's return() would wait behind a pending next() — this one ends at once when a client leaves.
 */
export interface PushQueueOptions {
  /** At most this many items wait for the consumer. */
  limit?: number;
  /** Past the limit: drop the oldest (state streams: only the newest matters) or end the stream (events). */
  overflow?: 'drop-oldest' | 'end';
  /** Called once when the consumer stops reading (return()) or the queue is closed. */
  onClose?: () => void;
}

export class PushQueue<T> implements AsyncIterableIterator<T> {
  private readonly items: T[] = [];
  private waiter: ((result: IteratorResult<T>) => void) | null = null;
  private finished = false;
  private closed = false;

  constructor(private readonly options: PushQueueOptions = {}) {}

  get isOpen(): boolean {
    return !this.finished && !this.closed;
  }

  /** Adds an item; false when the stream has ended (or just ended because the consumer fell too far behind). */
  push(item: T): boolean {
    if (!this.isOpen) return false;
    if (this.waiter) {
      const waiter = this.waiter;
      this.waiter = null;
      waiter({ value: item, done: false });
      return true;
    }
    if (this.items.length >= (this.options.limit ?? Infinity)) {
      if (this.options.overflow === 'drop-oldest') {
        this.items.shift();
      } else {
        this.close();
        return false;
      }
    }
    this.items.push(item);
    return true;
  }

  /** The producer is done: the consumer still reads what is queued, then the stream ends. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.wake();
    this.options.onClose?.();
  }

  /** Ends now, dropping what is queued (the consumer left, or fell behind). */
  close(): void {
    if (this.closed) return;
    const wasFinished = this.finished;
    this.closed = true;
    this.items.length = 0;
    this.wake();
    if (!wasFinished) this.options.onClose?.();
  }

  next(): Promise<IteratorResult<T>> {
    if (this.items.length > 0) return Promise.resolve({ value: this.items.shift() as T, done: false });
    if (!this.isOpen) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiter = resolve));
  }

  return(): Promise<IteratorResult<T>> {
    this.close();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }

  private wake(): void {
    if (this.waiter && this.items.length === 0) {
      const waiter = this.waiter;
      this.waiter = null;
      waiter({ value: undefined, done: true });
    }
  }
}
