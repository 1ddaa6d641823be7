import { GraphQLError } from 'graphql';
import { LoginLimits } from './login-limits.js';

const limits = () => new LoginLimits({ perAddress: 3, perUsername: 2, windowSeconds: 60 });

async function refusal(attempt: Promise<void>): Promise<Record<string, unknown> | null> {
  try {
    await attempt;
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    return (error as GraphQLError).extensions;
  }
}

describe('LoginLimits', () => {
  it('refuses a username past its attempts, from any address, with a retry hint in both languages', async () => {
    const l = limits();
    expect(await refusal(l.begin('a1', 'user'))).toBeNull();
    expect(await refusal(l.begin('a2', 'user'))).toBeNull();
    const refused = await refusal(l.begin('a3', 'user'));
    expect(refused).toMatchObject({ code: 'RATE_LIMITED' });
    expect(refused?.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused?.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(refused?.messageZh).toMatch(/秒后再试/);
    expect(await refusal(l.begin('a3', 'someone-else'))).toBeNull();
  });

  it('refuses an address past its attempts, whatever the username', async () => {
    const l = limits();
    for (const user of ['u1', 'u2', 'u3']) expect(await refusal(l.begin('addr', user))).toBeNull();
    expect(await refusal(l.begin('addr', 'u4'))).toMatchObject({ code: 'RATE_LIMITED' });
    expect(await refusal(l.begin('other', 'u4'))).toBeNull();
  });

  it('counts attempts as they start, so concurrent ones cannot all slip through', async () => {
    const l = limits();
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => refusal(l.begin('addr', 'user'))));
    expect(outcomes.filter((o) => o === null)).toHaveLength(2);
  });

  it('a success gives the attempt back to the address and clears the username', async () => {
    const l = limits();
    for (let i = 0; i < 10; i += 1) {
      expect(await refusal(l.begin('addr', 'user'))).toBeNull();
      await l.succeeded('addr', 'user');
    }
  });

  it('an abandoned attempt (no answer from the database) is given back to both', async () => {
    const l = limits();
    for (let i = 0; i < 10; i += 1) {
      expect(await refusal(l.begin('addr', 'user'))).toBeNull();
      await l.abandoned('addr', 'user');
    }
  });
});
