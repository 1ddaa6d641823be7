import { DISTRICT_UNITS, districtUnitByCode } from './district-units.js';
import {
  ALL_TENANT_CODES,
  DEFAULT_PAIRINGS,
  DISTRICT,
  HEADQUARTERS,
  TENANTS,
  TOWNSHIPS,
  headquartersByCode,
  isTenantCode,
  pairOf,
  pairingByCode,
  pairingNameZh,
  pairingOf,
  tenantByCode,
  tenantKindOf,
  townshipByCode,
} from './tenants.js';

describe('tenant catalogue', () => {
  it('has ten townships, seven headquarters and the district', () => {
    expect(TOWNSHIPS).toHaveLength(10);
    expect(HEADQUARTERS).toHaveLength(7);
    expect(ALL_TENANT_CODES).toHaveLength(18);
    expect(new Set(ALL_TENANT_CODES).size).toBe(18);
    expect(DISTRICT).toEqual({ code: 'district', kind: 'district', nameZh: '涵江区' });
  });

  it('uses lower-case pinyin slugs as codes', () => {
    for (const code of ALL_TENANT_CODES) expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('has five mountain and five plain townships', () => {
    expect(TOWNSHIPS.filter((t) => t.terrain === 'mountain')).toHaveLength(5);
    expect(TOWNSHIPS.filter((t) => t.terrain === 'plain')).toHaveLength(5);
  });

  it.each([
    ['qiulu', '萩芦镇', 'jiangkou', '江口镇'],
    ['baisha', '白沙镇', 'baitang', '白塘镇'],
    ['zhuangbian', '庄边镇', 'wutang', '梧塘镇'],
    ['xinxian', '新县镇', 'sanjiangkou', '三江口镇'],
    ['dayang', '大洋乡', 'guohuan', '国欢镇'],
  ])('pairs mountain %s (%s) with plain %s (%s), both ways', (mountain, mountainZh, plain, plainZh) => {
    expect(townshipByCode(mountain)).toMatchObject({
      nameZh: mountainZh,
      terrain: 'mountain',
      pairCode: plain,
    });
    expect(townshipByCode(plain)).toMatchObject({ nameZh: plainZh, terrain: 'plain', pairCode: mountain });
    expect(pairOf(mountain)?.code).toBe(plain);
    expect(pairOf(plain)?.code).toBe(mountain);
    const pairing = { code: `${mountain}-${plain}`, mountainCode: mountain, plainCode: plain };
    expect(DEFAULT_PAIRINGS).toContainEqual(pairing);
    expect(pairingOf(mountain)).toEqual(pairing);
    expect(pairingOf(plain)).toEqual(pairing);
  });

  it('agrees between DEFAULT_PAIRINGS and each township pairCode', () => {
    expect(DEFAULT_PAIRINGS).toHaveLength(5);
    for (const township of TOWNSHIPS) expect(pairOf(township.pairCode)?.code).toBe(township.code);
  });

  it.each([
    ['food-park', '食品产业园', 'park', '含啤酒小镇'],
    ['north-equipment-park', '城北装备制造园', 'park', null],
    ['coastal-park', '滨海产业园', 'park', null],
    ['baitang-lake', '白塘湖片区', 'area', null],
    ['university-town', '大学城片区', 'area', '电子信息产业园'],
    ['hanjiang-station', '涵江动车站片区', 'area', null],
    ['old-community-renewal', '老旧小区改造', 'renewal', null],
  ])('has headquarters %s (%s), a %s', (code, nameZh, kind, noteZh) => {
    expect(headquartersByCode(code)).toEqual({ code, nameZh, kind, noteZh });
  });

  it.each([
    ['baitang', 'township'],
    ['qiulu', 'township'],
    ['baitang-lake', 'headquarters'],
    ['old-community-renewal', 'headquarters'],
    ['district', 'district'],
  ])('knows %s is a %s', (code, kind) => {
    expect(isTenantCode(code)).toBe(true);
    expect(tenantKindOf(code)).toBe(kind);
    expect(tenantByCode(code)?.kind).toBe(kind);
  });

  it.each(['', 'Baitang', 'qwb', 'hanjiang', 'baitang ', 'toString', '__proto__'])(
    'does not know %j',
    (code) => {
      expect(isTenantCode(code)).toBe(false);
      expect(tenantKindOf(code)).toBeUndefined();
      expect(tenantByCode(code)).toBeUndefined();
      expect(townshipByCode(code)).toBeUndefined();
      expect(headquartersByCode(code)).toBeUndefined();
      expect(pairOf(code)).toBeUndefined();
      expect(pairingOf(code)).toBeUndefined();
    },
  );

  it('does not return a headquarters for a township code or the reverse', () => {
    expect(headquartersByCode('baitang')).toBeUndefined();
    expect(townshipByCode('baitang-lake')).toBeUndefined();
    expect(pairOf('district')).toBeUndefined();
  });

  it('lists every tenant once in TENANTS', () => {
    expect(TENANTS.map((t) => t.code)).toEqual(ALL_TENANT_CODES);
  });
});

describe('district units', () => {
  it('has 48 units with unique codes and names', () => {
    expect(DISTRICT_UNITS).toHaveLength(48);
    expect(new Set(DISTRICT_UNITS.map((u) => u.code)).size).toBe(48);
    expect(new Set(DISTRICT_UNITS.map((u) => u.nameZh)).size).toBe(48);
  });

  it('never reuses a tenant code', () => {
    for (const unit of DISTRICT_UNITS) expect(isTenantCode(unit.code)).toBe(false);
  });

  it.each([
    ['qwb', '区委办'],
    ['zjj', '住建局'],
    ['zrzyj', '自然资源局'],
    ['czj', '财政局'],
    ['fgj', '发改局'],
    ['gxj', '工信局'],
    ['wlj', '文旅局'],
    ['scjgj', '市场监管局'],
    ['zzb', '组织部'],
    ['jwjw', '纪委监委'],
    ['xmdczx', '项目督查中心'],
    ['xnb', '效能办'],
  ])('includes %s (%s), named in the article', (code, nameZh) => {
    expect(districtUnitByCode(code)).toEqual({ code, nameZh });
  });

  // Every unit, not only the article's: a cadre's seconding unit is shown by this name on every team roster.
  it.each([
    ['xcb', '宣传部'],
    ['tzb', '统战部'],
    ['zfw', '政法委'],
    ['gafj', '公安分局'],
    ['mzj', '民政局'],
    ['sfj', '司法局'],
    ['rsj', '人社局'],
    ['jtj', '交通局'],
    ['slj', '水利局'],
    ['nyncj', '农业农村局'],
    ['swj', '商务局'],
    ['jyj', '教育局'],
    ['wjw', '卫健委'],
    ['yjj', '应急局'],
    ['sjj', '审计局'],
    ['tjj', '统计局'],
    ['ybj', '医保局'],
    ['xfj', '信访局'],
    ['cgj', '城管局'],
    ['sthjfj', '生态环境分局'],
    ['shuiwuj', '税务局'],
    ['tyjrswj', '退役军人事务局'],
    ['lyj', '林业局'],
    ['gzzx', '国资中心'],
    ['zszx', '征收中心'],
    ['rmtzx', '融媒体中心'],
    ['zgh', '总工会'],
    ['tqw', '团区委'],
    ['fl', '妇联'],
    ['kx', '科协'],
    ['gsl', '工商联'],
    ['dag', '档案馆'],
    ['jgswzx', '机关事务中心'],
    ['xzfwzx', '行政服务中心'],
    ['ylzx', '园林中心'],
    ['fgzx', '房管中心'],
  ])('includes %s (%s)', (code, nameZh) => {
    expect(districtUnitByCode(code)).toEqual({ code, nameZh });
  });

  it('returns undefined for an unknown unit', () => {
    expect(districtUnitByCode('baitang')).toBeUndefined();
  });
});

describe('pairing names', () => {
  it.each([
    ['qiulu-jiangkou', '萩芦镇—江口镇'],
    ['baisha-baitang', '白沙镇—白塘镇'],
    ['zhuangbian-wutang', '庄边镇—梧塘镇'],
    ['xinxian-sanjiangkou', '新县镇—三江口镇'],
    ['dayang-guohuan', '大洋乡—国欢镇'],
  ])('names %s in Chinese as %s, the mountain (helping) township first', (code, nameZh) => {
    expect(pairingNameZh(code)).toBe(nameZh);
    expect(pairingByCode(code)?.code).toBe(code);
  });

  it('names every default pairing, never by its slug', () => {
    for (const p of DEFAULT_PAIRINGS) {
      expect(pairingNameZh(p.code)).toMatch(/^[\u4e00-\u9fff]+—[\u4e00-\u9fff]+$/);
    }
  });

  it.each(['baitang', 'baitang-baisha', '', 'constructor'])('has no name for %j', (code) => {
    expect(pairingNameZh(code)).toBeUndefined();
    expect(pairingByCode(code)).toBeUndefined();
  });
});
