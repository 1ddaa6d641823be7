import type { FanoutPolicies } from '../../live/fanout-policy.js';
import { decodeMilestoneCursor } from '../milestone/milestone.service.js';
import type { MilestonePayload } from '../milestone/milestone.types.js';

/**
 * How each live field fans out. Boards and the gauge are state (a late joiner gets the group's latest result
 * at once); household changes and milestones are events (a late joiner gets what follows). Milestones replay
 * per subscriber from its cursor, while the live part stays shared whatever the cursors. Boards and the gauge read
 * only the public progress counters, so every signed-in subscriber shares one execution per event.
 */
export const livePolicies: FanoutPolicies = {
  leaderboardChanged: { late: 'last', audience: 'signed-in' },
  campaignProgress: { late: 'last', audience: 'signed-in' },
  householdChanged: { late: 'none' },
  fieldWorkChanged: { late: 'none' },
  dailySummaryPublished: { late: 'none' },
  milestoneReached: {
    late: 'none',
    replay: {
      argument: 'after',
      orderOfCursor: decodeMilestoneCursor,
      load: async (ctx, after, limit) => {
        const rows = await ctx.services.milestones.after(ctx, after, limit);
        return rows.map((row) => {
          const payload: MilestonePayload = { milestoneId: row.id, seq: row.seq, row };
          return { order: BigInt(row.seq), payload };
        });
      },
      orderOf: (payload) => {
        const seq = (payload as Partial<MilestonePayload> | null)?.seq;
        return typeof seq === 'string' && /^\d+$/.test(seq) ? BigInt(seq) : null;
      },
    },
  },
};
