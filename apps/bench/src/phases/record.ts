// Phase 6, report, on disk: the results file — machine, load average, git commit, every round of every system,
// medians, ratios, targets. Only a complete run is a result of record (bench/results/<date>.json); --quick,
// --only and --profile runs go to the temp directory.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import type { BenchArgs } from '../args.js';
import type { ProfileSummary } from '../profile.js';
import { median, type targetsReport } from '../report.js';
import { log, POOL_SIZE, PRINCIPAL, REPO_DIR } from './context.js';
import { type FannedOut, fanoutRecord } from './fan-out.js';
import type { Loaded } from './load.js';
import type { Prepared } from './prepare.js';
import type { Started } from './start.js';
import type { Checked } from './verify.js';

export interface RunRecord {
  args: BenchArgs;
  /** When run() began (Date.now()). */
  startedAt: number;
  prepared: Prepared;
  started: Started;
  checked: Checked;
  loaded: Loaded;
  fannedOut: FannedOut;
  failuresUnderLoad: string[];
  targets: ReturnType<typeof targetsReport>;
  profile: ProfileSummary | null;
}

export function writeRecord(run: RunRecord): void {
  const { args, checked, started } = run;
  const postgraphile = started.systems.postgraphile;
  const date = new Date().toISOString().slice(0, 10);
  const partial = args.quick || args.only.length > 0 || args.profile;
  const outDir = partial ? tmpdir() : path.join(REPO_DIR, 'bench/results');
  mkdirSync(outDir, { recursive: true });
  const outFile = path.join(
    outDir,
    partial ? `hanjiang-bench-partial-${date}-${process.pid}.json` : `${date}.json`,
  );
  const cpuList = cpus();
  const report = {
    date: new Date().toISOString(),
    quick: args.quick,
    durationSeconds: Math.round((Date.now() - run.startedAt) / 1000),
    machine: {
      cpus: cpuList.length,
      cpuModel: cpuList[0]?.model ?? 'unknown',
      /** 1-minute load average when the run started and ended: other work on a shared machine shows here. */
      loadAverage: { start: run.prepared.loadAtStart, end: Math.round(loadavg()[0]! * 10) / 10 },
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      platform: `${process.platform} ${release()} ${process.arch}`,
      node: process.version,
      postgraphileNode: postgraphile ? started.postgraphileNote : null,
    },
    database: {
      postgres: run.prepared.db.serverVersion,
      embedded: run.prepared.db.embedded,
      scale: args.scale,
      households: run.prepared.db.households,
    },
    git: gitInfo(),
    config: {
      principal: PRINCIPAL,
      rounds: args.rounds,
      durationSeconds: args.durationSeconds,
      warmupSeconds: args.warmupSeconds,
      connections: args.connections,
      poolSize: Number(POOL_SIZE),
    },
    postgraphile: postgraphile ? 'ran' : started.postgraphileNote,
    verified: checked.verified.ok,
    wrongAnswers: checked.verified.problems,
    failuresUnderLoad: run.failuresUnderLoad,
    sqlStatements: { gateway: checked.statements, raw: 3 },
    scenarios: run.loaded.results.map((r) => ({
      id: r.id,
      title: r.title,
      systems: Object.fromEntries(
        Object.entries(r.rounds).map(([system, ms]) => [
          system,
          {
            rounds: ms,
            median: {
              reqPerSec: median(ms.map((m) => m.reqPerSec)),
              p50: median(ms.map((m) => m.p50)),
              p99: median(ms.map((m) => m.p99)),
            },
          },
        ]),
      ),
      ratios: run.targets.ratios[r.id] ?? {},
    })),
    targets: run.targets.rows,
    fanout: fanoutRecord(run.fannedOut),
    unavailable: checked.unavailable,
    profile: run.profile,
  };
  writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`);
  log(`results written to ${outFile} in ${report.durationSeconds} s`);
}

function gitInfo(): { commit: string | null; dirty: boolean | null } {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO_DIR, encoding: 'utf8' }).trim();
    const dirty =
      execFileSync('git', ['status', '--porcelain'], { cwd: REPO_DIR, encoding: 'utf8' }).trim() !== '';
    return { commit, dirty };
  } catch {
    return { commit: null, dirty: null };
  }
}
