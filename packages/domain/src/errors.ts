// The error codes every client sees in `extensions.code`. They are part of the public contract
// (DESIGN §4), so the string value of each member is its own name and never changes.
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  RATE_LIMITED = 'RATE_LIMITED',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  PERSISTED_QUERY_NOT_ALLOWED = 'PERSISTED_QUERY_NOT_ALLOWED',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
}

export interface BilingualMessage {
  readonly zh: string;
  readonly en: string;
}

/** Default messages, used when a more specific one is not given. Cadres read Chinese; integrators often English. */
export const errorMessages: Readonly<Record<ErrorCode, BilingualMessage>> = {
  [ErrorCode.UNAUTHENTICATED]: {
    zh: '未登录或登录已失效,请重新登录',
    en: 'Not authenticated or the session has expired; please sign in again',
  },
  [ErrorCode.FORBIDDEN]: {
    zh: '您没有执行此操作的权限',
    en: 'You are not allowed to perform this action',
  },
  [ErrorCode.NOT_FOUND]: {
    zh: '记录不存在或您无权查看',
    en: 'The record does not exist or you may not see it',
  },
  [ErrorCode.CONFLICT]: {
    zh: '记录已被他人修改,请刷新后重试',
    en: 'The record was changed by someone else; reload it and try again',
  },
  [ErrorCode.INVALID_TRANSITION]: {
    zh: '征迁环节只能按顺序逐步推进,不能跳过或回到已完成的环节',
    en: 'Stages move forward one step at a time; this transition is not allowed',
  },
  [ErrorCode.IDEMPOTENCY_KEY_REUSED]: {
    zh: '该幂等键已用于另一项不同的操作',
    en: 'This idempotency key was already used for a different request',
  },
  [ErrorCode.BAD_USER_INPUT]: {
    zh: '提交的数据不完整或格式不正确',
    en: 'The input is incomplete or malformed',
  },
  [ErrorCode.RATE_LIMITED]: {
    zh: '请求过于频繁,请稍后再试',
    en: 'Too many requests; please try again later',
  },
  [ErrorCode.QUERY_TOO_COMPLEX]: {
    zh: '查询过于复杂,请减少嵌套层级或字段数量',
    en: 'The query is too complex; reduce its depth or number of fields',
  },
  [ErrorCode.PERSISTED_QUERY_NOT_ALLOWED]: {
    zh: '此查询不在允许列表中',
    en: 'This query is not on the allow-list',
  },
  [ErrorCode.INTERNAL_SERVER_ERROR]: {
    zh: '服务器内部错误,请稍后再试',
    en: 'Internal server error; please try again later',
  },
  [ErrorCode.SERVICE_UNAVAILABLE]: {
    zh: '服务暂不可用,请稍后再试',
    en: 'The service is temporarily unavailable; please try again later',
  },
};

/**
 * Thrown at the end of an exhaustive switch. The `never` parameter makes the compiler reject the
 * switch as soon as a new member is added to the union; the runtime throw covers data that lied about its type.
 */
export class UnreachableCaseError extends Error {
  readonly value: unknown;

  constructor(value: never) {
    super(`Unreachable case: ${JSON.stringify(value) ?? String(value)}`);
    this.name = 'UnreachableCaseError';
    this.value = value;
  }
}
