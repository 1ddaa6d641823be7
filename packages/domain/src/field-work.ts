// Field work (the article's 错时走访 + 提前调解 and the supervision group's 症结难题): the visit purposes, dispute
// categories and the two small state machines, pure so the gateway, the portals and the tests agree on them.
import { type BilingualMessage } from './errors.js';

type ValueOf<T> = T[keyof T];

export const VisitPurpose = {
  POLICY_EXPLANATION: 'POLICY_EXPLANATION',
  SOCIAL_RELATIONS_SURVEY: 'SOCIAL_RELATIONS_SURVEY',
  MEASUREMENT_APPOINTMENT: 'MEASUREMENT_APPOINTMENT',
  SIGNING_TALK: 'SIGNING_TALK',
  OTHER: 'OTHER',
} as const;
export type VisitPurpose = ValueOf<typeof VisitPurpose>;
export const VISIT_PURPOSES = Object.values(VisitPurpose);

export const VISIT_PURPOSE_LABELS: Readonly<Record<VisitPurpose, BilingualMessage>> = {
  POLICY_EXPLANATION: { zh: '政策宣讲', en: 'Policy explanation' },
  SOCIAL_RELATIONS_SURVEY: { zh: '社会关系摸排', en: 'Social-relations survey' },
  MEASUREMENT_APPOINTMENT: { zh: '预约丈量', en: 'Measurement appointment' },
  SIGNING_TALK: { zh: '签约洽谈', en: 'Signing talk' },
  OTHER: { zh: '其他', en: 'Other' },
};

export const DisputeCategory = {
  COMPENSATION_AMOUNT: 'COMPENSATION_AMOUNT',
  RESETTLEMENT: 'RESETTLEMENT',
  OWNERSHIP_INHERITANCE: 'OWNERSHIP_INHERITANCE',
  BOUNDARY_AREA: 'BOUNDARY_AREA',
  FAMILY_DISAGREEMENT: 'FAMILY_DISAGREEMENT',
  OTHER: 'OTHER',
} as const;
export type DisputeCategory = ValueOf<typeof DisputeCategory>;
export const DISPUTE_CATEGORIES = Object.values(DisputeCategory);

export const DISPUTE_CATEGORY_LABELS: Readonly<Record<DisputeCategory, BilingualMessage>> = {
  COMPENSATION_AMOUNT: { zh: '补偿金额', en: 'Compensation amount' },
  RESETTLEMENT: { zh: '安置', en: 'Resettlement' },
  OWNERSHIP_INHERITANCE: { zh: '权属与继承', en: 'Ownership and inheritance' },
  BOUNDARY_AREA: { zh: '四至与面积', en: 'Boundary and area' },
  FAMILY_DISAGREEMENT: { zh: '家庭内部分歧', en: 'Family disagreement' },
  OTHER: { zh: '其他', en: 'Other' },
};

/** 矛盾纠纷: open → mediating → resolved | escalated. Resolved and escalated are final. */
export const DisputeState = {
  OPEN: 'OPEN',
  MEDIATING: 'MEDIATING',
  RESOLVED: 'RESOLVED',
  ESCALATED: 'ESCALATED',
} as const;
export type DisputeState = ValueOf<typeof DisputeState>;
export const DISPUTE_STATES = Object.values(DisputeState);

export const DISPUTE_STATE_LABELS: Readonly<Record<DisputeState, BilingualMessage>> = {
  OPEN: { zh: '待调解', en: 'Open' },
  MEDIATING: { zh: '调解中', en: 'Mediating' },
  RESOLVED: { zh: '已化解', en: 'Resolved' },
  ESCALATED: { zh: '已上报', en: 'Escalated' },
};

const DISPUTE_NEXT: Readonly<Record<DisputeState, readonly DisputeState[]>> = {
  OPEN: ['MEDIATING'],
  MEDIATING: ['RESOLVED', 'ESCALATED'],
  RESOLVED: [],
  ESCALATED: [],
};

/** Disputes still on the team's plate: counted on the household card and the team's standing. */
export function isDisputeOpen(state: DisputeState): boolean {
  return DISPUTE_NEXT[state].length > 0;
}

/** 症结难题: raised by a headquarters → triaged to a meeting → decided → closed. */
export const EscalationState = {
  RAISED: 'RAISED',
  TRIAGED: 'TRIAGED',
  DECIDED: 'DECIDED',
  CLOSED: 'CLOSED',
} as const;
export type EscalationState = ValueOf<typeof EscalationState>;
export const ESCALATION_STATES = Object.values(EscalationState);

const ESCALATION_NEXT: Readonly<Record<EscalationState, readonly EscalationState[]>> = {
  RAISED: ['TRIAGED'],
  TRIAGED: ['DECIDED'],
  DECIDED: ['CLOSED'],
  CLOSED: [],
};

export function isEscalationOpen(state: EscalationState): boolean {
  return state !== EscalationState.CLOSED;
}

export type StateRefusal = 'FINAL' | 'SAME' | 'NOT_NEXT';
export type StateCheck = { ok: true } | { ok: false; reason: StateRefusal };

function check<S extends string>(next: Readonly<Record<S, readonly S[]>>, from: S, to: S): StateCheck {
  if (next[from].length === 0) return { ok: false, reason: 'FINAL' };
  if (from === to) return { ok: false, reason: 'SAME' };
  if (!next[from].includes(to)) return { ok: false, reason: 'NOT_NEXT' };
  return { ok: true };
}

export function checkDisputeTransition(from: DisputeState, to: DisputeState): StateCheck {
  return check(DISPUTE_NEXT, from, to);
}

export function checkEscalationTransition(from: EscalationState, to: EscalationState): StateCheck {
  return check(ESCALATION_NEXT, from, to);
}

export const DISPUTE_REFUSAL_MESSAGES: Readonly<Record<StateRefusal, BilingualMessage>> = {
  FINAL: {
    zh: '该矛盾纠纷已化解或已上报,不能再变更状态',
    en: 'The dispute is already resolved or escalated; its state cannot change',
  },
  SAME: { zh: '该矛盾纠纷已处于此状态', en: 'The dispute is already in that state' },
  NOT_NEXT: {
    zh: '矛盾纠纷须先进入调解,再化解或上报(待调解 → 调解中 → 已化解/已上报)',
    en: 'A dispute goes open → mediating → resolved or escalated; it cannot skip mediation',
  },
};

export const ESCALATION_REFUSAL_MESSAGES: Readonly<Record<StateRefusal, BilingualMessage>> = {
  FINAL: { zh: '该症结难题已办结', en: 'The escalation is already closed' },
  SAME: { zh: '该症结难题已处于此状态', en: 'The escalation is already in that state' },
  NOT_NEXT: {
    zh: '症结难题须依次经过研判上会、作出决定、办结',
    en: 'An escalation goes raised → triaged to a meeting → decided → closed, one step at a time',
  },
};

/**
 * "对多次考评排名靠后的单位,取消年度评优评先资格": a unit ranked last in at least `threshold` inspection periods
 * loses its annual award eligibility. The threshold is the deployment's (AWARD_LOSS_LAST_PLACES, default 3).
 */
export const DEFAULT_AWARD_LOSS_LAST_PLACES = 3;

export function losesAwardEligibility(lastPlaceCount: number, threshold: number): boolean {
  if (!Number.isInteger(threshold) || threshold < 1)
    throw new RangeError('threshold must be a positive integer');
  return lastPlaceCount >= threshold;
}

/** Free-text limits (notes, outcomes, descriptions): long enough for a real account, short enough for a phone. */
export const FIELD_TEXT_MAX_LENGTH = 2000;
