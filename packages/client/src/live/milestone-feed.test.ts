import { describe, expect, it } from 'vitest';
import { FakeTransport, ManualTimers } from './fake-transport.test-helper.js';
import { startMilestoneFeed } from './milestone-feed.js';
import { MilestoneResume } from './milestone-resume.js';

interface M {
  seq: string;
  cursor: string;
  label: string;
}
const milestone = (seq: number): M => ({ seq: String(seq), cursor: `cur-${seq}`, label: `m${seq}` });

/** The gateway's contract for milestoneReached(after:): replay what follows the cursor, then live ones. */
class MilestoneServer {
  recorded: M[] = [];
  constructor(private readonly transport: FakeTransport) {}

  /** Replays what the latest subscription asked for, as the gateway does on subscribe. */
  replay(): void {
    const after = this.transport.latest.payload.variables?.after as string | null;
    const from =
      after === null ? this.recorded.length : this.recorded.findIndex((m) => m.cursor === after) + 1;
    for (const m of this.recorded.slice(from)) this.transport.emit({ data: { milestoneReached: m } });
  }

  record(seq: number, { connected }: { connected: boolean }): void {
    const m = milestone(seq);
    this.recorded.push(m);
    if (connected) this.transport.emit({ data: { milestoneReached: m } });
  }
}

describe('startMilestoneFeed', () => {
  it('misses no milestone and shows none twice across reconnects', () => {
    const transport = new FakeTransport();
    const timers = new ManualTimers();
    const server = new MilestoneServer(transport);
    server.recorded = [milestone(1), milestone(2)];
    const shown: string[] = [];
    startMilestoneFeed<M>({
      transport,
      timers,
      query: 'subscription ($after: String) { milestoneReached(after: $after) { seq cursor } }',
      start: milestone(2), // the screen's first load showed 1 and 2
      backoff: () => 1000,
      onMilestone: (m) => shown.push(m.label),
    });
    expect(transport.latest.payload.variables).toEqual({ after: 'cur-2' });
    server.replay();
    server.record(3, { connected: true });

    // The gateway restarts; 4 and 5 are reached while the screen is away.
    transport.latest.sink.error(new Error('1012 restarting'));
    server.record(4, { connected: false });
    timers.advance(1000);
    expect(transport.latest.payload.variables).toEqual({ after: 'cur-3' });
    transport.latest.sink.error(new Error('connection refused')); // still down
    server.record(5, { connected: false });
    timers.advance(1000);
    server.replay();
    server.record(6, { connected: true });

    expect(shown).toEqual(['m3', 'm4', 'm5', 'm6']);
  });

  it('drops a replay that overlaps what was shown (a server replaying from an older cursor)', () => {
    const transport = new FakeTransport();
    const shown: string[] = [];
    startMilestoneFeed<M>({
      transport,
      timers: new ManualTimers(),
      query: 'subscription { milestoneReached { seq cursor } }',
      start: null,
      onMilestone: (m) => shown.push(m.label),
    });
    expect(transport.latest.payload.variables).toEqual({ after: null });
    for (const seq of [7, 8, 7, 8, 9, 9, 10]) transport.emit({ data: { milestoneReached: milestone(seq) } });
    expect(shown).toEqual(['m7', 'm8', 'm9', 'm10']);
  });
});

describe('MilestoneResume', () => {
  it('compares sequence numbers as integers, not as text or floats', () => {
    const resume = new MilestoneResume({ seq: '9', cursor: 'c9' });
    expect(resume.accept({ seq: '10', cursor: 'c10' })).toBe(true); // '10' < '9' as text
    const big = new MilestoneResume({ seq: '9007199254740993', cursor: 'a' });
    expect(big.accept({ seq: '9007199254740992', cursor: 'b' })).toBe(false); // equal as floats
    expect(big.accept({ seq: '9007199254740994', cursor: 'c' })).toBe(true);
    expect(big.after).toBe('c');
  });

  it('with no start, takes the first milestone whatever its seq (even 0), then drops a repeat of it', () => {
    const resume = new MilestoneResume(null);
    expect(resume.after).toBeNull();
    expect(resume.accept({ seq: '0', cursor: 'c0' })).toBe(true);
    expect(resume.after).toBe('c0');
    expect(resume.accept({ seq: '0', cursor: 'c0' })).toBe(false);
  });
});
