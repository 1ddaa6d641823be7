import { Field, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
import { assertCan, requirePrincipal } from '../../guards.js';
import type { LiveEvent } from '../../live/live-events.js';
import { eventOf, type SubscriptionSource } from '../../live/subscription-event.js';

type SummaryLiveEvent = Extract<LiveEvent, { t: 'summary' }>;

@ObjectType({ description: 'A day’s summary was written: fetch `dailySummary(day:)` again to show it.' })
export class SummaryPublished {
  @Field(() => String, { description: 'The Shanghai calendar day summarised, YYYY-MM-DD.' })
  day!: string;
}

// The event names a day only: what each subscriber may see of it is read by `dailySummary` under its own scope, so
// an event costs no query per subscriber (one a day, from the nightly job or `runDailySummary`).
@Resolver()
export class SummarySubscriptions {
  @Subscription(() => SummaryPublished, {
    description:
      'A day’s summary (精准汇总) written, after COMMIT — by the nightly job or `runDailySummary` — for whoever may ' +
      'read summaries; the district console refreshes on it.',
    subscribe: ({ context }: SubscriptionSource) => {
      assertCan(requirePrincipal(context), 'summary:read');
      return context.services.live.hub.events('summary');
    },
  })
  dailySummaryPublished(@Root() event: SummaryLiveEvent): SummaryPublished {
    return { day: eventOf(event).day };
  }
}
