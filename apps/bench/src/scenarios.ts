// The bench scenarios: the same request to every system (the gateway's GraphQL, the raw baseline's
// GraphQL-shaped request, PostGraphile's equivalent query), and how an answer is checked against raw's.

export type SystemName = 'gateway' | 'raw' | 'postgraphile';
export const SYSTEMS: readonly SystemName[] = ['gateway', 'raw', 'postgraphile'];

export interface GraphQLBody {
  operationName: string;
  query: string;
  variables?: Record<string, unknown>;
}

export interface Fixtures {
  /** A household of the principal's own township with several events (PII visible to its commander). */
  detailHouseholdId: string;
  /** Today in Asia/Shanghai (YYYY-MM-DD): the day the counters of "today" are read for. */
  today: string;
  /** An API key of the principal's township and role (bench-key.ts), for `list-50-key`. */
  apiKey: string;
}

export interface Scenario {
  id: string;
  title: string;
  gateway: GraphQLBody;
  /** null: PostGraphile has no equivalent. */
  postgraphile: GraphQLBody | null;
  /** The gateway's answer must equal the raw baseline's under this canonical form (same JSON). */
  exact: (data: unknown) => unknown;
  /** Ids and counts of a gateway/raw answer … */
  ids: (data: unknown) => unknown;
  /** … which PostGraphile's answer (another shape) must match. */
  pglIds: (data: unknown) => unknown;
  /**
   * Sent as the Bearer credential instead of the principal's token: an API key, which only the gateway accepts.
   * Measured on the gateway only; its answer is checked against raw's answer for the principal.
   */
  apiKey?: string;
}

const LIST_QUERY = `query PortalList($first: Int!) { households(first: $first) {
  edges { node { id code stage ownerName buildingAreaM2 village { name } team { name homeTownship { code } }
    township { code } headquarters { code } } }
  pageInfo { hasNextPage endCursor } } }`;

const PGL_LIST_QUERY = `query PortalList($first: Int!) { allHouseholds(first: $first, orderBy: [CODE_ASC, ROW_ID_ASC]) {
  nodes { rowId code stage ownerName buildingAreaM2 villageByVillageId { nameZh }
    workTeamByTeamId { nameZh townshipByTownshipId { code } } townshipByTownshipId { code }
    headquartersByHeadquartersId { code } }
  pageInfo { hasNextPage endCursor } } }`;

const DETAIL_QUERY = `query HouseholdDetail($id: ID!) { household(id: $id) {
  id code stage version ownerName ownerIdNumber phone buildingAreaM2 landAreaM2 village { name } team { name }
  events { seq kind fromStage toStage version actor occurredAt } } }`;

const PGL_DETAIL_QUERY = `query HouseholdDetail($id: UUID!) { householdByRowId(rowId: $id) {
  rowId code stage version ownerName ownerIdNumber phone buildingAreaM2 landAreaM2 villageByVillageId { nameZh }
  workTeamByTeamId { nameZh }
  householdEventsByHouseholdId(orderBy: VERSION_ASC) { nodes { seq kind fromStage toStage version actorSubject occurredAt } } } }`;

const BOARD_QUERY = `query Leaderboard($board: LeaderboardBoard!) { leaderboard(board: $board) {
  rank scopeCode name households measured signed signedAreaM2 measuredPct signedPct signedToday } }`;

/** PostGraphile has no ranking: the counters, today's signings and the names, ranked by the client. */
function pglBoardQuery(names: 'allHeadquarters' | 'allWorkTeams'): string {
  return `query Leaderboard($kind: String!, $day: Date!) {
  allProgressCounters(condition: { scopeKind: $kind }) { nodes { scopeCode households measured signed signedAreaM2 } }
  allProgressDailies(condition: { scopeKind: $kind, day: $day }) { nodes { scopeCode signed } }
  ${names} { nodes { code nameZh } } }`;
}

const GAUGE_QUERY = `query CampaignGauge { campaign {
  name startDate lengthDays day daysLeft targetAreaM2 signedAreaM2 signedPct paceNeededPerDayM2 signedToday } }`;

const PGL_GAUGE_QUERY = `query CampaignGauge($day: Date!) {
  allCampaigns(first: 1) { nodes { nameZh startDate lengthDays targetAreaM2 } }
  progressCounterByScopeKindAndScopeCode(scopeKind: "campaign", scopeCode: "main") { signedAreaM2 }
  progressDailyByScopeKindAndScopeCodeAndDay(scopeKind: "campaign", scopeCode: "main", day: $day) { signed } }`;

// ── answer keys ──
type Json = Record<string, unknown>;
const get = (value: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Json)[k] : undefined), value);
const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);

/** Everything the raw baseline returned, in a canonical form: gateway answers must equal it exactly. */
function whole(data: unknown): unknown {
  return data;
}

function listIds(data: unknown): unknown {
  return {
    ids: list(get(data, 'households', 'edges')).map((e) => get(e, 'node', 'id')),
    hasNextPage: get(data, 'households', 'pageInfo', 'hasNextPage'),
  };
}

function pglListIds(data: unknown): unknown {
  return {
    ids: list(get(data, 'allHouseholds', 'nodes')).map((n) => n.rowId),
    hasNextPage: get(data, 'allHouseholds', 'pageInfo', 'hasNextPage'),
  };
}

function detailIds(data: unknown): unknown {
  const h = get(data, 'household');
  return { id: get(h, 'id'), events: list(get(h, 'events')).map((e) => e.seq) };
}

function pglDetailIds(data: unknown): unknown {
  const h = get(data, 'householdByRowId');
  return {
    id: get(h, 'rowId'),
    events: list(get(h, 'householdEventsByHouseholdId', 'nodes')).map((e) => String(e.seq)),
  };
}

function boardCounts(data: unknown): unknown {
  return list(get(data, 'leaderboard'))
    .map((r) => `${String(r.scopeCode)}:${Number(r.signed)}/${Number(r.households)}:${Number(r.signedToday)}`)
    .sort();
}

function pglBoardCounts(data: unknown): unknown {
  const today = new Map(
    list(get(data, 'allProgressDailies', 'nodes')).map((n) => [n.scopeCode, Number(n.signed)]),
  );
  return list(get(data, 'allProgressCounters', 'nodes'))
    .map(
      (r) =>
        `${String(r.scopeCode)}:${Number(r.signed)}/${Number(r.households)}:${today.get(r.scopeCode) ?? 0}`,
    )
    .sort();
}

function gaugeKey(data: unknown): unknown {
  return { name: get(data, 'campaign', 'name'), signedAreaM2: Number(get(data, 'campaign', 'signedAreaM2')) };
}

function pglGaugeKey(data: unknown): unknown {
  return {
    name: get(data, 'allCampaigns', 'nodes', '0', 'nameZh'),
    signedAreaM2: Number(get(data, 'progressCounterByScopeKindAndScopeCode', 'signedAreaM2')),
  };
}

/** Leaderboard rows in a canonical order (ties share a rank; their order is not part of the contract). */
function boardCanonical(data: unknown): unknown {
  return list(get(data, 'leaderboard'))
    .slice()
    .sort(
      (a, b) => Number(a.rank) - Number(b.rank) || String(a.scopeCode).localeCompare(String(b.scopeCode)),
    );
}

export function listScenario(first: number): Scenario {
  return {
    id: `list-${first}`,
    title: `township portal list (${first} households with village, team, township, headquarters)`,
    gateway: { operationName: 'PortalList', query: LIST_QUERY, variables: { first } },
    postgraphile: { operationName: 'PortalList', query: PGL_LIST_QUERY, variables: { first } },
    exact: whole,
    ids: listIds,
    pglIds: pglListIds,
  };
}

export function scenarios(fixtures: Fixtures): Scenario[] {
  const board = (name: 'HEADQUARTERS' | 'TEAM'): Scenario => ({
    id: `leaderboard-${name.toLowerCase()}`,
    title: `leaderboard ${name}`,
    gateway: { operationName: 'Leaderboard', query: BOARD_QUERY, variables: { board: name } },
    postgraphile: {
      operationName: 'Leaderboard',
      query: pglBoardQuery(name === 'HEADQUARTERS' ? 'allHeadquarters' : 'allWorkTeams'),
      variables: { kind: name === 'HEADQUARTERS' ? 'headquarters' : 'team', day: fixtures.today },
    },
    exact: boardCanonical,
    ids: boardCounts,
    pglIds: pglBoardCounts,
  });
  return [
    listScenario(50),
    {
      ...listScenario(50),
      id: 'list-50-key',
      title:
        'list-50 as an API key (key auth, rate limit and cost budget, allow-list check, integrator audit)',
      postgraphile: null,
      apiKey: fixtures.apiKey,
    },
    {
      id: 'detail',
      title: 'household detail with its events',
      gateway: {
        operationName: 'HouseholdDetail',
        query: DETAIL_QUERY,
        variables: { id: fixtures.detailHouseholdId },
      },
      postgraphile: {
        operationName: 'HouseholdDetail',
        query: PGL_DETAIL_QUERY,
        variables: { id: fixtures.detailHouseholdId },
      },
      exact: whole,
      ids: detailIds,
      pglIds: pglDetailIds,
    },
    board('HEADQUARTERS'),
    board('TEAM'),
    {
      id: 'campaign',
      title: 'campaign gauge',
      gateway: { operationName: 'CampaignGauge', query: GAUGE_QUERY },
      postgraphile: {
        operationName: 'CampaignGauge',
        query: PGL_GAUGE_QUERY,
        variables: { day: fixtures.today },
      },
      exact: whole,
      ids: gaugeKey,
      pglIds: pglGaugeKey,
    },
  ];
}
