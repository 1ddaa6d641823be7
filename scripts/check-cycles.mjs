// CI: no import cycle in any workspace package's source (issue 11). madge resolves each package's imports with its
// own tsconfig (NodeNext `.js` paths, Vite's bundler resolution); type-only imports count too, since a type cycle
// is a knot of concepts even when it costs nothing at run time.
// For the gateway it also checks the layers of apps/gateway/docs/pipeline.md ("Layers"): no file imports a file of
// a higher layer, and no two folders import each other through any path.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import madge from 'madge';
import { folderCycles, gatewayLayers, layerViolations } from './layers.mjs';

const root = path.resolve(import.meta.dirname, '..');
const sources = ['apps', 'packages'].flatMap((group) =>
  readdirSync(path.join(root, group))
    .map((name) => path.join(root, group, name))
    .filter((dir) => existsSync(path.join(dir, 'src'))),
);
const layered = { 'apps/gateway': gatewayLayers };

let failures = 0;
for (const dir of sources) {
  const tsConfig = path.join(dir, 'tsconfig.json');
  const graph = await madge(path.join(dir, 'src'), {
    fileExtensions: ['ts', 'tsx'],
    ...(existsSync(tsConfig) ? { tsConfig } : {}),
  });
  const name = path.relative(root, dir);
  const found = graph.circular();
  failures += found.length;
  for (const cycle of found) console.error(`✗ ${name}: ${cycle.join(' → ')} → ${cycle[0]}`);
  if (found.length === 0)
    console.log(`✓ ${name}: no import cycle (${Object.keys(graph.obj()).length} files)`);

  const layers = layered[name];
  if (!layers) continue;
  const { unplaced, upward } = layerViolations(graph.obj(), layers);
  for (const file of unplaced)
    console.error(`✗ ${name}: src/${file} belongs to no layer (add it to scripts/layers.mjs)`);
  for (const v of upward) {
    console.error(`✗ ${name}: ${v.layer} imports ${v.targetLayer}: src/${v.from} → src/${v.to}`);
  }
  const knots = folderCycles(graph.obj());
  for (const knot of knots) {
    console.error(`✗ ${name}: folders in a cycle: ${knot.folders.join(', ')}`);
    for (const edge of knot.edges) console.error(`    src/${edge.from} → src/${edge.to}`);
  }
  const problems = unplaced.length + upward.length + knots.length;
  failures += problems;
  if (problems === 0)
    console.log(`✓ ${name}: layers ${layers.map((l) => l.name).join(' → ')}; no folder cycle`);
}
if (failures > 0) {
  console.error(
    `${failures} problem(s): move the shared part below both sides (a port in the kernel, or a lower file)`,
  );
  process.exit(1);
}
