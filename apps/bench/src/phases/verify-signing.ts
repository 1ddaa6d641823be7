// Phase 3, verify, for the signing mutation: one household signed on raw and on each gateway, the database reset
// between them, must leave the same footprint (stage, version, one event, counters, one audit row, notifications).
import type { Child } from '../children.js';
import type { BenchDatabase } from '../database.js';
import { firstDifference, post } from '../graphql-client.js';
import { signBody, SigningFixture, type SigningFootprint } from '../signing.js';
import { log, PRINCIPAL, type Systems, urlOf } from './context.js';

/**
 * Picks the households to sign (60 for --quick, 1,600 otherwise) and verifies the footprint; also records the
 * signing's SQL statements (from the EXPOSE_SQL_STATS gateway) in `statements`.
 */
export async function checkSigning(
  db: BenchDatabase,
  systems: Systems,
  gatewayDev: Child,
  token: string,
  statements: Record<string, number | null>,
  quick: boolean,
): Promise<{ fixture: SigningFixture; problems: string[] }> {
  const fixture = await SigningFixture.create(db.url, PRINCIPAL.split('.')[0]!, quick ? 60 : 1_600);
  const problems = await verifySigning(fixture, systems, gatewayDev, token, statements);
  for (const problem of problems) log(`WRONG ANSWER ${problem}`);
  if (problems.length === 0) log(`verified: signing writes the same footprint on the gateway and raw`);
  return { fixture, problems };
}

/** Signs one household on raw and on the gateway (and the stats instance), resetting between: same footprint? */
async function verifySigning(
  fixture: SigningFixture,
  systems: Systems,
  gatewayDev: Child,
  token: string,
  statements: Record<string, number | null>,
): Promise<string[]> {
  const target = fixture.targets[0];
  if (!target || fixture.targets.length < 20)
    return [`signing: too few ASSESSED households to sign (${fixture.targets.length})`];
  const problems: string[] = [];
  const footprints: Partial<Record<string, SigningFootprint>> = {};
  for (const [name, child] of [
    ['raw', systems.raw],
    ['gateway', systems.gateway],
    ['gateway (EXPOSE_SQL_STATS)', gatewayDev],
  ] as const) {
    let answer: Awaited<ReturnType<typeof post>> | null = null;
    footprints[name] = await fixture.footprint(target, async () => {
      answer = await post(
        urlOf(child),
        signBody(target, `verify-${name.split(' ')[0]}-${Date.now()}`),
        token,
      );
    });
    await fixture.reset();
    const a = answer as Awaited<ReturnType<typeof post>> | null;
    const signed = (a?.body?.data as { advanceStage?: { stage?: string } } | undefined)?.advanceStage;
    if (!a || a.status !== 200 || a.body?.errors || signed?.stage !== 'SIGNED') {
      problems.push(`signing: ${name} answered ${a?.status} ${a?.text.slice(0, 300)}`);
      continue;
    }
    if (name.startsWith('gateway (')) {
      const n = a.body?.extensions?.sqlStatements;
      statements.signing = typeof n === 'number' ? n : null;
    }
  }
  const raw = footprints.raw;
  for (const name of ['gateway', 'gateway (EXPOSE_SQL_STATS)']) {
    const diff = firstDifference(footprints[name], raw);
    if (diff) problems.push(`signing: ${name} wrote something else than raw — ${diff}`);
  }
  if (raw && (raw.stage !== 'SIGNED' || raw.events !== 1 || raw.auditRows !== 1 || raw.notifications < 2))
    problems.push(`signing: unexpected footprint ${JSON.stringify(raw)}`);
  return problems;
}
