// Progress counters and milestones, the TypeScript side shared by the seed and the gateway: which scopes a
// household counts in and what the counters should say (the recount), and which milestones a change crosses.
// The counters are written only by the database's own functions (migrations/sql/checked-counters.ts).
export {
  computeProgressCounters,
  computeProgressDaily,
  recountProgress,
  type ProgressCounterRow,
  type ProgressDailyRow,
  type RecountResult,
} from './recount.js';
export {
  milestonesCrossed,
  type CrossedMilestone,
  type MilestoneCounts,
  type MilestoneScope,
} from './milestones-crossed.js';
