import { graphql } from '../generated/index.js';

/** A plan as the plan screen shows it (the same for the day's plans and the answer to saving one). */
export const TeamPlanFields = graphql(`
  fragment TeamPlanFields on TeamPlan {
    id
    day
    team {
      id
    }
    plannedBy
    updatedAt
    items {
      householdId
      householdCode
      action
      assessmentGroup
    }
  }
`);

/** The team's plans for a day (the caller's scope: a team lead's own team among them), for the plan screen. */
export const TeamPlansQuery = graphql(`
  query TeamPlans($day: String!) {
    teamPlans(day: $day) {
      ...TeamPlanFields
    }
  }
`);

/**
 * What a plan may name: the team's households still to measure or to assess (the gateway's page limit: 100; the
 * nearest first, by code).
 */
export const PlanHouseholdsQuery = graphql(`
  query PlanHouseholds($teamId: ID) {
    households(filter: { teamId: $teamId, stages: [SURVEYED, MEASURED] }, first: 100) {
      edges {
        node {
          id
          code
          ownerName
          stage
        }
      }
    }
  }
`);

/** Make (or replace) a team's plan; a refusal carries every problem, per item, in both languages. */
export const PlanTeamDayMutation = graphql(`
  mutation PlanTeamDay($input: PlanTeamDayInput!) {
    planTeamDay(input: $input) {
      ...TeamPlanFields
    }
  }
`);

/** Yesterday's fulfilment of the plan: the team's row of the nightly summary. */
export const TeamDayFulfilmentQuery = graphql(`
  query TeamDayFulfilment($day: String) {
    dailySummary(day: $day) {
      day
      teams {
        team {
          id
        }
        plannedMeasure
        plannedAssess
        fulfilledMeasure
        fulfilledAssess
        fulfilment
      }
    }
  }
`);
