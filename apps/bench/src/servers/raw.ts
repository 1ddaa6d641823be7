// The raw baseline: node:http + pg, the best hand-written SQL for each bench scenario, under the same row-level
// security as the gateway — one transaction per request that opens with
//   BEGIN; SET LOCAL ROLE hanjiang_app; SELECT set_config('app.tenant_kind', …, true), …;   (one round trip)
// then runs one prepared statement (page first, then join) and COMMITs. It answers the same GraphQL-shaped
// requests as the gateway (dispatching on operationName) with the same JSON.
//   node --import tsx src/servers/raw.ts   (env: DATABASE_URL, PORT, JWT_SECRET, POOL_SIZE)
//
// What each statement copies from the gateway (paths under apps/gateway/src/). When one of these changes its SQL,
// its columns or its order, the copy here must follow, or `pnpm bench` stops comparing like with like (its verify
// phase fails on a differing answer; a cheaper or dearer statement only shows as a changed ratio):
//   beginStatement  db/request-transaction.ts beginStatement(): BEGIN, SET LOCAL ROLE hanjiang_app and the five
//                   app.* settings signed with the scope key (signScope, readScopeKey from @hanjiang/db) in one
//                   round trip; the settings are auth/tenant-settings.ts tenantSettings() →
//                   sqlVisibilitySettings() of @hanjiang/authz, from a token verified as auth/token-service.ts
//                   does (./principal.ts). COMMIT as RequestTransaction.commit().
//   LIST_SQL        modules/household/household.service.ts HouseholdService.list(): the page CTE (ORDER BY code,
//                   id, LIMIT first + 1) with village and team joined to the page's rows. The gateway takes township,
//                   headquarters and the team's home township from its in-process catalogue (CatalogueCache);
//                   raw joins them. The endCursor is graphql/page-info.ts encodeCursor(code, id).
//   DETAIL_SQL      the gateway's detail is its loaders, not one statement: modules/household/household.loaders.ts
//                   (household: HOUSEHOLD_COLUMNS; eventsByHousehold: EVENT_COLUMNS ORDER BY version, both in
//                   household.sql.ts) and modules/catalog/catalog.loaders.ts (village, team). Raw folds them into
//                   one statement, events as json_agg, occurredAt formatted as the gateway's ISO timestamps.
//   boardSql()      modules/progress/progress.service.ts counterSql() (one statement per scope kind, the kind a
//                   literal, today's progress_daily row and the names table joined) and ProgressService.leaderboard()
//                   (percent and rankRows from @hanjiang/domain; names as displayName()).
//   GAUGE_SQL       modules/progress/progress.service.ts ProgressService.campaign(): campaign ⨝ campaign counter ⨝
//                   today's row; only the columns the bench's CampaignGauge selection needs (the gateway also reads
//                   signed, households and the recent-pace window). Day, days left, pace from @hanjiang/domain.
//   Sign            ./raw-signing.ts: modules/workflow/ (its header names each statement's original).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { campaignDay, daysLeft, paceNeededPerDay, percent, rankRows, shanghaiDate } from '@hanjiang/domain';
import { readScopeKey } from '@hanjiang/db';
import pg from 'pg';
import { type Caller, callerFromAuthorization, REQUEST_ROLE, type Settings } from './principal.js';
import { GraphQLFailure, signHousehold } from './raw-signing.js';
import { readServerEnv } from './env.js';

const env = readServerEnv();
const pool = new pg.Pool({ connectionString: env.databaseUrl, max: env.poolSize });
// Signs the tenant settings as the gateway does (the policies verify the signature on every statement).
const scopeKey = await readScopeKey(pool);

type Variables = Record<string, unknown>;
type Handler = (client: pg.PoolClient, variables: Variables, caller: Caller) => Promise<unknown>;

function beginStatement(settings: Settings): string {
  const sets = Object.entries(settings)
    .map(([key, value]) => `set_config(${pg.escapeLiteral(key)}, ${pg.escapeLiteral(value)}, true)`)
    .join(', ');
  return `BEGIN; SET LOCAL ROLE ${REQUEST_ROLE}; SELECT ${sets};`;
}

async function inTransaction<T>(settings: Settings, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(beginStatement(settings));
    const result = await work(client);
    await client.query('COMMIT');
    client.release();
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release(error as Error);
    throw error;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// ── township portal list: 50 households with village, team (and its home township), township, headquarters ──
const LIST_SQL = `WITH page AS (
    SELECT h.id, h.code, h.stage, h.owner_name, h.building_area_m2, h.village_id, h.team_id, h.township_id,
      h.headquarters_id
    FROM household h ORDER BY h.code, h.id LIMIT $1)
  SELECT p.id, p.code, p.stage, p.owner_name, p.building_area_m2::float8 AS building_area_m2,
    v.name_zh AS village_name, t.name_zh AS team_name, tt.code AS team_home, ts.code AS township, hq.code AS hq
  FROM page p
  LEFT JOIN village v ON v.id = p.village_id
  LEFT JOIN work_team t ON t.id = p.team_id
  LEFT JOIN township tt ON tt.id = t.township_id
  JOIN township ts ON ts.id = p.township_id
  JOIN headquarters hq ON hq.id = p.headquarters_id
  ORDER BY p.code, p.id`;

interface ListRow {
  id: string;
  code: string;
  stage: string;
  owner_name: string;
  building_area_m2: number;
  village_name: string | null;
  team_name: string | null;
  team_home: string | null;
  township: string;
  hq: string;
}

const portalList: Handler = async (client, variables) => {
  const first = Number(variables.first ?? 20);
  if (!Number.isInteger(first) || first < 1 || first > 100)
    throw new Error('first must be between 1 and 100');
  const { rows } = await client.query<ListRow>({ name: 'list', text: LIST_SQL, values: [first + 1] });
  const page = rows.slice(0, first);
  const last = page.at(-1);
  return {
    households: {
      edges: page.map((r) => ({
        node: {
          id: r.id,
          code: r.code,
          stage: r.stage,
          ownerName: r.owner_name,
          buildingAreaM2: r.building_area_m2,
          village: r.village_name === null ? null : { name: r.village_name },
          team:
            r.team_name === null
              ? null
              : { name: r.team_name, homeTownship: r.team_home === null ? null : { code: r.team_home } },
          township: { code: r.township },
          headquarters: { code: r.hq },
        },
      })),
      pageInfo: {
        hasNextPage: rows.length > first,
        endCursor: last ? Buffer.from(JSON.stringify([last.code, last.id])).toString('base64url') : null,
      },
    },
  };
};

// ── household detail with its events: one statement, events aggregated in the database ──
const DETAIL_SQL = `SELECT h.id, h.code, h.stage, h.version, h.owner_name AS "ownerName",
    h.owner_id_number AS "ownerIdNumber", h.phone, h.building_area_m2::float8 AS "buildingAreaM2",
    h.land_area_m2::float8 AS "landAreaM2", v.name_zh AS village_name, t.name_zh AS team_name,
    (SELECT coalesce(json_agg(json_build_object('seq', e.seq::text, 'kind', e.kind, 'fromStage', e.from_stage,
        'toStage', e.to_stage, 'version', e.version, 'actor', e.actor_subject,
        'occurredAt', to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
        ORDER BY e.version), '[]'::json)
      FROM household_event e WHERE e.household_id = h.id) AS events
  FROM household h
  LEFT JOIN village v ON v.id = h.village_id
  LEFT JOIN work_team t ON t.id = h.team_id
  WHERE h.id = $1`;

const householdDetail: Handler = async (client, variables) => {
  const id = typeof variables.id === 'string' ? variables.id : '';
  if (!UUID.test(id)) return { household: null };
  const { rows } = await client.query<Record<string, unknown>>({
    name: 'detail',
    text: DETAIL_SQL,
    values: [id],
  });
  const row = rows[0];
  if (!row) return { household: null };
  const { village_name, team_name, ...rest } = row;
  return {
    household: {
      ...rest,
      village: village_name === null ? null : { name: village_name },
      team: team_name === null ? null : { name: team_name },
    },
  };
};

// ── leaderboard from the public counters ──
const BOARD_SCOPE: Record<string, string> = {
  HEADQUARTERS: 'headquarters',
  TOWNSHIP: 'township',
  PAIRING: 'pairing',
  TEAM: 'team',
};
/** The board's names table per scope (pairings have none: their code is the name). */
const NAME_TABLE: Record<string, string | null> = {
  township: 'township',
  headquarters: 'headquarters',
  pairing: null,
  team: 'work_team',
};

/**
 * One statement per board, the scope as a literal: a single statement shared by every board gets one generic
 * plan after five executions, which considers all the names tables (the HQ board ran at ~60 % of its own speed).
 */
function boardSql(scope: string): string {
  const table = NAME_TABLE[scope];
  return `SELECT c.scope_code AS "scopeCode", c.households, c.measured, c.signed,
    c.signed_area_m2::float8 AS "signedAreaM2", coalesce(d.signed, 0) AS "signedToday",
    ${table ? 'coalesce(n.name_zh, c.scope_code)' : 'c.scope_code'} AS name
  FROM progress_counter c
  LEFT JOIN progress_daily d ON d.scope_kind = c.scope_kind AND d.scope_code = c.scope_code AND d.day = $1::date
  ${table ? `LEFT JOIN ${table} n ON n.code = c.scope_code` : ''}
  WHERE c.scope_kind = '${scope}'`;
}

interface BoardRow {
  scopeCode: string;
  households: number;
  measured: number;
  signed: number;
  signedAreaM2: number;
  signedToday: number;
  name: string;
}

const leaderboard: Handler = async (client, variables) => {
  const scope = BOARD_SCOPE[String(variables.board)];
  if (!scope) throw new Error(`unknown board ${String(variables.board)}`);
  const { rows } = await client.query<BoardRow>({
    name: `board-${scope}`,
    text: boardSql(scope),
    values: [shanghaiDate(new Date())],
  });
  const scored = rows.map((r) => ({
    ...r,
    measuredPct: percent(r.measured, r.households),
    signedPct: percent(r.signed, r.households),
  }));
  return { leaderboard: rankRows(scored, (r) => r.signedPct * 1e9 + r.signedAreaM2) };
};

// ── campaign gauge ──
const GAUGE_SQL = `SELECT c.name_zh AS name, c.start_date::text AS "startDate", c.length_days AS "lengthDays",
    c.target_area_m2::float8 AS "targetAreaM2", p.signed_area_m2::float8 AS "signedAreaM2", d.signed AS "signedToday"
  FROM campaign c
  LEFT JOIN progress_counter p ON p.scope_kind = 'campaign' AND p.scope_code = 'main'
  LEFT JOIN progress_daily d ON d.scope_kind = 'campaign' AND d.scope_code = 'main' AND d.day = $1::date
  LIMIT 1`;

interface GaugeRow {
  name: string;
  startDate: string;
  lengthDays: number;
  targetAreaM2: number;
  signedAreaM2: number | null;
  signedToday: number | null;
}

const campaignGauge: Handler = async (client) => {
  const now = new Date();
  const { rows } = await client.query<GaugeRow>({
    name: 'gauge',
    text: GAUGE_SQL,
    values: [shanghaiDate(now)],
  });
  const c = rows[0];
  if (!c) return { campaign: null };
  const signedAreaM2 = c.signedAreaM2 ?? 0;
  const left = daysLeft(c.startDate, c.lengthDays, now);
  return {
    campaign: {
      ...c,
      signedAreaM2,
      signedToday: c.signedToday ?? 0,
      day: campaignDay(c.startDate, now),
      daysLeft: left,
      signedPct: percent(signedAreaM2, c.targetAreaM2),
      paceNeededPerDayM2: paceNeededPerDay(c.targetAreaM2, signedAreaM2, left),
    },
  };
};

const HANDLERS: Record<string, Handler> = {
  PortalList: portalList,
  HouseholdDetail: householdDetail,
  Leaderboard: leaderboard,
  CampaignGauge: campaignGauge,
  Sign: (client, variables, caller) => signHousehold(client, variables, caller),
};

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.url === '/readyz') return send(res, 200, { ready: true });
  if (req.method !== 'POST' || req.url !== '/graphql')
    return send(res, 404, { errors: [{ message: 'not found' }] });
  const body = JSON.parse(await readBody(req)) as { operationName?: string; variables?: Variables };
  const handler = HANDLERS[body.operationName ?? ''];
  if (!handler) return send(res, 400, { errors: [{ message: `unknown operation ${body.operationName}` }] });
  const caller = callerFromAuthorization(req.headers.authorization, env.jwtSecret, scopeKey);
  if (!caller)
    return send(res, 401, {
      errors: [{ message: 'unauthenticated', extensions: { code: 'UNAUTHENTICATED' } }],
    });
  try {
    const data = await inTransaction(caller.settings, (client) =>
      handler(client, body.variables ?? {}, caller),
    );
    send(res, 200, { data });
  } catch (error) {
    if (!(error instanceof GraphQLFailure)) throw error;
    send(res, 200, { data: null, errors: [{ message: error.message, extensions: { code: error.code } }] });
  }
}

const server = createServer((req, res) => {
  handle(req, res).catch((error: unknown) => {
    send(res, 500, { errors: [{ message: error instanceof Error ? error.message : String(error) }] });
  });
});
server.keepAliveTimeout = 65_000;
server.listen(env.port, '127.0.0.1', () => process.stdout.write(`raw baseline ready on ${env.port}\n`));

const stop = () => {
  server.close();
  void pool.end().finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
