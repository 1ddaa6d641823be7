// What a transition must carry. Each stage records the facts it establishes (the measured areas, the
// assessed amount, the agreement), so a household's events alone can rebuild its record.
import { CompensationChoice, Stage } from './enums.js';
import { UnreachableCaseError } from './errors.js';
import { REVERT_REASON_MAX_LENGTH } from './stage-machine.js';

export interface TransitionPayload {
  readonly measuredBuildingAreaM2?: number | null;
  readonly measuredLandAreaM2?: number | null;
  /** Integer fen: money is never a float. */
  readonly assessedAmountFen?: number | null;
  readonly agreedAmountFen?: number | null;
  readonly compensationChoice?: CompensationChoice | null;
  readonly resettlementSiteId?: string | null;
}

export type TransitionPayloadField = keyof TransitionPayload;

export const TRANSITION_PAYLOAD_FIELDS: readonly TransitionPayloadField[] = [
  'measuredBuildingAreaM2',
  'measuredLandAreaM2',
  'assessedAmountFen',
  'agreedAmountFen',
  'compensationChoice',
  'resettlementSiteId',
];

export interface PayloadProblem {
  readonly field: TransitionPayloadField | 'reason';
  readonly messageZh: string;
  readonly messageEn: string;
}

/** What each payload field is called in a form. */
export const TRANSITION_FIELD_LABELS: Readonly<Record<TransitionPayloadField, { zh: string; en: string }>> = {
  measuredBuildingAreaM2: { zh: '丈量建筑面积', en: 'measured building area' },
  measuredLandAreaM2: { zh: '丈量土地面积', en: 'measured land area' },
  assessedAmountFen: { zh: '评估金额', en: 'assessed amount' },
  agreedAmountFen: { zh: '协议金额', en: 'agreed amount' },
  compensationChoice: { zh: '补偿方式', en: 'compensation choice' },
  resettlementSiteId: { zh: '安置房源', en: 'resettlement site' },
};

/**
 * The fields a transition into `toStage` must carry. Signing with a property swap also names the
 * resettlement site the household draws on, so the choice is needed to answer for SIGNED.
 */
export function requiredPayloadFor(
  toStage: Stage,
  choice?: CompensationChoice | null,
): readonly TransitionPayloadField[] {
  switch (toStage) {
    case Stage.MEASURED:
      return ['measuredBuildingAreaM2', 'measuredLandAreaM2'];
    case Stage.ASSESSED:
      return ['assessedAmountFen'];
    case Stage.SIGNED:
      return choice === CompensationChoice.PROPERTY_SWAP
        ? ['agreedAmountFen', 'compensationChoice', 'resettlementSiteId']
        : ['agreedAmountFen', 'compensationChoice'];
    case Stage.SURVEYED:
    case Stage.VACATED:
    case Stage.DEMOLISHED:
      return [];
    default:
      throw new UnreachableCaseError(toStage);
  }
}

/**
 * The largest values one household's record can plausibly carry; anything above is a typo or an attack, and
 * refusing it keeps the totals (and the numeric columns behind them) sane. Generous on purpose — the seed's
 * largest household is ≈ 2,400 m² of building on ≈ 2,900 m² of land, assessed at ≈ 6 million yuan:
 * - building area: 100,000 m² (a large factory's floor space);
 * - land area: 1,000,000 m² (100 ha, about 1,500 亩);
 * - assessed or agreed amount: 1,000,000,000.00 yuan (10 亿元), i.e. 100,000,000,000 fen.
 */
export const PAYLOAD_LIMITS = {
  maxBuildingAreaM2: 100_000,
  maxLandAreaM2: 1_000_000,
  maxAmountFen: 100_000_000_000,
} as const;

function problem(field: TransitionPayloadField, zh: string, en: string): PayloadProblem {
  const label = TRANSITION_FIELD_LABELS[field];
  return { field, messageZh: `${label.zh}${zh}`, messageEn: `The ${label.en} ${en}` };
}

// Number.isFinite and Number.isSafeInteger never coerce (false for anything not a number), so as type guards they
// need no `typeof` check beside them — one that would decide nothing.
const isFiniteNumber = (value: unknown): value is number => Number.isFinite(value);
const isSafeInteger = (value: unknown): value is number => Number.isSafeInteger(value);

/** Why a present value is unacceptable, or null. Input may come from plain JavaScript, so types are rechecked. */
function invalidValue(field: TransitionPayloadField, value: unknown): PayloadProblem | null {
  switch (field) {
    case 'measuredBuildingAreaM2':
    case 'measuredLandAreaM2': {
      const max =
        field === 'measuredBuildingAreaM2' ? PAYLOAD_LIMITS.maxBuildingAreaM2 : PAYLOAD_LIMITS.maxLandAreaM2;
      const shown = max.toLocaleString('en-US');
      return isFiniteNumber(value) && value > 0 && value <= max
        ? null
        : problem(
            field,
            `必须是大于 0、不超过 ${shown} 的平方米数`,
            `must be a number of square metres greater than 0 and at most ${shown}`,
          );
    }
    case 'assessedAmountFen':
    case 'agreedAmountFen':
      return isSafeInteger(value) && value > 0 && value <= PAYLOAD_LIMITS.maxAmountFen
        ? null
        : problem(
            field,
            '必须是大于 0 的整数(单位:分),且不超过 1,000,000,000.00 元',
            'must be a positive whole number of fen, at most 1,000,000,000.00 yuan',
          );
    case 'compensationChoice':
      return (Object.values(CompensationChoice) as unknown[]).includes(value)
        ? null
        : problem(field, '必须是货币补偿或产权置换', 'must be CASH or PROPERTY_SWAP');
    case 'resettlementSiteId':
      return typeof value === 'string' && value.trim() !== ''
        ? null
        : problem(field, '不能为空', 'must not be empty');
    // Stryker disable next-line all: unreachable — callers pass only TRANSITION_PAYLOAD_FIELDS, each handled above; the throw makes the compiler prove it
    default:
      // Stryker disable next-line all: see above
      throw new UnreachableCaseError(field);
  }
}

/** Every problem with a transition payload (empty when it is good), so a form can show them all at once. */
export function validateTransitionPayload(toStage: Stage, payload: TransitionPayload): PayloadProblem[] {
  const required = requiredPayloadFor(toStage, payload.compensationChoice);
  const problems: PayloadProblem[] = [];
  for (const field of TRANSITION_PAYLOAD_FIELDS) {
    const value = payload[field];
    const present = value !== undefined && value !== null;
    if (required.includes(field)) {
      const invalid = present ? invalidValue(field, value) : problem(field, '为必填项', 'is required');
      if (invalid !== null) problems.push(invalid);
    } else if (present) {
      // A value the stage does not record would be silently lost; refusing it surfaces the client's mistake.
      problems.push(problem(field, '不属于此环节,请勿填写', 'does not belong to this stage'));
    }
  }
  return problems;
}

/** A correction must say why, in words an auditor can read later. */
export function validateRevertReason(reason: string | null | undefined): PayloadProblem[] {
  // Plain JavaScript callers are not held to the types: anything but text is no reason at all, not a crash.
  const text = typeof reason === 'string' ? reason.trim() : '';
  if (text === '') {
    return [
      {
        field: 'reason',
        messageZh: '回退必须填写原因',
        messageEn: 'A reason is required to go back a stage',
      },
    ];
  }
  if (text.length > REVERT_REASON_MAX_LENGTH) {
    return [
      {
        field: 'reason',
        messageZh: `回退原因不能超过 ${REVERT_REASON_MAX_LENGTH} 字`,
        messageEn: `The reason must be at most ${REVERT_REASON_MAX_LENGTH} characters`,
      },
    ];
  }
  return [];
}
