import { graphql } from '../generated/index.js';

/** The villages and teams a township's filters offer. */
export const TownshipFiltersQuery = graphql(`
  query TownshipFilters($townshipCode: String) {
    villages(townshipCode: $townshipCode) {
      id
      code
      name
    }
    teams {
      id
      name
    }
  }
`);

/** One page of households (Relay cursors), as the gateway masks them for the caller. */
export const HouseholdPageQuery = graphql(`
  query HouseholdPage($filter: HouseholdFilter, $after: String, $first: Int!) {
    households(filter: $filter, after: $after, first: $first) {
      totalCount
      edges {
        cursor
        node {
          id
          code
          ownerName
          stage
          version
          buildingAreaM2
          piiMasked
          village {
            name
          }
          team {
            name
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const HouseholdCardFields = graphql(`
  fragment HouseholdCardFields on Household {
    id
    code
    ownerName
    ownerIdNumber
    phone
    piiMasked
    stage
    version
    buildingAreaM2
    landAreaM2
    landAreaMu
    assessedAmountYuan
    agreedAmountYuan
    compensationChoice
    signedAt
    updatedAt
    township {
      code
      nameZh
    }
    headquarters {
      code
      nameZh
    }
    village {
      name
    }
    team {
      name
    }
    events {
      id
      seq
      kind
      fromStage
      toStage
      actor
      occurredAt
      reason
    }
    visits {
      id
      visitedAt
      metWith
      purpose
      outcome
      nextStep
      offHours
    }
    openDisputes {
      id
      category
      state
      mediator
      openedAt
    }
  }
`);

/** A household's card: null when the caller may not see it (another township's household reads "not found"). */
export const HouseholdCardQuery = graphql(`
  query HouseholdCard($id: ID!) {
    household(id: $id) {
      ...HouseholdCardFields
    }
  }
`);

export const AdvanceStageMutation = graphql(`
  mutation AdvanceStage($input: AdvanceStageInput!) {
    advanceStage(input: $input) {
      ...HouseholdCardFields
    }
  }
`);

/**
 * The township's progress page: the township and pairing boards (its own row, its paired township's, the pair's)
 * and the team board with each team's home township, to pick the township's own teams. The boards then stay live
 * through `leaderboardChanged` (operations/screen.ts), which sends the current board first.
 */
export const TownshipProgressQuery = graphql(`
  query TownshipProgress {
    townshipBoard: leaderboard(board: TOWNSHIP) {
      ...BoardRowFields
    }
    pairingBoard: leaderboard(board: PAIRING) {
      ...BoardRowFields
    }
    teamBoard: leaderboard(board: TEAM) {
      ...BoardRowFields
    }
    teams {
      code
      name
      homeTownship {
        code
      }
    }
  }
`);
