import type { MilestoneFieldsFragment } from '@hanjiang/client';
import { describe, expect, it } from 'vitest';
import { pairsOf, pushTicker, tickerItem, type Row } from './model.js';

const row = (scopeKind: string, scopeCode: string, name: string, rank = 1): Row => ({
  scopeKind,
  scopeCode,
  name,
  rank,
  rankChange: null,
  households: 10,
  signed: 5,
  signedToday: 0,
  signedHouseholdsPct: 50,
  signedAreaPct: 40,
  signedAreaM2: 400,
  buildingAreaM2: 1000,
});

const milestone = (over: Partial<MilestoneFieldsFragment>): MilestoneFieldsFragment => ({
  id: 'm1',
  seq: '1',
  cursor: 'c1',
  kind: 'SIGNED_PCT',
  scopeKind: 'township',
  scopeCode: 'baisha',
  threshold: 50,
  reachedAt: '2020-09-27T02:00:00.000Z',
  township: { nameZh: '白沙镇' },
  headquarters: null,
  ...over,
});

describe('pairsOf', () => {
  it('puts the mountain township left and the plain one right, pairs in board order', () => {
    const pairs = pairsOf(
      [
        row('pairing', 'xinxian-sanjiangkou', '新县镇—三江口镇', 1),
        row('pairing', 'baisha-baitang', '白沙镇—白塘镇', 2),
      ],
      [
        row('township', 'baitang', '白塘镇'),
        row('township', 'sanjiangkou', '三江口镇'),
        row('township', 'baisha', '白沙镇'),
      ],
    );
    expect(pairs.map((p) => [p.pairing.scopeCode, p.mountain?.name, p.plain?.name])).toEqual([
      ['xinxian-sanjiangkou', undefined, '三江口镇'], // xinxian has no row yet: its side stays empty
      ['baisha-baitang', '白沙镇', '白塘镇'],
    ]);
  });
});

describe('tickerItem', () => {
  const names = {
    teams: [row('team', 'baisha-t1', '白沙镇旧改组')],
    villages: new Map([['baisha-v1', '白沙村']]),
  };

  it('names the most specific scope: the team or village, not only its township', () => {
    expect(tickerItem(milestone({ scopeKind: 'team', scopeCode: 'baisha-t1' }), names).label.zh).toBe(
      '白沙镇旧改组 签约率突破 50%',
    );
    expect(tickerItem(milestone({ scopeKind: 'village', scopeCode: 'baisha-v1' }), names).label.zh).toBe(
      '白沙镇白沙村 签约率突破 50%',
    );
    expect(tickerItem(milestone({}), names).label.zh).toBe('白沙镇 签约率突破 50%');
    expect(
      tickerItem(milestone({ scopeKind: 'pairing', scopeCode: 'baisha-baitang', township: null }), names)
        .label.zh,
    ).toBe('白沙镇—白塘镇 签约率突破 50%');
  });

  it('keeps the newest first and only the last few', () => {
    let items = [] as ReturnType<typeof tickerItem>[];
    for (let i = 1; i <= 10; i += 1)
      items = pushTicker(items, tickerItem(milestone({ id: `m${i}`, seq: String(i) }), names), 3);
    expect(items.map((i) => i.seq)).toEqual(['10', '9', '8']);
  });
});
