// A household moves forward through the stages one step at a time; a commander may correct a record
// by taking it back exactly one step, with a reason. Everything here is pure so that the gateway,
// the portals and the tests all agree on what a legal transition is.
import { type BilingualMessage } from './errors.js';
import { Role, Stage } from './enums.js';

export const STAGES: readonly Stage[] = [
  Stage.SURVEYED,
  Stage.MEASURED,
  Stage.ASSESSED,
  Stage.SIGNED,
  Stage.VACATED,
  Stage.DEMOLISHED,
];

const FINAL_STAGE = Stage.DEMOLISHED;

export function stageIndex(stage: Stage): number {
  return STAGES.indexOf(stage);
}

/** The stage after `stage`, or null at the final stage. */
export function nextStage(stage: Stage): Stage | null {
  return STAGES[stageIndex(stage) + 1] ?? null;
}

/** The stage before `stage`, or null at the first stage. */
export function previousStage(stage: Stage): Stage | null {
  return STAGES[stageIndex(stage) - 1] ?? null;
}

export type AdvanceRefusal = 'NOT_NEXT' | 'ALREADY_AT_OR_PAST' | 'FINAL';
export type RevertRefusal = 'INITIAL';

export type AdvanceCheck = { ok: true } | { ok: false; reason: AdvanceRefusal };
export type RevertCheck = { ok: true; to: Stage } | { ok: false; reason: RevertRefusal };

/** Forward only, exactly one step: skipping a stage would leave a hole in the household's event history. */
export function checkAdvance(from: Stage, to: Stage): AdvanceCheck {
  if (from === FINAL_STAGE) return { ok: false, reason: 'FINAL' };
  if (stageIndex(to) <= stageIndex(from)) return { ok: false, reason: 'ALREADY_AT_OR_PAST' };
  if (to !== nextStage(from)) return { ok: false, reason: 'NOT_NEXT' };
  return { ok: true };
}

/** A correction goes back one stage; there is nothing before the survey to go back to. */
export function checkRevert(from: Stage): RevertCheck {
  const to = previousStage(from);
  return to === null ? { ok: false, reason: 'INITIAL' } : { ok: true, to };
}

export const TRANSITION_REFUSAL_MESSAGES: Readonly<Record<AdvanceRefusal | RevertRefusal, BilingualMessage>> =
  {
    NOT_NEXT: {
      zh: '只能推进到下一个环节,不能跳过环节',
      en: 'A household can only advance to the next stage; stages cannot be skipped',
    },
    ALREADY_AT_OR_PAST: {
      zh: '该户已处于或已超过目标环节',
      en: 'The household is already at or past that stage',
    },
    FINAL: {
      zh: '该户已拆除,征迁流程已结束',
      en: 'The household is demolished; there is no further stage',
    },
    INITIAL: {
      zh: '该户处于入户摸底环节,无法再回退',
      en: 'The household is at the first stage; there is nothing to go back to',
    },
  };

/**
 * Who may make a transition, by role. The tenant-scope half of the rule (a cadre only on households
 * of their own team, a commander only in their own township or headquarters) is in `@hanjiang/authz`.
 * The district administrator may do both, as the correcting authority of last resort.
 */
export const TRANSITION_ROLES = {
  advance: { roles: [Role.CADRE, Role.COMMANDER, Role.ADMIN], reasonRequired: false },
  revert: { roles: [Role.COMMANDER, Role.ADMIN], reasonRequired: true },
} as const satisfies Record<'advance' | 'revert', { roles: readonly Role[]; reasonRequired: boolean }>;

export const REVERT_REASON_MAX_LENGTH = 500;
