import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { mountGraphqlIde } from './graphql-ide.js';

// GET /graphql: browsers get the bundled IDE (with a same-origin CSP), programs fall through to GraphQL.
describe('mountGraphqlIde', () => {
  let dir: string;
  let server: Server;
  let base: string;

  const start = async (built: boolean) => {
    dir = mkdtempSync(path.join(tmpdir(), 'hj-ide-'));
    if (built) {
      mkdirSync(path.join(dir, 'graphiql/dist'), { recursive: true });
      writeFileSync(path.join(dir, 'graphiql/dist/index.html'), '<!doctype html><title>GraphiQL</title>');
    }
    const app = express();
    mountGraphqlIde(app, dir);
    app.get('/graphql', (_req, res) => {
      res.json({ data: 'graphql' });
    });
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };
  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the IDE to a browser and leaves JSON and unspecified Accept to GraphQL', async () => {
    await start(true);
    const browser = await fetch(`${base}/graphql`, {
      headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' },
    });
    expect(browser.status).toBe(200);
    expect(await browser.text()).toContain('GraphiQL');
    expect(browser.headers.get('content-security-policy')).toContain("default-src 'self'");
    for (const accept of ['application/json', '*/*', 'application/graphql-response+json']) {
      const program = await fetch(`${base}/graphql`, { headers: { accept } });
      expect(await program.json()).toEqual({ data: 'graphql' });
    }
  });

  it('answers 503 with how to build it when the IDE was not built', async () => {
    await start(false);
    const response = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('pnpm build');
  });
});
