// `pnpm bench`: the gateway against a raw pg baseline and PostGraphile 5, on one freshly seeded database,
// under the same row-level security and the same principal, as ratios measured side by side in one run.
// See docs/performance.md for what it measures and the latest figures. A run is a sequence of phases, one file
// each under ./phases: prepare → start → verify → load → fan-out → report.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type BenchArgs, parseBenchArgs, USAGE } from './args.js';
import { stopAll } from './children.js';
import { reexecEnv } from './env.js';
import { cleanPath, projectNode, runningOnPackagedNode } from './node-binaries.js';
import { BENCH_DIR, env, log, startClock } from './phases/context.js';
import { fanOut } from './phases/fan-out.js';
import { runLoad } from './phases/load.js';
import { planScenarios, prepare } from './phases/prepare.js';
import { writeRecord } from './phases/record.js';
import { failuresUnderLoad, printReport, readProfile } from './phases/report.js';
import { signIn, startSystems, stopSystems } from './phases/start.js';
import { verifySystems } from './phases/verify.js';

startClock();
/** Set once the database exists, so an interrupted run still drops it (or stops the embedded server). */
let closeDatabase: () => Promise<void> = () => Promise.resolve();

async function run(args: BenchArgs): Promise<number> {
  const startedAt = Date.now();
  const prepared = await prepare(args);
  const { db, jwtSecret } = prepared;
  closeDatabase = () => db.close();
  try {
    const plan = await planScenarios(db, args);
    const started = await startSystems(db, jwtSecret, args);
    const { systems, gatewayDev } = started;
    const token = await signIn(systems.gateway);

    const checked = await verifySystems(db, systems, gatewayDev, token, plan, args);
    await gatewayDev.stop();

    const loaded = await runLoad(args, plan.reads, systems, token, checked.verified, checked.signing, db.url);
    await stopSystems(systems);

    const fannedOut = await fanOut(db, jwtSecret, args, plan.wantFanout, checked);

    const profile = readProfile(started.profileDir, started.gatewaySpawnedAt, loaded.startedAt);
    const failures = failuresUnderLoad(loaded);
    const targets = printReport(args, loaded, checked, fannedOut, profile);
    writeRecord({
      args,
      startedAt,
      prepared,
      started,
      checked,
      loaded,
      fannedOut,
      failuresUnderLoad: failures,
      targets,
      profile,
    });

    if (!systems.postgraphile && args.postgraphile)
      log(`note: PostGraphile did not run (${started.postgraphileNote})`);
    return checked.verified.ok && failures.length === 0 ? 0 : 1;
  } finally {
    await stopAll();
    await db.close();
  }
}

/** Run under the project's Node: the packaged Node 22 (first on PATH inside pnpm scripts) is for PostGraphile. */
function reexecUnderProjectNode(): Promise<number> | null {
  if (env.reexecuted || !runningOnPackagedNode()) return null;
  const node = projectNode(env.path);
  if (!node) return null;
  const child = spawn(node, ['--import', 'tsx', fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    cwd: BENCH_DIR,
    stdio: 'inherit',
    env: reexecEnv(cleanPath(env.path)),
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 130 : 1))));
}

async function main(): Promise<number> {
  let args: BenchArgs;
  try {
    args = parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const reexec = reexecUnderProjectNode();
  if (reexec) return reexec;
  let interrupted = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      if (interrupted) return;
      interrupted = true;
      log(`${signal}: stopping`);
      void stopAll()
        .then(() => closeDatabase())
        .finally(() => process.exit(130));
    });
  }
  return run(args);
}

main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    process.stderr.write(
      `bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    await stopAll();
    await closeDatabase().catch(() => undefined);
    process.exit(1);
  },
);
