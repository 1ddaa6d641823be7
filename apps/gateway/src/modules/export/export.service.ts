import { isWellFormedPrincipal, type Principal } from '@hanjiang/authz';
import { ErrorCode, Stage } from '@hanjiang/domain';
import { z } from 'zod';
import type { GatewayContext } from '../../context.js';
import { publicError } from '../../errors/public-error.js';
import type { TokenService } from '../../credentials/token-service.js';
import { requirePrincipal } from '../../guards.js';
import type { HouseholdFilter } from '../household/household.inputs.js';
import type { HouseholdService } from '../household/household.service.js';
import { ExportFormat, ExportLink } from './export.types.js';

declare module '../../context.js' {
  interface Services {
    readonly exports: ExportService;
  }
}

export const EXPORT_PATH = '/exports/households';
const TICKET_AUDIENCE = 'hanjiang-export';

export interface ExportLimits {
  readonly maxRows: number;
  readonly maxSeconds: number;
  readonly linkTtlSeconds: number;
}

/** The filter as it arrives outside GraphQL (a ticket, a query-string parameter): same fields, checked here. */
export const FilterSchema = z
  .object({
    townshipCode: z.string().max(64).nullish(),
    headquartersCode: z.string().max(64).nullish(),
    villageId: z.string().max(64).nullish(),
    teamId: z.string().max(64).nullish(),
    stages: z
      .array(z.enum(Object.values(Stage) as [Stage, ...Stage[]]))
      .max(10)
      .nullish(),
    search: z.string().max(200).nullish(),
  })
  .strict();

const TicketSchema = z.object({
  p: z.object({
    kind: z.enum(['user', 'apikey']),
    subject: z.string(),
    tenantKind: z.string(),
    tenantCode: z.string(),
    role: z.string(),
    teamId: z.string().nullable(),
    membershipId: z.string().nullable(),
  }),
  f: FilterSchema.nullable(),
  fmt: z.enum(ExportFormat),
});

export interface ExportRequest {
  readonly principal: Principal;
  readonly filter: HouseholdFilter | null;
  readonly format: ExportFormat;
}

/**
 * Household exports: the row bound (checked by counting before anything streams), download links as signed
 * tickets, and the filter's SQL conditions (the `households` query's own, so both read the same rows).
 */
export class ExportService {
  constructor(
    readonly limits: ExportLimits,
    private readonly tokens: TokenService,
    private readonly households: HouseholdService,
  ) {}

  conditions(filter: HouseholdFilter | null): { where: string[]; params: unknown[] } {
    return this.households.conditions(filter);
  }

  /** Rows the filter selects for this caller (RLS applies), or BAD_USER_INPUT past the row bound. */
  async countWithinBound(ctx: GatewayContext, filter: HouseholdFilter | null): Promise<number> {
    const { where, params } = this.conditions(filter);
    const [row] = await ctx.tx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM household h ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
      params,
    );
    const n = row?.n ?? 0;
    if (n > this.limits.maxRows) {
      throw publicError(
        ErrorCode.BAD_USER_INPUT,
        {
          zh: `导出行数 ${n} 超过上限 ${this.limits.maxRows},请缩小筛选范围`,
          en: `The export would hold ${n} rows, more than the limit of ${this.limits.maxRows}; narrow the filter`,
        },
        { detail: 'export_too_large', http: { status: 422 } },
      );
    }
    return n;
  }

  /**
   * A link that downloads this export, for this caller, within linkTtlSeconds; refused past the row bound. The
   * link carries the caller (signed), so the download needs no header.
   */
  async link(ctx: GatewayContext, filter: HouseholdFilter | null, format: ExportFormat): Promise<ExportLink> {
    const principal = requirePrincipal(ctx);
    const rowCount = await this.countWithinBound(ctx, filter);
    const { token, expiresAt } = this.tokens.signTicket(
      { p: principal, f: filter, fmt: format },
      TICKET_AUDIENCE,
      this.limits.linkTtlSeconds,
    );
    return Object.assign(new ExportLink(), {
      url: `${EXPORT_PATH}?ticket=${encodeURIComponent(token)}`,
      expiresAt,
      format,
      rowCount,
    });
  }

  /** The request a ticket stands for, or null when it is forged, expired or malformed. */
  fromTicket(ticket: string): ExportRequest | null {
    let payload: unknown;
    try {
      payload = this.tokens.verifyTicket(ticket, TICKET_AUDIENCE);
    } catch {
      return null;
    }
    const parsed = TicketSchema.safeParse(payload);
    if (!parsed.success) return null;
    const principal = parsed.data.p as Principal;
    if (!isWellFormedPrincipal(principal)) return null;
    return { principal, filter: (parsed.data.f ?? null) as HouseholdFilter | null, format: parsed.data.fmt };
  }
}
