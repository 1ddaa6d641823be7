// Phase 3, verify (before any timing): what the gateway's schema offers, SQL statements per request, and every
// system's answer to every read scenario against the raw baseline's; then the signing's footprint.
import type { BenchArgs } from '../args.js';
import type { Child } from '../children.js';
import type { BenchDatabase } from '../database.js';
import { canonical, firstDifference, post } from '../graphql-client.js';
import { listScenario, type Scenario } from '../scenarios.js';
import type { SigningFixture } from '../signing.js';
import { log, type Systems, urlOf } from './context.js';
import type { Plan } from './prepare.js';
import { checkSigning } from './verify-signing.js';

export interface SchemaFeatures {
  mutations: string[];
  subscriptions: string[];
}

export interface Verified {
  ok: boolean;
  /** Byte-exact answers each system gave, used as autocannon's expectBody. */
  bodies: Map<string, string>;
  problems: string[];
}

export interface Checked {
  features: SchemaFeatures;
  /** SQL statements per request on the gateway, by scenario id (null: not counted). */
  statements: Record<string, number | null>;
  verified: Verified;
  /** The signing fixture when signing is measured. */
  signing: SigningFixture | null;
  /** What this run cannot measure, and why. */
  unavailable: string[];
}

export async function verifySystems(
  db: BenchDatabase,
  systems: Systems,
  gatewayDev: Child,
  token: string,
  plan: Plan,
  args: BenchArgs,
): Promise<Checked> {
  const features = await introspect(gatewayDev, token);
  const statements = await sqlStatements(gatewayDev, token, plan.reads);
  log(`SQL statements per request (gateway): ${JSON.stringify(statements)}`);
  const verified = await verifyReads(systems, token, plan.reads, gatewayDev);
  for (const problem of verified.problems) log(`WRONG ANSWER ${problem}`);
  if (verified.ok) log(`verified: every system answered every read scenario like the raw baseline`);
  const unavailable: string[] = [];
  let signing: SigningFixture | null = null;
  if (!features.mutations.includes('advanceStage')) {
    unavailable.push('signing mutation: not yet available (the gateway schema has no advanceStage)');
  } else if (plan.wantSigning) {
    const checked = await checkSigning(db, systems, gatewayDev, token, statements, args.quick);
    signing = checked.fixture;
    verified.problems.push(...checked.problems);
    verified.ok &&= checked.problems.length === 0;
  }
  if (!features.subscriptions.includes('leaderboardChanged'))
    unavailable.push(
      'fan-out: not yet available (the gateway schema has no leaderboardChanged subscription)',
    );
  if (signing)
    unavailable.push(
      'signing on PostGraphile: not measured (it has no equivalent without a custom SQL function)',
    );
  for (const line of unavailable) log(line);
  return { features, statements, verified, signing, unavailable };
}

async function introspect(gatewayDev: Child, token: string): Promise<SchemaFeatures> {
  const answer = await post(
    urlOf(gatewayDev),
    {
      operationName: 'Features',
      query:
        'query Features { __schema { mutationType { fields { name } } subscriptionType { fields { name } } } }',
    },
    token,
  );
  const schema = (answer.body?.data as { __schema?: Record<string, { fields: { name: string }[] } | null> })
    ?.__schema;
  return {
    mutations: schema?.mutationType?.fields.map((f) => f.name) ?? [],
    subscriptions: schema?.subscriptionType?.fields.map((f) => f.name) ?? [],
  };
}

/** SQL statements per request, from the stats instance's extensions.sqlStatements. */
async function sqlStatements(
  gatewayDev: Child,
  token: string,
  reads: Scenario[],
): Promise<Record<string, number | null>> {
  const counts: Record<string, number | null> = {};
  for (const scenario of [
    listScenario(10),
    listScenario(50),
    listScenario(100),
    ...reads.filter((s) => s.id !== 'list-50'),
  ]) {
    const answer = await post(urlOf(gatewayDev), scenario.gateway, scenario.apiKey ?? token);
    const n = answer.body?.extensions?.sqlStatements;
    counts[scenario.id] = typeof n === 'number' && !answer.body?.errors ? n : null;
  }
  return counts;
}

/** Both gateways must answer exactly like raw; PostGraphile (another shape) with the same ids, order and counts. */
async function verifyReads(
  systems: Systems,
  token: string,
  reads: Scenario[],
  extra: Child | null,
): Promise<Verified> {
  const bodies = new Map<string, string>();
  const problems: string[] = [];
  for (const scenario of reads) {
    const raw = await post(urlOf(systems.raw), scenario.gateway, token);
    const rawData = raw.body?.data;
    if (raw.status !== 200 || raw.body?.errors || rawData === undefined) {
      problems.push(`${scenario.id}: raw answered ${raw.status} ${raw.text.slice(0, 200)}`);
      continue;
    }
    // A key's scenario is measured on the gateway only; raw answers it for the principal, as the reference.
    if (!scenario.apiKey) bodies.set(`raw/${scenario.id}`, raw.text);
    const expected = canonical(scenario.exact(rawData));
    const gateways: [string, Child][] = [['gateway', systems.gateway]];
    if (extra) gateways.push(['gateway (EXPOSE_SQL_STATS)', extra]);
    for (const [name, child] of gateways) {
      const answer = await post(urlOf(child), scenario.gateway, scenario.apiKey ?? token);
      const data = answer.body?.data;
      if (answer.status !== 200 || answer.body?.errors || data === undefined) {
        problems.push(`${scenario.id}: ${name} answered ${answer.status} ${answer.text.slice(0, 300)}`);
        continue;
      }
      if (canonical(scenario.exact(data)) !== expected) {
        problems.push(
          `${scenario.id}: ${name} differs from raw — ${firstDifference(scenario.exact(data), scenario.exact(rawData))}`,
        );
        continue;
      }
      if (name === 'gateway') bodies.set(`gateway/${scenario.id}`, answer.text);
    }
    if (systems.postgraphile && scenario.postgraphile) {
      const answer = await post(urlOf(systems.postgraphile), scenario.postgraphile, token);
      const data = answer.body?.data;
      if (answer.status !== 200 || answer.body?.errors || data === undefined) {
        problems.push(`${scenario.id}: postgraphile answered ${answer.status} ${answer.text.slice(0, 300)}`);
        continue;
      }
      const mine = scenario.pglIds(data);
      const theirs = scenario.ids(rawData);
      if (canonical(mine) !== canonical(theirs)) {
        problems.push(`${scenario.id}: postgraphile differs from raw — ${firstDifference(mine, theirs)}`);
        continue;
      }
      bodies.set(`postgraphile/${scenario.id}`, answer.text);
    }
  }
  return { ok: problems.length === 0, bodies, problems };
}
