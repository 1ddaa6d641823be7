// How a milestone reads on a screen: one sentence per kind, in Chinese and English, from the kind, its threshold
// and the name of its scope (which the gateway supplies).
import type { BilingualMessage } from './errors.js';
import { MilestoneKind } from './enums.js';

/** 10,000 m² (万平方米): the unit the campaign's target "征迁300万" is counted in. */
export const M2_PER_WAN = 10_000;

/** Square metres in 万 m², one decimal, rounded down so a figure on the board is never ahead of the counters. */
export function m2ToWan(m2: number): number {
  return Math.floor((m2 / M2_PER_WAN) * 10 + 1e-9) / 10;
}

export interface MilestoneDescription {
  readonly kind: string;
  readonly threshold: number;
  /** The scope's display name (township, headquarters, team, pairing); ignored for the campaign. */
  readonly scopeName: string;
}

export function milestoneLabel(m: MilestoneDescription): BilingualMessage {
  switch (m.kind) {
    case MilestoneKind.SIGNED_PCT:
      return {
        zh: `${m.scopeName} 签约率突破 ${m.threshold}%`,
        en: `${m.scopeName}: ${m.threshold}% of households signed`,
      };
    case MilestoneKind.MEASURED_PCT:
      return {
        zh: `${m.scopeName} 丈量率突破 ${m.threshold}%`,
        en: `${m.scopeName}: ${m.threshold}% of households measured`,
      };
    case MilestoneKind.CAMPAIGN_AREA:
      return {
        zh: `全区签约面积突破 ${m2ToWan(m.threshold)} 万平方米`,
        en: `Campaign: ${m.threshold.toLocaleString('en')} m² signed`,
      };
    case MilestoneKind.FIRST_TEAM_FULL_MEASUREMENT:
      return {
        zh: `${m.scopeName} 率先完成全部丈量`,
        en: `${m.scopeName}: first team to measure every household`,
      };
    default:
      // Kinds added later still read sensibly instead of breaking the ticker.
      return {
        zh: `${m.scopeName} 达成 ${m.kind} ${m.threshold}`,
        en: `${m.scopeName}: ${m.kind} ${m.threshold}`,
      };
  }
}
