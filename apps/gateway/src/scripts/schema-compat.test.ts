import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { compareSchemas } from './schema-compat.js';

const RELEASED = `
type Query { household(id: ID!): Household, households(first: Int): [Household!]! }
type Household { id: ID!, code: String!, signedPct: Float @deprecated(reason: "use signedAreaPct") }
`;

describe('schema compatibility check', () => {
  it('passes an unchanged schema and an added optional field', async () => {
    const current = RELEASED.replace('code: String!', 'code: String!, phone: String');
    const report = await compareSchemas(RELEASED, current, []);
    expect(report.unacknowledged).toEqual([]);
    expect(report.other.map((c) => String(c.type))).toEqual(['FIELD_ADDED']);
  });

  it('fails on a removed field, a changed type and a new required argument', async () => {
    const current = RELEASED.replace(', signedPct: Float @deprecated(reason: "use signedAreaPct")', '')
      .replace('code: String!', 'code: Int!')
      .replace('households(first: Int)', 'households(first: Int, tenant: ID!)');
    const report = await compareSchemas(RELEASED, current, []);
    expect(report.unacknowledged.map((c) => `${String(c.type)} ${c.path}`).sort()).toEqual([
      'FIELD_ARGUMENT_ADDED Query.households.tenant',
      'FIELD_REMOVED Household.signedPct',
      'FIELD_TYPE_CHANGED Household.code',
    ]);
  });

  it('accepts a breaking change listed with a reason, and reports acknowledgements that match nothing', async () => {
    const current = RELEASED.replace(', signedPct: Float @deprecated(reason: "use signedAreaPct")', '');
    const ack = {
      type: 'FIELD_REMOVED',
      path: 'Household.signedPct',
      reason: 'deprecated for two releases; integrators moved to signedAreaPct',
    };
    const stale = { type: 'FIELD_REMOVED', path: 'Household.phone', reason: 'removed in an earlier release' };
    const report = await compareSchemas(RELEASED, current, [ack, stale]);
    expect(report.unacknowledged).toEqual([]);
    expect(report.acknowledged.map((a) => a.reason)).toEqual([ack.reason]);
    expect(report.stale).toEqual([stale]);
  });

  it('the CLI exits 1 on an unacknowledged removal and 0 once it is acknowledged', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'schema-compat-'));
    const released = path.join(dir, 'released.graphql');
    const current = path.join(dir, 'current.graphql');
    const acks = path.join(dir, 'acks.json');
    await writeFile(released, RELEASED);
    await writeFile(current, RELEASED.replace(', code: String!', ''));
    await writeFile(acks, '[]');
    const cli = path.join(import.meta.dirname ?? __dirname, './check-schema.ts');
    const run = () =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', cli, released, current, acks]).then(
        (out) => ({ code: 0, stdout: out.stdout }),
        (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
      );
    const refused = await run();
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain("Field 'code' was removed from object type 'Household'");
    await writeFile(
      acks,
      JSON.stringify([
        { type: 'FIELD_REMOVED', path: 'Household.code', reason: 'codes move to the id field' },
      ]),
    );
    const accepted = await run();
    expect(accepted).toEqual({ code: 0, stdout: expect.stringContaining('1 acknowledged') });
    expect(await readFile(acks, 'utf8')).toContain('Household.code');
  });
});
