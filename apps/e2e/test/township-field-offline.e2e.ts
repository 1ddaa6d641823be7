// The field page on a phone without network (issue 14): a cadre signs in at 375 px, the service worker caches the
// shell, the browser goes offline, two visits and a measurement are recorded, the page is reloaded offline (it
// opens from the service worker, the IndexedDB queue survives), the network returns and each entry lands exactly
// once (checked through the API). Then a household changed on the server while offline shows as a conflict with
// its current state, and "retry on the new version" lands it once.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, launchBrowser, type LaunchedBrowser } from './browser.js';
import { freePort, GatewayProcess, graphql, login } from './gateway.js';
import { seriousViolations } from './axe.js';

const SHOTS = path.resolve(import.meta.dirname, '../../../docs/screenshots');
const RUN = Date.now().toString(36);

interface Found {
  id: string;
  code: string;
  stage: string;
  version: number;
  township: { code: string };
}
interface State {
  household: {
    stage: string;
    version: number;
    buildingAreaM2: number | null;
    visits: { outcome: string }[];
    openDisputes: { id: string }[];
    events: { kind: string; toStage: string | null }[];
  };
}
const STATE = `query ($id: ID!) { household(id: $id) {
  stage version buildingAreaM2 visits { outcome } openDisputes { id } events { kind toStage } } }`;

const missing = chromiumMissing();
if (missing && process.env.CI) throw new Error(missing);

describe.skipIf(missing !== null && !process.env.CI)('township field page offline, in chromium', () => {
  let gateway: GatewayProcess;
  let phone: LaunchedBrowser;
  let page: Page;
  let cadre: string;
  let a: Found; // two visits and a measurement, recorded offline
  let b: Found; // changed on the server while offline: the conflict
  let measuredBefore: { a: number; b: number }; // MEASURED events already in the history (the seed's)
  const measuredEvents = (h: State['household']) => h.events.filter((e) => e.toStage === 'MEASURED').length;

  const state = async (id: string) =>
    (await graphql<State>(gateway.origin, STATE, { id }, cadre)).data!.household;
  const syncState = (attr: string, value: string) =>
    page.waitForSelector(`[data-testid=sync-state][data-${attr}="${value}"]`, { timeout: 30_000 });

  async function record(household: Found, kind: 'visit' | 'measure', fields: Record<string, string>) {
    await page.locator('#fe-household').selectOption(household.id);
    await page.locator('#fe-kind').selectOption(kind);
    for (const [id, value] of Object.entries(fields)) {
      const field = page.locator(`#fe-${id}`);
      if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
      else await field.fill(value);
    }
    await page.getByRole('button', { name: '保存到本机' }).click();
    await page.waitForSelector('text=已保存到本机');
  }

  beforeAll(async () => {
    gateway = new GatewayProcess(await freePort());
    await gateway.start();
    cadre = await login(gateway.origin, 'baisha.cadre');
    // The households the field page caches (the same query: the cadre's team's): two SURVEYED ones among them.
    const me = await graphql<{ me: { teamId: string } }>(gateway.origin, '{ me { teamId } }', {}, cadre);
    const listed = await graphql<{ households: { edges: { node: Found }[] } }>(
      gateway.origin,
      `
        query ($t: ID) {
          households(first: 100, filter: { teamId: $t, stages: [SURVEYED, MEASURED, ASSESSED] }) {
            edges {
              node {
                id
                code
                stage
                version
                township {
                  code
                }
              }
            }
          }
        }
      `,
      { t: me.data!.me.teamId },
      cadre,
    );
    const rows = listed.data!.households.edges.map((e) => e.node);
    // The demo team may have measured every household already: its township's commander then sends two back to
    // SURVEYED (a correction, as a re-measurement would need).
    const surveyed = rows.filter((h) => h.stage === 'SURVEYED');
    for (const h of rows.filter((r) => r.stage === 'MEASURED').slice(0, Math.max(0, 2 - surveyed.length))) {
      const commander = await login(gateway.origin, `${h.township.code}.commander`);
      const back = await graphql<{ revertStage: { version: number; stage: string } }>(
        gateway.origin,
        `
          mutation ($i: RevertStageInput!) {
            revertStage(input: $i) {
              version
              stage
            }
          }
        `,
        {
          i: {
            householdId: h.id,
            expectedVersion: h.version,
            idempotencyKey: `e2e-back-${h.id}-${RUN}`,
            reason: '重新丈量',
          },
        },
        commander,
      );
      expect(back.errors).toBeUndefined();
      surveyed.push({ ...h, ...back.data!.revertStage });
    }
    expect(surveyed.map((h) => h.stage)).toEqual(expect.arrayContaining(['SURVEYED', 'SURVEYED']));
    [a, b] = surveyed as [Found, Found];
    measuredBefore = {
      a: measuredEvents(await state(a.id)),
      b: measuredEvents(await state(b.id)),
    };
    phone = await launchBrowser();
    page = await phone.browser.newPage();
    await page.setViewportSize({ width: 375, height: 812 });
  });

  afterAll(async () => {
    await phone?.close();
    await gateway?.dispose();
  });

  it('installs: a manifest, and a service worker that controls the page once signed in', async () => {
    await page.goto(`${gateway.origin}/portal/township/#/field`);
    await page.getByLabel('用户名').fill('baisha.cadre');
    await page.getByLabel('密码').fill('hanjiang-demo-2020');
    await page.keyboard.press('Enter');
    await page.waitForSelector(`#fe-household option[value="${a.id}"]`, {
      state: 'attached',
      timeout: 60_000,
    });
    const manifest = await page.evaluate(async () => {
      const href = document.querySelector('link[rel=manifest]')?.getAttribute('href');
      return href ? ((await (await fetch(href)).json()) as { start_url: string; display: string }) : null;
    });
    expect(manifest).toMatchObject({ start_url: '/portal/township/#/field', display: 'standalone' });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
    await syncState('online', 'true');
    expect(await seriousViolations(page, '[data-testid=field-page]')).toEqual([]);
  });

  it('records two visits and a measurement offline; they survive a reload offline', async () => {
    await phone.browser.setOffline(true);
    await syncState('online', 'false');
    await record(a, 'visit', {
      purpose: 'POLICY_EXPLANATION',
      metWith: '户主本人',
      outcome: `晚间走访一 ${RUN}`,
    });
    await record(a, 'visit', {
      purpose: 'MEASUREMENT_APPOINTMENT',
      metWith: '户主之子',
      outcome: `晚间走访二 ${RUN}`,
      nextStep: '明早丈量',
    });
    await record(a, 'measure', { measuredBuildingAreaM2: '186.5', measuredLandAreaM2: '120' });
    await syncState('waiting', '3');
    expect(await page.textContent('[data-testid=sync-state]')).toContain('离线');

    await page.reload(); // offline: only the service worker can answer
    await page.waitForSelector('[data-testid=field-page]', { timeout: 30_000 });
    await syncState('waiting', '3');
    expect(await page.locator('[data-testid=field-queue] li').count()).toBe(3);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'township-field-offline.png'), fullPage: true });
  });

  it('sends them when the network returns: each lands exactly once', async () => {
    await phone.browser.setOffline(false);
    await syncState('waiting', '0');
    await syncState('attention', '0');
    const now = await state(a.id);
    const outcomes = now.visits.map((v) => v.outcome).filter((o) => o.endsWith(RUN));
    expect(outcomes.sort()).toEqual([`晚间走访一 ${RUN}`, `晚间走访二 ${RUN}`].sort());
    expect(measuredEvents(now)).toBe(measuredBefore.a + 1);
    expect(now).toMatchObject({ stage: 'MEASURED', version: a.version + 1, buildingAreaM2: 186.5 });
    // Sending again (a reload online, the retry timer) finds nothing more to send and writes nothing twice.
    await page.reload();
    await syncState('online', 'true');
    await syncState('waiting', '0');
    expect((await state(a.id)).visits.filter((v) => v.outcome.endsWith(RUN))).toHaveLength(2);
  });

  it('shows a conflict with the current state, and "retry on the new version" lands it once', async () => {
    await page.waitForSelector(`#fe-household option[value="${b.id}"]`, { state: 'attached' });
    await phone.browser.setOffline(true);
    await syncState('online', 'false');
    await record(b, 'measure', { measuredBuildingAreaM2: '99.5', measuredLandAreaM2: '80' });
    // Meanwhile at headquarters: someone measures b and the township's commander reverts it (version + 2).
    const commander = await login(gateway.origin, `${b.township.code}.commander`);
    const moved = await graphql(
      gateway.origin,
      `
        mutation ($i: AdvanceStageInput!) {
          advanceStage(input: $i) {
            version
          }
        }
      `,
      {
        i: {
          householdId: b.id,
          toStage: 'MEASURED',
          expectedVersion: b.version,
          idempotencyKey: `e2e-adv-${RUN}`,
          measuredBuildingAreaM2: 50,
          measuredLandAreaM2: 40,
        },
      },
      cadre,
    );
    expect(moved.errors).toBeUndefined();
    const reverted = await graphql(
      gateway.origin,
      `
        mutation ($i: RevertStageInput!) {
          revertStage(input: $i) {
            version
            stage
          }
        }
      `,
      {
        i: {
          householdId: b.id,
          expectedVersion: b.version + 1,
          idempotencyKey: `e2e-rev-${RUN}`,
          reason: '丈量有误,退回重测',
        },
      },
      commander,
    );
    expect(reverted.errors).toBeUndefined();

    await phone.browser.setOffline(false);
    await syncState('attention', '1');
    const conflict = page.locator('[data-testid=field-queue] li[data-state=conflict]');
    expect(await conflict.textContent()).toContain(`版本 ${b.version + 2}`);
    expect(await conflict.textContent()).toContain('摸底');
    await page.screenshot({ path: path.join(SHOTS, 'township-field-conflict.png'), fullPage: true });
    expect(await seriousViolations(page, '[data-testid=field-page]')).toEqual([]);
    // Nothing was written for the cadre's entry yet.
    expect((await state(b.id)).version).toBe(b.version + 2);

    await conflict.getByRole('button', { name: '按最新版本重试' }).click();
    await syncState('attention', '0');
    await syncState('waiting', '0');
    const now = await state(b.id);
    expect(now).toMatchObject({ stage: 'MEASURED', version: b.version + 3, buildingAreaM2: 99.5 });
    expect(measuredEvents(now)).toBe(measuredBefore.b + 2); // the other measurement's and the cadre's
  });
});
