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

  it('gives the stated message for UNAUTHENTICATED', () => {
    expect(errorMessages.UNAUTHENTICATED).toEqual({
      zh: '未登录或登录已失效,请重新登录',
      en: 'Not authenticated or the session has expired; please sign in again',
    });
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
