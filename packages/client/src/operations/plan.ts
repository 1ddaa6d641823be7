import { graphql } from '../generated/index.js';

/** The team's plans for a day (the caller's scope: a team lead's own team among them), for the plan screen. */
export const TeamPlansQuery = graphql(`
  query TeamPlans($day: String!) {
    teamPlans(day: $day) {
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
  }
`);

/** Make (or replace) a team's plan; a refusal carries every problem, per item, in both languages. */
export const PlanTeamDayMutation = graphql(`
  mutation PlanTeamDay($input: PlanTeamDayInput!) {
    planTeamDay(input: $input) {
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
