import { describe, expect, it } from 'vitest';
import { AttemptKeys } from '@hanjiang/client';
import { advancePayload, stageFormPlan } from './stage-form.js';

describe('stageFormPlan', () => {
  it.each([
    ['SURVEYED', 'MEASURED', ['measuredBuildingAreaM2', 'measuredLandAreaM2']],
    ['MEASURED', 'ASSESSED', ['assessedAmountYuan']],
    ['ASSESSED', 'SIGNED', ['agreedAmountYuan', 'compensationChoice']],
    ['SIGNED', 'VACATED', []],
    ['VACATED', 'DEMOLISHED', []],
  ] as const)('a household at %s records %s with only that stage’s fields', (stage, to, inputs) => {
    const plan = stageFormPlan(stage)!;
    expect(plan.toStage).toBe(to);
    expect(plan.fields.map((f) => f.input)).toEqual(inputs);
  });

  it('asks for the resettlement site when signing a property swap, and nothing at the final stage', () => {
    expect(stageFormPlan('ASSESSED', 'PROPERTY_SWAP')!.fields.map((f) => f.input)).toEqual([
      'agreedAmountYuan',
      'compensationChoice',
      'resettlementSiteId',
    ]);
    expect(stageFormPlan('DEMOLISHED')).toBeNull();
  });
});

describe('advancePayload', () => {
  const signing = stageFormPlan('ASSESSED')!;

  it('keeps amounts as exact decimal text', () => {
    expect(advancePayload(signing, { agreedAmountYuan: ' 1250000.10 ', compensationChoice: 'CASH' })).toEqual(
      {
        ok: true,
        input: { agreedAmountYuan: '1250000.10', compensationChoice: 'CASH' },
      },
    );
  });

  it('reports every problem at once, in Chinese and English', () => {
    const result = advancePayload(signing, { agreedAmountYuan: '12.345' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.field, p.messageZh])).toEqual([
      ['agreedAmountFen', '协议金额须为金额(元),最多两位小数'],
      ['compensationChoice', '补偿方式为必填项'],
    ]);
  });

  it('checks measured areas as the gateway does', () => {
    const result = advancePayload(stageFormPlan('SURVEYED')!, {
      measuredBuildingAreaM2: '0',
      measuredLandAreaM2: '80.5',
    });
    expect(result.ok ? [] : result.problems.map((p) => p.field)).toEqual(['measuredBuildingAreaM2']);
  });
});

describe('AttemptKeys', () => {
  it('reuses the key when the same input is retried, and starts a new one after an answer or a change', () => {
    let n = 0;
    const keys = new AttemptKeys(() => `k${(n += 1)}`);
    const input = { householdId: 'h1', toStage: 'SIGNED', agreedAmountYuan: '1.00' };
    expect(keys.keyFor(input)).toBe('k1');
    expect(keys.keyFor({ ...input })).toBe('k1'); // retry after a lost answer
    expect(keys.keyFor({ ...input, agreedAmountYuan: '2.00' })).toBe('k2'); // a different attempt
    keys.settled();
    expect(keys.keyFor({ ...input, agreedAmountYuan: '2.00' })).toBe('k3');
  });
});
