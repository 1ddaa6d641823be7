import type { Readiness } from './context.js';

type State = 'starting' | 'ready' | 'draining';

/** Tracks whether the gateway should receive traffic: ready only after the database is migrated and seeded. */
export class ReadinessState implements Readiness {
  private state: State = 'starting';
  private detail = 'starting: opening the database';

  isReady(): boolean {
    return this.state === 'ready';
  }

  reason(): string {
    return this.detail;
  }

  starting(detail: string): void {
    this.state = 'starting';
    this.detail = `starting: ${detail}`;
  }

  ready(): void {
    this.state = 'ready';
    this.detail = 'ready';
  }

  draining(): void {
    this.state = 'draining';
    this.detail = 'draining: shutting down';
  }
}
