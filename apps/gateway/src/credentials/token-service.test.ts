import { parseEnv } from '../env.js';
import { InvalidTokenError, TokenService } from './token-service.js';

const CLAIMS = {
  sub: 'user-1',
  username: 'baitang.viewer',
  mid: 'membership-1',
  tk: 'township',
  tc: 'baitang',
  role: 'viewer',
  team: null,
} as const;

describe('TokenService: verified tokens are remembered, never past their expiry', () => {
  const tokens = new TokenService(parseEnv({ JWT_SECRET: 'a-test-secret-that-is-long-enough-to-pass-1234' }));
  afterEach(() => jest.restoreAllMocks());

  it('verifies a token, then answers the same token from memory with the same claims', () => {
    const { token } = tokens.issue(CLAIMS, 60);
    const first = tokens.verify(token);
    expect(first.claims).toMatchObject({ sub: 'user-1', tc: 'baitang' });
    expect(tokens.verify(token)).toBe(first);
  });

  it('refuses a remembered token once it expired (60 s tolerance included)', () => {
    const { token, expiresAt } = tokens.issue(CLAIMS, 60);
    tokens.verify(token);
    jest.spyOn(Date, 'now').mockReturnValue(expiresAt.getTime() + 61_000);
    expect(() => tokens.verify(token)).toThrow(InvalidTokenError);
  });

  it('a token differing in any character is checked in full (and refused when tampered)', () => {
    const { token } = tokens.issue(CLAIMS, 60);
    tokens.verify(token);
    const [header, payload, signature] = token.split('.');
    const forged = `${header}.${payload}.${signature!.slice(0, -2)}${signature!.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(() => tokens.verify(forged)).toThrow(InvalidTokenError);
  });
});
