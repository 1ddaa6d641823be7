// Checks of roster rows against the database, all on the request transaction (so row-level security decides
// which villages exist for the caller): village known, visible and in the target tenant; team known and working
// that village; household code unique in the file and in the whole district. One statement per lookup.
import type { RequestTransaction } from '../../db/request-transaction.js';
import { columnName, type HeaderMapping } from './roster.columns.js';
import { ImportErrorCode as E, type RowError, rowError } from './roster.errors.js';
import type { RowCandidate } from './roster.validate.js';

/** The tenant an import writes into; null for a district admin importing anywhere. */
export interface ImportTarget {
  readonly kind: 'township' | 'headquarters';
  readonly id: string;
  readonly code: string;
}

export interface ResolvedRow extends RowCandidate {
  readonly villageId: string;
  readonly townshipId: string;
  readonly headquartersId: string;
  readonly teamId: string | null;
  readonly teamHomeTownshipId: string | null;
}

interface VillageRow {
  id: string;
  code: string;
  name: string;
  townshipId: string;
  headquartersId: string;
}
interface TeamRow {
  id: string;
  code: string;
  townshipId: string | null;
  villageIds: string[];
}

const unique = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => !!v))];

export async function resolveRows(
  tx: RequestTransaction,
  candidates: readonly RowCandidate[],
  mapping: HeaderMapping,
  target: ImportTarget | null,
): Promise<{ rows: ResolvedRow[]; errors: RowError[] }> {
  const villageKeys = unique(candidates.map((c) => c.village));
  const teamCodes = unique(candidates.map((c) => c.teamCode));
  const codes = unique(candidates.map((c) => c.code));
  // One connection: the statements run one after another.
  const villages = await tx.query<VillageRow>(
    `SELECT v.id, v.code, v.name_zh AS name, v.township_id AS "townshipId", v.headquarters_id AS "headquartersId"
       FROM village v WHERE v.code = ANY($1::text[]) OR v.name_zh = ANY($1::text[]) OR v.name_zh = ANY($2::text[])`,
    [villageKeys, villageKeys.map((k) => `${k}村`)],
  );
  const teams = await tx.query<TeamRow>(
    `SELECT t.id, t.code, t.township_id AS "townshipId",
              coalesce(array_agg(tv.village_id) FILTER (WHERE tv.village_id IS NOT NULL), '{}') AS "villageIds"
       FROM work_team t LEFT JOIN team_village tv ON tv.team_id = t.id
       WHERE t.code = ANY($1::text[]) GROUP BY t.id`,
    [teamCodes],
  );
  const taken = await tx.query<{ code: string }>(`SELECT app.household_codes_taken($1::text[]) AS code`, [
    codes,
  ]);
  const villageByCode = new Map(villages.map((v) => [v.code, v]));
  const villagesByName = new Map<string, VillageRow[]>();
  for (const v of villages) villagesByName.set(v.name, [...(villagesByName.get(v.name) ?? []), v]);
  const teamByCode = new Map(teams.map((t) => [t.code, t]));
  const takenCodes = new Set(taken.map((r) => r.code));
  const firstLine = new Map<string, number>();

  const errors: RowError[] = [];
  const rows: ResolvedRow[] = [];
  const col = (field: Parameters<typeof columnName>[1]) => columnName(mapping, field);
  for (const c of candidates) {
    const fail = (column: string | null, code: E, zh: string, en: string) =>
      errors.push(rowError(c.line, column, code, zh, en));
    if (c.code) {
      const first = firstLine.get(c.code);
      if (first !== undefined) {
        fail(
          col('code'),
          E.DUPLICATE_IN_FILE,
          `户号“${c.code}”与第 ${first} 行重复`,
          `Household code "${c.code}" repeats line ${first}`,
        );
      } else {
        firstLine.set(c.code, c.line);
        if (takenCodes.has(c.code)) {
          fail(
            col('code'),
            E.DUPLICATE_EXISTS,
            `户号“${c.code}”已存在,不能重复导入`,
            `Household code "${c.code}" already exists`,
          );
        }
      }
    }
    if (!c.village) continue;
    const named = villagesByName.get(c.village) ?? villagesByName.get(`${c.village}村`) ?? [];
    const village = villageByCode.get(c.village) ?? (named.length === 1 ? named[0] : undefined);
    if (!village) {
      if (named.length > 1) {
        fail(
          col('village'),
          E.AMBIGUOUS_VILLAGE,
          `村名“${c.village}”不唯一,请填写村编号`,
          `Village name "${c.village}" is ambiguous; use the village code`,
        );
      } else {
        fail(
          col('village'),
          E.UNKNOWN_VILLAGE,
          `村“${c.village}”不存在或不在您的管辖范围内`,
          `Village "${c.village}" does not exist or is outside your scope`,
        );
      }
      continue;
    }
    const inTarget =
      target === null ||
      (target.kind === 'township' ? village.townshipId === target.id : village.headquartersId === target.id);
    if (!inTarget) {
      fail(
        col('village'),
        E.VILLAGE_OUT_OF_SCOPE,
        `村“${c.village}”不属于 ${target.code},不能导入到该单位`,
        `Village "${c.village}" is not part of ${target.code}; it cannot be imported there`,
      );
      continue;
    }
    let team: TeamRow | undefined;
    if (c.teamCode) {
      team = teamByCode.get(c.teamCode);
      if (!team) {
        fail(
          col('teamCode'),
          E.UNKNOWN_TEAM,
          `工作组“${c.teamCode}”不存在`,
          `Work team "${c.teamCode}" does not exist`,
        );
        continue;
      }
      if (!team.villageIds.includes(village.id)) {
        fail(
          col('teamCode'),
          E.TEAM_NOT_IN_VILLAGE,
          `工作组“${c.teamCode}”未被分派到“${c.village}”`,
          `Work team "${c.teamCode}" is not assigned to village "${c.village}"`,
        );
        continue;
      }
    }
    rows.push({
      ...c,
      villageId: village.id,
      townshipId: village.townshipId,
      headquartersId: village.headquartersId,
      teamId: team?.id ?? null,
      teamHomeTownshipId: team?.townshipId ?? null,
    });
  }
  return { rows, errors };
}
