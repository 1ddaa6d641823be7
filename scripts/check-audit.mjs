// CI: `pnpm audit --prod` must report no high or critical advisory unless audit-allow.json explains it
// (docs/security.md, "Dependencies"). The advisory database is the npm registry's: when it cannot be reached or
// refuses the request, this prints why and passes — an outage of the registry is not a defect of this project.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { judge } from './audit-judge.mjs';

const root = path.resolve(import.meta.dirname, '..');
const allowFile = path.join(root, 'audit-allow.json');
const allow = existsSync(allowFile) ? JSON.parse(readFileSync(allowFile, 'utf8')) : { advisories: [] };

const run = spawnSync('pnpm', ['audit', '--prod', '--json'], {
  cwd: root,
  encoding: 'utf8',
  timeout: 120_000,
});
let report = null;
try {
  report = JSON.parse(run.stdout);
} catch {
  report = null;
}
if (!report || typeof report !== 'object' || !('advisories' in report || 'metadata' in report)) {
  const why = `${run.error?.message ?? ''} ${run.stderr ?? ''} ${run.stdout ?? ''}`
    .replace(/\s+/g, ' ')
    .trim();
  console.log(
    `check:audit: not checked — the registry's audit endpoint gave no report (${why.slice(0, 300) || 'no output'})`,
  );
  process.exit(0);
}

const { unexplained, explained, unreasoned, stale } = judge(report, allow);
const counts = report.metadata?.vulnerabilities ?? {};
console.log(`check:audit: pnpm audit --prod: ${JSON.stringify(counts)}`);
for (const line of explained) console.log(`  allowed  ${line}`);
for (const id of stale)
  console.log(`  note: audit-allow.json lists ${id}, which the audit no longer reports: remove it`);
for (const id of unreasoned) console.error(`  ✗ audit-allow.json lists ${id} without a reason`);
for (const line of unexplained) console.error(`  ✗ ${line} (explain it in audit-allow.json, or upgrade)`);
if (unexplained.length || unreasoned.length) process.exit(1);
console.log('check:audit: no unexplained high or critical advisory');
