import { EnvError, isDemoMode, parseEnv } from './env.js';

describe('parseEnv', () => {
  it('applies defaults to an empty environment', () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(4000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(isDemoMode(env)).toBe(true);
  });

  it('reads the working day and the award-eligibility threshold (issue 14)', () => {
    expect(parseEnv({}).WORKING_HOURS).toEqual({ startMinute: 510, endMinute: 1050 });
    expect(parseEnv({}).AWARD_LOSS_LAST_PLACES).toBe(3);
    expect(parseEnv({ WORKING_HOURS: '08:00-18:00', AWARD_LOSS_LAST_PLACES: '2' })).toMatchObject({
      WORKING_HOURS: { startMinute: 480, endMinute: 1080 },
      AWARD_LOSS_LAST_PLACES: 2,
    });
    expect(() => parseEnv({ WORKING_HOURS: '18:00-08:00' })).toThrow(/WORKING_HOURS: Working hours must end/);
    expect(() => parseEnv({ AWARD_LOSS_LAST_PLACES: '0' })).toThrow(/AWARD_LOSS_LAST_PLACES/);
  });

  it('takes a read replica only beside DATABASE_URL (issue 16)', () => {
    const primary = 'postgres://u@db:5432/hanjiang';
    expect(parseEnv({ DATABASE_URL: primary })).toMatchObject({
      DATABASE_REPLICA_PIN_MS: 5_000,
      DATABASE_REPLICA_RETRY_MS: 5_000,
    });
    expect(
      parseEnv({ DATABASE_URL: primary, DATABASE_REPLICA_URL: 'postgres://u@standby/hanjiang' }),
    ).toMatchObject({
      DATABASE_REPLICA_URL: 'postgres://u@standby/hanjiang',
    });
    expect(() => parseEnv({ DATABASE_REPLICA_URL: 'postgres://u@standby/hanjiang' })).toThrow(
      /DATABASE_REPLICA_URL: needs DATABASE_URL/,
    );
    expect(() => parseEnv({ DATABASE_URL: primary, DATABASE_REPLICA_URL: 'mysql://x' })).toThrow(
      /DATABASE_REPLICA_URL: must be a postgres/,
    );
    expect(() => parseEnv({ DATABASE_REPLICA_RETRY_MS: '0' })).toThrow(/DATABASE_REPLICA_RETRY_MS/);
  });

  it('treats empty strings as unset', () => {
    expect(parseEnv({ DATABASE_URL: '', PORT: '' }).PORT).toBe(4000);
  });

  it('reports every problem, not just the first', () => {
    try {
      parseEnv({ PORT: '-1', LOG_LEVEL: 'x', JWT_SECRET: 'short' });
      throw new Error('expected EnvError');
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      const problems = (error as EnvError).problems.join('\n');
      expect(problems).toMatch(/^PORT:/m);
      expect(problems).toMatch(/^LOG_LEVEL:/m);
      expect(problems).toMatch(/^JWT_SECRET:/m);
    }
  });

  it.each([
    [{ NODE_ENV: 'production' }, false, true],
    [{ NODE_ENV: 'production', DEMO_MODE: '1' }, true, false],
    [{ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }, false, false],
    [{ DEMO_MODE: 'off' }, false, false],
  ])('demo mode and production secrets: %j', (source, demo, fails) => {
    if (fails) {
      expect(() => parseEnv(source)).toThrow(EnvError);
    } else {
      expect(isDemoMode(parseEnv(source))).toBe(demo);
    }
  });
});
