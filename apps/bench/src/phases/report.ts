// Phase 6, report: the gateway's CPU profile (--profile), failures under load, and the printed tables — ratios
// to raw, the targets, SQL statements per request, the fan-out.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { formatFanoutTable, formatReplicaTable } from '../fanout/report.js';
import { type ProfileSummary, summariseProfile } from '../profile.js';
import { formatTable, targetsReport } from '../report.js';
import { log } from './context.js';
import type { FannedOut } from './fan-out.js';
import type { Loaded } from './load.js';
import type { Checked } from './verify.js';

/** The main thread's profile of the production gateway, from the start of the load phase on. */
export function readProfile(
  profileDir: string | null,
  gatewaySpawnedAt: number,
  loadStartedAt: number,
): ProfileSummary | null {
  if (!profileDir) return null;
  // The main thread's profile (thread 0; tsx's loader thread writes another). Kept in the temp directory
  // (tens of MB): open it in Chrome DevTools or speedscope.
  const file = readdirSync(profileDir).find((f) => /\.0\.\d+\.cpuprofile$/.test(f));
  if (file) return summariseProfile(path.join(profileDir, file), 25, loadStartedAt - gatewaySpawnedAt);
  log('no CPU profile was written by the gateway');
  return null;
}

/** Measurements in which some answer failed or differed from the verified one. */
export function failuresUnderLoad(loaded: Loaded): string[] {
  const failures = loaded.results.flatMap((r) =>
    Object.entries(r.rounds).flatMap(([system, ms]) =>
      ms
        .filter((m) => m.failures > 0)
        .map((m) => `${r.id}/${system}: ${m.failures} failed or differing answers under load`),
    ),
  );
  for (const line of failures) log(`FAILED ${line}`);
  return failures;
}

/** Prints the report; returns the targets (with the ratios) for the results file. */
export function printReport(
  args: { quick: boolean },
  loaded: Loaded,
  checked: Checked,
  fannedOut: FannedOut,
  profile: ProfileSummary | null,
): ReturnType<typeof targetsReport> {
  const { statements } = checked;
  const table = formatTable(loaded.results, loaded.active);
  const targets = targetsReport(loaded.results, statements);
  process.stdout.write(`\n${table}\n\n${targets.text}\n`);
  if (args.quick)
    process.stdout.write(
      '(--quick: 1-second runs at scale 1 — these timings mean nothing; it checks correctness)\n',
    );
  process.stdout.write(
    `\nSQL statements per request (gateway, extensions.sqlStatements): ` +
      Object.entries(statements)
        .map(([k, v]) => `${k} ${v ?? '?'}`)
        .join(', ') +
      `; raw: 3 (BEGIN+role+settings, the query, COMMIT)\n`,
  );
  if (fannedOut.rows.length) {
    process.stdout.write(
      `\nfan-out: leaderboardChanged(board: HEADQUARTERS) subscribers, latency from just before the signing's COMMIT ` +
        `to receipt (median over signings of each signing's p50/p99; "from request" also counts the mutation's ` +
        `own work); gateway with EXPOSE_SQL_STATS (development mode)\n` +
        `${formatFanoutTable(fannedOut.rows)}\n` +
        (formatReplicaTable(fannedOut.rows) ? `per replica:\n${formatReplicaTable(fannedOut.rows)}\n` : '') +
        `targets (issue 5):\n` +
        fannedOut.targets
          .map(
            (r) =>
              `  ${r.met === null ? '–' : r.met ? '✓' : '✗'} ${r.target}: ${r.wanted}, measured ${r.measured}\n`,
          )
          .join(''),
    );
  }
  for (const line of checked.unavailable) process.stdout.write(`${line}\n`);
  if (profile) {
    process.stdout.write(`\ngateway CPU profile (${profile.busySeconds} s busy, ${profile.file}):\n`);
    for (const p of profile.packages.slice(0, 12))
      process.stdout.write(`  ${p.pct.toFixed(1).padStart(5)} %  ${p.name}\n`);
    process.stdout.write('  top functions (self time):\n');
    for (const f of profile.functions.slice(0, 20))
      process.stdout.write(`  ${f.pct.toFixed(1).padStart(5)} %  ${f.name}\n`);
  }
  return targets;
}
