import { type CompensationChoice, type Stage } from './enums.js';
import {
  PAYLOAD_LIMITS,
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
});
