// Phase 4, load: rounds × scenarios × systems under autocannon, the order of the systems rotating every round
// and scenario so drift hits every system; then the signing runs, each followed by a reset of the database.
import type { BenchArgs } from '../args.js';
import { CpuMeter } from '../cpu.js';
import { measure, type Measurement } from '../load.js';
import type { ScenarioResult } from '../report.js';
import { type Scenario, SYSTEMS, type SystemName } from '../scenarios.js';
import { measureSigning, type SigningFixture } from '../signing.js';
import { log, type Systems, urlOf } from './context.js';
import type { Verified } from './verify.js';

export interface Loaded {
  /** One result per read scenario, then the signing's when it was measured. */
  results: ScenarioResult[];
  /** The systems measured, in the table's order. */
  active: SystemName[];
  /** When the first measurement began (the CPU profile skips the time before it). */
  startedAt: number;
}

export async function runLoad(
  args: BenchArgs,
  reads: Scenario[],
  systems: Systems,
  token: string,
  verified: Verified,
  signing: SigningFixture | null,
  databaseUrl: string,
): Promise<Loaded> {
  const active = SYSTEMS.filter((s) => s !== 'postgraphile' || systems.postgraphile);
  const results: ScenarioResult[] = reads.map((s) => ({ id: s.id, title: s.title, rounds: {} }));
  const signingResult: ScenarioResult = {
    id: 'signing',
    title: 'signing mutation (advanceStage ASSESSED → SIGNED)',
    rounds: {},
  };
  if (signing) results.push(signingResult);
  const startedAt = Date.now();
  const meter = new CpuMeter(databaseUrl);
  try {
    for (let round = 0; round < args.rounds; round += 1) {
      for (const [i, scenario] of reads.entries()) {
        const result = results[i]!;
        const offset = (round + i) % active.length;
        const order = [...active.slice(offset), ...active.slice(0, offset)];
        for (const system of order) {
          const body = system === 'postgraphile' ? scenario.postgraphile : scenario.gateway;
          const expectBody = verified.bodies.get(`${system}/${scenario.id}`);
          const child = systems[system];
          if (!body || !child || expectBody === undefined) continue;
          if (scenario.apiKey && system !== 'gateway') continue;
          const m = await measure(
            {
              url: urlOf(child),
              token: scenario.apiKey ?? token,
              body,
              connections: args.connections,
              durationSeconds: args.durationSeconds,
              expectBody,
              ...(child.process.pid ? { cpu: { meter, serverPid: child.process.pid } } : {}),
            },
            args.warmupSeconds,
          );
          (result.rounds[system] ??= []).push(m);
          logMeasurement(round, args.rounds, scenario.id, system, m);
        }
      }
      if (signing) await signingRound(args, round, signing, systems, token, signingResult);
    }
  } finally {
    await meter.close();
  }
  await signing?.close();
  return { results, active, startedAt };
}

/** One round of signing on raw and the gateway (alternating who goes first), each from the same snapshot. */
async function signingRound(
  args: BenchArgs,
  round: number,
  fixture: SigningFixture,
  systems: Systems,
  token: string,
  result: ScenarioResult,
): Promise<void> {
  const amount = Math.max(1, fixture.targets.length - 10);
  const order: SystemName[] = round % 2 ? ['raw', 'gateway'] : ['gateway', 'raw'];
  for (const system of order) {
    const url = urlOf(system === 'raw' ? systems.raw : systems.gateway);
    if (!args.quick) {
      await measureSigning({
        url,
        token,
        targets: fixture.targets,
        amount: 100,
        connections: args.connections,
        runId: `warm-${system}-${round}`,
      });
      await fixture.reset();
    }
    const m = await measureSigning({
      url,
      token,
      targets: fixture.targets,
      amount,
      connections: args.connections,
      runId: `${system}-${round}`,
    });
    await fixture.reset();
    (result.rounds[system] ??= []).push(m);
    logMeasurement(round, args.rounds, 'signing', system, m);
  }
}

function logMeasurement(round: number, rounds: number, id: string, system: string, m: Measurement): void {
  log(
    `round ${round + 1}/${rounds} ${id.padEnd(24)} ${system.padEnd(12)} ` +
      `${m.reqPerSec.toFixed(0).padStart(6)} req/s  p50 ${m.p50} ms  p99 ${m.p99} ms` +
      (m.failures
        ? `  ${m.failures} FAILED (first: ${m.firstFailure ?? 'connection error or differing body'})`
        : ''),
  );
}
