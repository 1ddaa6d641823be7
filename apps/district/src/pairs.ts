import type { DistrictBoardRowFieldsFragment as Row } from '@hanjiang/client';
import { pairingByCode } from '@hanjiang/domain';

export interface Pair {
  readonly pairing: Row;
  readonly mountain: Row | undefined;
  readonly plain: Row | undefined;
}

/**
 * The townships as mountain/plain pairs, in the pairing board's order (best pair first). Which township is the
 * mountain one comes from packages/domain's pairing catalogue.
 */
export function pairsOf(pairingBoard: readonly Row[], townshipBoard: readonly Row[]): Pair[] {
  const township = new Map(townshipBoard.map((row) => [row.scopeCode, row]));
  return pairingBoard.map((pairing) => {
    const catalogue = pairingByCode(pairing.scopeCode);
    return {
      pairing,
      mountain: catalogue && township.get(catalogue.mountainCode),
      plain: catalogue && township.get(catalogue.plainCode),
    };
  });
}
