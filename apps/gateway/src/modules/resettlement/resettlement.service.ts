import type { GatewayContext } from '../../context.js';
import { ErrorCode, publicError } from '../../errors/public-error.js';
import type { CreateResettlementSiteInput } from './resettlement.inputs.js';
import type { ResettlementSite } from './resettlement.types.js';
import { assertCan, requirePrincipal } from '../../guards.js';

declare module '../../context.js' {
  interface Services {
    readonly resettlement: ResettlementService;
  }
}

interface SiteRow {
  id: string;
  name: string;
  plannedUnits: number;
  allocatedUnits: number;
  townshipId: string;
  headquartersId: string;
}

const COLUMNS = `s.id, s.name_zh AS name, s.planned_units AS "plannedUnits", s.allocated_units AS "allocatedUnits",
  s.township_id AS "townshipId", s.headquarters_id AS "headquartersId"`;

const MAX_UNITS = 100_000;

function bad(zh: string, en: string) {
  return publicError(ErrorCode.BAD_USER_INPUT, { zh, en });
}

/** Resettlement sites (安置房): created by a commander of the headquarters or the district admin. */
export class ResettlementService {
  async create(ctx: GatewayContext, input: CreateResettlementSiteInput): Promise<ResettlementSite> {
    const p = requirePrincipal(ctx);
    const { catalogue } = ctx.services;
    const hq = catalogue.headquartersByCode(input.headquartersCode);
    if (!hq)
      throw bad(
        `未知的指挥部“${input.headquartersCode}”`,
        `Unknown headquarters "${input.headquartersCode}"`,
      );
    assertCan(p, 'resettlement:create', { headquartersCode: hq.code });
    const township = catalogue.townshipByCode(input.townshipCode);
    if (!township) throw bad(`未知的乡镇“${input.townshipCode}”`, `Unknown township "${input.townshipCode}"`);
    const name = input.name.trim();
    if (name.length === 0 || name.length > 100)
      throw bad('名称须为 1 到 100 个字', 'name must be 1–100 characters');
    if (!Number.isInteger(input.plannedUnits) || input.plannedUnits < 1 || input.plannedUnits > MAX_UNITS) {
      throw bad(`规划套数须在 1 到 ${MAX_UNITS} 之间`, `plannedUnits must be 1–${MAX_UNITS}`);
    }
    const [spans] = await ctx.tx.query<{ yes: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM village WHERE headquarters_id = $1 AND township_id = $2) AS yes`,
      [hq.id, township.id],
    );
    if (!spans?.yes) {
      throw bad(
        `${hq.nameZh}在${township.nameZh}没有片区村庄,不能在此建安置点`,
        `${hq.code} has no villages in ${township.code}; a site there would serve nobody`,
      );
    }
    const [row] = await ctx.tx.query<SiteRow>(
      `INSERT INTO resettlement_site AS s (township_id, headquarters_id, name_zh, planned_units)
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
      [township.id, hq.id, name, input.plannedUnits],
    );
    if (!row) {
      throw publicError(
        ErrorCode.CONFLICT,
        { zh: `${hq.nameZh}已有名为“${name}”的安置点`, en: `${hq.code} already has a site named "${name}"` },
        { name },
      );
    }
    return this.present(ctx, row)!;
  }

  async list(ctx: GatewayContext, headquartersCode: string | null): Promise<ResettlementSite[]> {
    const hq = headquartersCode ? ctx.services.catalogue.headquartersByCode(headquartersCode) : null;
    if (headquartersCode && !hq) return [];
    const rows = await ctx.tx.query<SiteRow>(
      `SELECT ${COLUMNS} FROM resettlement_site s WHERE ($1::uuid IS NULL OR s.headquarters_id = $1)
       ORDER BY s.headquarters_id, s.name_zh`,
      [hq?.id ?? null],
    );
    return rows.flatMap((r) => this.present(ctx, r) ?? []);
  }

  private present(ctx: GatewayContext, row: SiteRow): ResettlementSite | null {
    const township = ctx.services.catalogue.township(row.townshipId);
    const headquarters = ctx.services.catalogue.headquartersOf(row.headquartersId);
    if (!township || !headquarters) return null;
    return { ...row, availableUnits: row.plannedUnits - row.allocatedUnits, township, headquarters };
  }
}
