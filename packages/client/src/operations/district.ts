import { graphql } from '../generated/index.js';

/** The district console's overview: the campaign gauge and every board side by side (all tenants' progress). */
export const DistrictOverviewQuery = graphql(`
  query DistrictOverview {
    campaign {
      ...CampaignFields
    }
    headquartersBoard: leaderboard(board: HEADQUARTERS) {
      ...DistrictBoardRowFields
    }
    townshipBoard: leaderboard(board: TOWNSHIP) {
      ...DistrictBoardRowFields
    }
    pairingBoard: leaderboard(board: PAIRING) {
      ...DistrictBoardRowFields
    }
  }
`);

/** A board row with every stage count, for the district's side-by-side table. */
export const DistrictBoardRowFields = graphql(`
  fragment DistrictBoardRowFields on LeaderboardRow {
    scopeKind
    scopeCode
    name
    rank
    households
    measured
    measuredPct
    signed
    signedToday
    signedHouseholdsPct
    signedAreaM2
    signedAreaPct
    buildingAreaM2
  }
`);

/** 四察四看 rankings of one kind of target in a period (the latest when omitted), best first. */
export const InspectionRankingQuery = graphql(`
  query InspectionRanking($targetKind: InspectionTargetKind!, $period: String, $window: Int! = 4) {
    inspections(targetKind: $targetKind, period: $period, window: $window) {
      id
      period
      targetKind
      rank
      score
      flaggedLast
      lastPlaceCount
      note
      recordedBy
      recordedAt
      headquarters {
        code
        nameZh
      }
      team {
        id
        name
      }
    }
  }
`);

/** The periods (the campaign's weeks) and what a score can be recorded for: headquarters, teams. */
export const InspectionTargetsQuery = graphql(`
  query InspectionTargets {
    campaign {
      startDate
      day
    }
    headquarters {
      code
      nameZh
    }
    teams {
      id
      name
      headquarters {
        code
      }
    }
  }
`);

export const RecordInspectionMutation = graphql(`
  mutation RecordInspection($input: RecordInspectionInput!) {
    recordInspection(input: $input) {
      id
      period
      score
      targetKind
    }
  }
`);

/** The audit log, newest first, a page at a time: `before` is the id of the last row of the previous page. */
export const AuditLogQuery = graphql(`
  query AuditLog($before: String, $first: Int!) {
    auditLog(before: $before, first: $first) {
      id
      at
      actor
      tenantKind
      tenantCode
      operation
      outcome
      clientAddress
      requestId
      hash
    }
  }
`);

/** Tonight's summary (精准汇总) of a day, the latest summarised day when omitted: roll-ups and each team. */
export const DailySummaryQuery = graphql(`
  query DailySummary($day: String) {
    dailySummary(day: $day) {
      day
      ranAt
      total {
        ...SummaryRollupFields
      }
      headquarters {
        ...SummaryRollupFields
      }
      townships {
        ...SummaryRollupFields
      }
    }
  }
`);

export const SummaryRollupFields = graphql(`
  fragment SummaryRollupFields on SummaryRollup {
    scopeKind
    scopeCode
    scopeName
    teams
    visits
    offHoursVisits
    measurements
    assessments
    signings
    signedAreaM2
    disputesOpened
    disputesResolved
    fulfilment
  }
`);

/** A day's summary was written (the nightly job or a run on demand): the console fetches the summary again. */
export const DailySummaryPublishedSubscription = graphql(`
  subscription DailySummaryPublished {
    dailySummaryPublished {
      day
    }
  }
`);

/** The same summary as an .xlsx workbook (base64), for the download button. */
export const DailySummaryXlsxQuery = graphql(`
  query DailySummaryXlsx($day: String) {
    dailySummaryXlsx(day: $day) {
      filename
      contentBase64
    }
  }
`);

/** The 推进会 progress report of a township or headquarters over a period, as an .xlsx workbook (base64). */
export const ProgressReportXlsxQuery = graphql(`
  query ProgressReportXlsx($scopeKind: ReportScopeKind!, $code: String!, $from: String!, $to: String!) {
    progressReportXlsx(scopeKind: $scopeKind, code: $code, from: $from, to: $to) {
      filename
      contentBase64
    }
  }
`);

/** Open blockers (症结难题) of every headquarters, oldest first, with their age (issue 14). */
export const OpenEscalationsQuery = graphql(`
  query OpenEscalations {
    escalations(openOnly: true) {
      id
      state
      description
      helpNeeded
      meeting
      raisedAt
      ageDays
      headquarters {
        code
        nameZh
      }
    }
  }
`);
