import { randomUUID } from 'node:crypto';
import type { Histogram } from 'prom-client';
import type { LiveService } from './live-service.js';
import type { Logger } from '../logger.js';

/**
 * The live bus's lag, measured from outside it: every `everyMs` this replica publishes a probe event through the
 * bus (NOTIFY, or Redis) and observes how long its own copy takes to come back. It runs only where metrics are
 * served, costs one small message per interval, and is ignored by every subscription stream (they filter by kind).
 * With Redis it measures the Redis hop; the NOTIFY→Redis relay of real events adds the bridge's own hop.
 */
export class BusProbe {
  private readonly origin = randomUUID();
  private timer: NodeJS.Timeout | null = null;
  private off: (() => void) | null = null;

  constructor(
    private readonly live: LiveService,
    private readonly lag: Histogram<'bus'>,
    private readonly logger: Logger,
  ) {}

  start(everyMs: number): void {
    this.off = this.live.hub.on((event) => {
      if (event.t !== 'probe' || event.origin !== this.origin) return;
      this.lag.observe({ bus: this.live.bus?.kind ?? 'none' }, Math.max(0, Date.now() - event.sentAt) / 1000);
    });
    const send = () => {
      this.live.publish({ t: 'probe', origin: this.origin, sentAt: Date.now() }).catch((error: unknown) => {
        this.logger.debug({ err: error }, 'live bus probe not sent');
      });
    };
    send();
    this.timer = setInterval(send, everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.off?.();
    this.off = null;
  }
}
