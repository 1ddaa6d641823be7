import type { BoardRowFieldsFragment, MilestoneFieldsFragment } from '@hanjiang/client';
import { milestoneLabel, pairingByCode, pairingNameZh, type BilingualMessage } from '@hanjiang/domain';

export type Row = BoardRowFieldsFragment;

export interface PairView {
  readonly pairing: Row;
  readonly mountain: Row | null;
  readonly plain: Row | null;
}

/**
 * The township race as mountain/plain pairs, in the order of the pairing board (best pair first). Which township
 * is the mountain one comes from the pairing catalogue in packages/domain, not from the screen.
 */
export function pairsOf(pairingBoard: readonly Row[], townshipBoard: readonly Row[]): PairView[] {
  const byCode = new Map(townshipBoard.map((r) => [r.scopeCode, r]));
  return pairingBoard.map((pairing) => {
    const catalogue = pairingByCode(pairing.scopeCode);
    return {
      pairing,
      mountain: (catalogue && byCode.get(catalogue.mountainCode)) ?? null,
      plain: (catalogue && byCode.get(catalogue.plainCode)) ?? null,
    };
  });
}

export interface TickerItem {
  readonly id: string;
  readonly seq: string;
  readonly reachedAt: string;
  readonly label: BilingualMessage;
}

/** The name of a milestone's scope, as specific as the screen knows it (a team's milestone names the team). */
function scopeNameOf(m: MilestoneFieldsFragment, names: ScopeNames): string {
  switch (m.scopeKind) {
    case 'team':
      return names.teams.find((r) => r.scopeCode === m.scopeCode)?.name ?? m.scopeCode;
    case 'pairing':
      return pairingNameZh(m.scopeCode) ?? m.scopeCode;
    case 'village':
      return `${m.township?.nameZh ?? ''}${names.villages.get(m.scopeCode) ?? m.scopeCode}`;
    default:
      return m.township?.nameZh ?? m.headquarters?.nameZh ?? m.scopeCode;
  }
}

/** Names the milestone itself does not carry: teams (from the team board) and villages (from the first load). */
export interface ScopeNames {
  readonly teams: readonly Row[];
  readonly villages: ReadonlyMap<string, string>;
}

/** A milestone as the ticker reads it. */
export function tickerItem(m: MilestoneFieldsFragment, names: ScopeNames): TickerItem {
  return {
    id: m.id,
    seq: m.seq,
    reachedAt: m.reachedAt,
    label: milestoneLabel({ kind: m.kind, threshold: m.threshold, scopeName: scopeNameOf(m, names) }),
  };
}

/** Newest first, at most `keep`. */
export function pushTicker(items: readonly TickerItem[], item: TickerItem, keep = 8): TickerItem[] {
  return [item, ...items].slice(0, keep);
}
