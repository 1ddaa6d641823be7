// The soak's generated tenancy attacks (issue 15, items 1 and 5): the CI suite's generator and properties
// (test/generated/), run for the whole soak with a random seed that is printed, every demo principal and a township
// API key in turn, the operations alternating between HTTP and WebSocket (one socket per actor, as in the CI test). A response that breaks a property is a violation — unless a fault was running (a killed
// gateway answers nothing), which is counted apart and not judged.
import fc from 'fast-check';
import type pg from 'pg';
import { createSchema } from '../../src/schema.js';
import { loadSamples, problems, Tally } from '../generated/harness.js';
import { type GeneratedOperation, operationArbitrary } from '../generated/operations.js';
import { Oracle } from '../generated/oracle.js';
import { type Actor, openActors, overHttp, SocketTransport } from '../generated/principals.js';

export interface GeneratedFigures {
  seed: number;
  operations: number;
  /** Operations judged (outside faults), by transport. */
  byTransport: Record<Transport, number>;
  violations: string[];
  /** Operations whose answers fell in a fault's window and were not judged. */
  duringFaults: number;
  summary: string;
}

type Transport = 'HTTP' | 'WebSocket';

/** How long one actor attacks before the next takes over: every actor gets turns all through the soak. */
const TURN_MS = 20_000;

export async function runGeneratedAttacks(o: {
  url: string;
  owner: pg.Pool;
  seed: number;
  deadline: number;
  inFault: () => boolean;
}): Promise<GeneratedFigures> {
  const schema = await createSchema();
  const actors = await openActors(o.url, o.owner);
  const admin = actors.find((a) => a.label === 'district.admin')!;
  const oracle = await Oracle.load(o.owner);
  const samples = await loadSamples(o.owner, o.url, admin);
  const tally = new Tally();
  const violations: string[] = [];
  let duringFaults = 0;
  const sockets = new SocketTransport(o.url);
  const byTransport: Record<Transport, number> = { HTTP: 0, WebSocket: 0 };
  let sent = 0;

  const attack = async (actor: Actor, op: GeneratedOperation) => {
    const via: Transport = sent++ % 2 === 0 ? 'HTTP' : 'WebSocket';
    const faultBefore = o.inFault();
    const outcome = await (
      via === 'HTTP'
        ? overHttp(o.url, actor, op.query, op.variables)
        : sockets.run(actor, op.query, op.variables)
    ).catch((error: unknown) => ({ status: 0, errors: [], transportError: String(error) }));
    // A socket that failed (the gateway killed under it) is not reused: the next operation opens a new one.
    if (via === 'WebSocket' && outcome.transportError) await sockets.reset(actor);
    if (faultBefore || o.inFault()) {
      duringFaults += 1;
      return;
    }
    tally.add(op, outcome);
    byTransport[via] += 1;
    const found = problems(oracle, actor, outcome);
    if (found.length && violations.length < 50) {
      const variables = JSON.stringify(op.variables).slice(0, 200);
      violations.push(
        `${actor.label} over ${via}: ${op.query.slice(0, 200)} ${variables} → ${found.join('; ')}`,
      );
    }
  };

  try {
    await turns();
  } finally {
    await sockets.close();
  }
  return {
    seed: o.seed,
    operations: tally.operations,
    byTransport: { ...byTransport },
    violations,
    duringFaults,
    summary: tally.summary(),
  };

  async function turns(): Promise<void> {
    for (let turn = 0; Date.now() < o.deadline; turn += 1) {
      const actor = actors[turn % actors.length]!;
      const until = Math.min(o.deadline, Date.now() + TURN_MS);
      // numRuns is only a ceiling: the turn ends at its time limit, which is not a failure.
      await fc.assert(
        fc.asyncProperty(operationArbitrary(schema, 'query', samples), (op) => attack(actor, op)),
        {
          seed: o.seed + turn,
          numRuns: 1_000_000,
          interruptAfterTimeLimit: Math.max(1, until - Date.now()),
          markInterruptAsFailure: false,
        },
      );
    }
  }
}
