import { type Stage } from './enums.js';
import {
  REVERT_REASON_MAX_LENGTH,
  STAGES,
  TRANSITION_REFUSAL_MESSAGES,
  TRANSITION_ROLES,
  checkAdvance,
  checkRevert,
  nextStage,
  previousStage,
  stageIndex,
} from './stage-machine.js';

describe('stage order', () => {
  it.each<[Stage, number, Stage | null, Stage | null]>([
    ['SURVEYED', 0, 'MEASURED', null],
    ['MEASURED', 1, 'ASSESSED', 'SURVEYED'],
    ['ASSESSED', 2, 'SIGNED', 'MEASURED'],
    ['SIGNED', 3, 'VACATED', 'ASSESSED'],
    ['VACATED', 4, 'DEMOLISHED', 'SIGNED'],
    ['DEMOLISHED', 5, null, 'VACATED'],
  ])('%s is at %i, next %s, previous %s', (stage, index, next, previous) => {
    expect(stageIndex(stage)).toBe(index);
    expect(STAGES[index]).toBe(stage);
    expect(nextStage(stage)).toBe(next);
    expect(previousStage(stage)).toBe(previous);
  });
});

describe('checkAdvance', () => {
  const cases: [Stage, Stage, ReturnType<typeof checkAdvance>][] = [];
  for (const from of STAGES) {
    for (const to of STAGES) {
      const expected =
        from === 'DEMOLISHED'
          ? ({ ok: false, reason: 'FINAL' } as const)
          : stageIndex(to) <= stageIndex(from)
            ? ({ ok: false, reason: 'ALREADY_AT_OR_PAST' } as const)
            : stageIndex(to) === stageIndex(from) + 1
              ? ({ ok: true } as const)
              : ({ ok: false, reason: 'NOT_NEXT' } as const);
      cases.push([from, to, expected]);
    }
  }

  it.each(cases)('%s → %s gives %j', (from, to, expected) => {
    expect(checkAdvance(from, to)).toEqual(expected);
  });

  it.each<[Stage, Stage, string]>([
    ['SURVEYED', 'MEASURED', 'ok'],
    ['SURVEYED', 'SIGNED', 'NOT_NEXT'],
    ['SIGNED', 'SIGNED', 'ALREADY_AT_OR_PAST'],
    ['SIGNED', 'MEASURED', 'ALREADY_AT_OR_PAST'],
    ['DEMOLISHED', 'DEMOLISHED', 'FINAL'],
  ])('spot check: %s → %s is %s', (from, to, outcome) => {
    const result = checkAdvance(from, to);
    expect(result.ok ? 'ok' : result.reason).toBe(outcome);
  });

  it('allows exactly five advances in all', () => {
    expect(cases.filter(([, , r]) => r.ok)).toHaveLength(5);
  });
});

describe('checkRevert', () => {
  it.each<[Stage, ReturnType<typeof checkRevert>]>([
    ['SURVEYED', { ok: false, reason: 'INITIAL' }],
    ['MEASURED', { ok: true, to: 'SURVEYED' }],
    ['ASSESSED', { ok: true, to: 'MEASURED' }],
    ['SIGNED', { ok: true, to: 'ASSESSED' }],
    ['VACATED', { ok: true, to: 'SIGNED' }],
    ['DEMOLISHED', { ok: true, to: 'VACATED' }],
  ])('from %s gives %j', (from, expected) => {
    expect(checkRevert(from)).toEqual(expected);
  });
});

describe('transition rules', () => {
  it.each([
    ['advance', ['cadre', 'commander', 'admin'], false],
    ['revert', ['commander', 'admin'], true],
  ] as const)('%s: roles %j, reason required %s', (kind, roles, reasonRequired) => {
    expect(TRANSITION_ROLES[kind]).toEqual({ roles, reasonRequired });
  });

  // What a refused transition tells the user, in full: `not.toBe('')` would also pass for a missing text.
  it('states each refusal in both languages', () => {
    expect(TRANSITION_REFUSAL_MESSAGES).toEqual({
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
    });
  });

  it('bounds the revert reason', () => {
    expect(REVERT_REASON_MAX_LENGTH).toBe(500);
  });
});
