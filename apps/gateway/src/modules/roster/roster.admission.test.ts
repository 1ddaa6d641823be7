import { ImportAdmission, MAX_WAITING_IMPORTS } from './roster.admission.js';

/** A unit of work the test finishes when it likes, recording when it started. */
function gate(started: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return {
    work: async () => {
      started.push(name);
      await done;
      return name;
    },
    finish: () => finish(),
  };
}

const codeOf = (error: unknown) => (error as { extensions?: { code?: string } }).extensions?.code;
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('ImportAdmission', () => {
  it('gives each caller perWindow imports a window; the next is RATE_LIMITED with the wait, others unaffected', async () => {
    const admission = new ImportAdmission({ perWindow: 2, windowSeconds: 60, concurrency: 4 });
    const run = (subject: string) => admission.run(subject, () => Promise.resolve(subject));
    expect(await admission.wait('a')).toBeNull();
    await run('a');
    await run('a');
    // wait() only looks: asking twice spends nothing.
    const wait = await admission.wait('a');
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(await admission.wait('a')).toBe(wait);
    const refused = await run('a').catch((error: unknown) => error);
    expect(codeOf(refused)).toBe('RATE_LIMITED');
    expect(refused).toMatchObject({ extensions: { retryAfterSeconds: expect.any(Number) } });
    expect(await admission.wait('b')).toBeNull();
    expect(await run('b')).toBe('b');
  });

  it('runs `concurrency` imports at a time and the rest in order', async () => {
    const admission = new ImportAdmission({ perWindow: 100, windowSeconds: 60, concurrency: 1 });
    const started: string[] = [];
    const [one, two, three] = ['one', 'two', 'three'].map((name) => gate(started, name));
    const results = [one!, two!, three!].map((g) => admission.run('a', g.work));
    await tick();
    expect(started).toEqual(['one']);
    one!.finish();
    await tick();
    expect(started).toEqual(['one', 'two']);
    two!.finish();
    three!.finish();
    expect(await Promise.all(results)).toEqual(['one', 'two', 'three']);
  });

  it(`tells the next import to retry once ${MAX_WAITING_IMPORTS} wait, without spending its budget`, async () => {
    // One import a window each: had the refused one been charged, `late` would have to wait.
    const admission = new ImportAdmission({ perWindow: 1, windowSeconds: 60, concurrency: 1 });
    const started: string[] = [];
    const gates = Array.from({ length: MAX_WAITING_IMPORTS + 1 }, (_, i) => gate(started, String(i)));
    const running = gates.map((g, i) => admission.run(`caller-${i}`, g.work));
    await tick();
    const refused = await admission.run('late', () => Promise.resolve('late')).catch((e: unknown) => e);
    expect(codeOf(refused)).toBe('RATE_LIMITED');
    expect(await admission.wait('late')).toBeNull();
    gates.forEach((g) => g.finish());
    await Promise.all(running);
    expect(await admission.run('late', () => Promise.resolve('late'))).toBe('late');
  });
});
