import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  const handle = globalThis.__embeddedPostgres;
  if (handle) await handle.stop();
  if (globalThis.__embeddedDir) rmSync(globalThis.__embeddedDir, { recursive: true, force: true });
}
