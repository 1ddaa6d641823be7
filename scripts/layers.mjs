// The gateway's layers, bottom → top (apps/gateway/docs/pipeline.md, "Layers"), and the two checks run over madge's
// file graph by check-cycles.mjs. Paths are relative to apps/gateway/src; an entry ending in `/` is a folder.
// A file may import its own layer or lower ones; within a layer, folders may import each other only without a
// cycle. Tests (`*.test.ts`) sit above everything and are left out: they may build the whole schema.

export const gatewayLayers = [
  {
    // What every layer may use: configuration, logging, limits, the context's types and ports, guards, errors,
    // the database and credentials. Imports nothing above it.
    name: 'kernel',
    paths: [
      'env.ts',
      'env/',
      'logger.ts',
      'limits.ts',
      'context.ts',
      'guards.ts',
      'readiness.ts',
      'errors/',
      'db/',
      'credentials/',
      'metrics/',
    ],
  },
  {
    // The GraphQL machinery the modules plug into: documents and execution, the pipeline's stages, live updates.
    name: 'engine',
    paths: ['graphql/', 'pipeline/', 'live/'],
  },
  { name: 'modules', paths: ['modules/'] },
  {
    // Composition and transports: what builds the schema, the loaders and the services, and serves them.
    name: 'wiring',
    paths: [
      'loaders.ts',
      'services.ts',
      'schema.ts',
      'schema-sdl.ts',
      'http/',
      'ws/',
      'static/',
      'banner.ts',
      'server.ts',
      'server-lifecycle.ts',
      'main.ts',
      'scripts/',
    ],
  },
];

const isTest = (file) => /\.test\.tsx?$/.test(file);

/** The layer index of a file, or -1 when no layer names it. */
export function layerOf(file, layers) {
  return layers.findIndex((layer) =>
    layer.paths.some((p) => (p.endsWith('/') ? file.startsWith(p) : file === p)),
  );
}

/** The folder a file counts in: `modules/<name>`, another top-level folder, or the root file itself. */
export function folderOf(file) {
  const parts = file.split('/');
  if (parts[0] === 'modules' && parts.length > 2) return `modules/${parts[1]}`;
  return parts.length > 1 ? parts[0] : file;
}

/** Files no layer names, and every import of a higher layer's file. `graph`: madge's `obj()` (file → imports). */
export function layerViolations(graph, layers) {
  const unplaced = [];
  const upward = [];
  for (const [from, imports] of Object.entries(graph)) {
    if (isTest(from)) continue;
    const own = layerOf(from, layers);
    if (own < 0) {
      unplaced.push(from);
      continue;
    }
    for (const to of imports) {
      const target = layerOf(to, layers);
      if (target > own) {
        upward.push({ from, to, layer: layers[own].name, targetLayer: layers[target].name });
      }
    }
  }
  return { unplaced, upward };
}

/**
 * Groups of folders that reach each other (strongly connected components of the folder graph, Tarjan's
 * algorithm), each with the file imports that tie it.
 */
export function folderCycles(graph) {
  const edges = new Map(); // folder → Map(folder → [{ from, to }])
  for (const [from, imports] of Object.entries(graph)) {
    if (isTest(from)) continue;
    for (const to of imports) {
      const a = folderOf(from);
      const b = folderOf(to);
      if (a === b || isTest(to)) continue;
      if (!edges.has(a)) edges.set(a, new Map());
      const out = edges.get(a);
      if (!out.has(b)) out.set(b, []);
      out.get(b).push({ from, to });
    }
  }
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const components = [];
  const visit = (v) => {
    index.set(v, index.size);
    low.set(v, index.get(v));
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const component = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1) components.push(component.sort());
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return components.map((folders) => ({
    folders,
    edges: folders.flatMap((a) =>
      [...(edges.get(a) ?? [])].filter(([b]) => folders.includes(b)).flatMap(([, list]) => list),
    ),
  }));
}
