import { startLiveStream, type LiveStream, type LiveStreamOptions } from './live-stream.js';
import { MilestoneResume, type SequencedMilestone } from './milestone-resume.js';

export interface MilestoneFeedOptions<M extends SequencedMilestone> extends Pick<
  LiveStreamOptions<unknown>,
  'transport' | 'backoff' | 'timers' | 'onRetry'
> {
  /** The `milestoneReached(after:)` subscription document, printed. */
  readonly query: string;
  /** The last milestone already shown (from the `milestones` connection), or null to start from now. */
  readonly start: SequencedMilestone | null;
  readonly onMilestone: (milestone: M) => void;
}

/**
 * `milestoneReached` that survives reconnects: every (re)subscription asks for what came after the last
 * milestone shown, and a replay overlapping it is dropped — none missed, none shown twice.
 */
export function startMilestoneFeed<M extends SequencedMilestone>(
  options: MilestoneFeedOptions<M>,
): LiveStream {
  const resume = new MilestoneResume(options.start);
  return startLiveStream<{ milestoneReached: M }>({
    transport: options.transport,
    query: options.query,
    backoff: options.backoff,
    timers: options.timers,
    onRetry: options.onRetry,
    variables: () => ({ after: resume.after }),
    onData: (data) => {
      if (resume.accept(data.milestoneReached)) options.onMilestone(data.milestoneReached);
    },
  });
}
