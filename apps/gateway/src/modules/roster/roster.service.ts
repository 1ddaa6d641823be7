import type { Principal } from '@hanjiang/authz';
import type { GatewayContext } from '../../context.js';
import { ErrorCode, publicError } from '../../errors/public-error.js';
import { encodeLiveEvent, LIVE_CHANNEL } from '../../live/live-events.js';
import { applyCounterDeltas, centiToDecimal, type CounterDelta } from '../progress/progress.counters.js';
import { FIELD_LABELS, isKnownHeader, mapHeaders } from './roster.columns.js';
import { ImportErrorCode, type RowError, rowError } from './roster.errors.js';
import type { ImportHouseholdsInput } from './roster.inputs.js';
import { readRoster } from './roster.parse.js';
import type { ImportAdmission } from './roster.admission.js';
import { type ImportTarget, type ResolvedRow, resolveRows } from './roster.resolve.js';
import type { ImportResult } from './roster.types.js';
import { type RowCandidate, validateRow } from './roster.validate.js';
import { assertCan, requirePrincipal } from '../../guards.js';

declare module '../../context.js' {
  interface Services {
    readonly roster: RosterService;
  }
}

/** Rows per INSERT statement: big enough to amortise round trips, small enough to keep each statement modest. */
const BATCH = 5_000;

/**
 * Roster import, all or nothing. Every row is checked (its own cells, then village, team and code against the
 * database under the caller's row-level security); if any check fails, or on a dry run, nothing is written and
 * the result lists every problem. Otherwise the households are inserted in bulk, the progress counters of every
 * scope they count in are raised in one statement, and a progress notification is queued — all on the request's
 * transaction, so a failure half-way (a database error) rolls the whole import back.
 */
export class RosterService {
  constructor(private readonly admission: ImportAdmission) {}

  /** Seconds until `principal` may import again (null: now), spending nothing; for entries that refuse early. */
  importWait(principal: Principal): Promise<number | null> {
    return this.admission.wait(principal.subject);
  }

  async importHouseholds(ctx: GatewayContext, input: ImportHouseholdsInput): Promise<ImportResult> {
    const principal = requirePrincipal(ctx);
    const target = this.target(ctx, principal, input);
    assertCan(principal, 'household:import', { tenantCode: target?.code ?? principal.tenantCode });
    return this.admission.run(principal.subject, () => this.importAdmitted(ctx, input, target));
  }

  private async importAdmitted(
    ctx: GatewayContext,
    input: ImportHouseholdsInput,
    target: ImportTarget | null,
  ): Promise<ImportResult> {
    const started = performance.now();
    const roster = await readRoster(input.fileBase64, input.format, isKnownHeader);
    const mapping = mapHeaders(roster.headers);
    const headerErrors: RowError[] = [
      ...mapping.missing.map((field) =>
        rowError(
          roster.headerLine,
          FIELD_LABELS[field].zh,
          ImportErrorCode.MISSING_COLUMN,
          `缺少必填列“${FIELD_LABELS[field].zh}”(或 ${FIELD_LABELS[field].en})`,
          `Missing required column "${FIELD_LABELS[field].en}" (or ${FIELD_LABELS[field].zh})`,
        ),
      ),
      ...mapping.duplicated.map(({ header }) =>
        rowError(
          roster.headerLine,
          header,
          ImportErrorCode.DUPLICATE_COLUMN,
          `列“${header}”重复`,
          `Column "${header}" appears twice`,
        ),
      ),
    ];
    const base = { dryRun: input.dryRun, totalRows: roster.rows.length, importedRows: 0 };
    if (headerErrors.length > 0) return { ...base, buildingAreaM2: 0, errors: headerErrors };

    const now = new Date();
    const candidates: RowCandidate[] = [];
    const errors: RowError[] = [];
    for (const row of roster.rows) {
      const checked = validateRow(row, mapping, now);
      candidates.push(checked.candidate);
      errors.push(...checked.errors);
    }
    const resolved = await resolveRows(ctx.tx, candidates, mapping, target);
    errors.push(...resolved.errors);
    errors.sort((a, b) => a.line - b.line);
    const area = candidates.reduce((sum, c) => sum + BigInt(Math.max(0, c.buildingCentiM2)), 0n);
    const result = { ...base, buildingAreaM2: Number(area) / 100, errors };
    if (errors.length > 0 || input.dryRun) return result;

    await this.insert(ctx, resolved.rows);
    await applyCounterDeltas(ctx.tx, groupDeltas(resolved.rows));
    await ctx.tx.query('SELECT pg_notify($1, $2)', [LIVE_CHANNEL, encodeLiveEvent({ t: 'progress' })]);
    ctx.logger.info(
      { rows: resolved.rows.length, ms: Math.round(performance.now() - started) },
      'households imported',
    );
    return { ...result, importedRows: resolved.rows.length };
  }

  /** The tenant named by the input, else the caller's own; null for a district admin naming none. */
  private target(ctx: GatewayContext, p: Principal, input: ImportHouseholdsInput): ImportTarget | null {
    const { headquartersCode: hq, townshipCode: tw } = input;
    if (hq && tw) {
      throw publicError(ErrorCode.BAD_USER_INPUT, {
        zh: '指挥部和乡镇只能指定其一',
        en: 'Give headquartersCode or townshipCode, not both',
      });
    }
    const catalogue = ctx.services.catalogue;
    const kind = hq ? 'headquarters' : tw ? 'township' : p.tenantKind;
    const code = hq ?? tw ?? p.tenantCode;
    if (kind === 'district') return null;
    const entry =
      kind === 'headquarters' ? catalogue.headquartersByCode(code) : catalogue.townshipByCode(code);
    if (!entry) {
      throw publicError(ErrorCode.BAD_USER_INPUT, {
        zh: `未知的单位代码“${code}”`,
        en: `Unknown tenant code "${code}"`,
      });
    }
    return { kind, id: entry.id, code };
  }

  private async insert(ctx: GatewayContext, rows: readonly ResolvedRow[]): Promise<void> {
    for (let from = 0; from < rows.length; from += BATCH) {
      const batch = rows.slice(from, from + BATCH);
      const col = <T>(pick: (r: ResolvedRow) => T) => batch.map(pick);
      try {
        await ctx.tx.query(
          `INSERT INTO household (township_id, headquarters_id, village_id, team_id, team_home_township_id, code,
             owner_name, owner_id_number, phone, building_area_m2, land_area_m2, stage, version)
           SELECT *, 'SURVEYED', 1 FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[],
             $6::text[], $7::text[], $8::text[], $9::text[], $10::numeric[], $11::numeric[])`,
          [
            col((r) => r.townshipId),
            col((r) => r.headquartersId),
            col((r) => r.villageId),
            col((r) => r.teamId),
            col((r) => r.teamHomeTownshipId),
            col((r) => r.code),
            col((r) => r.ownerName),
            col((r) => r.idNumber),
            col((r) => r.phone),
            col((r) => centiToDecimal(BigInt(r.buildingCentiM2))),
            col((r) => centiToDecimal(BigInt(r.landCentiM2))),
          ],
        );
      } catch (error) {
        // Another import took a code between the check and the insert.
        if ((error as { code?: string }).code === '23505') {
          throw publicError(ErrorCode.CONFLICT, {
            zh: '部分户号刚被其他导入占用,请重新校验后再试',
            en: 'Some household codes were just taken by another import; validate again and retry',
          });
        }
        throw error;
      }
    }
  }
}

/** One counter delta per (village, team): households and building area (imports start at SURVEYED). */
function groupDeltas(rows: readonly ResolvedRow[]): CounterDelta[] {
  const groups = new Map<string, { first: ResolvedRow; households: number; centi: bigint }>();
  for (const r of rows) {
    const key = `${r.villageId}/${r.teamId ?? ''}`;
    const g = groups.get(key) ?? { first: r, households: 0, centi: 0n };
    g.households += 1;
    g.centi += BigInt(r.buildingCentiM2);
    groups.set(key, g);
  }
  return [...groups.values()].map(({ first, households, centi }) => ({
    townshipId: first.townshipId,
    headquartersId: first.headquartersId,
    villageId: first.villageId,
    teamId: first.teamId,
    households,
    reached: [0, 0, 0, 0, 0],
    buildingAreaM2: centiToDecimal(centi),
    signedAreaM2: '0',
  }));
}
