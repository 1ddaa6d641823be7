import { graphql } from '../generated/index.js';

/** Counts of one scope as the headquarters portal's progress bars show them. */
export const HqProgressFields = graphql(`
  fragment HqProgressFields on Progress {
    scopeKind
    scopeCode
    households
    measured
    signed
    buildingAreaM2
    signedAreaM2
  }
`);

/** The headquarters' villages and teams (the gateway shows a headquarters its own; the district sees all). */
export const HqOverviewQuery = graphql(`
  query HqOverview($headquartersCode: String!) {
    progress(scopeKind: "headquarters", scopeCode: $headquartersCode) {
      ...HqProgressFields
    }
    villages {
      id
      code
      name
      township {
        code
        nameZh
      }
      headquarters {
        code
      }
    }
    teams {
      id
      code
      name
      memberCount
      headquarters {
        code
      }
      homeTownship {
        nameZh
      }
      homeUnit {
        nameZh
      }
    }
  }
`);

/** Progress of one village or team (scopeKind `village` or `team`, by its code). */
export const ScopeProgressQuery = graphql(`
  query ScopeProgress($scopeKind: String!, $scopeCode: String!) {
    progress(scopeKind: $scopeKind, scopeCode: $scopeCode) {
      ...HqProgressFields
    }
  }
`);

/** One page of the headquarters' households, with what revert and assignment need. */
export const HqHouseholdPageQuery = graphql(`
  query HqHouseholdPage($filter: HouseholdFilter, $after: String, $first: Int!) {
    households(filter: $filter, after: $after, first: $first) {
      totalCount
      edges {
        node {
          ...HqHouseholdFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const HqHouseholdFields = graphql(`
  fragment HqHouseholdFields on Household {
    id
    code
    ownerName
    ownerIdNumber
    phone
    piiMasked
    stage
    version
    buildingAreaM2
    township {
      code
    }
    headquarters {
      code
    }
    village {
      name
    }
    team {
      id
      name
      homeTownship {
        code
      }
    }
  }
`);

export const AssignTeamMutation = graphql(`
  mutation AssignTeam($input: TeamAssignmentInput!) {
    assignTeam(input: $input) {
      ...TeamAssignmentFields
    }
  }
`);

export const UnassignTeamMutation = graphql(`
  mutation UnassignTeam($input: TeamAssignmentInput!) {
    unassignTeam(input: $input) {
      ...TeamAssignmentFields
    }
  }
`);

export const TeamAssignmentFields = graphql(`
  fragment TeamAssignmentFields on TeamAssignmentResult {
    householdsChanged
    villagesChanged
    team {
      id
      name
    }
    villages {
      id
      name
    }
  }
`);

/** A commander's correction: one stage back, with a reason. */
export const RevertStageMutation = graphql(`
  mutation RevertStage($input: RevertStageInput!) {
    revertStage(input: $input) {
      ...HqHouseholdFields
    }
  }
`);

/** A roster file, validated (dryRun) or imported; every bad row comes back with its line. */
export const ImportHouseholdsMutation = graphql(`
  mutation ImportHouseholds($input: ImportHouseholdsInput!) {
    importHouseholds(input: $input) {
      dryRun
      totalRows
      importedRows
      buildingAreaM2
      errors {
        line
        column
        code
        messageZh
        messageEn
      }
    }
  }
`);

export const ResettlementSiteFields = graphql(`
  fragment ResettlementSiteFields on ResettlementSite {
    id
    name
    plannedUnits
    allocatedUnits
    availableUnits
    township {
      code
      nameZh
    }
  }
`);

export const ResettlementSitesQuery = graphql(`
  query ResettlementSites($headquartersCode: String) {
    resettlementSites(headquartersCode: $headquartersCode) {
      ...ResettlementSiteFields
    }
  }
`);

export const CreateResettlementSiteMutation = graphql(`
  mutation CreateResettlementSite($input: CreateResettlementSiteInput!) {
    createResettlementSite(input: $input) {
      ...ResettlementSiteFields
    }
  }
`);
