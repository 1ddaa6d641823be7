/** The part of a graphql-ws client the live streams use, so they can be tested against a fake. */
export interface SubscribePayload {
  readonly query: string;
  readonly variables?: Record<string, unknown>;
}

export interface ExecutionResultLike<TData> {
  readonly data?: TData | null;
  readonly errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

export interface Sink<TData> {
  next(value: ExecutionResultLike<TData>): void;
  error(error: unknown): void;
  complete(): void;
}

export interface LiveTransport {
  /** Starts one subscription; the returned function ends it. */
  subscribe<TData>(payload: SubscribePayload, sink: Sink<TData>): () => void;
}

/** Injected clock so the reconnect logic is tested without real time. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  /** Ignores a handle that is null or has already fired, as the platform's does (callers need not check). */
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};
