import 'reflect-metadata';
import { FlattenedRelation, TEAM_COLUMNS, VILLAGE_COLUMNS } from './catalog.loaders.js';
import { Team, Village } from './catalog.types.js';

describe('FlattenedRelation: a relation read beside another row', () => {
  const village = new FlattenedRelation('v', VILLAGE_COLUMNS, () => new Village());
  const team = new FlattenedRelation('t', TEAM_COLUMNS, () => new Team());

  it('selects every property the loaders read, each under its own name', () => {
    expect(village.select).toBe(
      'v."id" AS "v.id", v."code" AS "v.code", v."name" AS "v.name", v."townshipId" AS "v.townshipId", ' +
        'v."headquartersId" AS "v.headquartersId"',
    );
    expect(team.select.match(/AS "t\.\w+"/g)).toEqual(
      [
        'id',
        'code',
        'name',
        'memberCount',
        'homeTownshipId',
        'headquartersId',
        'parentId',
        'homeUnitCode',
        'homeUnitName',
      ].map((p) => `AS "t.${p}"`),
    );
  });

  it('reads the relation back as an instance, and null when the join found none', () => {
    const row = {
      id: 'h',
      'v.id': 'v1',
      'v.code': 'CQ',
      'v.name': '陈桥村',
      'v.townshipId': 'tw',
      'v.headquartersId': 'hq',
    };
    const read = village.read(row);
    expect(read).toBeInstanceOf(Village);
    expect({ ...read }).toEqual({
      id: 'v1',
      code: 'CQ',
      name: '陈桥村',
      townshipId: 'tw',
      headquartersId: 'hq',
    });
    expect(village.read({ id: 'h', 'v.id': null })).toBeNull();
  });

  it('refuses a column list whose first column is not the id', () => {
    expect(() => new FlattenedRelation('x', 'x.code, x.id', () => ({ id: '' }))).toThrow(
      /id must be the first/,
    );
  });
});
