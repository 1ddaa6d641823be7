import { graphql } from '../generated/index.js';

/**
 * The field page's working set (issue 14, offline): the households the caller works (the gateway scopes a cadre to
 * their team's), with the version each was seen at, kept on the phone so entries can be recorded without network.
 */
export const FieldTeamQuery = graphql(`
  query FieldTeam {
    me {
      teamId
    }
  }
`);

/**
 * A cadre sees more of the township than they may advance: the working set is their team's households still to
 * sign (surveyed, measured or assessed: the ones visited, measured and mediated in the village).
 */
export const FieldHouseholdsQuery = graphql(`
  query FieldHouseholds($teamId: ID, $first: Int!) {
    households(filter: { teamId: $teamId, stages: [SURVEYED, MEASURED, ASSESSED] }, first: $first) {
      edges {
        node {
          id
          code
          ownerName
          stage
          version
          village {
            name
          }
        }
      }
    }
  }
`);

/** A queued visit, sent when the network returns; the idempotency key makes a resend return the first visit. */
export const RecordVisitMutation = graphql(`
  mutation RecordVisit($input: RecordVisitInput!) {
    recordVisit(input: $input) {
      id
      offHours
    }
  }
`);

/** A queued dispute with its notes; idempotent by key like a visit. */
export const OpenDisputeMutation = graphql(`
  mutation OpenDispute($input: OpenDisputeInput!) {
    openDispute(input: $input) {
      id
      state
    }
  }
`);

/** The current state of a household after a CONFLICT, shown to the cadre beside what they recorded. */
export const FieldHouseholdQuery = graphql(`
  query FieldHousehold($id: ID!) {
    household(id: $id) {
      id
      code
      ownerName
      stage
      version
      buildingAreaM2
      landAreaM2
      updatedAt
    }
  }
`);
