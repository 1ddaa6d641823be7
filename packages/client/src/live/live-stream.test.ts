import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.js';
import { FakeTransport, ManualTimers } from './fake-transport.test-helper.js';
import { startLiveStream } from './live-stream.js';

describe('backoffDelay', () => {
  it('doubles from the base up to the cap, jittered within the upper half', () => {
    const low = (attempt: number) => backoffDelay(attempt, { random: () => 0 });
    const high = (attempt: number) => backoffDelay(attempt, { random: () => 1 });
    expect([0, 1, 2, 3, 10].map(high)).toEqual([500, 1000, 2000, 4000, 15000]);
    expect([0, 1, 2, 3, 10].map(low)).toEqual([250, 500, 1000, 2000, 7500]);
  });
});

describe('startLiveStream', () => {
  const setup = () => {
    const transport = new FakeTransport();
    const timers = new ManualTimers();
    const received: number[] = [];
    const delays: number[] = [];
    let cursor = 'c0';
    const stream = startLiveStream<{ n: number }>({
      transport,
      timers,
      query: 'subscription { n }',
      variables: () => ({ after: cursor }),
      backoff: (attempt) => 1000 * 2 ** attempt,
      onRetry: (delay) => delays.push(delay),
      onData: (data) => {
        received.push(data.n);
        cursor = `c${data.n}`;
      },
    });
    return { transport, timers, received, delays, stream };
  };

  it('resubscribes after the socket closes, with back-off and variables read afresh', () => {
    const { transport, timers, received, delays } = setup();
    expect(transport.subscriptions).toHaveLength(1);
    expect(transport.latest.payload.variables).toEqual({ after: 'c0' });
    transport.emit({ data: { n: 1 } });

    transport.latest.sink.error(new Error('socket closed'));
    expect(transport.subscriptions).toHaveLength(1); // not at once: after the back-off
    timers.advance(999);
    expect(transport.subscriptions).toHaveLength(1);
    timers.advance(1);
    expect(transport.subscriptions).toHaveLength(2);
    expect(transport.latest.payload.variables).toEqual({ after: 'c1' });

    // The gateway is still down: each failure waits longer.
    transport.latest.sink.error(new Error('connection refused'));
    timers.advance(2000);
    transport.latest.sink.complete();
    timers.advance(4000);
    expect(delays).toEqual([1000, 2000, 4000]);
    expect(transport.subscriptions).toHaveLength(4);

    // Data flows again: the next outage starts from the shortest delay.
    transport.emit({ data: { n: 2 } });
    transport.latest.sink.error(new Error('closed again'));
    expect(delays.at(-1)).toBe(1000);
    expect(received).toEqual([1, 2]);
  });

  it('ignores late callbacks of a replaced subscription and stops cleanly', () => {
    const { transport, timers, received, stream } = setup();
    const first = transport.latest;
    first.sink.error(new Error('closed'));
    timers.advance(1000);
    first.sink.next({ data: { n: 9 } }); // a stale delivery from the old socket
    first.sink.error(new Error('late error'));
    expect(received).toEqual([]);
    expect(timers.pending).toEqual([]);

    stream.stop();
    expect(transport.latest.ended).toBe(true);
    transport.latest.sink.error(new Error('after stop'));
    expect(timers.pending).toEqual([]);
  });

  it('stopping during the back-off cancels the pending resubscription', () => {
    const { transport, timers, stream } = setup();
    transport.latest.sink.error(new Error('closed'));
    stream.stop();
    timers.advance(60_000);
    expect(transport.subscriptions).toHaveLength(1);
  });
});

describe('startLiveStream, edge cases', () => {
  it('without a back-off of its own, waits the jittered default (250–500 ms for the first retry)', () => {
    const transport = new FakeTransport();
    const timers = new ManualTimers();
    const delays: number[] = [];
    startLiveStream<{ n: number }>({
      transport,
      timers,
      query: 'subscription { n }',
      onRetry: (delay) => delays.push(delay),
      onData: () => undefined,
    });
    expect(transport.latest.payload).toEqual({ query: 'subscription { n }', variables: undefined });
    transport.latest.sink.complete();
    expect(delays).toHaveLength(1);
    expect(delays[0]).toBeGreaterThanOrEqual(250);
    expect(delays[0]).toBeLessThanOrEqual(500);
    timers.advance(500);
    expect(transport.subscriptions).toHaveLength(2);
  });

  it('reports GraphQL errors without delivering the partial data or resetting the back-off; empty results are skipped', () => {
    const transport = new FakeTransport();
    const timers = new ManualTimers();
    const received: unknown[] = [];
    const errors: unknown[] = [];
    const delays: number[] = [];
    startLiveStream<{ n: number }>({
      transport,
      timers,
      query: 'subscription { n }',
      backoff: (attempt) => 1000 * 2 ** attempt,
      onRetry: (delay) => delays.push(delay),
      onData: (data) => received.push(data),
      onError: (e) => errors.push(e),
    });
    transport.latest.sink.error(new Error('closed'));
    timers.advance(1000);
    const refused = [{ message: 'Forbidden', extensions: { code: 'FORBIDDEN' } }];
    transport.emit({ errors: refused, data: { n: 1 } });
    transport.emit({ data: null });
    transport.emit({});
    transport.emit({ errors: [], data: { n: 2 } });
    expect(errors).toEqual([refused]);
    expect(received).toEqual([{ n: 2 }]);

    // Only the delivered data reset the attempt count: the next outage starts from 1 s again.
    transport.latest.sink.error(new Error('closed'));
    expect(delays).toEqual([1000, 1000]);
  });

  it('an empty result does not reset the back-off', () => {
    const transport = new FakeTransport();
    const timers = new ManualTimers();
    const delays: number[] = [];
    startLiveStream<{ n: number }>({
      transport,
      timers,
      query: 'subscription { n }',
      backoff: (attempt) => 1000 * 2 ** attempt,
      onRetry: (delay) => delays.push(delay),
      onData: () => undefined,
    });
    transport.latest.sink.error(new Error('closed'));
    timers.advance(1000);
    transport.emit({ data: null });
    transport.latest.sink.error(new Error('closed'));
    expect(delays).toEqual([1000, 2000]);
  });

  it('GraphQL errors without an onError are dropped quietly', () => {
    const transport = new FakeTransport();
    const received: unknown[] = [];
    startLiveStream<{ n: number }>({
      transport,
      timers: new ManualTimers(),
      query: 'subscription { n }',
      onData: (data) => received.push(data),
    });
    expect(() => transport.emit({ errors: [{ message: 'Forbidden' }] })).not.toThrow();
    expect(received).toEqual([]);
  });

  it('a late completion of a replaced subscription schedules nothing', () => {
    const transport = new FakeTransport();
    const timers = new ManualTimers();
    startLiveStream<{ n: number }>({
      transport,
      timers,
      query: 'subscription { n }',
      backoff: () => 1000,
      onData: () => undefined,
    });
    const first = transport.latest;
    first.sink.complete();
    timers.advance(1000);
    first.sink.complete();
    expect(timers.pending).toEqual([]);
    expect(transport.subscriptions).toHaveLength(2);
  });

  it('stopping during the back-off leaves no timer behind', () => {
    const transport = new FakeTransport();
    const timers = new ManualTimers();
    const stream = startLiveStream<{ n: number }>({
      transport,
      timers,
      query: 'subscription { n }',
      backoff: () => 1000,
      onData: () => undefined,
    });
    transport.latest.sink.error(new Error('closed'));
    expect(timers.pending).toEqual([1000]);
    stream.stop();
    expect(timers.pending).toEqual([]);
  });

  it('a stop() from inside onRetry is final: the timer set after it subscribes nothing', () => {
    const transport = new FakeTransport();
    const timers = new ManualTimers();
    const stream = startLiveStream<{ n: number }>({
      transport,
      timers,
      query: 'subscription { n }',
      backoff: () => 1000,
      onRetry: () => stream.stop(),
      onData: () => undefined,
    });
    transport.latest.sink.error(new Error('closed'));
    timers.advance(60_000);
    expect(transport.subscriptions).toHaveLength(1);
  });
});
