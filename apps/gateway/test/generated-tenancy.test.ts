// Generated tenancy attacks (issue 15, item 1). Operations come from the built schema (every Query field, its
// relations to depth 3, arguments filled with other tenants' ids, codes and cursors and with edge values); each
// runs as every kind of principal, over HTTP and over WebSocket. Properties: no row of a tenant outside the
// principal's scope (oracle: test/generated/oracle.ts, from the database as superuser), no personal data the
// principal may not see unmasked, no 5xx, no INTERNAL_SERVER_ERROR. Replay: HJ_FUZZ_SEED=<printed seed>;
// more cases: HJ_FUZZ_RUNS=<operations per actor and transport>.
import fc from 'fast-check';
import type { GraphQLSchema } from 'graphql';
import { createSchema } from '../src/schema.js';
import { closeSeededGateway, openSeededGateway, type SeededGateway } from './helpers/seeded-gateway.js';
import { Tally, compareTwin, describeFailure, loadSamples, problems } from './generated/harness.js';
import {
  type GeneratedOperation,
  type Samples,
  operationArbitrary,
  rootFields,
} from './generated/operations.js';
import { Oracle } from './generated/oracle.js';
import {
  type Actor,
  DEMO_USERNAMES,
  KEY_TOWNSHIP,
  SocketTransport,
  openActors,
  overHttp,
} from './generated/principals.js';
import { fuzzSettings } from './generated/values.js';

// 7 actors × 2 transports × 150 = 2,100 queries, plus the subscriptions below.
const { seed, runs } = fuzzSettings(150);
/** A subscription's first event (boards and the gauge send one at once); those that wait for a change time out. */
const SUBSCRIPTION_WAIT_MS = 150;

describe('generated tenancy attacks', () => {
  let opened: SeededGateway;
  let schema: GraphQLSchema;
  let oracle: Oracle;
  let samples: Samples;
  let actors: Actor[];
  let sockets: SocketTransport;
  const tally = new Tally();

  beforeAll(async () => {
    opened = await openSeededGateway();
    schema = await createSchema();
    actors = await openActors(opened.gateway.url, opened.owner);
    oracle = await Oracle.load(opened.owner);
    samples = await loadSamples(
      opened.owner,
      opened.gateway.url,
      actors.find((a) => a.label === 'district.admin')!,
    );
    sockets = new SocketTransport(opened.gateway.url);
    console.log(
      `[generated-tenancy] seed ${seed}, ${runs} operations per actor and transport (HJ_FUZZ_SEED, HJ_FUZZ_RUNS)`,
    );
  });

  afterAll(async () => {
    console.log(`[generated-tenancy] ${tally.summary()}`);
    await sockets?.close();
    await closeSeededGateway(opened ?? {});
  });

  async function attack(actor: Actor, via: 'HTTP' | 'WebSocket', op: GeneratedOperation): Promise<void> {
    const outcome =
      via === 'HTTP'
        ? await overHttp(opened.gateway.url, actor, op.query, op.variables)
        : await sockets.run(
            actor,
            op.query,
            op.variables,
            op.kind === 'subscription' ? SUBSCRIPTION_WAIT_MS : 0,
          );
    tally.add(op, outcome);
    const found = problems(oracle, actor, outcome);
    // Over HTTP, the same operation with the foreign ids replaced by missing ones must answer the same codes.
    if (via === 'HTTP' && !found.length) {
      const send = (query: string, variables: object) =>
        overHttp(opened.gateway.url, actor, query, variables);
      found.push(...(await compareTwin(oracle, actor, op, outcome, send, tally)));
    }
    if (found.length) throw new Error(describeFailure(actor, via, op, found));
  }

  const labels = [...DEMO_USERNAMES, `${KEY_TOWNSHIP} API key`];

  // HTTP and WebSocket streams of one actor run side by side (each operation still waits for its answer): the
  // gateway runs in this process, and overlapping the two keeps the suite within CI's time on 2 cores.
  it.each(labels.map((label, index) => [label, index] as const))(
    'queries as %s, over HTTP and over WebSocket',
    async (label, index) => {
      const actor = actors.find((a) => a.label === label)!;
      const stream = (via: 'HTTP' | 'WebSocket', offset: number) =>
        fc.assert(
          fc.asyncProperty(operationArbitrary(schema, 'query', samples), (op) => attack(actor, via, op)),
          { seed: seed + index + offset, numRuns: runs, endOnFailure: true },
        );
      await Promise.all([stream('HTTP', 0), stream('WebSocket', 100)]);
    },
  );

  it('subscriptions over WebSocket, every actor: the first event obeys the same properties', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...actors),
        operationArbitrary(schema, 'subscription', samples),
        (actor, op) => attack(actor, 'WebSocket', op),
      ),
      { seed, numRuns: Math.max(20, Math.round(runs / 3)), endOnFailure: true },
    );
  });

  it('the oracle bites: the district admin’s real answers hold rows and personal data others may not see', async () => {
    const admin = actors.find((a) => a.label === 'district.admin')!;
    const { rows } = await opened.owner.query<{ id: string }>(
      'SELECT DISTINCT ON (township_id) id::text FROM household ORDER BY township_id, code',
    );
    const answers = [];
    for (const { id } of rows) {
      const query = 'query ($id: ID!) { household(id: $id) { id ownerIdNumber phone } }';
      answers.push((await overHttp(opened.gateway.url, admin, query, { id })).data);
    }
    expect(answers).toHaveLength(10);
    expect(oracle.violations(admin.principal, answers)).toEqual([]);
    for (const actor of actors.filter((a) => a.principal.tenantKind !== 'district')) {
      const found = oracle.violations(actor.principal, answers);
      expect(found.some((f) => f.includes('out of scope'))).toBe(true);
      expect(found.some((f) => f.includes('unmasked personal data'))).toBe(true);
    }
    const inspector = actors.find((a) => a.label === 'district.inspector')!;
    expect(oracle.violations(inspector.principal, answers).length).toBeGreaterThanOrEqual(10);
  });

  it('every Query and Subscription field was generated (new fields are covered without editing this test)', () => {
    for (const kind of ['query', 'subscription'] as const) {
      for (const root of rootFields(schema, kind)) expect(tally.roots).toContain(`${kind}.${root}`);
    }
  });
});
