// CI: no import cycle in any workspace package's source (issue 11). madge resolves each package's imports with its
// own tsconfig (NodeNext `.js` paths, Vite's bundler resolution); type-only imports count too, since a type cycle
// is a knot of concepts even when it costs nothing at run time.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import madge from 'madge';

const root = path.resolve(import.meta.dirname, '..');
const sources = ['apps', 'packages'].flatMap((group) =>
  readdirSync(path.join(root, group))
    .map((name) => path.join(root, group, name))
    .filter((dir) => existsSync(path.join(dir, 'src'))),
);

let cycles = 0;
for (const dir of sources) {
  const tsConfig = path.join(dir, 'tsconfig.json');
  const graph = await madge(path.join(dir, 'src'), {
    fileExtensions: ['ts', 'tsx'],
    ...(existsSync(tsConfig) ? { tsConfig } : {}),
  });
  const found = graph.circular();
  const name = path.relative(root, dir);
  if (found.length === 0) {
    console.log(`✓ ${name}: no import cycle (${Object.keys(graph.obj()).length} files)`);
    continue;
  }
  cycles += found.length;
  for (const cycle of found) console.error(`✗ ${name}: ${cycle.join(' → ')} → ${cycle[0]}`);
}
if (cycles > 0) {
  console.error(`${cycles} import cycle(s): move the shared part below both sides`);
  process.exit(1);
}
