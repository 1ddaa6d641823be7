import { ErrorCode } from '@hanjiang/domain';
import type { CatalogueCache } from '../../db/catalogue-cache.js';
import type { GatewayContext } from '../../context.js';
import { isUuid } from '../../errors/bad-input.js';
import { publicError } from '../../errors/public-error.js';
import { decodeCursor, LazyCursorEdge } from '../../graphql/page-info.js';
import {
  type HouseholdFilter,
  type HouseholdOrder,
  HouseholdOrderField,
  OrderDirection,
} from './household.inputs.js';
import { FlattenedRelation, TEAM_COLUMNS, VILLAGE_COLUMNS } from '../catalog/catalog.loaders.js';
import { EVERY_COLUMN, type HouseholdProjection } from './household.projection.js';
import { Team, Village } from '../catalog/catalog.types.js';
import { Household, type HouseholdConnection } from './household.types.js';

declare module '../../context.js' {
  interface Services {
    readonly households: HouseholdService;
  }
}

export const MAX_PAGE_SIZE = 100;

/** `2026-11-30 15:00:00.123456+00` (ISO DateStyle), as `updated_at::text` prints it. */
const TIMESTAMPTZ_TEXT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;

/**
 * Each sort key: its column, the cast of a cursor's sort value, and which values that cast takes — a cursor is
 * client input (base64 of JSON anyone can write), checked before it reaches SQL so a forged one is
 * BAD_USER_INPUT, not a cast error. The shapes are what PostgreSQL's `::text` gives for these columns.
 */
const SORT: Record<HouseholdOrderField, { column: string; cast: string; accepts(value: string): boolean }> = {
  [HouseholdOrderField.CODE]: { column: 'h.code', cast: 'text', accepts: (v) => !v.includes('\u0000') },
  [HouseholdOrderField.BUILDING_AREA]: {
    column: 'h.building_area_m2',
    cast: 'numeric',
    accepts: (v) => /^-?\d{1,15}(\.\d{1,6})?$/.test(v),
  },
  [HouseholdOrderField.UPDATED_AT]: {
    column: 'h.updated_at',
    cast: 'timestamptz',
    // A well-shaped but impossible date (month 13) still fails in SQL: format-error maps that to BAD_USER_INPUT.
    accepts: (v) => TIMESTAMPTZ_TEXT.test(v),
  },
};

export interface ListArgs {
  first: number;
  after?: string | null;
  filter?: HouseholdFilter | null;
  orderBy?: HouseholdOrder | null;
  withTotal: boolean;
  /** Columns and relations the operation asks for (default: all). */
  projection?: HouseholdProjection;
  /** Receives the villages and teams fetched with the page, to prime the request's loaders. */
  prime?: (villages: Village[], teams: Team[]) => void;
}

/** A page's villages and teams, read beside its rows (household.service list). */
const VILLAGE = new FlattenedRelation('v', VILLAGE_COLUMNS, () => new Village());
const TEAM = new FlattenedRelation('t', TEAM_COLUMNS, () => new Team());

/**
 * Households the caller may see. Row-level security does the tenant filtering; this adds the caller's own
 * filters and keyset paging (page first, relations later through loaders).
 */
export class HouseholdService {
  constructor(private readonly catalogue: CatalogueCache) {}

  async list(ctx: GatewayContext, args: ListArgs): Promise<HouseholdConnection> {
    const { tx } = ctx;
    if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_PAGE_SIZE) {
      throw publicError(ErrorCode.BAD_USER_INPUT, {
        zh: `每页数量 first 必须在 1 到 ${MAX_PAGE_SIZE} 之间`,
        en: `first must be between 1 and ${MAX_PAGE_SIZE}`,
      });
    }
    const { where, params } = this.conditions(args.filter ?? null);
    const sort = SORT[args.orderBy?.field ?? HouseholdOrderField.CODE];
    const desc = args.orderBy?.direction === OrderDirection.DESC;
    const pageWhere = [...where];
    const pageParams = [...params];
    if (args.after) {
      const cursor = decodeCursor(args.after);
      if (!cursor || !isUuid(cursor.id) || !sort.accepts(cursor.sortValue)) {
        throw publicError(ErrorCode.BAD_USER_INPUT, { zh: '分页游标无效', en: 'Invalid cursor' });
      }
      pageParams.push(cursor.sortValue, cursor.id);
      const n = pageParams.length;
      pageWhere.push(`(${sort.column}, h.id) ${desc ? '<' : '>'} ($${n - 1}::${sort.cast}, $${n}::uuid)`);
    }
    pageParams.push(args.first + 1);
    const dir = desc ? 'DESC' : 'ASC';
    // The page first, then its villages and teams joined to those few rows in the same statement (RLS applies
    // to the joined tables too): one round trip instead of three.
    const projection = args.projection ?? EVERY_COLUMN;
    const villageJoin = projection.village
      ? `LEFT JOIN LATERAL (SELECT ${VILLAGE_COLUMNS} FROM village v WHERE v.id = page."villageId") v ON true`
      : '';
    const teamJoin = projection.team
      ? `LEFT JOIN LATERAL (SELECT ${TEAM_COLUMNS} FROM work_team t LEFT JOIN district_unit u ON u.id = t.home_unit_id
                         WHERE t.id = page."teamId") t ON true`
      : '';
    const pageSql = `WITH page AS (
        SELECT ${projection.columns}, ${sort.column}::text AS "sortValue",
          row_number() OVER (ORDER BY ${sort.column} ${dir}, h.id ${dir}) AS "pageRank" FROM household h
        ${pageWhere.length ? `WHERE ${pageWhere.join(' AND ')}` : ''}
        ORDER BY ${sort.column} ${dir}, h.id ${dir} LIMIT $${pageParams.length})
      SELECT page.*${projection.village ? `, ${VILLAGE.select}` : ''}${projection.team ? `, ${TEAM.select}` : ''}
      FROM page ${villageJoin} ${teamJoin}
      ORDER BY page."pageRank"`;
    const countSql = `SELECT count(*)::int AS n FROM household h ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    const [rows, count] = await Promise.all([
      tx.query<Household & Record<string, unknown>>(pageSql, pageParams),
      args.withTotal ? tx.query<{ n: number }>(countSql, params) : Promise.resolve([]),
    ]);
    // Instances, so type-graphql's field resolvers take them as they are instead of copying each row per field.
    const page = rows.slice(0, args.first).map((row) =>
      Object.assign(new Household(), row, {
        villageRow: projection.village ? VILLAGE.read(row) : undefined,
        teamRow: projection.team ? TEAM.read(row) : undefined,
      }),
    );
    args.prime?.(
      page.flatMap((r) => (r.villageRow ? [r.villageRow] : [])),
      page.flatMap((r) => (r.teamRow ? [r.teamRow] : [])),
    );
    const edges = page.map((node) => new LazyCursorEdge(node));
    return {
      edges,
      pageInfo: {
        hasNextPage: rows.length > args.first,
        hasPreviousPage: Boolean(args.after),
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      totalCount: count[0]?.n ?? -1,
    };
  }

  /** The WHERE conditions of a filter (shared with exports, so both read the same rows). */
  conditions(filter: HouseholdFilter | null): { where: string[]; params: unknown[] } {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (n: number) => string, value: unknown) => {
      params.push(value);
      where.push(sql(params.length));
    };
    if (!filter) return { where, params };
    if (filter.townshipCode !== undefined && filter.townshipCode !== null) {
      add(
        (n) => `h.township_id = $${n}::uuid`,
        this.catalogue.townshipByCode(filter.townshipCode)?.id ?? null,
      );
    }
    if (filter.headquartersCode !== undefined && filter.headquartersCode !== null) {
      add(
        (n) => `h.headquarters_id = $${n}::uuid`,
        this.catalogue.headquartersByCode(filter.headquartersCode)?.id ?? null,
      );
    }
    if (filter.villageId) add((n) => `h.village_id = $${n}::uuid`, uuidOrNull(filter.villageId));
    if (filter.teamId) add((n) => `h.team_id = $${n}::uuid`, uuidOrNull(filter.teamId));
    if (filter.stages?.length) add((n) => `h.stage = ANY($${n}::text[])`, filter.stages);
    if (filter.search?.trim()) {
      const like = `%${filter.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      add((n) => `(h.owner_name ILIKE $${n} OR h.code ILIKE $${n})`, like);
    }
    return { where, params };
  }
}

/** A malformed id matches nothing rather than raising a database cast error. */
function uuidOrNull(value: string): string | null {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value) ? value : null;
}
