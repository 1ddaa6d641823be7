import { describe, expect, it } from 'vitest';
import { townshipStanding, type BoardRow, type TeamInfo } from './standing.js';

const row = (scopeCode: string, rank: number): BoardRow => ({ scopeCode, rank, name: scopeCode }) as BoardRow;
const team = (code: string, home: string | null): TeamInfo => ({
  code,
  name: code,
  homeTownship: home ? { code: home } : null,
});

describe('townshipStanding', () => {
  const boards = {
    TOWNSHIP: [row('baitang', 1), row('baisha', 2), row('jiangkou', 3)],
    PAIRING: [row('qiulu-jiangkou', 1), row('baisha-baitang', 2)],
    TEAM: [row('baisha-renewal', 9), row('baitang-1', 2), row('baisha-helper', 4), row('jiangkou-1', 1)],
  };
  const teams = [
    team('baisha-helper', 'baisha'),
    team('baisha-renewal', 'baisha'),
    team('baitang-1', 'baitang'),
    team('jiangkou-1', 'jiangkou'),
    team('cgj-renewal', null),
  ];

  it('picks the township, its paired township and the pair from the boards, by the domain’s pairing', () => {
    const standing = townshipStanding(boards, teams, 'baisha');
    expect(standing.own?.scopeCode).toBe('baisha');
    expect(standing.paired?.scopeCode).toBe('baitang'); // 白沙镇 (mountain) helps 白塘镇 (plain)
    expect(standing.pairing?.scopeCode).toBe('baisha-baitang');
  });

  it('lists only the township’s own teams, best first', () => {
    expect(townshipStanding(boards, teams, 'baisha').teams.map((r) => r.scopeCode)).toEqual([
      'baisha-helper',
      'baisha-renewal',
    ]);
  });

  it('shows nothing it does not have yet (boards not loaded)', () => {
    const standing = townshipStanding({ TOWNSHIP: null, PAIRING: null, TEAM: null }, [], 'baisha');
    expect(standing).toEqual({ own: null, paired: null, pairing: null, teams: [] });
  });
});
