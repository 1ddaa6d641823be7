// The layer checks themselves (run by `pnpm check:cycles` before the real graph is checked).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { folderCycles, folderOf, gatewayLayers, layerViolations } from './layers.mjs';

test('an import of a higher layer is reported with both files', () => {
  const graph = { 'context.ts': ['loaders.ts'], 'loaders.ts': ['modules/catalog/catalog.loaders.ts'] };
  graph['modules/catalog/catalog.loaders.ts'] = ['context.ts'];
  const { upward, unplaced } = layerViolations(graph, gatewayLayers);
  assert.deepEqual(unplaced, []);
  assert.deepEqual(upward, [
    { from: 'context.ts', to: 'loaders.ts', layer: 'kernel', targetLayer: 'wiring' },
  ]);
});

test('a file no layer names is reported; tests are exempt', () => {
  const graph = { 'stray.ts': [], 'modules/x/x.test.ts': ['server.ts'], 'server.ts': [] };
  assert.deepEqual(layerViolations(graph, gatewayLayers), { unplaced: ['stray.ts'], upward: [] });
});

test('folders that reach each other form one group, with the imports that tie them', () => {
  const graph = {
    'modules/a/a.service.ts': ['modules/b/b.service.ts'],
    'modules/b/b.service.ts': ['live/hub.ts'],
    'live/hub.ts': ['modules/a/a.types.ts'],
    'modules/a/a.types.ts': [],
    'modules/c/c.ts': ['modules/a/a.types.ts'],
  };
  const [knot, ...more] = folderCycles(graph);
  assert.deepEqual(more, []);
  assert.deepEqual(knot.folders, ['live', 'modules/a', 'modules/b']);
  assert.equal(knot.edges.length, 3);
  assert.deepEqual(folderCycles({ 'modules/c/c.ts': ['modules/a/a.ts'], 'modules/a/a.ts': [] }), []);
});

test('folders: each module, each top-level folder, each root file', () => {
  assert.equal(folderOf('modules/household/household.service.ts'), 'modules/household');
  assert.equal(folderOf('ws/ws-server.ts'), 'ws');
  assert.equal(folderOf('context.ts'), 'context.ts');
});
