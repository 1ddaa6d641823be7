// The API keys page (接口密钥) in a real browser against a real gateway: the district admin creates a key in the
// console, the test uses the secret the page showed once against /graphql (a query succeeds), the admin revokes the
// key in the page after confirming, and the same query is then refused. Screenshots at phone and desktop width.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, launchBrowser, type LaunchedBrowser } from './browser.js';
import { freePort, GatewayProcess, graphql, login } from './gateway.js';
import { seriousViolations } from './axe.js';
import { signInAt } from './sign-in.js';

const SHOTS = path.resolve(import.meta.dirname, '../../../docs/screenshots');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const QUERY = '{ households(first: 1) { totalCount edges { node { code township { code } } } } }';

type Answer = {
  data?: { households: { totalCount: number; edges: { node: { township: { code: string } } }[] } } | null;
  errors?: { message: string; extensions?: { code?: string } }[];
};

async function askWithKey(origin: string, key: string): Promise<{ status: number; body: Answer }> {
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': key },
    body: JSON.stringify({ query: QUERY }),
  });
  return { status: response.status, body: (await response.json()) as Answer };
}

async function signIn(page: Page, origin: string, username: string): Promise<void> {
  await signInAt(page, `${origin}/district/#/keys`, username);
}

const missing = chromiumMissing();
if (missing && process.env.CI) throw new Error(missing);

describe.skipIf(missing !== null && !process.env.CI)('API keys page in chromium', () => {
  let gateway: GatewayProcess;
  let browser: LaunchedBrowser;
  let page: Page;
  let secret = '';
  const name = `区大数据局 报表 ${Date.now()}`;

  beforeAll(async () => {
    gateway = new GatewayProcess(await freePort());
    await gateway.start();
    browser = await launchBrowser();
    page = await browser.browser.newPage();
    await page.setViewportSize(PHONE);
  });

  afterAll(async () => {
    await browser?.close();
    await gateway?.dispose();
  });

  it('lets the district admin create a key for a township and shows its secret once', async () => {
    await signIn(page, gateway.origin, 'district.admin');
    await page.getByRole('heading', { name: '接口密钥' }).waitFor();
    await page.getByLabel('名称(谁用、做什么)').fill(name);
    await page.getByLabel('所属单位').fill('baisha');
    await page.keyboard.press('Enter');
    await page.getByRole('checkbox', { name: /^内省/ }).check();
    await page.getByRole('button', { name: '创建密钥' }).click();
    const shown = page.getByTestId('key-secret');
    await shown.waitFor();
    expect(await shown.textContent()).toContain('密钥只显示这一次');
    secret = /hj_[\w-]+/.exec((await page.getByTestId('key-secret-value').textContent()) ?? '')?.[0] ?? '';
    expect(secret).toMatch(/^hj_/);
    const card = page.getByTestId('key-card').filter({ hasText: name });
    await card.waitFor();
    expect(await card.textContent()).toContain('白沙镇 (baisha)');
    expect(await card.textContent()).toContain('READ · INTROSPECT');
    await page.screenshot({ path: path.join(SHOTS, 'keys-phone.png'), fullPage: true });
    await browser.browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: gateway.origin });
    await page.getByRole('button', { name: '复制密钥' }).click();
    await page.getByText('已复制').first().waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    expect(await seriousViolations(page, '.keys-page')).toEqual([]);
  });

  it('the secret works against /graphql, and reads exactly what its tenant’s viewer reads', async () => {
    const { status, body } = await askWithKey(gateway.origin, secret);
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    expect(body.data!.households.totalCount).toBeGreaterThan(0);
    const viewer = await graphql<NonNullable<Answer['data']>>(
      gateway.origin,
      QUERY,
      {},
      await login(gateway.origin, 'baisha.viewer'),
    );
    expect(body.data!.households.totalCount).toBe(viewer.data!.households.totalCount);
  });

  it('hides the secret once dismissed; the key shows its use of the last 7 days', async () => {
    await page.getByRole('button', { name: '我已保存,关闭' }).click();
    await page.getByTestId('key-secret').waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(secret);
    await page.reload();
    const card = page.getByTestId('key-card').filter({ hasText: name });
    await card.waitFor();
    await expect.poll(() => card.getByTestId('key-usage').textContent()).toMatch(/^\d+ 次请求/);
    await page.setViewportSize(DESKTOP);
    await page.screenshot({ path: path.join(SHOTS, 'keys-desktop.png'), fullPage: true });
  });

  it('revokes the key in the page after confirmation, and the same query is refused', async () => {
    const card = page.getByTestId('key-card').filter({ hasText: name });
    await card.getByRole('button', { name: /吊\s*销/ }).click();
    await page.getByText('使用它的系统将立即无法访问', { exact: false }).waitFor();
    await page.getByRole('button', { name: '确定吊销' }).click();
    await card.getByText('已吊销').waitFor();
    const { body } = await askWithKey(gateway.origin, secret);
    expect(body.data?.households ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('offers a headquarters commander in the headquarters portal (#/keys) only their own tenant', async () => {
    const other = await launchBrowser();
    try {
      const hq = await other.browser.newPage();
      await hq.setViewportSize(PHONE);
      await hq.goto(`${gateway.origin}/portal/hq/#/keys`);
      await hq.getByLabel('用户名').fill('baitang-lake.commander');
      await hq.getByLabel('密码').fill('hanjiang-demo-2020');
      await hq.keyboard.press('Enter');
      await hq.getByRole('heading', { name: '接口密钥' }).waitFor();
      await hq.getByLabel('所属单位').click();
      await hq.locator('.ant-select-item-option').first().waitFor();
      const options = await hq.locator('.ant-select-item-option').allTextContents();
      expect(options).toEqual(['白塘湖片区 (baitang-lake)']);
      await hq.keyboard.press('Escape');
      await hq.getByLabel('名称(谁用、做什么)').fill('白塘湖片区 大屏');
      await hq.getByRole('button', { name: '创建密钥' }).click();
      await hq.getByTestId('key-secret').waitFor();
      // The district admin's keys for other tenants are not the commander's to see.
      await hq.getByTestId('key-card').first().waitFor();
      const cards = await hq.getByTestId('key-card').allTextContents();
      expect(cards.length).toBeGreaterThan(0);
      for (const card of cards) expect(card).toContain('(baitang-lake)');
    } finally {
      await other.close();
    }
  });
});
