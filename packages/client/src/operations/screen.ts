import { graphql } from '../generated/index.js';

/** One board row as every board of the big screen shows it. */
export const BoardRowFields = graphql(`
  fragment BoardRowFields on LeaderboardRow {
    scopeKind
    scopeCode
    name
    rank
    rankChange
    households
    signed
    signedToday
    signedHouseholdsPct
    signedAreaPct
    signedAreaM2
    buildingAreaM2
  }
`);

export const CampaignFields = graphql(`
  fragment CampaignFields on CampaignGauge {
    name
    startDate
    lengthDays
    day
    daysLeft
    targetAreaM2
    signedAreaM2
    signedAreaPctOfTarget
    signedHouseholdsPct
    paceNeededPerDayM2
    paceLast7DaysM2
    signedToday
  }
`);

export const MilestoneFields = graphql(`
  fragment MilestoneFields on Milestone {
    id
    seq
    cursor
    kind
    scopeKind
    scopeCode
    threshold
    reachedAt
    township {
      nameZh
    }
    headquarters {
      nameZh
    }
  }
`);

/** The big screen's first load: the gauge, the four boards, and village names for the milestone ticker. */
export const ScreenBootQuery = graphql(`
  query ScreenBoot {
    campaign {
      ...CampaignFields
    }
    headquartersBoard: leaderboard(board: HEADQUARTERS) {
      ...BoardRowFields
    }
    townshipBoard: leaderboard(board: TOWNSHIP) {
      ...BoardRowFields
    }
    pairingBoard: leaderboard(board: PAIRING) {
      ...BoardRowFields
    }
    teamBoard: leaderboard(board: TEAM) {
      ...BoardRowFields
    }
    villages {
      code
      name
    }
  }
`);

/** Milestones oldest first, a page at a time: the screen pages to the end to find the cursor to resume from. */
export const MilestonePageQuery = graphql(`
  query MilestonePage($after: String, $first: Int!) {
    milestones(after: $after, first: $first) {
      edges {
        cursor
        node {
          ...MilestoneFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const LeaderboardChangedSubscription = graphql(`
  subscription LeaderboardChanged($board: LeaderboardBoard!) {
    leaderboardChanged(board: $board) {
      ...BoardRowFields
    }
  }
`);

export const CampaignProgressSubscription = graphql(`
  subscription CampaignProgress {
    campaignProgress {
      ...CampaignFields
    }
  }
`);

export const MilestoneReachedSubscription = graphql(`
  subscription MilestoneReached($after: String) {
    milestoneReached(after: $after) {
      ...MilestoneFields
    }
  }
`);
