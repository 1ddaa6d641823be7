import type { Logger } from '../logger.js';
import { stats } from './fanout-stats.js';
import type { LiveEvent } from './live-events.js';
import { PushQueue } from './push-queue.js';

type Listener = (event: LiveEvent) => void;

/** A progress tick; `state` is shared by every tick of one stream so a resolver can remember the last board. */
export interface ProgressTick {
  readonly state: { previousRanks: Map<string, number> | null };
}

/**
 * The in-process end of the bus: every event received from PostgreSQL or Redis is handed to the source streams
 * open in this process — one per fan-out group, so the cost of an event is O(groups), not O(subscribers).
 */
export class LiveHub {
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly logger: Logger,
    /** Progress events closer together than this produce one board update. */
    readonly coalesceMs: number,
  ) {}

  get listenerCount(): number {
    return this.listeners.size;
  }

  emit(event: LiveEvent): void {
    stats.busEvents += 1;
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.logger.error({ err: error, event }, 'live listener failed');
      }
    }
  }

  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Ticks for state streams (boards, the campaign gauge): one at once (the current state on subscribe), then one
   * per burst of progress events. The first event of a burst opens a window of `coalesceMs`; everything arriving
   * inside it is folded into the single tick at its end. While the consumer is busy, at most one tick waits.
   */
  progressTicks(): AsyncIterableIterator<ProgressTick> {
    const tick: ProgressTick = { state: { previousRanks: null } };
    let timer: NodeJS.Timeout | null = null;
    const queue = new PushQueue<ProgressTick>({
      limit: 1,
      overflow: 'drop-oldest',
      onClose: () => {
        off();
        if (timer) clearTimeout(timer);
      },
    });
    const off = this.on((event) => {
      if (event.t !== 'progress' || timer) return;
      timer = setTimeout(() => {
        timer = null;
        queue.push(tick);
      }, this.coalesceMs);
    });
    queue.push(tick);
    return queue;
  }

  /** Events of one kind that pass `accept`, in arrival order (bounded: a stuck consumer is cut off). */
  events<K extends LiveEvent['t']>(
    kind: K,
    accept: (event: Extract<LiveEvent, { t: K }>) => boolean = () => true,
  ): AsyncIterableIterator<Extract<LiveEvent, { t: K }>> {
    const queue = new PushQueue<Extract<LiveEvent, { t: K }>>({
      limit: 10_000,
      overflow: 'end',
      onClose: () => off(),
    });
    const off = this.on((event) => {
      if (event.t !== kind) return;
      const typed = event as Extract<LiveEvent, { t: K }>;
      if (accept(typed)) queue.push(typed);
    });
    return queue;
  }
}
