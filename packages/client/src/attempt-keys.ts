/**
 * One idempotency key per attempt: the same input sent again (a retry after a timeout or a lost answer) reuses the
 * key, so the gateway answers the first result and writes nothing twice; a changed input, or an attempt that got a
 * definite answer, starts a new key. (Every portal that writes uses it: advanceStage, revertStage.)
 */
export class AttemptKeys {
  private current: { fingerprint: string; key: string } | null = null;

  constructor(private readonly newKey: () => string = () => crypto.randomUUID()) {}

  keyFor(input: unknown): string {
    const fingerprint = JSON.stringify(input);
    if (this.current?.fingerprint !== fingerprint) this.current = { fingerprint, key: this.newKey() };
    return this.current.key;
  }

  /** The attempt got an answer (success or a refusal): the next submission is a new attempt. */
  settled(): void {
    this.current = null;
  }
}
