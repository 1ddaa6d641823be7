import { ErrorCode } from '@hanjiang/domain';
import type { GatewayContext } from '../../context.js';
import { publicError } from '../../errors/public-error.js';
import type { Milestone, MilestoneConnection } from './milestone.types.js';

declare module '../../context.js' {
  interface Services {
    readonly milestones: MilestoneService;
  }
}

const COLUMNS = `m.id, m.seq::text AS seq, m.scope_kind AS "scopeKind", m.scope_code AS "scopeCode", m.kind,
  m.threshold::float8 AS threshold, m.reached_at AS "reachedAt", m.township_id AS "townshipId",
  m.headquarters_id AS "headquartersId"`;

export const MAX_MILESTONE_PAGE = 100;

/** Cursors are opaque (base64url of `milestone:<seq>`), so their encoding can change without breaking clients. */
export function encodeMilestoneCursor(seq: string): string {
  return Buffer.from(`milestone:${seq}`).toString('base64url');
}

/** The seq a cursor stands for; BAD_USER_INPUT for anything else. */
export function decodeMilestoneCursor(cursor: string): bigint {
  const match = /^milestone:(\d{1,19})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match?.[1]) {
    throw publicError(ErrorCode.BAD_USER_INPUT, {
      zh: '里程碑游标无效',
      en: 'Invalid milestone cursor',
    });
  }
  return BigInt(match[1]);
}

/** Milestones are public to every principal (RLS: any signed-in caller); read under the caller's settings. */
export class MilestoneService {
  async byId(ctx: GatewayContext, id: string): Promise<Milestone | null> {
    const rows = await ctx.tx.query<Milestone>(`SELECT ${COLUMNS} FROM milestone m WHERE m.id = $1::uuid`, [
      id,
    ]);
    return rows[0] ?? null;
  }

  /** Up to `limit` milestones with seq > `after`, in seq order: the replay of `milestoneReached(after:)`. */
  after(ctx: GatewayContext, after: bigint, limit: number): Promise<Milestone[]> {
    return ctx.tx.query<Milestone>(
      `SELECT ${COLUMNS} FROM milestone m WHERE m.seq > $1::bigint ORDER BY m.seq LIMIT $2`,
      [after.toString(), limit],
    );
  }

  async page(ctx: GatewayContext, first: number, after: string | null): Promise<MilestoneConnection> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_MILESTONE_PAGE) {
      throw publicError(ErrorCode.BAD_USER_INPUT, {
        zh: `每页数量 first 必须在 1 到 ${MAX_MILESTONE_PAGE} 之间`,
        en: `first must be between 1 and ${MAX_MILESTONE_PAGE}`,
      });
    }
    const from = after ? decodeMilestoneCursor(after) : 0n;
    const [rows, count] = await Promise.all([
      this.after(ctx, from, first + 1),
      ctx.tx.query<{ n: number }>('SELECT count(*)::int AS n FROM milestone'),
    ]);
    const edges = rows.slice(0, first).map((node) => ({ cursor: encodeMilestoneCursor(node.seq), node }));
    return {
      edges,
      pageInfo: {
        hasNextPage: rows.length > first,
        hasPreviousPage: Boolean(after),
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      totalCount: count[0]?.n ?? 0,
    };
  }
}
