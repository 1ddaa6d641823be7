/** What the resume logic needs of a milestone: its position in the gateway's sequence and its cursor. */
export interface SequencedMilestone {
  readonly seq: string;
  readonly cursor: string;
}

/**
 * Remembers the last milestone shown, so that a resubscription asks `milestoneReached(after:)` for exactly what
 * came after it, and drops anything at or before it (a replay overlapping what was already shown). `seq` is a
 * bigint as text: compared as BigInt, never as a float or a string.
 */
export class MilestoneResume {
  private lastSeq: bigint | null;
  private lastCursor: string | null;

  constructor(start?: { seq: string; cursor: string } | null) {
    this.lastSeq = start ? BigInt(start.seq) : null;
    this.lastCursor = start?.cursor ?? null;
  }

  /** The `after` argument of the next subscription: null means "live ones only, from now". */
  get after(): string | null {
    return this.lastCursor;
  }

  /** True when the milestone is new (and records it as the last seen); false for a duplicate or an old one. */
  accept(milestone: SequencedMilestone): boolean {
    const seq = BigInt(milestone.seq);
    if (this.lastSeq !== null && seq <= this.lastSeq) return false;
    this.lastSeq = seq;
    this.lastCursor = milestone.cursor;
    return true;
  }
}
