// The headquarters portal in a real browser: a commander signs in and sees the headquarters' villages and teams,
// dry-runs a roster with one bad row and sees that row's error (then imports the fixed file), corrects a stage with
// a reason, and a headquarters viewer sees personal data masked; axe-core on the main page, screenshots at 1920 and
// 375 wide, initial JavaScript measured.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, launchBrowser, type LaunchedBrowser } from './browser.js';
import { freePort, GatewayProcess, graphql, login } from './gateway.js';
import { collectScripts } from './js-budget.js';
import { seriousViolations } from './axe.js';
import { signInAt } from './sign-in.js';

const HQ = 'food-park';
const SCREENSHOT = path.resolve(import.meta.dirname, '../../../docs/screenshots/hq.png');
const MEASUREMENTS = path.join(import.meta.dirname, '../.measurements/hq.json');
const PHONE_SCREENSHOT = path.join(import.meta.dirname, '../.measurements/hq-375.png');
const OVERVIEW = `query ($hq: String!) {
  villages { name headquarters { code } }
  teams { name headquarters { code } }
  households(first: 1, filter: { headquartersCode: $hq }) { totalCount }
}`;
// Valid GB 11643 numbers except the second row's (its check digit is wrong): line 3 of the file.
const GOOD_ID = '350303198001011230';
const BAD_ID = '350303199001011234';
const FIXED_ID = '350303199001011235';
const roster = (village: string, secondId: string) =>
  [
    '户号,户主,身份证号,电话,村,建筑面积,占地面积',
    `E2E-HQ-0001,林测试,${GOOD_ID},13800001111,${village},120.5,200`,
    `E2E-HQ-0002,陈测试,${secondId},13800002222,${village},99,150`,
    '',
  ].join('\n');

const missing = chromiumMissing();
if (missing && process.env.CI) throw new Error(missing);

async function signIn(page: Page, origin: string, username: string): Promise<void> {
  await signInAt(page, `${origin}/portal/hq/`, username);
  await page.waitForSelector('[data-testid=villages] tbody tr');
}

describe.skipIf(missing !== null && !process.env.CI)('headquarters portal in chromium', () => {
  let gateway: GatewayProcess;
  let portal: LaunchedBrowser;
  let page: Page;
  let villages: string[];
  let teams: string[];
  let households: number;
  const measured: Record<string, unknown> = {};

  beforeAll(async () => {
    gateway = new GatewayProcess(await freePort());
    await gateway.start();
    const token = await login(gateway.origin, `${HQ}.commander`);
    type Overview = {
      villages: { name: string; headquarters: { code: string } }[];
      teams: { name: string; headquarters: { code: string } }[];
      households: { totalCount: number };
    };
    const { data } = await graphql<Overview>(gateway.origin, OVERVIEW, { hq: HQ }, token);
    villages = data!.villages.filter((v) => v.headquarters.code === HQ).map((v) => v.name);
    teams = data!.teams.filter((t) => t.headquarters.code === HQ).map((t) => t.name);
    households = data!.households.totalCount;
    portal = await launchBrowser();
    page = await portal.browser.newPage();
  });

  afterAll(async () => {
    mkdirSync(path.dirname(MEASUREMENTS), { recursive: true });
    writeFileSync(MEASUREMENTS, `${JSON.stringify(measured, null, 2)}\n`);
    console.log('[e2e measurements, hq]', JSON.stringify(measured));
    await portal?.close();
    await gateway?.dispose();
  });

  it('signs a commander in to the headquarters’ villages and teams with their progress', async () => {
    const loginScripts = collectScripts(page);
    await page.goto(`${gateway.origin}/portal/hq/`);
    await page.getByLabel('用户名').waitFor();
    measured.loginPageInitialJsGzipKiB = await loginScripts.gzippedKiB();
    await signIn(page, gateway.origin, `${HQ}.commander`);
    await page.waitForSelector('[data-testid=villages] .ant-progress');

    const villageNames = await page.locator('[data-testid=villages] tbody th').allTextContents();
    const teamNames = await page.locator('[data-testid=teams] tbody th').allTextContents();
    expect(villageNames).toEqual(villages);
    expect(teamNames).toEqual(teams);
    expect(villages.length).toBeGreaterThan(0);
    expect(await page.textContent('[data-testid=hq-progress]')).toContain(
      `/ ${households.toLocaleString('zh-CN')} 户`,
    );

    // A reload while signed in loads the overview directly: the other first load of this app.
    const signedInScripts = collectScripts(page);
    await page.reload();
    await page.waitForSelector('[data-testid=teams] .ant-progress');
    measured.signedInInitialJsGzipKiB = await signedInScripts.gzippedKiB();
  });

  it('has no serious or critical accessibility violation on the overview (axe-core)', async () => {
    await page.waitForFunction(() => !document.body.textContent?.includes('加载中'));
    expect(await seriousViolations(page)).toEqual([]);
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    await page.setViewportSize({ width: 375, height: 812 });
    await page.screenshot({ path: PHONE_SCREENSHOT, fullPage: true });
    await page.setViewportSize({ width: 1920, height: 1080 });
  });

  it('dry-runs a roster with one bad row, shows that row’s error, and imports the fixed file', async () => {
    await page.getByRole('tab', { name: '花名册导入' }).click();
    const file = page.getByLabel('花名册文件');
    await file.setInputFiles({
      name: '花名册.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(roster(villages[0]!, BAD_ID)),
    });
    await page.waitForSelector('[data-testid=import-errors]');
    const rows = await page.locator('[data-testid=import-errors] tbody tr').allTextContents();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/^3身份证号身份证号“350303199001011234”无效/); // line 3, the gateway's own words
    expect(await page.textContent('[data-testid=dry-run]')).toContain('共 2 行,1 处问题');
    expect(await page.getByRole('button', { name: /正式导入/ }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]); // the import page with its error table

    await file.setInputFiles({
      name: '花名册.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(roster(villages[0]!, FIXED_ID)),
    });
    await page.waitForSelector('text=校验通过:共 2 行,可以正式导入。');
    await page.getByRole('button', { name: /正式导入 2 户/ }).click();
    await page.waitForSelector('text=已导入 2 户');
    const token = await login(gateway.origin, `${HQ}.commander`);
    const after = await graphql<{ households: { totalCount: number } }>(
      gateway.origin,
      'query ($hq: String!) { households(first: 1, filter: { headquartersCode: $hq }) { totalCount } }',
      { hq: HQ },
      token,
    );
    expect(after.data!.households.totalCount).toBe(households + 2);
  });

  it('lets the commander correct a stage only with a reason', async () => {
    await page.getByRole('tab', { name: '征迁户' }).click();
    await page.waitForSelector('[data-testid=households] tbody tr');
    const row = page.locator('[data-testid=households] tbody tr', {
      has: page.getByRole('button', { name: /更正环节/ }),
    });
    const code = (await row.first().getAttribute('data-code'))!;
    expect(await seriousViolations(page)).toEqual([]); // the household list
    await row
      .first()
      .getByRole('button', { name: /更正环节/ })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await dialog.getByText('请填写更正原因').waitFor();
    await dialog.getByLabel('更正原因').fill('丈量数据有误,退回重新丈量');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await page.getByText(new RegExp(`${code} 已退回至`)).waitFor();

    const token = await login(gateway.origin, `${HQ}.commander`);
    type Events = {
      households: { edges: { node: { events: { kind: string; reason: string | null }[] } }[] };
    };
    const { data } = await graphql<Events>(
      gateway.origin,
      'query ($q: String!) { households(first: 1, filter: { search: $q }) { edges { node { events { kind reason } } } } }',
      { q: code },
      token,
    );
    expect(data!.households.edges[0]!.node.events.at(-1)).toEqual({
      kind: 'REVERT',
      reason: '丈量数据有误,退回重新丈量',
    });
  });

  it('shows a headquarters viewer the personal data masked, and no correction or import', async () => {
    const viewer = await launchBrowser();
    try {
      const viewerPage = await viewer.browser.newPage();
      await signIn(viewerPage, gateway.origin, `${HQ}.viewer`);
      expect(await viewerPage.getByRole('tab', { name: '花名册导入' }).count()).toBe(0);
      await viewerPage.getByRole('tab', { name: '征迁户' }).click();
      await viewerPage.waitForSelector('[data-testid=households] tbody tr');
      const ids = await viewerPage.locator('[data-testid=id-number]').allTextContents();
      expect(ids.length).toBe(20);
      for (const id of ids) expect(id).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
      expect(await viewerPage.textContent('[data-testid=households] tbody tr')).toContain('已脱敏');
      expect(await viewerPage.getByRole('button', { name: /更正环节/ }).count()).toBe(0);
    } finally {
      await viewer.close();
    }
  });
});
