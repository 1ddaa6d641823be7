import { ErrorCode } from '@hanjiang/domain';
import { ACTIONS, type Action, isAction } from './actions.js';
import { type ActionResources, can, TRANSITION_REFUSALS } from './can.js';
import {
  BAISHA_HELPER_TEAM,
  MALFORMED_PRINCIPALS,
  PRINCIPAL_NAMES,
  householdNamed,
  principalNamed,
} from './test-fixtures.js';

type Resource = ActionResources[Action];

const EVERYONE = PRINCIPAL_NAMES;
const helped = householdNamed('helped');
const own = householdNamed('own');
const unassigned = householdNamed('unassigned');
const unassignedInBaitang = householdNamed('unassignedInBaitang');

const DISPUTE_REFUSAL = {
  reasonZh: '只有该户所属工作组的干部、所在乡镇或指挥部的指挥长可以登记和调解矛盾纠纷',
  reasonEn:
    "Only a cadre of the household's team, or a commander of its township or headquarters, may open or mediate its disputes",
};

/** What each action's refusal says to a well-formed principal. */
const REFUSAL: Record<Action, { reasonZh: string; reasonEn: string } | undefined> = {
  'leaderboard:read': undefined,
  'campaign:read': undefined,
  'inspection:read': undefined,
  'summary:read': undefined,
  'report:read': {
    reasonZh: '只有本单位指挥长和区级可以查看推进会报告',
    reasonEn:
      'Only a commander of this township or headquarters, or the district, may read its progress report',
  },
  'plan:write': {
    reasonZh: '只有本工作组的干部、工作组所属乡镇或指挥部的指挥长可以制定次日计划',
    reasonEn:
      "Only a cadre of the team, or a commander of the team's township or headquarters, may plan its next day",
  },
  'summary:run': {
    reasonZh: '只有区级管理员和指挥长可以立即生成当日汇总',
    reasonEn: 'Only district administrators and commanders may run the daily summary now',
  },
  'household:read': {
    reasonZh: '该征迁户不在您的管辖范围内',
    reasonEn: 'This household is outside your tenant scope',
  },
  'household:advance': {
    reasonZh: '只有该户所属工作组的干部、所在乡镇或指挥部的指挥长可以推进环节',
    reasonEn:
      "Only a cadre of the household's team, or a commander of its township or headquarters, may advance it",
  },
  'household:revert': {
    reasonZh: '只有指挥长可以更正环节(退回上一环节):请由该户所在乡镇或指挥部的指挥长办理',
    reasonEn:
      'Only a commander may correct a stage (take a household back one stage): ask a commander of its township or headquarters',
  },
  'household:import': {
    reasonZh: '只有本单位指挥长可以导入征迁户',
    reasonEn: 'Only a commander of this township or headquarters may import households',
  },
  'team:assign': {
    reasonZh: '只有本指挥部的指挥长可以调配工作组',
    reasonEn: 'Only a commander of this headquarters may assign work teams',
  },
  'resettlement:create': {
    reasonZh: '只有本指挥部的指挥长可以登记安置房源',
    reasonEn: 'Only a commander of this headquarters may create resettlement sites',
  },
  'inspection:record': {
    reasonZh: '只有综合督查组可以录入“四察四看”考核',
    reasonEn: 'Only the district supervision group may record inspections',
  },
  'audit:read': {
    reasonZh: '只有综合督查组和区级管理员可以查看审计日志',
    reasonEn: 'Only the district supervision group and administrators may read the audit log',
  },
  'apikey:create': {
    reasonZh: '只有本单位指挥长本人可以管理接口密钥',
    reasonEn: 'Only a signed-in commander of this tenant may manage its API keys',
  },
  'apikey:revoke': {
    reasonZh: '只有本单位指挥长本人可以管理接口密钥',
    reasonEn: 'Only a signed-in commander of this tenant may manage its API keys',
  },
  'apikey:read': {
    reasonZh: '只有本单位指挥长本人可以管理接口密钥',
    reasonEn: 'Only a signed-in commander of this tenant may manage its API keys',
  },
  'visit:record': {
    reasonZh: '只有该户所属工作组的干部、所在乡镇或指挥部的指挥长可以登记走访',
    reasonEn:
      "Only a cadre of the household's team, or a commander of its township or headquarters, may record a visit",
  },
  'dispute:open': DISPUTE_REFUSAL,
  'dispute:mediate': DISPUTE_REFUSAL,
  'escalation:raise': {
    reasonZh: '只有本指挥部的指挥长可以上报症结难题',
    reasonEn: 'Only a commander of this headquarters may raise an escalation',
  },
  'escalation:triage': {
    reasonZh: '只有综合督查组可以研判、决定和办结症结难题',
    reasonEn: 'Only the district supervision group may triage, decide and close escalations',
  },
  'reserve:read': {
    reasonZh: '后备干部库仅限区级查看',
    reasonEn: 'The reserve pool is visible to the district only',
  },
  'reserve:nominate': {
    reasonZh: '只有综合督查组可以推荐干部进入后备干部库',
    reasonEn: 'Only the district supervision group may nominate cadres to the reserve pool',
  },
};

/** [action, resource label, resource, the principals allowed]; every other principal is refused. */
// prettier-ignore
const MATRIX: [Action, string, Resource, readonly string[]][] = [
  ['leaderboard:read', '-', undefined, EVERYONE],
  ['campaign:read', '-', undefined, EVERYONE],
  ['inspection:read', '-', undefined, EVERYONE],
  ['household:read', 'helped', helped, [
    'baitang.viewer', 'baitang.cadre', 'baitang.teamless-cadre', 'baitang.commander', 'baisha.viewer', 'baisha.cadre', 'baisha.commander',
    'baitang-lake.viewer', 'baitang-lake.cadre', 'baitang-lake.commander', 'district.admin', 'district.inspector',
    'key:baitang.viewer', 'key:baitang.commander', 'key:baisha.cadre', 'key:district.admin',
  ]],
  ['household:read', 'unassigned', unassigned, ['district.admin', 'district.inspector', 'key:district.admin']],
  // The helper cadre may work the household; their own township's commander may not (it is not theirs).
  ['household:advance', 'helped', helped, [
    'baisha.cadre', 'key:baisha.cadre', 'baitang.commander', 'baitang-lake.commander', 'key:baitang.commander',
    'district.admin', 'key:district.admin',
  ]],
  ['household:advance', 'own', own, [
    'baitang.cadre', 'baitang.commander', 'baitang-lake.commander', 'key:baitang.commander',
    'district.admin', 'key:district.admin',
  ]],
  ['household:advance', 'unassigned', unassigned, ['district.admin', 'key:district.admin']],
  // A household without a team is no cadre's "own": not even of a cadre without a team, who can see it (null ≠ null).
  ['household:advance', 'unassignedInBaitang', unassignedInBaitang, [
    'baitang.commander', 'baitang-lake.commander', 'key:baitang.commander', 'district.admin', 'key:district.admin',
  ]],
  ['household:revert', 'helped', helped, [
    'baitang.commander', 'baitang-lake.commander', 'key:baitang.commander', 'district.admin', 'key:district.admin',
  ]],
  ['household:revert', 'unassigned', unassigned, ['district.admin', 'key:district.admin']],
  ['household:revert', 'own', own, [
    'baitang.commander', 'baitang-lake.commander', 'key:baitang.commander', 'district.admin', 'key:district.admin',
  ]],
  ['household:import', 'baitang', { tenantCode: 'baitang' }, [
    'baitang.commander', 'key:baitang.commander', 'district.admin', 'key:district.admin',
  ]],
  ['household:import', 'baitang-lake', { tenantCode: 'baitang-lake' }, [
    'baitang-lake.commander', 'district.admin', 'key:district.admin',
  ]],
  ['team:assign', 'baitang-lake', { headquartersCode: 'baitang-lake' }, [
    'baitang-lake.commander', 'district.admin', 'key:district.admin',
  ]],
  ['team:assign', 'food-park', { headquartersCode: 'food-park' }, [
    'food-park.commander', 'district.admin', 'key:district.admin',
  ]],
  // A township commander named like a headquarters gets nothing: 'baitang' is not a headquarters.
  ['team:assign', 'baitang', { headquartersCode: 'baitang' }, ['district.admin', 'key:district.admin']],
  ['resettlement:create', 'baitang-lake', { headquartersCode: 'baitang-lake' }, [
    'baitang-lake.commander', 'district.admin', 'key:district.admin',
  ]],
  ['inspection:record', '-', undefined, ['district.inspector', 'district.admin', 'key:district.admin']],
  ['audit:read', '-', undefined, ['district.inspector', 'district.admin', 'key:district.admin']],
  // API keys never manage API keys.
  ['apikey:create', 'baitang', { tenantCode: 'baitang' }, ['baitang.commander', 'district.admin']],
  ['apikey:create', 'baitang-lake', { tenantCode: 'baitang-lake' }, ['baitang-lake.commander', 'district.admin']],
  ['apikey:create', 'district', { tenantCode: 'district' }, ['district.admin']],
  ['apikey:revoke', 'baisha', { tenantCode: 'baisha' }, ['baisha.commander', 'district.admin']],
  ['summary:read', '-', undefined, EVERYONE],
  // 白沙's helper team works in 白塘湖片区: its cadres, 白沙's commander and the headquarters' commander plan it.
  ['plan:write', 'baisha helper team', { teamId: BAISHA_HELPER_TEAM, homeTownshipCode: 'baisha', headquartersCode: 'baitang-lake' }, [
    'baisha.cadre', 'key:baisha.cadre', 'baisha.commander', 'baitang-lake.commander', 'district.admin', 'key:district.admin',
  ]],
  // A district unit's team has no home township: only its headquarters' commander (and the district) plan it.
  ['plan:write', 'unit team', { teamId: 'team-unit-1', homeTownshipCode: null, headquartersCode: 'food-park' }, [
    'food-park.commander', 'district.admin', 'key:district.admin',
  ]],
  ['summary:run', '-', undefined, [
    'baitang.commander', 'baisha.commander', 'qiulu.commander', 'baitang-lake.commander', 'food-park.commander',
    'key:baitang.commander', 'district.admin', 'key:district.admin',
  ]],
  // A key's usage: who may manage the key — not its own key, not the district inspector, not another tenant's commander.
  ['apikey:read', 'baitang', { tenantCode: 'baitang' }, ['baitang.commander', 'district.admin']],
  ['apikey:read', 'baitang-lake', { tenantCode: 'baitang-lake' }, ['baitang-lake.commander', 'district.admin']],
  ['apikey:read', 'district', { tenantCode: 'district' }, ['district.admin']],
  ['apikey:read', 'food-park', { tenantCode: 'food-park' }, ['food-park.commander', 'district.admin']],
  // Field work follows who works the household: the helper cadre of 江尾分组 visits 白塘's household; 白沙's own
  // commander does not command it, and viewers and inspectors only read.
  ...(['visit:record', 'dispute:open', 'dispute:mediate'] as const).flatMap((action) => [
    [action, 'helped', helped, [
      'baisha.cadre', 'key:baisha.cadre', 'baitang.commander', 'baitang-lake.commander', 'key:baitang.commander',
      'district.admin', 'key:district.admin',
    ]] as [Action, string, Resource, readonly string[]],
    [action, 'own', own, [
      'baitang.cadre', 'baitang.commander', 'baitang-lake.commander', 'key:baitang.commander',
      'district.admin', 'key:district.admin',
    ]] as [Action, string, Resource, readonly string[]],
    [action, 'unassignedInBaitang', unassignedInBaitang, [
      'baitang.commander', 'baitang-lake.commander', 'key:baitang.commander', 'district.admin', 'key:district.admin',
    ]] as [Action, string, Resource, readonly string[]],
  ]),
  ['escalation:raise', 'baitang-lake', { headquartersCode: 'baitang-lake' }, [
    'baitang-lake.commander', 'district.admin', 'key:district.admin',
  ]],
  ['escalation:raise', 'baitang', { headquartersCode: 'baitang' }, ['district.admin', 'key:district.admin']],
  ['escalation:triage', '-', undefined, ['district.inspector', 'district.admin', 'key:district.admin']],
  // The reserve pool: the district only — never a township or headquarters, whatever its role.
  ['reserve:read', '-', undefined, ['district.inspector', 'district.admin', 'key:district.admin']],
  ['reserve:nominate', '-', undefined, ['district.inspector', 'district.admin', 'key:district.admin']],
  // The 推进会 report: the area's own commanders and the district — never a neighbour's commander.
  ['report:read', 'baitang-lake', { tenantCode: 'baitang-lake' }, [
    'baitang-lake.commander', 'district.inspector', 'district.admin', 'key:district.admin',
  ]],
  ['report:read', 'baitang', { tenantCode: 'baitang' }, [
    'baitang.commander', 'key:baitang.commander', 'district.inspector', 'district.admin', 'key:district.admin',
  ]],
];

const cases = MATRIX.flatMap(([action, label, resource, allowed]) =>
  PRINCIPAL_NAMES.map((name) => [action, label, name, allowed.includes(name), resource] as const),
);

describe('can: the principal × action × resource matrix', () => {
  it('covers every action', () => {
    expect(new Set(MATRIX.map(([action]) => action))).toEqual(new Set(ACTIONS));
  });

  it.each(cases)('%s on %s by %s: %s', (action, _label, name, allowed, resource) => {
    const decision = can(principalNamed(name), action, resource);
    // The refusal's words are part of the contract: the portals show them as they are.
    expect(decision).toEqual(
      allowed ? { allowed: true } : { allowed: false, code: ErrorCode.FORBIDDEN, ...REFUSAL[action] },
    );
  });

  const readActions = new Set<Action>([
    'household:read',
    'leaderboard:read',
    'campaign:read',
    'inspection:read',
    'summary:read',
  ]);
  const viewers = PRINCIPAL_NAMES.filter((name) => principalNamed(name).role === 'viewer');
  it.each(viewers)('lets viewer %s do nothing but read', (name) => {
    for (const [action, , resource] of MATRIX) {
      if (!readActions.has(action)) expect(can(principalNamed(name), action, resource).allowed).toBe(false);
    }
  });
});

describe('can: refusals before any rule', () => {
  it.each(ACTIONS)('refuses %s to an unauthenticated request', (action) => {
    expect(can(null, action, helped as Resource)).toEqual({
      allowed: false,
      code: ErrorCode.UNAUTHENTICATED,
      reasonZh: '未登录或登录已失效,请重新登录',
      reasonEn: 'Not authenticated or the session has expired; please sign in again',
    });
  });

  const malformedCases = MALFORMED_PRINCIPALS.flatMap(([label, p]) =>
    ACTIONS.map((a) => [label, a, p] as const),
  );
  it.each(malformedCases)('refuses %s %s', (_label, action, p) => {
    // Each with a resource the well-formed principal it imitates could act on.
    expect(can(p, action, own as Resource)).toEqual({
      allowed: false,
      code: ErrorCode.FORBIDDEN,
      reasonZh: '登录身份与所属单位或角色不符',
      reasonEn: 'The credentials name an unknown tenant or a role it does not have',
    });
  });

  const needingResource = MATRIX.filter(([, , resource]) => resource !== undefined).map(([action]) => action);
  it.each([...new Set(needingResource)])('throws when %s is asked without its resource', (action) => {
    // The message, not just the class: reading a property of the missing resource would throw a TypeError too.
    const message = `can(…, '${action}') needs the resource the rule is about`;
    expect(() => can(principalNamed('district.admin'), action, undefined)).toThrow(new TypeError(message));
    expect(() => can(principalNamed('district.admin'), action, null as unknown as Resource)).toThrow(
      new TypeError(message),
    );
  });

  it.each(MATRIX.filter(([, , resource]) => resource === undefined).map(([action]) => action))(
    'judges %s without a resource',
    (action) => {
      expect(can(principalNamed('district.admin'), action, undefined)).toEqual({ allowed: true });
    },
  );

  it('throws on an action outside the union', () => {
    expect(() => can(principalNamed('district.admin'), 'household:burn' as Action, undefined)).toThrow(
      'Unreachable case',
    );
  });
});

describe('isAction', () => {
  it.each([
    ['household:advance', true],
    ['household:burn', false],
    ['', false],
  ])('%j is %s', (value, expected) => {
    expect(isAction(value)).toBe(expected);
  });
});

describe('can: call sites as the gateway writes them', () => {
  const admin = principalNamed('district.admin');

  it('takes no resource where the rule needs none, and a typed one where it does', () => {
    expect(can(admin, 'audit:read')).toEqual({ allowed: true });
    expect(can(admin, 'household:advance', own)).toEqual({ allowed: true });
    expect(can(admin, 'team:assign', { headquartersCode: 'food-park' })).toEqual({ allowed: true });
    // @ts-expect-error a household rule cannot be asked without its household
    expect(() => can(admin, 'household:advance')).toThrow("can(…, 'household:advance') needs the resource");
    // @ts-expect-error the wrong kind of resource is a compile error
    expect(can(admin, 'apikey:create', own).allowed).toBe(true);
  });
});

describe('can: a revert (a correction back one stage) is refused in words that name commanders only', () => {
  const REVERT_REFUSAL_ZH = '只有指挥长可以更正环节(退回上一环节):请由该户所在乡镇或指挥部的指挥长办理';
  const REVERT_REFUSAL_EN =
    'Only a commander may correct a stage (take a household back one stage): ask a commander of its township or headquarters';

  it.each(['baitang.cadre', 'baisha.cadre', 'key:baisha.cadre', 'baitang.viewer'])(
    "refuses %s's revert with the commanders-only text",
    (name) => {
      const decision = can(principalNamed(name), 'household:revert', helped);
      expect(decision).toEqual({
        allowed: false,
        code: ErrorCode.FORBIDDEN,
        reasonZh: REVERT_REFUSAL_ZH,
        reasonEn: REVERT_REFUSAL_EN,
      });
      expect(TRANSITION_REFUSALS.revert).toEqual({ zh: REVERT_REFUSAL_ZH, en: REVERT_REFUSAL_EN });
    },
  );

  it('never tells a cadre that cadres of the team may revert', () => {
    expect(TRANSITION_REFUSALS.revert.zh).not.toMatch(/干部/);
    expect(TRANSITION_REFUSALS.revert.en).not.toMatch(/cadre/i);
  });
});
