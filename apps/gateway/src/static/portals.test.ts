import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { mountPortals } from './portals.js';

// The built apps as the gateway serves them: the screen built, the township portal not (yet).
describe('mountPortals', () => {
  let dir: string;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'hj-portals-'));
    mkdirSync(path.join(dir, 'screen/dist/assets'), { recursive: true });
    writeFileSync(path.join(dir, 'screen/dist/index.html'), '<!doctype html><title>大屏</title>');
    writeFileSync(path.join(dir, 'screen/dist/assets/index-abc.js'), 'console.log(1)');
    const app = express();
    mountPortals(app, dir);
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('redirects the bare path to the app and serves its index.html, never cached', async () => {
    const bare = await fetch(`${base}/screen`, { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/screen/');
    const index = await fetch(`${base}/screen/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(await index.text()).toContain('大屏');
  });

  it('caches hashed assets for good and answers app routes with index.html', async () => {
    const asset = await fetch(`${base}/screen/assets/index-abc.js`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const route = await fetch(`${base}/screen/some/route`);
    expect(await route.text()).toContain('大屏');
    expect((await fetch(`${base}/screen/assets/missing.js`)).status).toBe(404);
  });

  it('says how to build an app that was not built, instead of a blank page', async () => {
    const response = await fetch(`${base}/portal/township/`);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('pnpm build');
  });
});
