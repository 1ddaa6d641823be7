import { m2ToWan, milestoneLabel } from './milestones.js';

describe('m2ToWan', () => {
  it.each([
    [3_000_000, 300],
    [1_234_567, 123.4],
    [99_999, 9.9], // rounded down: never ahead of the counters
    [0, 0],
  ])('%i m² is %d 万 m²', (m2, wan) => {
    expect(m2ToWan(m2)).toBe(wan);
  });
});

describe('milestoneLabel', () => {
  it.each([
    ['SIGNED_PCT', 50, '白沙镇', '白沙镇 签约率突破 50%', '白沙镇: 50% of households signed'],
    [
      'MEASURED_PCT',
      100,
      '食品产业园',
      '食品产业园 丈量率突破 100%',
      '食品产业园: 100% of households measured',
    ],
    ['CAMPAIGN_AREA', 1_500_000, '', '全区签约面积突破 150 万平方米', 'Campaign: 1,500,000 m² signed'],
    [
      'FIRST_TEAM_FULL_MEASUREMENT',
      100,
      '第一工作组',
      '第一工作组 率先完成全部丈量',
      '第一工作组: first team to measure every household',
    ],
    ['SOMETHING_NEW', 3, '江口镇', '江口镇 达成 SOMETHING_NEW 3', '江口镇: SOMETHING_NEW 3'],
  ])('%s %d of %s reads %s / %s', (kind, threshold, scopeName, zh, en) => {
    expect(milestoneLabel({ kind, threshold, scopeName })).toEqual({ zh, en });
  });

  it('ignores the scope name for the campaign-wide area (the whole district is the scope)', () => {
    expect(milestoneLabel({ kind: 'CAMPAIGN_AREA', threshold: 2_500_000, scopeName: '白沙镇' })).toEqual({
      zh: '全区签约面积突破 250 万平方米',
      en: 'Campaign: 2,500,000 m² signed',
    });
  });
});
