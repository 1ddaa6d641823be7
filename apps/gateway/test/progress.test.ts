import { closeSeededGateway, openSeededGateway, type SeededGateway } from './helpers/seeded-gateway.js';
import { asUser } from './helpers/sessions.js';

type Row = { scopeCode: string; name: string; households: number; signed: number; signedToday: number };

describe('progress and boards: one statement per scope kind, the same numbers as the counters', () => {
  let opened: SeededGateway;
  beforeAll(async () => {
    opened = await openSeededGateway();
  });
  afterAll(() => closeSeededGateway(opened));

  it.each([
    ['HEADQUARTERS', 'headquarters'],
    ['TOWNSHIP', 'township'],
    ['PAIRING', 'pairing'],
    ['TEAM', 'team'],
  ])('the %s board has every %s counter, named, and progress(…) agrees row by row', async (board, kind) => {
    const { data, errors } = await asUser<{ leaderboard: Row[] }>(
      opened.gateway.url,
      'district.inspector',
      `{ leaderboard(board: ${board}) { scopeCode name households signed signedToday } }`,
    );
    expect(errors).toBeUndefined();
    const rows = data!.leaderboard;
    const { rows: counters } = await opened.owner.query<{
      scope_code: string;
      households: number;
      signed: number;
    }>(
      'SELECT scope_code, households, signed FROM progress_counter WHERE scope_kind = $1 ORDER BY scope_code',
      [kind],
    );
    expect(rows.map((r) => [r.scopeCode, r.households, r.signed]).sort()).toEqual(
      counters.map((c) => [c.scope_code, c.households, c.signed]).sort(),
    );
    expect(rows.every((r) => r.name.length > 0)).toBe(true);
    const first = rows[0]!;
    const single = await asUser<{ progress: Row | null }>(
      opened.gateway.url,
      'district.inspector',
      'query ($k: String!, $c: String!) { progress(scopeKind: $k, scopeCode: $c) { scopeCode households signed signedToday } }',
      { k: kind, c: first.scopeCode },
    );
    expect(single.data?.progress).toEqual({
      scopeCode: first.scopeCode,
      households: first.households,
      signed: first.signed,
      signedToday: first.signedToday,
    });
  });

  it('an unknown scope kind is null, not an error (and never reaches SQL)', async () => {
    for (const kind of ['constructor', "township' OR true --", 'nope']) {
      const { data, errors } = await asUser<{ progress: Row | null }>(
        opened.gateway.url,
        'district.inspector',
        'query ($k: String!) { progress(scopeKind: $k, scopeCode: "baitang") { scopeCode } }',
        { k: kind },
      );
      expect(errors).toBeUndefined();
      expect(data?.progress).toBeNull();
    }
  });
});
