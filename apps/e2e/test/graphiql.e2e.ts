// The offline GraphQL IDE: a browser's GET /graphql gets the bundled GraphiQL (apps/graphiql), which runs a
// query with a bearer token typed into its header editor and a subscription over graphql-ws — and loads
// nothing from any host but the gateway (district networks often have no internet).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, launchBrowser, type LaunchedBrowser } from './browser.js';
import { freePort, GatewayProcess, login } from './gateway.js';

const SCREENSHOT = path.resolve(import.meta.dirname, '../../../docs/screenshots/graphiql.png');
const QUERY =
  '{ me { tenantCode role } households(first: 2) { totalCount edges { node { code ownerIdNumber } } } }';

/** Replaces a Monaco editor's text (insertText: typing would trigger its bracket auto-closing). */
async function setEditor(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(`${selector} .monaco-editor >> visible=true`).first().click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

/** The response pane's text; Monaco renders spaces as no-break spaces. */
async function responseText(page: Page): Promise<string> {
  const text = await page.locator('.graphiql-response .result-window .view-lines').textContent();
  return (text ?? '').replace(/\u00a0/g, ' ');
}

const missing = chromiumMissing();
if (missing && process.env.CI) throw new Error(missing);

describe.skipIf(missing !== null && !process.env.CI)('GraphQL IDE in chromium', () => {
  let gateway: GatewayProcess;
  let browser: LaunchedBrowser;
  let page: Page;
  const foreign: string[] = [];
  const cspViolations: string[] = [];

  beforeAll(async () => {
    gateway = new GatewayProcess(await freePort());
    await gateway.start();
    browser = await launchBrowser();
    page = await browser.browser.newPage();
    const own = new URL(gateway.origin).host;
    page.on('request', (request) => {
      const url = new URL(request.url());
      if ((url.protocol.startsWith('http') || url.protocol.startsWith('ws')) && url.host !== own)
        foreign.push(url.href);
    });
    page.on('websocket', (socket) => {
      if (new URL(socket.url()).host !== own) foreign.push(socket.url());
    });
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await gateway?.dispose();
  });

  it('serves GraphiQL at GET /graphql to a browser, and JSON to programs', async () => {
    const html = await fetch(`${gateway.origin}/graphql`, { headers: { accept: 'text/html' } });
    expect(html.status).toBe(200);
    expect(html.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await html.text()).toContain('/graphiql/assets/');
    const json = await fetch(
      `${gateway.origin}/graphql?query=${encodeURIComponent('{ townships { code } }')}`,
      {
        headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
      },
    );
    expect(json.headers.get('content-type')).toContain('application/json');
  });

  it('runs a query with a bearer token from the header editor and loads nothing from other hosts', async () => {
    const token = await login(gateway.origin, 'baitang.commander');
    await page.goto(`${gateway.origin}/graphql`);
    await page.locator('.graphiql-query-editor .monaco-editor').first().waitFor({ timeout: 60_000 });
    await setEditor(page, '.graphiql-query-editor', QUERY);
    await page.locator('button[data-name=headers]').click();
    await setEditor(
      page,
      'section.graphiql-editor-tool',
      JSON.stringify({ authorization: `Bearer ${token}` }),
    );
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => responseText(page), { timeout: 30_000 }).toContain('"tenantCode": "baitang"');
    // Signed in now: the schema (refused to the anonymous first load) is fetched again with the header.
    await page.keyboard.press('Shift+Control+R');
    const text = await responseText(page);
    expect(text).toContain('"role": "commander"');
    expect(text).toContain('"totalCount"');
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
  });

  it('runs a subscription over graphql-ws with the same header', async () => {
    await setEditor(
      page,
      '.graphiql-query-editor',
      'subscription { leaderboardChanged(board: TOWNSHIP) { rank name } }',
    );
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => responseText(page), { timeout: 30_000 }).toMatch(/"rank": 1|"errors"/);
    expect(await responseText(page)).toContain('"rank": 1');
  });

  it('made no request to any other host and broke no content-security rule', () => {
    expect(foreign).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
