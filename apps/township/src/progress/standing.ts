import type { BoardRowFieldsFragment, TownshipProgressQuery } from '@hanjiang/client';
import { pairingOf, pairOf } from '@hanjiang/domain';

export type BoardRow = BoardRowFieldsFragment;
export type TeamInfo = TownshipProgressQuery['teams'][number];

export interface Boards {
  readonly TOWNSHIP: readonly BoardRow[] | null;
  readonly PAIRING: readonly BoardRow[] | null;
  readonly TEAM: readonly BoardRow[] | null;
}

export interface TownshipStanding {
  readonly own: BoardRow | null;
  /** The township it is paired with (mountain with plain, packages/domain's catalogue). */
  readonly paired: BoardRow | null;
  /** The pair together. */
  readonly pairing: BoardRow | null;
  /** The township's own work teams (their home township), best first as the team board ranks them. */
  readonly teams: readonly BoardRow[];
}

/** What the progress page shows for `townshipCode`, picked from the boards as the gateway ranked them. */
export function townshipStanding(
  boards: Boards,
  teams: readonly TeamInfo[],
  townshipCode: string,
): TownshipStanding {
  const byCode = (rows: readonly BoardRow[] | null, code: string | undefined) =>
    (code !== undefined && rows?.find((r) => r.scopeCode === code)) || null;
  const ownTeams = new Set(teams.filter((t) => t.homeTownship?.code === townshipCode).map((t) => t.code));
  return {
    own: byCode(boards.TOWNSHIP, townshipCode),
    paired: byCode(boards.TOWNSHIP, pairOf(townshipCode)?.code),
    pairing: byCode(boards.PAIRING, pairingOf(townshipCode)?.code),
    teams: (boards.TEAM ?? [])
      .filter((r) => ownTeams.has(r.scopeCode))
      .toSorted((a, b) => a.rank - b.rank || a.scopeCode.localeCompare(b.scopeCode)),
  };
}
