/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment ApiKeyFields on ApiKey {\n    id\n    prefix\n    name\n    tenantKind\n    tenantCode\n    role\n    scopes\n    createdBy\n    createdAt\n    expiresAt\n    revokedAt\n    lastUsedAt\n    ratePerMinute\n    costPerMinute\n    allowListOnly\n  }\n": typeof types.ApiKeyFieldsFragmentDoc,
    "\n  query ApiKeys($tenant: String) {\n    apiKeys(tenant: $tenant) {\n      ...ApiKeyFields\n    }\n  }\n": typeof types.ApiKeysDocument,
    "\n  query ApiKeyUsage($key: ID!, $from: DateTimeISO!, $to: DateTimeISO!) {\n    apiKeyUsage(key: $key, from: $from, to: $to) {\n      key\n      operations\n      errors\n      cost\n    }\n  }\n": typeof types.ApiKeyUsageDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        ...ApiKeyFields\n      }\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...ApiKeyFields\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  query DistrictOverview {\n    campaign {\n      ...CampaignFields\n    }\n    headquartersBoard: leaderboard(board: HEADQUARTERS) {\n      ...DistrictBoardRowFields\n    }\n    townshipBoard: leaderboard(board: TOWNSHIP) {\n      ...DistrictBoardRowFields\n    }\n    pairingBoard: leaderboard(board: PAIRING) {\n      ...DistrictBoardRowFields\n    }\n  }\n": typeof types.DistrictOverviewDocument,
    "\n  fragment DistrictBoardRowFields on LeaderboardRow {\n    scopeKind\n    scopeCode\n    name\n    rank\n    households\n    measured\n    measuredPct\n    signed\n    signedToday\n    signedHouseholdsPct\n    signedAreaM2\n    signedAreaPct\n    buildingAreaM2\n  }\n": typeof types.DistrictBoardRowFieldsFragmentDoc,
    "\n  query InspectionRanking($targetKind: InspectionTargetKind!, $period: String, $window: Int! = 4) {\n    inspections(targetKind: $targetKind, period: $period, window: $window) {\n      id\n      period\n      targetKind\n      rank\n      score\n      flaggedLast\n      lastPlaceCount\n      note\n      recordedBy\n      recordedAt\n      headquarters {\n        code\n        nameZh\n      }\n      team {\n        id\n        name\n      }\n    }\n  }\n": typeof types.InspectionRankingDocument,
    "\n  query InspectionTargets {\n    campaign {\n      startDate\n      day\n    }\n    headquarters {\n      code\n      nameZh\n    }\n    teams {\n      id\n      name\n      headquarters {\n        code\n      }\n    }\n  }\n": typeof types.InspectionTargetsDocument,
    "\n  mutation RecordInspection($input: RecordInspectionInput!) {\n    recordInspection(input: $input) {\n      id\n      period\n      score\n      targetKind\n    }\n  }\n": typeof types.RecordInspectionDocument,
    "\n  query AuditLog($before: String, $first: Int!) {\n    auditLog(before: $before, first: $first) {\n      id\n      at\n      actor\n      tenantKind\n      tenantCode\n      operation\n      outcome\n      clientAddress\n      requestId\n      hash\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  query DailySummary($day: String) {\n    dailySummary(day: $day) {\n      day\n      ranAt\n      total {\n        ...SummaryRollupFields\n      }\n      headquarters {\n        ...SummaryRollupFields\n      }\n      townships {\n        ...SummaryRollupFields\n      }\n    }\n  }\n": typeof types.DailySummaryDocument,
    "\n  fragment SummaryRollupFields on SummaryRollup {\n    scopeKind\n    scopeCode\n    scopeName\n    teams\n    visits\n    offHoursVisits\n    measurements\n    assessments\n    signings\n    signedAreaM2\n    disputesOpened\n    disputesResolved\n    fulfilment\n  }\n": typeof types.SummaryRollupFieldsFragmentDoc,
    "\n  subscription DailySummaryPublished {\n    dailySummaryPublished {\n      day\n    }\n  }\n": typeof types.DailySummaryPublishedDocument,
    "\n  query DailySummaryXlsx($day: String) {\n    dailySummaryXlsx(day: $day) {\n      filename\n      contentBase64\n    }\n  }\n": typeof types.DailySummaryXlsxDocument,
    "\n  query ProgressReportXlsx($scopeKind: ReportScopeKind!, $code: String!, $from: String!, $to: String!) {\n    progressReportXlsx(scopeKind: $scopeKind, code: $code, from: $from, to: $to) {\n      filename\n      contentBase64\n    }\n  }\n": typeof types.ProgressReportXlsxDocument,
    "\n  query OpenEscalations {\n    escalations(openOnly: true) {\n      id\n      state\n      description\n      helpNeeded\n      meeting\n      raisedAt\n      ageDays\n      headquarters {\n        code\n        nameZh\n      }\n    }\n  }\n": typeof types.OpenEscalationsDocument,
    "\n  query FieldTeam {\n    me {\n      teamId\n    }\n  }\n": typeof types.FieldTeamDocument,
    "\n  query FieldHouseholds($teamId: ID, $first: Int!) {\n    households(filter: { teamId: $teamId, stages: [SURVEYED, MEASURED, ASSESSED] }, first: $first) {\n      edges {\n        node {\n          id\n          code\n          ownerName\n          stage\n          version\n          village {\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.FieldHouseholdsDocument,
    "\n  mutation RecordVisit($input: RecordVisitInput!) {\n    recordVisit(input: $input) {\n      id\n      offHours\n    }\n  }\n": typeof types.RecordVisitDocument,
    "\n  mutation OpenDispute($input: OpenDisputeInput!) {\n    openDispute(input: $input) {\n      id\n      state\n    }\n  }\n": typeof types.OpenDisputeDocument,
    "\n  query FieldHousehold($id: ID!) {\n    household(id: $id) {\n      id\n      code\n      ownerName\n      stage\n      version\n      buildingAreaM2\n      landAreaM2\n      updatedAt\n    }\n  }\n": typeof types.FieldHouseholdDocument,
    "\n  fragment HqProgressFields on Progress {\n    scopeKind\n    scopeCode\n    households\n    measured\n    signed\n    buildingAreaM2\n    signedAreaM2\n  }\n": typeof types.HqProgressFieldsFragmentDoc,
    "\n  query HqOverview($headquartersCode: String!) {\n    progress(scopeKind: \"headquarters\", scopeCode: $headquartersCode) {\n      ...HqProgressFields\n    }\n    villages {\n      id\n      code\n      name\n      township {\n        code\n        nameZh\n      }\n      headquarters {\n        code\n      }\n    }\n    teams {\n      id\n      code\n      name\n      memberCount\n      headquarters {\n        code\n      }\n      homeTownship {\n        nameZh\n      }\n      homeUnit {\n        nameZh\n      }\n    }\n  }\n": typeof types.HqOverviewDocument,
    "\n  query ScopeProgress($scopeKind: String!, $scopeCode: String!) {\n    progress(scopeKind: $scopeKind, scopeCode: $scopeCode) {\n      ...HqProgressFields\n    }\n  }\n": typeof types.ScopeProgressDocument,
    "\n  query HqHouseholdPage($filter: HouseholdFilter, $after: String, $first: Int!) {\n    households(filter: $filter, after: $after, first: $first) {\n      totalCount\n      edges {\n        node {\n          ...HqHouseholdFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.HqHouseholdPageDocument,
    "\n  fragment HqHouseholdFields on Household {\n    id\n    code\n    ownerName\n    ownerIdNumber\n    phone\n    piiMasked\n    stage\n    version\n    buildingAreaM2\n    township {\n      code\n    }\n    headquarters {\n      code\n    }\n    village {\n      name\n    }\n    team {\n      id\n      name\n      homeTownship {\n        code\n      }\n    }\n  }\n": typeof types.HqHouseholdFieldsFragmentDoc,
    "\n  mutation AssignTeam($input: TeamAssignmentInput!) {\n    assignTeam(input: $input) {\n      ...TeamAssignmentFields\n    }\n  }\n": typeof types.AssignTeamDocument,
    "\n  mutation UnassignTeam($input: TeamAssignmentInput!) {\n    unassignTeam(input: $input) {\n      ...TeamAssignmentFields\n    }\n  }\n": typeof types.UnassignTeamDocument,
    "\n  fragment TeamAssignmentFields on TeamAssignmentResult {\n    householdsChanged\n    villagesChanged\n    team {\n      id\n      name\n    }\n    villages {\n      id\n      name\n    }\n  }\n": typeof types.TeamAssignmentFieldsFragmentDoc,
    "\n  mutation RevertStage($input: RevertStageInput!) {\n    revertStage(input: $input) {\n      ...HqHouseholdFields\n    }\n  }\n": typeof types.RevertStageDocument,
    "\n  mutation ImportHouseholds($input: ImportHouseholdsInput!) {\n    importHouseholds(input: $input) {\n      dryRun\n      totalRows\n      importedRows\n      buildingAreaM2\n      errors {\n        line\n        column\n        code\n        messageZh\n        messageEn\n      }\n    }\n  }\n": typeof types.ImportHouseholdsDocument,
    "\n  fragment ResettlementSiteFields on ResettlementSite {\n    id\n    name\n    plannedUnits\n    allocatedUnits\n    availableUnits\n    township {\n      code\n      nameZh\n    }\n  }\n": typeof types.ResettlementSiteFieldsFragmentDoc,
    "\n  query ResettlementSites($headquartersCode: String) {\n    resettlementSites(headquartersCode: $headquartersCode) {\n      ...ResettlementSiteFields\n    }\n  }\n": typeof types.ResettlementSitesDocument,
    "\n  mutation CreateResettlementSite($input: CreateResettlementSiteInput!) {\n    createResettlementSite(input: $input) {\n      ...ResettlementSiteFields\n    }\n  }\n": typeof types.CreateResettlementSiteDocument,
    "\n  fragment TeamPlanFields on TeamPlan {\n    id\n    day\n    team {\n      id\n    }\n    plannedBy\n    updatedAt\n    items {\n      householdId\n      householdCode\n      action\n      assessmentGroup\n    }\n  }\n": typeof types.TeamPlanFieldsFragmentDoc,
    "\n  query TeamPlans($day: String!) {\n    teamPlans(day: $day) {\n      ...TeamPlanFields\n    }\n  }\n": typeof types.TeamPlansDocument,
    "\n  query PlanHouseholds($teamId: ID) {\n    households(filter: { teamId: $teamId, stages: [SURVEYED, MEASURED] }, first: 100) {\n      edges {\n        node {\n          id\n          code\n          ownerName\n          stage\n        }\n      }\n    }\n  }\n": typeof types.PlanHouseholdsDocument,
    "\n  mutation PlanTeamDay($input: PlanTeamDayInput!) {\n    planTeamDay(input: $input) {\n      ...TeamPlanFields\n    }\n  }\n": typeof types.PlanTeamDayDocument,
    "\n  query TeamDayFulfilment($day: String) {\n    dailySummary(day: $day) {\n      day\n      teams {\n        team {\n          id\n        }\n        plannedMeasure\n        plannedAssess\n        fulfilledMeasure\n        fulfilledAssess\n        fulfilment\n      }\n    }\n  }\n": typeof types.TeamDayFulfilmentDocument,
    "\n  fragment BoardRowFields on LeaderboardRow {\n    scopeKind\n    scopeCode\n    name\n    rank\n    rankChange\n    households\n    signed\n    signedToday\n    signedHouseholdsPct\n    signedAreaPct\n    signedAreaM2\n    buildingAreaM2\n  }\n": typeof types.BoardRowFieldsFragmentDoc,
    "\n  fragment CampaignFields on CampaignGauge {\n    name\n    startDate\n    lengthDays\n    day\n    daysLeft\n    targetAreaM2\n    signedAreaM2\n    signedAreaPctOfTarget\n    signedHouseholdsPct\n    paceNeededPerDayM2\n    paceLast7DaysM2\n    signedToday\n  }\n": typeof types.CampaignFieldsFragmentDoc,
    "\n  fragment MilestoneFields on Milestone {\n    id\n    seq\n    cursor\n    kind\n    scopeKind\n    scopeCode\n    threshold\n    reachedAt\n    township {\n      nameZh\n    }\n    headquarters {\n      nameZh\n    }\n  }\n": typeof types.MilestoneFieldsFragmentDoc,
    "\n  query ScreenBoot {\n    campaign {\n      ...CampaignFields\n    }\n    headquartersBoard: leaderboard(board: HEADQUARTERS) {\n      ...BoardRowFields\n    }\n    townshipBoard: leaderboard(board: TOWNSHIP) {\n      ...BoardRowFields\n    }\n    pairingBoard: leaderboard(board: PAIRING) {\n      ...BoardRowFields\n    }\n    teamBoard: leaderboard(board: TEAM) {\n      ...BoardRowFields\n    }\n    villages {\n      code\n      name\n    }\n  }\n": typeof types.ScreenBootDocument,
    "\n  query MilestonePage($after: String, $first: Int!) {\n    milestones(after: $after, first: $first) {\n      edges {\n        cursor\n        node {\n          ...MilestoneFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.MilestonePageDocument,
    "\n  subscription LeaderboardChanged($board: LeaderboardBoard!) {\n    leaderboardChanged(board: $board) {\n      ...BoardRowFields\n    }\n  }\n": typeof types.LeaderboardChangedDocument,
    "\n  subscription CampaignProgress {\n    campaignProgress {\n      ...CampaignFields\n    }\n  }\n": typeof types.CampaignProgressDocument,
    "\n  subscription MilestoneReached($after: String) {\n    milestoneReached(after: $after) {\n      ...MilestoneFields\n    }\n  }\n": typeof types.MilestoneReachedDocument,
    "\n  fragment SessionFields on AuthPayload {\n    token\n    expiresAt\n    me {\n      subject\n      displayName\n      tenantKind\n      tenantCode\n      role\n      memberships {\n        id\n        active\n        tenantKind\n        tenantCode\n        role\n      }\n    }\n  }\n": typeof types.SessionFieldsFragmentDoc,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      ...SessionFields\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation SwitchTenant($membershipId: ID!) {\n    switchTenant(membershipId: $membershipId) {\n      ...SessionFields\n    }\n  }\n": typeof types.SwitchTenantDocument,
    "\n  mutation Renew($membershipId: ID!) {\n    switchTenant(membershipId: $membershipId) {\n      token\n      expiresAt\n    }\n  }\n": typeof types.RenewDocument,
    "\n  mutation RenewSocketToken($token: String!) {\n    renewSocketToken(token: $token) {\n      subject\n      expiresAt\n    }\n  }\n": typeof types.RenewSocketTokenDocument,
    "\n  query TownshipFilters($townshipCode: String) {\n    villages(townshipCode: $townshipCode) {\n      id\n      code\n      name\n    }\n    teams {\n      id\n      name\n    }\n  }\n": typeof types.TownshipFiltersDocument,
    "\n  query HouseholdPage($filter: HouseholdFilter, $after: String, $first: Int!) {\n    households(filter: $filter, after: $after, first: $first) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          code\n          ownerName\n          stage\n          version\n          buildingAreaM2\n          piiMasked\n          village {\n            name\n          }\n          team {\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.HouseholdPageDocument,
    "\n  fragment HouseholdCardFields on Household {\n    id\n    code\n    ownerName\n    ownerIdNumber\n    phone\n    piiMasked\n    stage\n    version\n    buildingAreaM2\n    landAreaM2\n    landAreaMu\n    assessedAmountYuan\n    agreedAmountYuan\n    compensationChoice\n    signedAt\n    updatedAt\n    township {\n      code\n      nameZh\n    }\n    headquarters {\n      code\n      nameZh\n    }\n    village {\n      name\n    }\n    team {\n      name\n    }\n    events {\n      id\n      seq\n      kind\n      fromStage\n      toStage\n      actor\n      occurredAt\n      reason\n    }\n    visits {\n      id\n      visitedAt\n      metWith\n      purpose\n      outcome\n      nextStep\n      offHours\n    }\n    openDisputes {\n      id\n      category\n      state\n      mediator\n      openedAt\n    }\n  }\n": typeof types.HouseholdCardFieldsFragmentDoc,
    "\n  query HouseholdCard($id: ID!) {\n    household(id: $id) {\n      ...HouseholdCardFields\n    }\n  }\n": typeof types.HouseholdCardDocument,
    "\n  mutation AdvanceStage($input: AdvanceStageInput!) {\n    advanceStage(input: $input) {\n      ...HouseholdCardFields\n    }\n  }\n": typeof types.AdvanceStageDocument,
    "\n  query TownshipProgress {\n    townshipBoard: leaderboard(board: TOWNSHIP) {\n      ...BoardRowFields\n    }\n    pairingBoard: leaderboard(board: PAIRING) {\n      ...BoardRowFields\n    }\n    teamBoard: leaderboard(board: TEAM) {\n      ...BoardRowFields\n    }\n    teams {\n      code\n      name\n      homeTownship {\n        code\n      }\n    }\n  }\n": typeof types.TownshipProgressDocument,
};
const documents: Documents = {
    "\n  fragment ApiKeyFields on ApiKey {\n    id\n    prefix\n    name\n    tenantKind\n    tenantCode\n    role\n    scopes\n    createdBy\n    createdAt\n    expiresAt\n    revokedAt\n    lastUsedAt\n    ratePerMinute\n    costPerMinute\n    allowListOnly\n  }\n": types.ApiKeyFieldsFragmentDoc,
    "\n  query ApiKeys($tenant: String) {\n    apiKeys(tenant: $tenant) {\n      ...ApiKeyFields\n    }\n  }\n": types.ApiKeysDocument,
    "\n  query ApiKeyUsage($key: ID!, $from: DateTimeISO!, $to: DateTimeISO!) {\n    apiKeyUsage(key: $key, from: $from, to: $to) {\n      key\n      operations\n      errors\n      cost\n    }\n  }\n": types.ApiKeyUsageDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        ...ApiKeyFields\n      }\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...ApiKeyFields\n    }\n  }\n": types.RevokeApiKeyDocument,
    "\n  query DistrictOverview {\n    campaign {\n      ...CampaignFields\n    }\n    headquartersBoard: leaderboard(board: HEADQUARTERS) {\n      ...DistrictBoardRowFields\n    }\n    townshipBoard: leaderboard(board: TOWNSHIP) {\n      ...DistrictBoardRowFields\n    }\n    pairingBoard: leaderboard(board: PAIRING) {\n      ...DistrictBoardRowFields\n    }\n  }\n": types.DistrictOverviewDocument,
    "\n  fragment DistrictBoardRowFields on LeaderboardRow {\n    scopeKind\n    scopeCode\n    name\n    rank\n    households\n    measured\n    measuredPct\n    signed\n    signedToday\n    signedHouseholdsPct\n    signedAreaM2\n    signedAreaPct\n    buildingAreaM2\n  }\n": types.DistrictBoardRowFieldsFragmentDoc,
    "\n  query InspectionRanking($targetKind: InspectionTargetKind!, $period: String, $window: Int! = 4) {\n    inspections(targetKind: $targetKind, period: $period, window: $window) {\n      id\n      period\n      targetKind\n      rank\n      score\n      flaggedLast\n      lastPlaceCount\n      note\n      recordedBy\n      recordedAt\n      headquarters {\n        code\n        nameZh\n      }\n      team {\n        id\n        name\n      }\n    }\n  }\n": types.InspectionRankingDocument,
    "\n  query InspectionTargets {\n    campaign {\n      startDate\n      day\n    }\n    headquarters {\n      code\n      nameZh\n    }\n    teams {\n      id\n      name\n      headquarters {\n        code\n      }\n    }\n  }\n": types.InspectionTargetsDocument,
    "\n  mutation RecordInspection($input: RecordInspectionInput!) {\n    recordInspection(input: $input) {\n      id\n      period\n      score\n      targetKind\n    }\n  }\n": types.RecordInspectionDocument,
    "\n  query AuditLog($before: String, $first: Int!) {\n    auditLog(before: $before, first: $first) {\n      id\n      at\n      actor\n      tenantKind\n      tenantCode\n      operation\n      outcome\n      clientAddress\n      requestId\n      hash\n    }\n  }\n": types.AuditLogDocument,
    "\n  query DailySummary($day: String) {\n    dailySummary(day: $day) {\n      day\n      ranAt\n      total {\n        ...SummaryRollupFields\n      }\n      headquarters {\n        ...SummaryRollupFields\n      }\n      townships {\n        ...SummaryRollupFields\n      }\n    }\n  }\n": types.DailySummaryDocument,
    "\n  fragment SummaryRollupFields on SummaryRollup {\n    scopeKind\n    scopeCode\n    scopeName\n    teams\n    visits\n    offHoursVisits\n    measurements\n    assessments\n    signings\n    signedAreaM2\n    disputesOpened\n    disputesResolved\n    fulfilment\n  }\n": types.SummaryRollupFieldsFragmentDoc,
    "\n  subscription DailySummaryPublished {\n    dailySummaryPublished {\n      day\n    }\n  }\n": types.DailySummaryPublishedDocument,
    "\n  query DailySummaryXlsx($day: String) {\n    dailySummaryXlsx(day: $day) {\n      filename\n      contentBase64\n    }\n  }\n": types.DailySummaryXlsxDocument,
    "\n  query ProgressReportXlsx($scopeKind: ReportScopeKind!, $code: String!, $from: String!, $to: String!) {\n    progressReportXlsx(scopeKind: $scopeKind, code: $code, from: $from, to: $to) {\n      filename\n      contentBase64\n    }\n  }\n": types.ProgressReportXlsxDocument,
    "\n  query OpenEscalations {\n    escalations(openOnly: true) {\n      id\n      state\n      description\n      helpNeeded\n      meeting\n      raisedAt\n      ageDays\n      headquarters {\n        code\n        nameZh\n      }\n    }\n  }\n": types.OpenEscalationsDocument,
    "\n  query FieldTeam {\n    me {\n      teamId\n    }\n  }\n": types.FieldTeamDocument,
    "\n  query FieldHouseholds($teamId: ID, $first: Int!) {\n    households(filter: { teamId: $teamId, stages: [SURVEYED, MEASURED, ASSESSED] }, first: $first) {\n      edges {\n        node {\n          id\n          code\n          ownerName\n          stage\n          version\n          village {\n            name\n          }\n        }\n      }\n    }\n  }\n": types.FieldHouseholdsDocument,
    "\n  mutation RecordVisit($input: RecordVisitInput!) {\n    recordVisit(input: $input) {\n      id\n      offHours\n    }\n  }\n": types.RecordVisitDocument,
    "\n  mutation OpenDispute($input: OpenDisputeInput!) {\n    openDispute(input: $input) {\n      id\n      state\n    }\n  }\n": types.OpenDisputeDocument,
    "\n  query FieldHousehold($id: ID!) {\n    household(id: $id) {\n      id\n      code\n      ownerName\n      stage\n      version\n      buildingAreaM2\n      landAreaM2\n      updatedAt\n    }\n  }\n": types.FieldHouseholdDocument,
    "\n  fragment HqProgressFields on Progress {\n    scopeKind\n    scopeCode\n    households\n    measured\n    signed\n    buildingAreaM2\n    signedAreaM2\n  }\n": types.HqProgressFieldsFragmentDoc,
    "\n  query HqOverview($headquartersCode: String!) {\n    progress(scopeKind: \"headquarters\", scopeCode: $headquartersCode) {\n      ...HqProgressFields\n    }\n    villages {\n      id\n      code\n      name\n      township {\n        code\n        nameZh\n      }\n      headquarters {\n        code\n      }\n    }\n    teams {\n      id\n      code\n      name\n      memberCount\n      headquarters {\n        code\n      }\n      homeTownship {\n        nameZh\n      }\n      homeUnit {\n        nameZh\n      }\n    }\n  }\n": types.HqOverviewDocument,
    "\n  query ScopeProgress($scopeKind: String!, $scopeCode: String!) {\n    progress(scopeKind: $scopeKind, scopeCode: $scopeCode) {\n      ...HqProgressFields\n    }\n  }\n": types.ScopeProgressDocument,
    "\n  query HqHouseholdPage($filter: HouseholdFilter, $after: String, $first: Int!) {\n    households(filter: $filter, after: $after, first: $first) {\n      totalCount\n      edges {\n        node {\n          ...HqHouseholdFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.HqHouseholdPageDocument,
    "\n  fragment HqHouseholdFields on Household {\n    id\n    code\n    ownerName\n    ownerIdNumber\n    phone\n    piiMasked\n    stage\n    version\n    buildingAreaM2\n    township {\n      code\n    }\n    headquarters {\n      code\n    }\n    village {\n      name\n    }\n    team {\n      id\n      name\n      homeTownship {\n        code\n      }\n    }\n  }\n": types.HqHouseholdFieldsFragmentDoc,
    "\n  mutation AssignTeam($input: TeamAssignmentInput!) {\n    assignTeam(input: $input) {\n      ...TeamAssignmentFields\n    }\n  }\n": types.AssignTeamDocument,
    "\n  mutation UnassignTeam($input: TeamAssignmentInput!) {\n    unassignTeam(input: $input) {\n      ...TeamAssignmentFields\n    }\n  }\n": types.UnassignTeamDocument,
    "\n  fragment TeamAssignmentFields on TeamAssignmentResult {\n    householdsChanged\n    villagesChanged\n    team {\n      id\n      name\n    }\n    villages {\n      id\n      name\n    }\n  }\n": types.TeamAssignmentFieldsFragmentDoc,
    "\n  mutation RevertStage($input: RevertStageInput!) {\n    revertStage(input: $input) {\n      ...HqHouseholdFields\n    }\n  }\n": types.RevertStageDocument,
    "\n  mutation ImportHouseholds($input: ImportHouseholdsInput!) {\n    importHouseholds(input: $input) {\n      dryRun\n      totalRows\n      importedRows\n      buildingAreaM2\n      errors {\n        line\n        column\n        code\n        messageZh\n        messageEn\n      }\n    }\n  }\n": types.ImportHouseholdsDocument,
    "\n  fragment ResettlementSiteFields on ResettlementSite {\n    id\n    name\n    plannedUnits\n    allocatedUnits\n    availableUnits\n    township {\n      code\n      nameZh\n    }\n  }\n": types.ResettlementSiteFieldsFragmentDoc,
    "\n  query ResettlementSites($headquartersCode: String) {\n    resettlementSites(headquartersCode: $headquartersCode) {\n      ...ResettlementSiteFields\n    }\n  }\n": types.ResettlementSitesDocument,
    "\n  mutation CreateResettlementSite($input: CreateResettlementSiteInput!) {\n    createResettlementSite(input: $input) {\n      ...ResettlementSiteFields\n    }\n  }\n": types.CreateResettlementSiteDocument,
    "\n  fragment TeamPlanFields on TeamPlan {\n    id\n    day\n    team {\n      id\n    }\n    plannedBy\n    updatedAt\n    items {\n      householdId\n      householdCode\n      action\n      assessmentGroup\n    }\n  }\n": types.TeamPlanFieldsFragmentDoc,
    "\n  query TeamPlans($day: String!) {\n    teamPlans(day: $day) {\n      ...TeamPlanFields\n    }\n  }\n": types.TeamPlansDocument,
    "\n  query PlanHouseholds($teamId: ID) {\n    households(filter: { teamId: $teamId, stages: [SURVEYED, MEASURED] }, first: 100) {\n      edges {\n        node {\n          id\n          code\n          ownerName\n          stage\n        }\n      }\n    }\n  }\n": types.PlanHouseholdsDocument,
    "\n  mutation PlanTeamDay($input: PlanTeamDayInput!) {\n    planTeamDay(input: $input) {\n      ...TeamPlanFields\n    }\n  }\n": types.PlanTeamDayDocument,
    "\n  query TeamDayFulfilment($day: String) {\n    dailySummary(day: $day) {\n      day\n      teams {\n        team {\n          id\n        }\n        plannedMeasure\n        plannedAssess\n        fulfilledMeasure\n        fulfilledAssess\n        fulfilment\n      }\n    }\n  }\n": types.TeamDayFulfilmentDocument,
    "\n  fragment BoardRowFields on LeaderboardRow {\n    scopeKind\n    scopeCode\n    name\n    rank\n    rankChange\n    households\n    signed\n    signedToday\n    signedHouseholdsPct\n    signedAreaPct\n    signedAreaM2\n    buildingAreaM2\n  }\n": types.BoardRowFieldsFragmentDoc,
    "\n  fragment CampaignFields on CampaignGauge {\n    name\n    startDate\n    lengthDays\n    day\n    daysLeft\n    targetAreaM2\n    signedAreaM2\n    signedAreaPctOfTarget\n    signedHouseholdsPct\n    paceNeededPerDayM2\n    paceLast7DaysM2\n    signedToday\n  }\n": types.CampaignFieldsFragmentDoc,
    "\n  fragment MilestoneFields on Milestone {\n    id\n    seq\n    cursor\n    kind\n    scopeKind\n    scopeCode\n    threshold\n    reachedAt\n    township {\n      nameZh\n    }\n    headquarters {\n      nameZh\n    }\n  }\n": types.MilestoneFieldsFragmentDoc,
    "\n  query ScreenBoot {\n    campaign {\n      ...CampaignFields\n    }\n    headquartersBoard: leaderboard(board: HEADQUARTERS) {\n      ...BoardRowFields\n    }\n    townshipBoard: leaderboard(board: TOWNSHIP) {\n      ...BoardRowFields\n    }\n    pairingBoard: leaderboard(board: PAIRING) {\n      ...BoardRowFields\n    }\n    teamBoard: leaderboard(board: TEAM) {\n      ...BoardRowFields\n    }\n    villages {\n      code\n      name\n    }\n  }\n": types.ScreenBootDocument,
    "\n  query MilestonePage($after: String, $first: Int!) {\n    milestones(after: $after, first: $first) {\n      edges {\n        cursor\n        node {\n          ...MilestoneFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.MilestonePageDocument,
    "\n  subscription LeaderboardChanged($board: LeaderboardBoard!) {\n    leaderboardChanged(board: $board) {\n      ...BoardRowFields\n    }\n  }\n": types.LeaderboardChangedDocument,
    "\n  subscription CampaignProgress {\n    campaignProgress {\n      ...CampaignFields\n    }\n  }\n": types.CampaignProgressDocument,
    "\n  subscription MilestoneReached($after: String) {\n    milestoneReached(after: $after) {\n      ...MilestoneFields\n    }\n  }\n": types.MilestoneReachedDocument,
    "\n  fragment SessionFields on AuthPayload {\n    token\n    expiresAt\n    me {\n      subject\n      displayName\n      tenantKind\n      tenantCode\n      role\n      memberships {\n        id\n        active\n        tenantKind\n        tenantCode\n        role\n      }\n    }\n  }\n": types.SessionFieldsFragmentDoc,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      ...SessionFields\n    }\n  }\n": types.LoginDocument,
    "\n  mutation SwitchTenant($membershipId: ID!) {\n    switchTenant(membershipId: $membershipId) {\n      ...SessionFields\n    }\n  }\n": types.SwitchTenantDocument,
    "\n  mutation Renew($membershipId: ID!) {\n    switchTenant(membershipId: $membershipId) {\n      token\n      expiresAt\n    }\n  }\n": types.RenewDocument,
    "\n  mutation RenewSocketToken($token: String!) {\n    renewSocketToken(token: $token) {\n      subject\n      expiresAt\n    }\n  }\n": types.RenewSocketTokenDocument,
    "\n  query TownshipFilters($townshipCode: String) {\n    villages(townshipCode: $townshipCode) {\n      id\n      code\n      name\n    }\n    teams {\n      id\n      name\n    }\n  }\n": types.TownshipFiltersDocument,
    "\n  query HouseholdPage($filter: HouseholdFilter, $after: String, $first: Int!) {\n    households(filter: $filter, after: $after, first: $first) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          code\n          ownerName\n          stage\n          version\n          buildingAreaM2\n          piiMasked\n          village {\n            name\n          }\n          team {\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.HouseholdPageDocument,
    "\n  fragment HouseholdCardFields on Household {\n    id\n    code\n    ownerName\n    ownerIdNumber\n    phone\n    piiMasked\n    stage\n    version\n    buildingAreaM2\n    landAreaM2\n    landAreaMu\n    assessedAmountYuan\n    agreedAmountYuan\n    compensationChoice\n    signedAt\n    updatedAt\n    township {\n      code\n      nameZh\n    }\n    headquarters {\n      code\n      nameZh\n    }\n    village {\n      name\n    }\n    team {\n      name\n    }\n    events {\n      id\n      seq\n      kind\n      fromStage\n      toStage\n      actor\n      occurredAt\n      reason\n    }\n    visits {\n      id\n      visitedAt\n      metWith\n      purpose\n      outcome\n      nextStep\n      offHours\n    }\n    openDisputes {\n      id\n      category\n      state\n      mediator\n      openedAt\n    }\n  }\n": types.HouseholdCardFieldsFragmentDoc,
    "\n  query HouseholdCard($id: ID!) {\n    household(id: $id) {\n      ...HouseholdCardFields\n    }\n  }\n": types.HouseholdCardDocument,
    "\n  mutation AdvanceStage($input: AdvanceStageInput!) {\n    advanceStage(input: $input) {\n      ...HouseholdCardFields\n    }\n  }\n": types.AdvanceStageDocument,
    "\n  query TownshipProgress {\n    townshipBoard: leaderboard(board: TOWNSHIP) {\n      ...BoardRowFields\n    }\n    pairingBoard: leaderboard(board: PAIRING) {\n      ...BoardRowFields\n    }\n    teamBoard: leaderboard(board: TEAM) {\n      ...BoardRowFields\n    }\n    teams {\n      code\n      name\n      homeTownship {\n        code\n      }\n    }\n  }\n": types.TownshipProgressDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiKeyFields on ApiKey {\n    id\n    prefix\n    name\n    tenantKind\n    tenantCode\n    role\n    scopes\n    createdBy\n    createdAt\n    expiresAt\n    revokedAt\n    lastUsedAt\n    ratePerMinute\n    costPerMinute\n    allowListOnly\n  }\n"): (typeof documents)["\n  fragment ApiKeyFields on ApiKey {\n    id\n    prefix\n    name\n    tenantKind\n    tenantCode\n    role\n    scopes\n    createdBy\n    createdAt\n    expiresAt\n    revokedAt\n    lastUsedAt\n    ratePerMinute\n    costPerMinute\n    allowListOnly\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeys($tenant: String) {\n    apiKeys(tenant: $tenant) {\n      ...ApiKeyFields\n    }\n  }\n"): (typeof documents)["\n  query ApiKeys($tenant: String) {\n    apiKeys(tenant: $tenant) {\n      ...ApiKeyFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeyUsage($key: ID!, $from: DateTimeISO!, $to: DateTimeISO!) {\n    apiKeyUsage(key: $key, from: $from, to: $to) {\n      key\n      operations\n      errors\n      cost\n    }\n  }\n"): (typeof documents)["\n  query ApiKeyUsage($key: ID!, $from: DateTimeISO!, $to: DateTimeISO!) {\n    apiKeyUsage(key: $key, from: $from, to: $to) {\n      key\n      operations\n      errors\n      cost\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        ...ApiKeyFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        ...ApiKeyFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...ApiKeyFields\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...ApiKeyFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DistrictOverview {\n    campaign {\n      ...CampaignFields\n    }\n    headquartersBoard: leaderboard(board: HEADQUARTERS) {\n      ...DistrictBoardRowFields\n    }\n    townshipBoard: leaderboard(board: TOWNSHIP) {\n      ...DistrictBoardRowFields\n    }\n    pairingBoard: leaderboard(board: PAIRING) {\n      ...DistrictBoardRowFields\n    }\n  }\n"): (typeof documents)["\n  query DistrictOverview {\n    campaign {\n      ...CampaignFields\n    }\n    headquartersBoard: leaderboard(board: HEADQUARTERS) {\n      ...DistrictBoardRowFields\n    }\n    townshipBoard: leaderboard(board: TOWNSHIP) {\n      ...DistrictBoardRowFields\n    }\n    pairingBoard: leaderboard(board: PAIRING) {\n      ...DistrictBoardRowFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DistrictBoardRowFields on LeaderboardRow {\n    scopeKind\n    scopeCode\n    name\n    rank\n    households\n    measured\n    measuredPct\n    signed\n    signedToday\n    signedHouseholdsPct\n    signedAreaM2\n    signedAreaPct\n    buildingAreaM2\n  }\n"): (typeof documents)["\n  fragment DistrictBoardRowFields on LeaderboardRow {\n    scopeKind\n    scopeCode\n    name\n    rank\n    households\n    measured\n    measuredPct\n    signed\n    signedToday\n    signedHouseholdsPct\n    signedAreaM2\n    signedAreaPct\n    buildingAreaM2\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InspectionRanking($targetKind: InspectionTargetKind!, $period: String, $window: Int! = 4) {\n    inspections(targetKind: $targetKind, period: $period, window: $window) {\n      id\n      period\n      targetKind\n      rank\n      score\n      flaggedLast\n      lastPlaceCount\n      note\n      recordedBy\n      recordedAt\n      headquarters {\n        code\n        nameZh\n      }\n      team {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query InspectionRanking($targetKind: InspectionTargetKind!, $period: String, $window: Int! = 4) {\n    inspections(targetKind: $targetKind, period: $period, window: $window) {\n      id\n      period\n      targetKind\n      rank\n      score\n      flaggedLast\n      lastPlaceCount\n      note\n      recordedBy\n      recordedAt\n      headquarters {\n        code\n        nameZh\n      }\n      team {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InspectionTargets {\n    campaign {\n      startDate\n      day\n    }\n    headquarters {\n      code\n      nameZh\n    }\n    teams {\n      id\n      name\n      headquarters {\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  query InspectionTargets {\n    campaign {\n      startDate\n      day\n    }\n    headquarters {\n      code\n      nameZh\n    }\n    teams {\n      id\n      name\n      headquarters {\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordInspection($input: RecordInspectionInput!) {\n    recordInspection(input: $input) {\n      id\n      period\n      score\n      targetKind\n    }\n  }\n"): (typeof documents)["\n  mutation RecordInspection($input: RecordInspectionInput!) {\n    recordInspection(input: $input) {\n      id\n      period\n      score\n      targetKind\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($before: String, $first: Int!) {\n    auditLog(before: $before, first: $first) {\n      id\n      at\n      actor\n      tenantKind\n      tenantCode\n      operation\n      outcome\n      clientAddress\n      requestId\n      hash\n    }\n  }\n"): (typeof documents)["\n  query AuditLog($before: String, $first: Int!) {\n    auditLog(before: $before, first: $first) {\n      id\n      at\n      actor\n      tenantKind\n      tenantCode\n      operation\n      outcome\n      clientAddress\n      requestId\n      hash\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DailySummary($day: String) {\n    dailySummary(day: $day) {\n      day\n      ranAt\n      total {\n        ...SummaryRollupFields\n      }\n      headquarters {\n        ...SummaryRollupFields\n      }\n      townships {\n        ...SummaryRollupFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query DailySummary($day: String) {\n    dailySummary(day: $day) {\n      day\n      ranAt\n      total {\n        ...SummaryRollupFields\n      }\n      headquarters {\n        ...SummaryRollupFields\n      }\n      townships {\n        ...SummaryRollupFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SummaryRollupFields on SummaryRollup {\n    scopeKind\n    scopeCode\n    scopeName\n    teams\n    visits\n    offHoursVisits\n    measurements\n    assessments\n    signings\n    signedAreaM2\n    disputesOpened\n    disputesResolved\n    fulfilment\n  }\n"): (typeof documents)["\n  fragment SummaryRollupFields on SummaryRollup {\n    scopeKind\n    scopeCode\n    scopeName\n    teams\n    visits\n    offHoursVisits\n    measurements\n    assessments\n    signings\n    signedAreaM2\n    disputesOpened\n    disputesResolved\n    fulfilment\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DailySummaryPublished {\n    dailySummaryPublished {\n      day\n    }\n  }\n"): (typeof documents)["\n  subscription DailySummaryPublished {\n    dailySummaryPublished {\n      day\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DailySummaryXlsx($day: String) {\n    dailySummaryXlsx(day: $day) {\n      filename\n      contentBase64\n    }\n  }\n"): (typeof documents)["\n  query DailySummaryXlsx($day: String) {\n    dailySummaryXlsx(day: $day) {\n      filename\n      contentBase64\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProgressReportXlsx($scopeKind: ReportScopeKind!, $code: String!, $from: String!, $to: String!) {\n    progressReportXlsx(scopeKind: $scopeKind, code: $code, from: $from, to: $to) {\n      filename\n      contentBase64\n    }\n  }\n"): (typeof documents)["\n  query ProgressReportXlsx($scopeKind: ReportScopeKind!, $code: String!, $from: String!, $to: String!) {\n    progressReportXlsx(scopeKind: $scopeKind, code: $code, from: $from, to: $to) {\n      filename\n      contentBase64\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpenEscalations {\n    escalations(openOnly: true) {\n      id\n      state\n      description\n      helpNeeded\n      meeting\n      raisedAt\n      ageDays\n      headquarters {\n        code\n        nameZh\n      }\n    }\n  }\n"): (typeof documents)["\n  query OpenEscalations {\n    escalations(openOnly: true) {\n      id\n      state\n      description\n      helpNeeded\n      meeting\n      raisedAt\n      ageDays\n      headquarters {\n        code\n        nameZh\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FieldTeam {\n    me {\n      teamId\n    }\n  }\n"): (typeof documents)["\n  query FieldTeam {\n    me {\n      teamId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FieldHouseholds($teamId: ID, $first: Int!) {\n    households(filter: { teamId: $teamId, stages: [SURVEYED, MEASURED, ASSESSED] }, first: $first) {\n      edges {\n        node {\n          id\n          code\n          ownerName\n          stage\n          version\n          village {\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FieldHouseholds($teamId: ID, $first: Int!) {\n    households(filter: { teamId: $teamId, stages: [SURVEYED, MEASURED, ASSESSED] }, first: $first) {\n      edges {\n        node {\n          id\n          code\n          ownerName\n          stage\n          version\n          village {\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordVisit($input: RecordVisitInput!) {\n    recordVisit(input: $input) {\n      id\n      offHours\n    }\n  }\n"): (typeof documents)["\n  mutation RecordVisit($input: RecordVisitInput!) {\n    recordVisit(input: $input) {\n      id\n      offHours\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenDispute($input: OpenDisputeInput!) {\n    openDispute(input: $input) {\n      id\n      state\n    }\n  }\n"): (typeof documents)["\n  mutation OpenDispute($input: OpenDisputeInput!) {\n    openDispute(input: $input) {\n      id\n      state\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FieldHousehold($id: ID!) {\n    household(id: $id) {\n      id\n      code\n      ownerName\n      stage\n      version\n      buildingAreaM2\n      landAreaM2\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  query FieldHousehold($id: ID!) {\n    household(id: $id) {\n      id\n      code\n      ownerName\n      stage\n      version\n      buildingAreaM2\n      landAreaM2\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment HqProgressFields on Progress {\n    scopeKind\n    scopeCode\n    households\n    measured\n    signed\n    buildingAreaM2\n    signedAreaM2\n  }\n"): (typeof documents)["\n  fragment HqProgressFields on Progress {\n    scopeKind\n    scopeCode\n    households\n    measured\n    signed\n    buildingAreaM2\n    signedAreaM2\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HqOverview($headquartersCode: String!) {\n    progress(scopeKind: \"headquarters\", scopeCode: $headquartersCode) {\n      ...HqProgressFields\n    }\n    villages {\n      id\n      code\n      name\n      township {\n        code\n        nameZh\n      }\n      headquarters {\n        code\n      }\n    }\n    teams {\n      id\n      code\n      name\n      memberCount\n      headquarters {\n        code\n      }\n      homeTownship {\n        nameZh\n      }\n      homeUnit {\n        nameZh\n      }\n    }\n  }\n"): (typeof documents)["\n  query HqOverview($headquartersCode: String!) {\n    progress(scopeKind: \"headquarters\", scopeCode: $headquartersCode) {\n      ...HqProgressFields\n    }\n    villages {\n      id\n      code\n      name\n      township {\n        code\n        nameZh\n      }\n      headquarters {\n        code\n      }\n    }\n    teams {\n      id\n      code\n      name\n      memberCount\n      headquarters {\n        code\n      }\n      homeTownship {\n        nameZh\n      }\n      homeUnit {\n        nameZh\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScopeProgress($scopeKind: String!, $scopeCode: String!) {\n    progress(scopeKind: $scopeKind, scopeCode: $scopeCode) {\n      ...HqProgressFields\n    }\n  }\n"): (typeof documents)["\n  query ScopeProgress($scopeKind: String!, $scopeCode: String!) {\n    progress(scopeKind: $scopeKind, scopeCode: $scopeCode) {\n      ...HqProgressFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HqHouseholdPage($filter: HouseholdFilter, $after: String, $first: Int!) {\n    households(filter: $filter, after: $after, first: $first) {\n      totalCount\n      edges {\n        node {\n          ...HqHouseholdFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query HqHouseholdPage($filter: HouseholdFilter, $after: String, $first: Int!) {\n    households(filter: $filter, after: $after, first: $first) {\n      totalCount\n      edges {\n        node {\n          ...HqHouseholdFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment HqHouseholdFields on Household {\n    id\n    code\n    ownerName\n    ownerIdNumber\n    phone\n    piiMasked\n    stage\n    version\n    buildingAreaM2\n    township {\n      code\n    }\n    headquarters {\n      code\n    }\n    village {\n      name\n    }\n    team {\n      id\n      name\n      homeTownship {\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment HqHouseholdFields on Household {\n    id\n    code\n    ownerName\n    ownerIdNumber\n    phone\n    piiMasked\n    stage\n    version\n    buildingAreaM2\n    township {\n      code\n    }\n    headquarters {\n      code\n    }\n    village {\n      name\n    }\n    team {\n      id\n      name\n      homeTownship {\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignTeam($input: TeamAssignmentInput!) {\n    assignTeam(input: $input) {\n      ...TeamAssignmentFields\n    }\n  }\n"): (typeof documents)["\n  mutation AssignTeam($input: TeamAssignmentInput!) {\n    assignTeam(input: $input) {\n      ...TeamAssignmentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnassignTeam($input: TeamAssignmentInput!) {\n    unassignTeam(input: $input) {\n      ...TeamAssignmentFields\n    }\n  }\n"): (typeof documents)["\n  mutation UnassignTeam($input: TeamAssignmentInput!) {\n    unassignTeam(input: $input) {\n      ...TeamAssignmentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TeamAssignmentFields on TeamAssignmentResult {\n    householdsChanged\n    villagesChanged\n    team {\n      id\n      name\n    }\n    villages {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment TeamAssignmentFields on TeamAssignmentResult {\n    householdsChanged\n    villagesChanged\n    team {\n      id\n      name\n    }\n    villages {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevertStage($input: RevertStageInput!) {\n    revertStage(input: $input) {\n      ...HqHouseholdFields\n    }\n  }\n"): (typeof documents)["\n  mutation RevertStage($input: RevertStageInput!) {\n    revertStage(input: $input) {\n      ...HqHouseholdFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportHouseholds($input: ImportHouseholdsInput!) {\n    importHouseholds(input: $input) {\n      dryRun\n      totalRows\n      importedRows\n      buildingAreaM2\n      errors {\n        line\n        column\n        code\n        messageZh\n        messageEn\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ImportHouseholds($input: ImportHouseholdsInput!) {\n    importHouseholds(input: $input) {\n      dryRun\n      totalRows\n      importedRows\n      buildingAreaM2\n      errors {\n        line\n        column\n        code\n        messageZh\n        messageEn\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ResettlementSiteFields on ResettlementSite {\n    id\n    name\n    plannedUnits\n    allocatedUnits\n    availableUnits\n    township {\n      code\n      nameZh\n    }\n  }\n"): (typeof documents)["\n  fragment ResettlementSiteFields on ResettlementSite {\n    id\n    name\n    plannedUnits\n    allocatedUnits\n    availableUnits\n    township {\n      code\n      nameZh\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResettlementSites($headquartersCode: String) {\n    resettlementSites(headquartersCode: $headquartersCode) {\n      ...ResettlementSiteFields\n    }\n  }\n"): (typeof documents)["\n  query ResettlementSites($headquartersCode: String) {\n    resettlementSites(headquartersCode: $headquartersCode) {\n      ...ResettlementSiteFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateResettlementSite($input: CreateResettlementSiteInput!) {\n    createResettlementSite(input: $input) {\n      ...ResettlementSiteFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateResettlementSite($input: CreateResettlementSiteInput!) {\n    createResettlementSite(input: $input) {\n      ...ResettlementSiteFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TeamPlanFields on TeamPlan {\n    id\n    day\n    team {\n      id\n    }\n    plannedBy\n    updatedAt\n    items {\n      householdId\n      householdCode\n      action\n      assessmentGroup\n    }\n  }\n"): (typeof documents)["\n  fragment TeamPlanFields on TeamPlan {\n    id\n    day\n    team {\n      id\n    }\n    plannedBy\n    updatedAt\n    items {\n      householdId\n      householdCode\n      action\n      assessmentGroup\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamPlans($day: String!) {\n    teamPlans(day: $day) {\n      ...TeamPlanFields\n    }\n  }\n"): (typeof documents)["\n  query TeamPlans($day: String!) {\n    teamPlans(day: $day) {\n      ...TeamPlanFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlanHouseholds($teamId: ID) {\n    households(filter: { teamId: $teamId, stages: [SURVEYED, MEASURED] }, first: 100) {\n      edges {\n        node {\n          id\n          code\n          ownerName\n          stage\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PlanHouseholds($teamId: ID) {\n    households(filter: { teamId: $teamId, stages: [SURVEYED, MEASURED] }, first: 100) {\n      edges {\n        node {\n          id\n          code\n          ownerName\n          stage\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlanTeamDay($input: PlanTeamDayInput!) {\n    planTeamDay(input: $input) {\n      ...TeamPlanFields\n    }\n  }\n"): (typeof documents)["\n  mutation PlanTeamDay($input: PlanTeamDayInput!) {\n    planTeamDay(input: $input) {\n      ...TeamPlanFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamDayFulfilment($day: String) {\n    dailySummary(day: $day) {\n      day\n      teams {\n        team {\n          id\n        }\n        plannedMeasure\n        plannedAssess\n        fulfilledMeasure\n        fulfilledAssess\n        fulfilment\n      }\n    }\n  }\n"): (typeof documents)["\n  query TeamDayFulfilment($day: String) {\n    dailySummary(day: $day) {\n      day\n      teams {\n        team {\n          id\n        }\n        plannedMeasure\n        plannedAssess\n        fulfilledMeasure\n        fulfilledAssess\n        fulfilment\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BoardRowFields on LeaderboardRow {\n    scopeKind\n    scopeCode\n    name\n    rank\n    rankChange\n    households\n    signed\n    signedToday\n    signedHouseholdsPct\n    signedAreaPct\n    signedAreaM2\n    buildingAreaM2\n  }\n"): (typeof documents)["\n  fragment BoardRowFields on LeaderboardRow {\n    scopeKind\n    scopeCode\n    name\n    rank\n    rankChange\n    households\n    signed\n    signedToday\n    signedHouseholdsPct\n    signedAreaPct\n    signedAreaM2\n    buildingAreaM2\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CampaignFields on CampaignGauge {\n    name\n    startDate\n    lengthDays\n    day\n    daysLeft\n    targetAreaM2\n    signedAreaM2\n    signedAreaPctOfTarget\n    signedHouseholdsPct\n    paceNeededPerDayM2\n    paceLast7DaysM2\n    signedToday\n  }\n"): (typeof documents)["\n  fragment CampaignFields on CampaignGauge {\n    name\n    startDate\n    lengthDays\n    day\n    daysLeft\n    targetAreaM2\n    signedAreaM2\n    signedAreaPctOfTarget\n    signedHouseholdsPct\n    paceNeededPerDayM2\n    paceLast7DaysM2\n    signedToday\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MilestoneFields on Milestone {\n    id\n    seq\n    cursor\n    kind\n    scopeKind\n    scopeCode\n    threshold\n    reachedAt\n    township {\n      nameZh\n    }\n    headquarters {\n      nameZh\n    }\n  }\n"): (typeof documents)["\n  fragment MilestoneFields on Milestone {\n    id\n    seq\n    cursor\n    kind\n    scopeKind\n    scopeCode\n    threshold\n    reachedAt\n    township {\n      nameZh\n    }\n    headquarters {\n      nameZh\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScreenBoot {\n    campaign {\n      ...CampaignFields\n    }\n    headquartersBoard: leaderboard(board: HEADQUARTERS) {\n      ...BoardRowFields\n    }\n    townshipBoard: leaderboard(board: TOWNSHIP) {\n      ...BoardRowFields\n    }\n    pairingBoard: leaderboard(board: PAIRING) {\n      ...BoardRowFields\n    }\n    teamBoard: leaderboard(board: TEAM) {\n      ...BoardRowFields\n    }\n    villages {\n      code\n      name\n    }\n  }\n"): (typeof documents)["\n  query ScreenBoot {\n    campaign {\n      ...CampaignFields\n    }\n    headquartersBoard: leaderboard(board: HEADQUARTERS) {\n      ...BoardRowFields\n    }\n    townshipBoard: leaderboard(board: TOWNSHIP) {\n      ...BoardRowFields\n    }\n    pairingBoard: leaderboard(board: PAIRING) {\n      ...BoardRowFields\n    }\n    teamBoard: leaderboard(board: TEAM) {\n      ...BoardRowFields\n    }\n    villages {\n      code\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MilestonePage($after: String, $first: Int!) {\n    milestones(after: $after, first: $first) {\n      edges {\n        cursor\n        node {\n          ...MilestoneFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query MilestonePage($after: String, $first: Int!) {\n    milestones(after: $after, first: $first) {\n      edges {\n        cursor\n        node {\n          ...MilestoneFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LeaderboardChanged($board: LeaderboardBoard!) {\n    leaderboardChanged(board: $board) {\n      ...BoardRowFields\n    }\n  }\n"): (typeof documents)["\n  subscription LeaderboardChanged($board: LeaderboardBoard!) {\n    leaderboardChanged(board: $board) {\n      ...BoardRowFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CampaignProgress {\n    campaignProgress {\n      ...CampaignFields\n    }\n  }\n"): (typeof documents)["\n  subscription CampaignProgress {\n    campaignProgress {\n      ...CampaignFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MilestoneReached($after: String) {\n    milestoneReached(after: $after) {\n      ...MilestoneFields\n    }\n  }\n"): (typeof documents)["\n  subscription MilestoneReached($after: String) {\n    milestoneReached(after: $after) {\n      ...MilestoneFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionFields on AuthPayload {\n    token\n    expiresAt\n    me {\n      subject\n      displayName\n      tenantKind\n      tenantCode\n      role\n      memberships {\n        id\n        active\n        tenantKind\n        tenantCode\n        role\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment SessionFields on AuthPayload {\n    token\n    expiresAt\n    me {\n      subject\n      displayName\n      tenantKind\n      tenantCode\n      role\n      memberships {\n        id\n        active\n        tenantKind\n        tenantCode\n        role\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      ...SessionFields\n    }\n  }\n"): (typeof documents)["\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      ...SessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SwitchTenant($membershipId: ID!) {\n    switchTenant(membershipId: $membershipId) {\n      ...SessionFields\n    }\n  }\n"): (typeof documents)["\n  mutation SwitchTenant($membershipId: ID!) {\n    switchTenant(membershipId: $membershipId) {\n      ...SessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Renew($membershipId: ID!) {\n    switchTenant(membershipId: $membershipId) {\n      token\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation Renew($membershipId: ID!) {\n    switchTenant(membershipId: $membershipId) {\n      token\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenewSocketToken($token: String!) {\n    renewSocketToken(token: $token) {\n      subject\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation RenewSocketToken($token: String!) {\n    renewSocketToken(token: $token) {\n      subject\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TownshipFilters($townshipCode: String) {\n    villages(townshipCode: $townshipCode) {\n      id\n      code\n      name\n    }\n    teams {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query TownshipFilters($townshipCode: String) {\n    villages(townshipCode: $townshipCode) {\n      id\n      code\n      name\n    }\n    teams {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HouseholdPage($filter: HouseholdFilter, $after: String, $first: Int!) {\n    households(filter: $filter, after: $after, first: $first) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          code\n          ownerName\n          stage\n          version\n          buildingAreaM2\n          piiMasked\n          village {\n            name\n          }\n          team {\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query HouseholdPage($filter: HouseholdFilter, $after: String, $first: Int!) {\n    households(filter: $filter, after: $after, first: $first) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          code\n          ownerName\n          stage\n          version\n          buildingAreaM2\n          piiMasked\n          village {\n            name\n          }\n          team {\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment HouseholdCardFields on Household {\n    id\n    code\n    ownerName\n    ownerIdNumber\n    phone\n    piiMasked\n    stage\n    version\n    buildingAreaM2\n    landAreaM2\n    landAreaMu\n    assessedAmountYuan\n    agreedAmountYuan\n    compensationChoice\n    signedAt\n    updatedAt\n    township {\n      code\n      nameZh\n    }\n    headquarters {\n      code\n      nameZh\n    }\n    village {\n      name\n    }\n    team {\n      name\n    }\n    events {\n      id\n      seq\n      kind\n      fromStage\n      toStage\n      actor\n      occurredAt\n      reason\n    }\n    visits {\n      id\n      visitedAt\n      metWith\n      purpose\n      outcome\n      nextStep\n      offHours\n    }\n    openDisputes {\n      id\n      category\n      state\n      mediator\n      openedAt\n    }\n  }\n"): (typeof documents)["\n  fragment HouseholdCardFields on Household {\n    id\n    code\n    ownerName\n    ownerIdNumber\n    phone\n    piiMasked\n    stage\n    version\n    buildingAreaM2\n    landAreaM2\n    landAreaMu\n    assessedAmountYuan\n    agreedAmountYuan\n    compensationChoice\n    signedAt\n    updatedAt\n    township {\n      code\n      nameZh\n    }\n    headquarters {\n      code\n      nameZh\n    }\n    village {\n      name\n    }\n    team {\n      name\n    }\n    events {\n      id\n      seq\n      kind\n      fromStage\n      toStage\n      actor\n      occurredAt\n      reason\n    }\n    visits {\n      id\n      visitedAt\n      metWith\n      purpose\n      outcome\n      nextStep\n      offHours\n    }\n    openDisputes {\n      id\n      category\n      state\n      mediator\n      openedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HouseholdCard($id: ID!) {\n    household(id: $id) {\n      ...HouseholdCardFields\n    }\n  }\n"): (typeof documents)["\n  query HouseholdCard($id: ID!) {\n    household(id: $id) {\n      ...HouseholdCardFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdvanceStage($input: AdvanceStageInput!) {\n    advanceStage(input: $input) {\n      ...HouseholdCardFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdvanceStage($input: AdvanceStageInput!) {\n    advanceStage(input: $input) {\n      ...HouseholdCardFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TownshipProgress {\n    townshipBoard: leaderboard(board: TOWNSHIP) {\n      ...BoardRowFields\n    }\n    pairingBoard: leaderboard(board: PAIRING) {\n      ...BoardRowFields\n    }\n    teamBoard: leaderboard(board: TEAM) {\n      ...BoardRowFields\n    }\n    teams {\n      code\n      name\n      homeTownship {\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  query TownshipProgress {\n    townshipBoard: leaderboard(board: TOWNSHIP) {\n      ...BoardRowFields\n    }\n    pairingBoard: leaderboard(board: PAIRING) {\n      ...BoardRowFields\n    }\n    teamBoard: leaderboard(board: TEAM) {\n      ...BoardRowFields\n    }\n    teams {\n      code\n      name\n      homeTownship {\n        code\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;