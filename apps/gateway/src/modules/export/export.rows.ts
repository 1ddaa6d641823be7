import { type Principal, presentPii } from '@hanjiang/authz';
import { fenToYuanString } from '@hanjiang/domain';
import type { CatalogueCache } from '../../db/catalogue-cache.js';
import type { RequestTransaction } from '../../db/request-transaction.js';
import { householdScope } from '../household/household.scope.js';
import { neutraliseFormula } from './export.cells.js';

/** Rows per keyset step: large enough that round trips do not dominate, small enough to keep memory flat. */
export const EXPORT_BATCH = 1_000;

/** The export's columns, in order: the header row (bilingual, since both cadres and integrators read the file). */
export const EXPORT_COLUMNS = [
  ['code', '户编号 code'],
  ['township', '乡镇 township'],
  ['headquarters', '指挥部 headquarters'],
  ['village', '村 village'],
  ['team', '工作组 team'],
  ['stage', '环节 stage'],
  ['ownerName', '户主 owner'],
  ['ownerIdNumber', '身份证号 ID number'],
  ['phone', '电话 phone'],
  ['buildingAreaM2', '建筑面积 building m²'],
  ['landAreaM2', '土地面积 land m²'],
  ['compensationChoice', '补偿方式 compensation'],
  ['assessedAmountYuan', '评估金额 assessed ¥'],
  ['agreedAmountYuan', '签约金额 agreed ¥'],
  ['signedAt', '签约时间 signed at'],
  ['updatedAt', '更新时间 updated at'],
] as const;

export type ExportCell = string | number | null;

interface RawRow {
  id: string;
  code: string;
  stage: string;
  ownerName: string;
  ownerIdNumberRaw: string | null;
  phoneRaw: string | null;
  buildingAreaM2: number;
  landAreaM2: number | null;
  compensationChoice: string | null;
  assessedAmountFen: string | null;
  agreedAmountFen: string | null;
  signedAt: Date | null;
  updatedAt: Date;
  townshipId: string;
  headquartersId: string;
  teamId: string | null;
  teamHomeTownshipId: string | null;
  villageName: string | null;
  teamName: string | null;
}

/**
 * Reads the caller's households in code order, EXPORT_BATCH at a time with a keyset cursor on (code, id), in the
 * request's transaction — so row-level security decides what is exported, exactly as for `households`. Each row
 * comes out as cells: PII masked by the same rule as the Household resolvers (presentPii), text neutralised.
 */
export async function* readExportRows(
  tx: RequestTransaction,
  principal: Principal,
  catalogue: CatalogueCache,
  where: readonly string[],
  params: readonly unknown[],
  maxRows: number,
): AsyncGenerator<ExportCell[]> {
  let after: [string, string] | null = null;
  let sent = 0;
  while (sent < maxRows) {
    const conditions = [...where];
    const values = [...params];
    if (after) {
      values.push(after[0], after[1]);
      conditions.push(`(h.code, h.id) > ($${values.length - 1}::text, $${values.length}::uuid)`);
    }
    values.push(Math.min(EXPORT_BATCH, maxRows - sent));
    const rows: RawRow[] = await tx.query<RawRow & Record<string, unknown>>(
      `SELECT h.id, h.code, h.stage, h.owner_name AS "ownerName", h.owner_id_number AS "ownerIdNumberRaw",
         h.phone AS "phoneRaw", h.building_area_m2::float8 AS "buildingAreaM2", h.land_area_m2::float8 AS "landAreaM2",
         h.compensation_choice AS "compensationChoice", h.assessed_amount_fen::text AS "assessedAmountFen",
         h.agreed_amount_fen::text AS "agreedAmountFen", h.signed_at AS "signedAt", h.updated_at AS "updatedAt",
         h.township_id AS "townshipId", h.headquarters_id AS "headquartersId", h.team_id AS "teamId",
         h.team_home_township_id AS "teamHomeTownshipId", v.name_zh AS "villageName", t.name_zh AS "teamName"
       FROM household h
       LEFT JOIN village v ON v.id = h.village_id
       LEFT JOIN work_team t ON t.id = h.team_id
       ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
       ORDER BY h.code, h.id LIMIT $${values.length}`,
      values,
    );
    for (const row of rows) yield toCells(row, principal, catalogue);
    sent += rows.length;
    if (rows.length < EXPORT_BATCH) return;
    const last = rows[rows.length - 1]!;
    after = [last.code, last.id];
  }
}

function toCells(row: RawRow, principal: Principal, catalogue: CatalogueCache): ExportCell[] {
  const pii = presentPii(principal, householdScope(row, catalogue), {
    idNumber: row.ownerIdNumberRaw,
    phone: row.phoneRaw,
  });
  const yuan = (fen: string | null) => (fen === null ? null : fenToYuanString(BigInt(fen)));
  return [
    neutraliseFormula(row.code),
    catalogue.township(row.townshipId)?.code ?? '',
    catalogue.headquartersOf(row.headquartersId)?.code ?? '',
    neutraliseFormula(row.villageName),
    neutraliseFormula(row.teamName),
    row.stage,
    neutraliseFormula(row.ownerName),
    neutraliseFormula(pii.idNumber),
    neutraliseFormula(pii.phone),
    row.buildingAreaM2,
    row.landAreaM2,
    row.compensationChoice,
    yuan(row.assessedAmountFen),
    yuan(row.agreedAmountFen),
    row.signedAt?.toISOString() ?? null,
    row.updatedAt.toISOString(),
  ];
}
