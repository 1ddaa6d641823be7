// The demo seeder is reachable only through '@hanjiang/db/seed': the gateway's runtime imports the main entry, and
// must not load the seeder (thousands of lines of demo generation) unless it seeds.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import * as main from '../src/index.js';
import * as seed from '../src/seed/index.js';

const root = path.resolve(__dirname, '..');

/** Every source file `entry` reaches through relative imports and re-exports (type-only ones included). */
function importGraph(entry: string): string[] {
  const seen = new Set<string>();
  const stack = [path.resolve(root, entry)];
  for (let file = stack.pop(); file !== undefined; file = stack.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const { fileName } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      if (fileName.startsWith('.'))
        stack.push(path.resolve(path.dirname(file), fileName.replace(/\.js$/, '.ts')));
    }
  }
  return [...seen].map((f) => path.relative(root, f));
}

describe('entry points', () => {
  it('the main entry reaches no file of the seeder', () => {
    const graph = importGraph('src/index.ts');
    expect(graph).toContain('src/progress/recount.ts');
    expect(graph.filter((f) => f.startsWith('src/seed/'))).toEqual([]);
  });

  it('the main entry does not export the seeder; the ./seed subpath does', () => {
    for (const name of ['seedDemo', 'isSeeded', 'AlreadySeededError', 'DEMO_CAMPAIGN_DAY']) {
      expect(main).not.toHaveProperty(name);
      expect(seed).toHaveProperty(name);
    }
    expect(main).toHaveProperty('computeProgressCounters');
    expect(main).toHaveProperty('DEMO_ACCOUNTS');
  });

  it('package.json maps ./seed to the seeder', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      exports: Record<string, { types: string; default: string }>;
    };
    expect(pkg.exports['./seed']).toEqual({ types: './src/seed/index.ts', default: './src/seed/index.ts' });
  });
});
