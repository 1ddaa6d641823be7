// The one statement of who may do what. The gateway calls it before every mutation and field-level
// decision; the portals call it to decide which buttons to show. Row visibility is also enforced by RLS.
import { ErrorCode, TRANSITION_ROLES, UnreachableCaseError, errorMessages } from '@hanjiang/domain';
import { type Action } from './actions.js';
import {
  type Principal,
  isCadreOfTeam,
  isCommanderOf,
  isDistrictAdmin,
  isDistrictInspector,
  isWellFormedPrincipal,
} from './principal.js';
import {
  type HeadquartersScope,
  type HouseholdScope,
  type TeamScope,
  type TenantScope,
  canSeeHousehold,
} from './scope.js';

type EveryActionHasAResource<T extends Record<Action, unknown>> = T;

/** The resource each action is judged against; `undefined` where the rule depends on the principal only. */
export type ActionResources = EveryActionHasAResource<{
  'household:read': HouseholdScope;
  'household:advance': HouseholdScope;
  'household:revert': HouseholdScope;
  'household:import': TenantScope;
  'team:assign': HeadquartersScope;
  'inspection:record': undefined;
  'inspection:read': undefined;
  'resettlement:create': HeadquartersScope;
  'apikey:create': TenantScope;
  'apikey:revoke': TenantScope;
  /** See a key, its settings and its usage (apiKeys, apiKeyUsage): whoever may manage the key. */
  'apikey:read': TenantScope;
  'audit:read': undefined;
  'leaderboard:read': undefined;
  'campaign:read': undefined;
  'plan:write': TeamScope;
  'summary:run': undefined;
  'summary:read': undefined;
  'visit:record': HouseholdScope;
  'dispute:open': HouseholdScope;
  'dispute:mediate': HouseholdScope;
  'escalation:raise': HeadquartersScope;
  'escalation:triage': undefined;
  'reserve:read': undefined;
  'reserve:nominate': undefined;
  /** The 推进会 progress report of a township or headquarters. */
  'report:read': TenantScope;
}>;

/** Actions whose rule needs a resource take it as a required argument, so a caller cannot forget it. */
export type ResourceArgs<A extends Action> = ActionResources[A] extends undefined
  ? []
  : [resource: ActionResources[A]];

export type Refusal = {
  allowed: false;
  code: ErrorCode.UNAUTHENTICATED | ErrorCode.FORBIDDEN;
  reasonZh: string;
  reasonEn: string;
};
export type Decision = { allowed: true } | Refusal;

/** The runtime half of ActionResources: plain-JavaScript callers are not held to the types. */
const NEEDS_RESOURCE: Readonly<Record<Action, boolean>> = {
  'household:read': true,
  'household:advance': true,
  'household:revert': true,
  'household:import': true,
  'team:assign': true,
  'inspection:record': false,
  'inspection:read': false,
  'resettlement:create': true,
  'apikey:create': true,
  'apikey:revoke': true,
  'apikey:read': true,
  'audit:read': false,
  'leaderboard:read': false,
  'campaign:read': false,
  'plan:write': true,
  'summary:run': false,
  'summary:read': false,
  'visit:record': true,
  'dispute:open': true,
  'dispute:mediate': true,
  'escalation:raise': true,
  'escalation:triage': false,
  'reserve:read': false,
  'reserve:nominate': false,
  'report:read': true,
};

type AuthzRequest = { [A in Action]: { action: A; resource: ActionResources[A] } }[Action];

const ALLOWED: Decision = { allowed: true };

/**
 * Why a stage transition is refused, in both languages: the gateway's early role check answers with the same
 * words as `can()`. A revert is a correction (DESIGN: "back one stage with a reason, by a commander"), so its
 * refusal names commanders only — never the household's cadres, who may advance it but not correct it.
 */
export const TRANSITION_REFUSALS = {
  advance: {
    zh: '只有该户所属工作组的干部、所在乡镇或指挥部的指挥长可以推进环节',
    en: "Only a cadre of the household's team, or a commander of its township or headquarters, may advance it",
  },
  revert: {
    zh: '只有指挥长可以更正环节(退回上一环节):请由该户所在乡镇或指挥部的指挥长办理',
    en: 'Only a commander may correct a stage (take a household back one stage): ask a commander of its township or headquarters',
  },
} as const satisfies Record<'advance' | 'revert', { zh: string; en: string }>;

function rule(allowed: boolean, reasonZh: string, reasonEn: string): Decision {
  return allowed ? ALLOWED : { allowed: false, code: ErrorCode.FORBIDDEN, reasonZh, reasonEn };
}

/** Commander of the household's township or of its headquarters. */
function commandsHousehold(p: Principal, h: HouseholdScope): boolean {
  return isCommanderOf(p, 'township', h.townshipCode) || isCommanderOf(p, 'headquarters', h.headquartersCode);
}

/**
 * Commander of a township or headquarters acting on that same tenant. Only well-formed principals reach the
 * rules, and the district has no commanders, so the tenant is a township or headquarters.
 */
function commandsTenant(p: Principal, tenantCode: string): boolean {
  return p.role === 'commander' && p.tenantCode === tenantCode;
}

// The role checks below bind `can()` to the domain's TRANSITION_ROLES, which the gateway's early check also reads.
// Today every role the scope rules grant is in those lists, so no test can tell a check from its absence; they
// matter the day a list narrows.
function mayAdvance(p: Principal, h: HouseholdScope): boolean {
  // Stryker disable next-line ConditionalExpression: redundant with the rules below while TRANSITION_ROLES lists all they grant
  if (!(TRANSITION_ROLES.advance.roles as readonly string[]).includes(p.role)) return false;
  return isCadreOfTeam(p, h.teamId) || commandsHousehold(p, h) || isDistrictAdmin(p);
}

function mayRevert(p: Principal, h: HouseholdScope): boolean {
  // Stryker disable next-line ConditionalExpression: redundant with the rules below while TRANSITION_ROLES lists all they grant
  if (!(TRANSITION_ROLES.revert.roles as readonly string[]).includes(p.role)) return false;
  return commandsHousehold(p, h) || isDistrictAdmin(p);
}

/**
 * Field work on a household (a visit, a dispute and its mediation): whoever may work the household — a cadre of its
 * team, a commander of its township or headquarters, the district admin. Viewers and inspectors only read.
 */
function worksHousehold(p: Principal, h: HouseholdScope): boolean {
  return isCadreOfTeam(p, h.teamId) || commandsHousehold(p, h) || isDistrictAdmin(p);
}

/** The supervision group's own acts (四察四看, triage of blockers, the reserve pool). */
function supervises(p: Principal): boolean {
  return isDistrictInspector(p) || isDistrictAdmin(p);
}

function judge(p: Principal, request: AuthzRequest): Decision {
  switch (request.action) {
    case 'leaderboard:read':
    case 'campaign:read':
    case 'inspection:read':
    case 'summary:read':
      // Summaries are rows of teams: RLS shows each caller the teams of its scope.
      return ALLOWED;
    case 'household:read':
      return rule(
        canSeeHousehold(p, request.resource),
        '该征迁户不在您的管辖范围内',
        'This household is outside your tenant scope',
      );
    case 'household:advance':
      return rule(
        mayAdvance(p, request.resource),
        TRANSITION_REFUSALS.advance.zh,
        TRANSITION_REFUSALS.advance.en,
      );
    case 'household:revert':
      return rule(
        mayRevert(p, request.resource),
        TRANSITION_REFUSALS.revert.zh,
        TRANSITION_REFUSALS.revert.en,
      );
    case 'household:import':
      return rule(
        commandsTenant(p, request.resource.tenantCode) || isDistrictAdmin(p),
        '只有本单位指挥长可以导入征迁户',
        'Only a commander of this township or headquarters may import households',
      );
    case 'team:assign':
      return rule(
        isCommanderOf(p, 'headquarters', request.resource.headquartersCode) || isDistrictAdmin(p),
        '只有本指挥部的指挥长可以调配工作组',
        'Only a commander of this headquarters may assign work teams',
      );
    case 'resettlement:create':
      return rule(
        isCommanderOf(p, 'headquarters', request.resource.headquartersCode) || isDistrictAdmin(p),
        '只有本指挥部的指挥长可以登记安置房源',
        'Only a commander of this headquarters may create resettlement sites',
      );
    case 'inspection:record':
      return rule(
        isDistrictInspector(p) || isDistrictAdmin(p),
        '只有综合督查组可以录入“四察四看”考核',
        'Only the district supervision group may record inspections',
      );
    case 'plan:write':
      // The team lead: a cadre of the team, or a commander of the team's home township or of its headquarters.
      return rule(
        isCadreOfTeam(p, request.resource.teamId) ||
          (request.resource.homeTownshipCode !== null &&
            isCommanderOf(p, 'township', request.resource.homeTownshipCode)) ||
          isCommanderOf(p, 'headquarters', request.resource.headquartersCode) ||
          isDistrictAdmin(p),
        '只有本工作组的干部、工作组所属乡镇或指挥部的指挥长可以制定次日计划',
        "Only a cadre of the team, or a commander of the team's township or headquarters, may plan its next day",
      );
    case 'summary:run':
      // Re-counting a day is idempotent (one row per team and day), so any commander may ask for it.
      return rule(
        isDistrictAdmin(p) || p.role === 'commander',
        '只有区级管理员和指挥长可以立即生成当日汇总',
        'Only district administrators and commanders may run the daily summary now',
      );
    case 'audit:read':
      return rule(
        isDistrictInspector(p) || isDistrictAdmin(p),
        '只有综合督查组和区级管理员可以查看审计日志',
        'Only the district supervision group and administrators may read the audit log',
      );
    case 'apikey:create':
    case 'apikey:revoke':
    case 'apikey:read':
      // A key that could mint keys would let a leaked key outlive its own revocation.
      return rule(
        p.kind === 'user' && (commandsTenant(p, request.resource.tenantCode) || isDistrictAdmin(p)),
        '只有本单位指挥长本人可以管理接口密钥',
        'Only a signed-in commander of this tenant may manage its API keys',
      );
    case 'visit:record':
      return rule(
        worksHousehold(p, request.resource),
        '只有该户所属工作组的干部、所在乡镇或指挥部的指挥长可以登记走访',
        "Only a cadre of the household's team, or a commander of its township or headquarters, may record a visit",
      );
    case 'dispute:open':
    case 'dispute:mediate':
      return rule(
        worksHousehold(p, request.resource),
        '只有该户所属工作组的干部、所在乡镇或指挥部的指挥长可以登记和调解矛盾纠纷',
        "Only a cadre of the household's team, or a commander of its township or headquarters, may open or mediate its disputes",
      );
    case 'escalation:raise':
      return rule(
        isCommanderOf(p, 'headquarters', request.resource.headquartersCode) || isDistrictAdmin(p),
        '只有本指挥部的指挥长可以上报症结难题',
        'Only a commander of this headquarters may raise an escalation',
      );
    case 'escalation:triage':
      return rule(
        supervises(p),
        '只有综合督查组可以研判、决定和办结症结难题',
        'Only the district supervision group may triage, decide and close escalations',
      );
    case 'reserve:read':
    case 'reserve:nominate':
      // District only: a township or headquarters must not learn who was (or was not) nominated.
      return rule(
        request.action === 'reserve:read' ? p.tenantKind === 'district' : supervises(p),
        request.action === 'reserve:read'
          ? '后备干部库仅限区级查看'
          : '只有综合督查组可以推荐干部进入后备干部库',
        request.action === 'reserve:read'
          ? 'The reserve pool is visible to the district only'
          : 'Only the district supervision group may nominate cadres to the reserve pool',
      );
    case 'report:read':
      // The 推进会 report names teams, disputes and blockers of one area: its own commanders and the district.
      return rule(
        commandsTenant(p, request.resource.tenantCode) || p.tenantKind === 'district',
        '只有本单位指挥长和区级可以查看推进会报告',
        'Only a commander of this township or headquarters, or the district, may read its progress report',
      );
    default:
      throw new UnreachableCaseError(request);
  }
}

/** May `principal` do `action` (to `resource`)? Refusals carry the error code and a reason in both languages. */
export function can<A extends Action>(
  principal: Principal | null,
  action: A,
  ...resource: ResourceArgs<A>
): Decision {
  if (principal === null) {
    const { zh, en } = errorMessages[ErrorCode.UNAUTHENTICATED];
    return { allowed: false, code: ErrorCode.UNAUTHENTICATED, reasonZh: zh, reasonEn: en };
  }
  if (!isWellFormedPrincipal(principal)) {
    return rule(
      false,
      '登录身份与所属单位或角色不符',
      'The credentials name an unknown tenant or a role it does not have',
    );
  }
  // A missing resource is a bug in the caller; failing loudly beats answering a different question.
  if (NEEDS_RESOURCE[action] && resource[0] == null) {
    throw new TypeError(`can(…, '${action}') needs the resource the rule is about`);
  }
  // Generic A does not narrow `resource` inside the switch; the pair does once it is one discriminated union.
  return judge(principal, { action, resource: resource[0] } as AuthzRequest);
}
