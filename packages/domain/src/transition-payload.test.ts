import { type CompensationChoice, type Stage } from './enums.js';
import {
  PAYLOAD_LIMITS,
  type PayloadProblem,
  type TransitionPayload,
  type TransitionPayloadField,
  requiredPayloadFor,
  validateRevertReason,
  validateTransitionPayload,
} from './transition-payload.js';

describe('requiredPayloadFor', () => {
  it.each<[Stage, CompensationChoice | undefined, TransitionPayloadField[]]>([
    ['SURVEYED', undefined, []],
    ['MEASURED', undefined, ['measuredBuildingAreaM2', 'measuredLandAreaM2']],
    ['ASSESSED', undefined, ['assessedAmountFen']],
    ['SIGNED', undefined, ['agreedAmountFen', 'compensationChoice']],
    ['SIGNED', 'CASH', ['agreedAmountFen', 'compensationChoice']],
    ['SIGNED', 'PROPERTY_SWAP', ['agreedAmountFen', 'compensationChoice', 'resettlementSiteId']],
    ['VACATED', undefined, []],
    ['DEMOLISHED', undefined, []],
  ])('%s (choice %s) needs %j', (stage, choice, fields) => {
    expect(requiredPayloadFor(stage, choice)).toEqual(fields);
  });

  it('throws on a stage outside the union', () => {
    expect(() => requiredPayloadFor('BURNED' as Stage)).toThrow('Unreachable case');
  });
});

const fieldsOf = (stage: Stage, payload: TransitionPayload): string[] =>
  validateTransitionPayload(stage, payload).map((p) => p.field);

describe('validateTransitionPayload', () => {
  // prettier-ignore
  it.each<[string, Stage, TransitionPayload, string[]]>([
    ['measured, good', 'MEASURED', { measuredBuildingAreaM2: 120.5, measuredLandAreaM2: 80 }, []],
    ['measured, nothing', 'MEASURED', {}, ['measuredBuildingAreaM2', 'measuredLandAreaM2']],
    ['measured, nulls', 'MEASURED', { measuredBuildingAreaM2: null, measuredLandAreaM2: null }, ['measuredBuildingAreaM2', 'measuredLandAreaM2']],
    ['measured, zero area', 'MEASURED', { measuredBuildingAreaM2: 0, measuredLandAreaM2: 80 }, ['measuredBuildingAreaM2']],
    ['measured, negative area', 'MEASURED', { measuredBuildingAreaM2: 10, measuredLandAreaM2: -1 }, ['measuredLandAreaM2']],
    ['measured, NaN area', 'MEASURED', { measuredBuildingAreaM2: NaN, measuredLandAreaM2: 1 }, ['measuredBuildingAreaM2']],
    ['measured, infinite area', 'MEASURED', { measuredBuildingAreaM2: Infinity, measuredLandAreaM2: 1 }, ['measuredBuildingAreaM2']],
    ['measured, text area', 'MEASURED', { measuredBuildingAreaM2: '12' as unknown as number, measuredLandAreaM2: 1 }, ['measuredBuildingAreaM2']],
    ['measured, stray amount', 'MEASURED', { measuredBuildingAreaM2: 1, measuredLandAreaM2: 1, assessedAmountFen: 5 }, ['assessedAmountFen']],
    ['assessed, good', 'ASSESSED', { assessedAmountFen: 123_456_78 }, []],
    ['assessed, missing', 'ASSESSED', {}, ['assessedAmountFen']],
    ['assessed, fractional fen', 'ASSESSED', { assessedAmountFen: 12.5 }, ['assessedAmountFen']],
    ['assessed, zero', 'ASSESSED', { assessedAmountFen: 0 }, ['assessedAmountFen']],
    ['assessed, unsafe integer', 'ASSESSED', { assessedAmountFen: 2 ** 53 }, ['assessedAmountFen']],
    ['signed cash, good', 'SIGNED', { agreedAmountFen: 100, compensationChoice: 'CASH' }, []],
    ['signed swap, good', 'SIGNED', { agreedAmountFen: 100, compensationChoice: 'PROPERTY_SWAP', resettlementSiteId: 'site-1' }, []],
    ['signed swap, no site', 'SIGNED', { agreedAmountFen: 100, compensationChoice: 'PROPERTY_SWAP' }, ['resettlementSiteId']],
    ['signed swap, blank site', 'SIGNED', { agreedAmountFen: 100, compensationChoice: 'PROPERTY_SWAP', resettlementSiteId: '  ' }, ['resettlementSiteId']],
    ['signed cash, stray site', 'SIGNED', { agreedAmountFen: 100, compensationChoice: 'CASH', resettlementSiteId: 'site-1' }, ['resettlementSiteId']],
    ['signed, nothing', 'SIGNED', {}, ['agreedAmountFen', 'compensationChoice']],
    ['signed, unknown choice', 'SIGNED', { agreedAmountFen: 100, compensationChoice: 'LAND' as CompensationChoice }, ['compensationChoice']],
    ['signed, negative amount', 'SIGNED', { agreedAmountFen: -100, compensationChoice: 'CASH' }, ['agreedAmountFen']],
    ['measured, largest areas allowed', 'MEASURED', { measuredBuildingAreaM2: 100_000, measuredLandAreaM2: 1_000_000 }, []],
    ['measured, building area past the bound', 'MEASURED', { measuredBuildingAreaM2: 100_000.01, measuredLandAreaM2: 1 }, ['measuredBuildingAreaM2']],
    ['measured, land area past the bound', 'MEASURED', { measuredBuildingAreaM2: 1, measuredLandAreaM2: 1_000_000.01 }, ['measuredLandAreaM2']],
    ['measured, both past the bound', 'MEASURED', { measuredBuildingAreaM2: 1e9, measuredLandAreaM2: 1e12 }, ['measuredBuildingAreaM2', 'measuredLandAreaM2']],
    ['assessed, largest amount allowed', 'ASSESSED', { assessedAmountFen: 100_000_000_000 }, []],
    ['assessed, one fen past the bound', 'ASSESSED', { assessedAmountFen: 100_000_000_001 }, ['assessedAmountFen']],
    ['signed, 90,071,992,547,409.91 yuan', 'SIGNED', { agreedAmountFen: Number.MAX_SAFE_INTEGER, compensationChoice: 'CASH' }, ['agreedAmountFen']],
    ['signed, past the bound and no choice', 'SIGNED', { agreedAmountFen: 2e11 }, ['agreedAmountFen', 'compensationChoice']],
    // Plain JavaScript callers are not held to the types: a site id that is not text is a field problem, not a crash.
    ['signed swap, numeric site', 'SIGNED', { agreedAmountFen: 100, compensationChoice: 'PROPERTY_SWAP', resettlementSiteId: 42 as unknown as string }, ['resettlementSiteId']],
    ['signed swap, object site', 'SIGNED', { agreedAmountFen: 100, compensationChoice: 'PROPERTY_SWAP', resettlementSiteId: {} as unknown as string }, ['resettlementSiteId']],
    ['signed swap, site with spaces around', 'SIGNED', { agreedAmountFen: 100, compensationChoice: 'PROPERTY_SWAP', resettlementSiteId: ' site-1 ' }, []],
    ['signed, amount as text', 'SIGNED', { agreedAmountFen: '100' as unknown as number, compensationChoice: 'CASH' }, ['agreedAmountFen']],
    ['measured, smallest area', 'MEASURED', { measuredBuildingAreaM2: Number.MIN_VALUE, measuredLandAreaM2: 0.01 }, []],
    ['assessed, one fen', 'ASSESSED', { assessedAmountFen: 1 }, []],
    ['vacated, nothing', 'VACATED', {}, []],
    ['vacated, nulls are fine', 'VACATED', { agreedAmountFen: null, resettlementSiteId: null }, []],
    ['vacated, stray area', 'VACATED', { measuredLandAreaM2: 5 }, ['measuredLandAreaM2']],
    ['demolished, nothing', 'DEMOLISHED', {}, []],
  ])('%s', (_label, stage, payload, problemFields) => {
    expect(fieldsOf(stage, payload)).toEqual(problemFields);
  });

  it('explains each problem in both languages', () => {
    const [missing] = validateTransitionPayload('ASSESSED', {});
    expect(missing).toEqual({
      field: 'assessedAmountFen',
      messageZh: '评估金额为必填项',
      messageEn: 'The assessed amount is required',
    });
  });

  // What the form shows under each field, in full.
  it.each<[string, Stage, TransitionPayload, PayloadProblem[]]>([
    [
      'areas',
      'MEASURED',
      { measuredBuildingAreaM2: 0, measuredLandAreaM2: -1 },
      [
        {
          field: 'measuredBuildingAreaM2',
          messageZh: '丈量建筑面积必须是大于 0、不超过 100,000 的平方米数',
          messageEn:
            'The measured building area must be a number of square metres greater than 0 and at most 100,000',
        },
        {
          field: 'measuredLandAreaM2',
          messageZh: '丈量土地面积必须是大于 0、不超过 1,000,000 的平方米数',
          messageEn:
            'The measured land area must be a number of square metres greater than 0 and at most 1,000,000',
        },
      ],
    ],
    [
      'an assessed amount',
      'ASSESSED',
      { assessedAmountFen: 1.5 },
      [
        {
          field: 'assessedAmountFen',
          messageZh: '评估金额必须是大于 0 的整数(单位:分),且不超过 1,000,000,000.00 元',
          messageEn:
            'The assessed amount must be a positive whole number of fen, at most 1,000,000,000.00 yuan',
        },
      ],
    ],
    [
      'an agreement',
      'SIGNED',
      { agreedAmountFen: 0, compensationChoice: 'LAND' as CompensationChoice },
      [
        {
          field: 'agreedAmountFen',
          messageZh: '协议金额必须是大于 0 的整数(单位:分),且不超过 1,000,000,000.00 元',
          messageEn:
            'The agreed amount must be a positive whole number of fen, at most 1,000,000,000.00 yuan',
        },
        {
          field: 'compensationChoice',
          messageZh: '补偿方式必须是货币补偿或产权置换',
          messageEn: 'The compensation choice must be CASH or PROPERTY_SWAP',
        },
      ],
    ],
    [
      'a property swap',
      'SIGNED',
      { agreedAmountFen: 1, compensationChoice: 'PROPERTY_SWAP', resettlementSiteId: 7 as unknown as string },
      [
        {
          field: 'resettlementSiteId',
          messageZh: '安置房源不能为空',
          messageEn: 'The resettlement site must not be empty',
        },
      ],
    ],
    [
      'a swap without its site',
      'SIGNED',
      { agreedAmountFen: 1, compensationChoice: 'PROPERTY_SWAP' },
      [
        {
          field: 'resettlementSiteId',
          messageZh: '安置房源为必填项',
          messageEn: 'The resettlement site is required',
        },
      ],
    ],
    [
      'a measurement',
      'MEASURED',
      {},
      [
        {
          field: 'measuredBuildingAreaM2',
          messageZh: '丈量建筑面积为必填项',
          messageEn: 'The measured building area is required',
        },
        {
          field: 'measuredLandAreaM2',
          messageZh: '丈量土地面积为必填项',
          messageEn: 'The measured land area is required',
        },
      ],
    ],
    [
      'a signing',
      'SIGNED',
      {},
      [
        {
          field: 'agreedAmountFen',
          messageZh: '协议金额为必填项',
          messageEn: 'The agreed amount is required',
        },
        {
          field: 'compensationChoice',
          messageZh: '补偿方式为必填项',
          messageEn: 'The compensation choice is required',
        },
      ],
    ],
    [
      'values the stage does not record',
      'VACATED',
      { assessedAmountFen: 5, compensationChoice: 'CASH' },
      [
        {
          field: 'assessedAmountFen',
          messageZh: '评估金额不属于此环节,请勿填写',
          messageEn: 'The assessed amount does not belong to this stage',
        },
        {
          field: 'compensationChoice',
          messageZh: '补偿方式不属于此环节,请勿填写',
          messageEn: 'The compensation choice does not belong to this stage',
        },
      ],
    ],
  ])('states the problems with %s', (_label, stage, payload, problems) => {
    expect(validateTransitionPayload(stage, payload)).toEqual(problems);
  });
});

describe('PAYLOAD_LIMITS', () => {
  it('names each bound in both languages when it is crossed', () => {
    const [area] = validateTransitionPayload('MEASURED', {
      measuredBuildingAreaM2: 1e6,
      measuredLandAreaM2: 1,
    });
    expect(area).toEqual({
      field: 'measuredBuildingAreaM2',
      messageZh: '丈量建筑面积必须是大于 0、不超过 100,000 的平方米数',
      messageEn:
        'The measured building area must be a number of square metres greater than 0 and at most 100,000',
    });
    const [amount] = validateTransitionPayload('ASSESSED', {
      assessedAmountFen: PAYLOAD_LIMITS.maxAmountFen + 1,
    });
    expect(amount?.messageZh).toContain('1,000,000,000.00 元');
    expect(amount?.messageEn).toContain('at most 1,000,000,000.00 yuan');
  });

  it('is 1,000,000,000.00 yuan for amounts, within what fen can hold exactly', () => {
    expect(PAYLOAD_LIMITS.maxAmountFen).toBe(1_000_000_000 * 100);
    expect(Number.isSafeInteger(PAYLOAD_LIMITS.maxAmountFen)).toBe(true);
  });
});

describe('validateRevertReason', () => {
  it.each<[string, string | null | undefined, number]>([
    ['a reason', '丈量数据录入错误,需重新丈量', 0],
    ['the longest reason', 'x'.repeat(500), 0],
    ['undefined', undefined, 1],
    ['null', null, 1],
    ['blank', '   ', 1],
    ['too long', 'x'.repeat(501), 1],
  ])('%s gives %i problem(s)', (_label, reason, count) => {
    const problems = validateRevertReason(reason);
    expect(problems).toHaveLength(count);
    for (const p of problems) expect(p.field).toBe('reason');
  });

  it.each<[string, string | null | undefined]>([
    ['undefined', undefined],
    ['blank', ' \t\n '],
    // Plain JavaScript callers are not held to the types: not text is no reason, and not a TypeError.
    ['a number', 42 as unknown as string],
    ['an object', {} as unknown as string],
  ])('asks for a reason when it is %s', (_label, reason) => {
    expect(validateRevertReason(reason)).toEqual([
      {
        field: 'reason',
        messageZh: '回退必须填写原因',
        messageEn: 'A reason is required to go back a stage',
      },
    ]);
  });

  it('states the length limit, counting the reason without its surrounding spaces', () => {
    expect(validateRevertReason(` ${'x'.repeat(500)} `)).toEqual([]);
    expect(validateRevertReason('x'.repeat(501))).toEqual([
      {
        field: 'reason',
        messageZh: '回退原因不能超过 500 字',
        messageEn: 'The reason must be at most 500 characters',
      },
    ]);
  });
});
