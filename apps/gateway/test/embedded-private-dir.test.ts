import { execFile } from 'node:child_process';
import path from 'node:path';
import { userInfo } from 'node:os';

// Issue 13, item 4: as root, a clone in a directory the `postgres` OS user cannot traverse (`mktemp -d`, root's
// 0700 home) failed with `spawn …/initdb EACCES`. The embedded start now copies the binaries to a shared 0755
// directory and keeps the cluster there, with a symlink from DATA_DIR. Run in a child (ESM-only package).
const asRoot = userInfo().uid === 0;
if (!asRoot) {
  console.log(
    'embedded-private-dir: skipped — only root runs PostgreSQL as another OS user (the postgres user)',
  );
}
const rootOnly = asRoot ? it : it.skip;

interface Round {
  clusterDir: string;
  binary: string;
  data_directory: string;
  ok: boolean;
}

describe('embedded PostgreSQL started by root below a private (0700) directory', () => {
  rootOnly(
    'runs from binaries and a cluster the postgres user can reach, twice on the same data directory',
    async () => {
      const stdout = await new Promise<string>((resolve, reject) =>
        execFile(
          process.execPath,
          [path.join(__dirname, 'helpers', 'embedded-private-dir.mjs')],
          { cwd: path.resolve(__dirname, '..'), timeout: 150_000 },
          (error, out, err) => (error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out)),
        ),
      );
      const seen = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as {
        privateMode: string;
        sharedDir: string;
        symlink: string;
        first: Round;
        second: Round;
      };
      expect(seen.privateMode).toBe('700');
      for (const round of [seen.first, seen.second]) {
        expect(round.ok).toBe(true);
        expect(round.clusterDir.startsWith(path.join(seen.sharedDir, 'clusters') + path.sep)).toBe(true);
        expect(round.data_directory).toBe(round.clusterDir);
        expect(round.binary.startsWith(path.join(seen.sharedDir, 'embedded-postgres') + path.sep)).toBe(true);
        expect(round.binary.endsWith('/bin/postgres')).toBe(true);
      }
      expect(seen.second.clusterDir).toBe(seen.first.clusterDir);
      expect(seen.symlink).toBe(seen.first.clusterDir);
    },
    180_000,
  );
});
