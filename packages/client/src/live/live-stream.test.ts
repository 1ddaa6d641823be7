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
