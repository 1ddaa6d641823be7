// Generated writes (issue 15, item 2): every Mutation field, generated from the schema with ids of every tenant
// and random payloads, sent over HTTP as every kind of principal. Whatever a write does inside the caller's
// scope, it changes nothing outside it: no row it writes lies outside (checked after every operation), and the
// fingerprint of every table's rows outside the caller's scope is the same before and after the caller's batch.
// Responses obey the read properties too (no foreign row, no unmasked personal data, no 5xx, no INTERNAL).
// Replay: HJ_FUZZ_SEED=<printed seed>; more cases: HJ_FUZZ_WRITE_RUNS=<operations per actor>.
import fc from 'fast-check';
import type { GraphQLSchema } from 'graphql';
import { createSchema } from '../src/schema.js';
import { closeSeededGateway, openSeededGateway, type SeededGateway } from './helpers/seeded-gateway.js';
import { WriteScope } from './generated/fingerprint.js';
import { Tally, compareTwin, describeFailure, loadSamples, problems } from './generated/harness.js';
import { type Samples, operationArbitrary, rootFields } from './generated/operations.js';
import { Oracle } from './generated/oracle.js';
import {
  type Actor,
  DEMO_USERNAMES,
  KEY_TOWNSHIP,
  LiveWatch,
  openActors,
  overHttp,
} from './generated/principals.js';
import { fuzzSettings } from './generated/values.js';
import { guide } from './generated/guide.js';

const { seed } = fuzzSettings(1);
const runs = Number(process.env.HJ_FUZZ_WRITE_RUNS ?? 40);

describe('generated writes change nothing outside the caller’s scope', () => {
  let opened: SeededGateway;
  let schema: GraphQLSchema;
  let oracle: Oracle;
  let scope: WriteScope;
  let samples: Samples;
  let actors: Actor[];
  const tally = new Tally();
  let changedInScope = 0;
  /** Every actor watches households change while the others write: live events obey the read properties too. */
  let watches: LiveWatch[] = [];
  const WATCH = `subscription { householdChanged { __typename id code stage ownerIdNumber phone
    township { code } team { id homeTownship { code } } events { id township { code } } } }`;

  beforeAll(async () => {
    opened = await openSeededGateway();
    schema = await createSchema();
    actors = await openActors(opened.gateway.url, opened.owner);
    oracle = await Oracle.load(opened.owner);
    scope = await WriteScope.load(opened.owner, oracle);
    samples = await loadSamples(
      opened.owner,
      opened.gateway.url,
      actors.find((a) => a.label === 'district.admin')!,
    );
    watches = actors.map((actor) => new LiveWatch(opened.gateway.url, actor, WATCH));
    console.log(
      `[generated-writes] seed ${seed}, ${runs} mutations per actor (HJ_FUZZ_SEED, HJ_FUZZ_WRITE_RUNS)`,
    );
  });

  afterAll(async () => {
    const delivered = watches.reduce((n, w) => n + w.events.length, 0);
    console.log(
      `[generated-writes] ${tally.summary()}; ${changedInScope} succeeded; ${delivered} live events checked`,
    );
    await Promise.all(watches.map((w) => w.close()));
    await closeSeededGateway(opened ?? {});
  });

  const labels = [...DEMO_USERNAMES, `${KEY_TOWNSHIP} API key`];

  it.each(labels.map((label, index) => [label, index] as const))('as %s', async (label, index) => {
    const actor = actors.find((a) => a.label === label)!;
    const { owner, gateway } = opened;
    const before = await scope.fingerprint(owner, actor.principal);
    // Ids the actor may write weigh as much as all the others, so some writes succeed inside its scope.
    const own = await scope.writableIds(owner, actor.principal, 40);
    const mine: Samples = { ...samples, ids: [...samples.ids, ...Array<string[]>(20).fill(own).flat()] };
    const roots = rootFields(schema, 'mutation');
    const ops = fc.oneof(
      operationArbitrary(schema, 'mutation', mine, roots, false),
      operationArbitrary(schema, 'mutation', mine, roots, true),
    );
    await fc.assert(
      fc.asyncProperty(ops, async (op) => {
        await guide(owner, op.variables);
        const mark = await WriteScope.mark(owner);
        const outcome = await overHttp(gateway.url, actor, op.query, op.variables);
        tally.add(op, outcome);
        const found = [
          ...problems(oracle, actor, outcome),
          ...(await scope.writtenOutside(owner, actor.principal, mark)),
        ];
        if (found.length) throw new Error(describeFailure(actor, 'HTTP', op, found));
        if (outcome.errors.length) {
          const send = (query: string, variables: object) => overHttp(gateway.url, actor, query, variables);
          const differs = await compareTwin(oracle, actor, op, outcome, send, tally);
          if (differs.length) throw new Error(describeFailure(actor, 'HTTP', op, differs));
        }
        if (outcome.data && outcome.errors.length === 0 && op.root !== 'login') changedInScope += 1;
      }),
      { seed: seed + 1000 + index, numRuns: runs, endOnFailure: true },
    );
    expect(await scope.fingerprint(owner, actor.principal)).toEqual(before);
  });

  it('every Mutation field was generated', () => {
    for (const root of rootFields(schema, 'mutation')) expect(tally.roots).toContain(`mutation.${root}`);
  });

  it('the check bites: a row written outside the caller’s scope is found, and changes the fingerprint', async () => {
    const viewer = actors.find((a) => a.label === 'qiulu.viewer')!;
    const before = await scope.fingerprint(opened.owner, viewer.principal);
    const mark = await WriteScope.mark(opened.owner);
    await opened.owner.query(
      `UPDATE household SET owner_name = owner_name || '' WHERE id = (
         SELECT h.id FROM household h JOIN township t ON t.id = h.township_id WHERE t.code = 'jiangkou' LIMIT 1)`,
    );
    expect(await scope.writtenOutside(opened.owner, viewer.principal, mark)).toHaveLength(1);
    await opened.owner.query(
      `UPDATE household SET phone = phone || '0' WHERE id = (SELECT id FROM household ORDER BY id LIMIT 1)`,
    );
    expect(await scope.fingerprint(opened.owner, viewer.principal)).not.toEqual(before);
  });

  it('a real in-scope write passes the checks, is seen as out of scope for others, and reaches only its watchers', async () => {
    const cadre = actors.find((a) => a.label === 'baisha.cadre')!;
    const viewer = actors.find((a) => a.label === 'qiulu.viewer')!;
    const { rows } = await opened.owner.query<{ id: string; version: number }>(
      `SELECT id::text, version FROM household WHERE code = 'BTH-JW-0250' AND stage = 'ASSESSED'`,
    );
    expect(rows).toHaveLength(1); // the README's household: 白沙's helper team works it in 白塘
    const mark = await WriteScope.mark(opened.owner);
    const signed = await overHttp(
      opened.gateway.url,
      cadre,
      `mutation ($id: ID!, $v: Int!) { advanceStage(input: { householdId: $id, toStage: SIGNED, expectedVersion: $v,
        idempotencyKey: "generated-writes-sanity", agreedAmountYuan: "935000.00", compensationChoice: CASH }) { id stage } }`,
      { id: rows[0]!.id, v: rows[0]!.version },
    );
    expect(signed.errors).toEqual([]);
    expect(await scope.writtenOutside(opened.owner, cadre.principal, mark)).toEqual([]);
    expect((await scope.writtenOutside(opened.owner, viewer.principal, mark)).length).toBeGreaterThanOrEqual(
      2,
    );
    // The live event reaches the household's own scopes; everything any watcher received obeys the oracle.
    const district = watches.find((w) => w.actor.label === 'district.admin')!;
    const deadline = Date.now() + 5_000;
    while (
      !district.events.some((e) => JSON.stringify(e.data).includes(rows[0]!.id)) &&
      Date.now() < deadline
    ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(JSON.stringify(district.events)).toContain(rows[0]!.id);
    for (const watch of watches) {
      for (const event of watch.events) expect(problems(oracle, watch.actor, event)).toEqual([]);
    }
    const qiulu = watches.find((w) => w.actor.label === 'qiulu.viewer')!;
    expect(JSON.stringify(qiulu.events)).not.toContain(rows[0]!.id);
  });
});
