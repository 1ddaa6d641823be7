import { ErrorCode, UnreachableCaseError, errorMessages } from './errors.js';

const CODES = Object.values(ErrorCode);

describe('ErrorCode', () => {
  it('has the twelve codes of the public contract', () => {
    expect(CODES).toHaveLength(12);
  });

  it.each(CODES)('%s has a string value equal to its name', (code) => {
    expect(ErrorCode[code]).toBe(code);
  });

  it.each(CODES)('%s has a bilingual default message', (code) => {
    const message = errorMessages[code];
    expect(message.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(message.en).toMatch(/^[A-Z][\x20-\x7e]+$/);
  });

  // The texts clients show are part of the contract: each is stated here in full.
  it.each<[ErrorCode, string, string]>([
    [
      'UNAUTHENTICATED' as ErrorCode,
      '未登录或登录已失效,请重新登录',
      'Not authenticated or the session has expired; please sign in again',
    ],
    ['FORBIDDEN' as ErrorCode, '您没有执行此操作的权限', 'You are not allowed to perform this action'],
    ['NOT_FOUND' as ErrorCode, '记录不存在或您无权查看', 'The record does not exist or you may not see it'],
    [
      'CONFLICT' as ErrorCode,
      '记录已被他人修改,请刷新后重试',
      'The record was changed by someone else; reload it and try again',
    ],
    [
      'INVALID_TRANSITION' as ErrorCode,
      '征迁环节只能按顺序逐步推进,不能跳过或回到已完成的环节',
      'Stages move forward one step at a time; this transition is not allowed',
    ],
    [
      'IDEMPOTENCY_KEY_REUSED' as ErrorCode,
      '该幂等键已用于另一项不同的操作',
      'This idempotency key was already used for a different request',
    ],
    ['BAD_USER_INPUT' as ErrorCode, '提交的数据不完整或格式不正确', 'The input is incomplete or malformed'],
    ['RATE_LIMITED' as ErrorCode, '请求过于频繁,请稍后再试', 'Too many requests; please try again later'],
    [
      'QUERY_TOO_COMPLEX' as ErrorCode,
      '查询过于复杂,请减少嵌套层级或字段数量',
      'The query is too complex; reduce its depth or number of fields',
    ],
    [
      'PERSISTED_QUERY_NOT_ALLOWED' as ErrorCode,
      '此查询不在允许列表中',
      'This query is not on the allow-list',
    ],
    [
      'INTERNAL_SERVER_ERROR' as ErrorCode,
      '服务器内部错误,请稍后再试',
      'Internal server error; please try again later',
    ],
    [
      'SERVICE_UNAVAILABLE' as ErrorCode,
      '服务暂不可用,请稍后再试',
      'The service is temporarily unavailable; please try again later',
    ],
  ])('gives %s the stated message', (code, zh, en) => {
    expect(errorMessages[code]).toEqual({ zh, en });
  });
});

describe('UnreachableCaseError', () => {
  it.each([
    ['a string', 'MYSTERY', 'Unreachable case: "MYSTERY"'],
    ['a number', 42, 'Unreachable case: 42'],
    ['undefined', undefined, 'Unreachable case: undefined'],
  ])('names %s it received', (_label, value, message) => {
    const error = new UnreachableCaseError(value as never);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('UnreachableCaseError');
    expect(error.message).toBe(message);
    expect(error.value).toBe(value);
  });
});
