// The second CI pass (.ci/run, on the machine's PostgreSQL 15 service and Redis) runs only the test files that
// behave differently there: those with a Redis variant, those that need the service's client tools, and those whose
// subject lives in the database (RLS, constraints, the audit chain), so that PostgreSQL 15 is covered as well as the
// embedded 18. Everything else would repeat the first pass exactly. A file opts in with the marker below in its
// header comment, saying why.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const MARKER = '@service-pass';
const root = path.join(import.meta.dirname, '..');

function testFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : testFiles(full);
    return entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

const marked = [...testFiles(path.join(root, 'test')), ...testFiles(path.join(root, 'src'))]
  .filter((file) => readFileSync(file, 'utf8').slice(0, 2000).includes(MARKER))
  .map((file) => path.relative(root, file));
if (marked.length === 0) {
  console.error(`no test file carries ${MARKER}`);
  process.exit(1);
}
console.log(`[service-pass] ${marked.length} files: ${marked.join(' ')}`);
const jest = spawnSync('jest', ['--runInBand', ...process.argv.slice(2), ...marked], {
  cwd: root,
  stdio: 'inherit',
  shell: false,
  env: {
    ...process.env,
    PATH: `${path.join(root, 'node_modules/.bin')}${path.delimiter}${process.env.PATH}`,
  },
});
process.exit(jest.status ?? 1);
