// The budget "the township list answers a filter change within 300 ms on a scale-6 seed", measured (not asserted:
// a timing depends on the machine): a gateway seeded at SEED_SCALE=6 (≈ 51,750 households; 白塘镇 alone has
// ≈ 23,000), its commander's list in chromium, and ten filter changes, each timed in the page from the change
// event to the frame after the list shows the rows of the new filter. p50/p95 go to .measurements/township-filter-latency.json and the log. What the
// test does assert is that each answer is the right one: the count the list shows is the gateway's for that filter.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, launchBrowser, type LaunchedBrowser } from './browser.js';
import { freePort, GatewayProcess, graphql, login } from './gateway.js';

const MEASUREMENTS = path.join(import.meta.dirname, '../.measurements/township-filter-latency.json');
const TABLE = '[role=table][data-rows-for]';

interface Filters {
  villageId?: string;
  teamId?: string;
  stages?: string[];
  search?: string;
}

/** One change as a user makes it, and the filters it leads to. */
interface Change {
  label: string;
  act: (page: Page) => Promise<unknown>;
  filters: Filters;
}

type TimedWindow = Window & { filterTiming: Promise<number> };

/**
 * Times the next filter change inside the page, free of the test driver's own round trips: from the change (the
 * select's `change`, the search form's `submit`) to the frame after the list's rows are those of the new filters
 * (its `data-rows-for` moved on and it is no longer busy).
 */
function startTimer(page: Page): Promise<void> {
  return page.evaluate((selector) => {
    const table = document.querySelector(selector)!;
    const old = table.getAttribute('data-rows-for');
    (window as unknown as TimedWindow).filterTiming = new Promise<number>((resolve) => {
      let started: number | null = null;
      const start = () => (started ??= performance.now());
      document.addEventListener('change', start, { capture: true, once: true });
      document.addEventListener('submit', start, { capture: true, once: true });
      const observer = new MutationObserver(() => {
        if (started === null || table.getAttribute('data-rows-for') === old) return;
        if (table.getAttribute('aria-busy') !== 'false') return;
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now() - started!));
      });
      observer.observe(table, { attributes: true, attributeFilter: ['data-rows-for', 'aria-busy'] });
    });
  }, TABLE);
}

const missing = chromiumMissing();
if (missing && process.env.CI) throw new Error(missing);

describe.skipIf(missing !== null && !process.env.CI)('township list at scale 6: filter latency', () => {
  let gateway: GatewayProcess;
  let browser: LaunchedBrowser;
  let page: Page;
  let token: string;
  const measured: Record<string, unknown> = {};

  beforeAll(async () => {
    gateway = new GatewayProcess(await freePort(), { SEED_SCALE: '6' });
    const started = Date.now();
    await gateway.start(300_000);
    measured.scale6GatewayReadyS = Math.round((Date.now() - started) / 100) / 10;
    token = await login(gateway.origin, 'baitang.commander');
    browser = await launchBrowser();
    page = await browser.browser.newPage();
  }, 330_000);

  afterAll(async () => {
    mkdirSync(path.dirname(MEASUREMENTS), { recursive: true });
    writeFileSync(MEASUREMENTS, `${JSON.stringify(measured, null, 2)}\n`);
    console.log('[e2e measurements, township filter latency]', JSON.stringify(measured));
    await browser?.close();
    await gateway?.dispose();
  });

  it('answers ten filter changes with the gateway’s rows, timed', async () => {
    const options = await graphql<{ villages: { id: string }[]; teams: { id: string; code: string }[] }>(
      gateway.origin,
      '{ villages(townshipCode: "baitang") { id } teams { id code } }',
      {},
      token,
    );
    const [v1, v2] = options.data!.villages;
    const team = options.data!.teams.find((t) => t.code === 'baitang-4')!;
    const select = (label: string, value: string) => (p: Page) => p.getByLabel(label).selectOption(value);
    const search = (text: string) => async (p: Page) => {
      await p.getByRole('searchbox').fill(text);
      await p.getByRole('searchbox').press('Enter');
    };
    const changes: Change[] = [
      { label: 'village', act: select('村', v1!.id), filters: { villageId: v1!.id } },
      { label: 'another village', act: select('村', v2!.id), filters: { villageId: v2!.id } },
      { label: 'stage', act: select('环节', 'SIGNED'), filters: { villageId: v2!.id, stages: ['SIGNED'] } },
      { label: 'all villages', act: select('村', ''), filters: { stages: ['SIGNED'] } },
      { label: 'team', act: select('工作组', team.id), filters: { stages: ['SIGNED'], teamId: team.id } },
      {
        label: 'other stage',
        act: select('环节', 'MEASURED'),
        filters: { stages: ['MEASURED'], teamId: team.id },
      },
      { label: 'all stages', act: select('环节', ''), filters: { teamId: team.id } },
      { label: 'all teams', act: select('工作组', ''), filters: {} },
      { label: 'name search', act: search('陈'), filters: { search: '陈' } },
      { label: 'code search', act: search('BTH-CQ-01'), filters: { search: 'BTH-CQ-01' } },
    ];

    await page.goto(`${gateway.origin}/portal/township/`);
    await page.getByLabel('用户名').fill('baitang.commander');
    await page.getByLabel('密码').fill('hanjiang-demo-2020');
    await page.keyboard.press('Enter');
    await page.waitForSelector(`${TABLE}[aria-busy=false] .hh-row[data-row]`);

    const timings: number[] = [];
    for (const change of changes) {
      await startTimer(page);
      await change.act(page);
      timings.push(await page.evaluate(() => (window as unknown as TimedWindow).filterTiming));

      const expected = await graphql<{ households: { totalCount: number } }>(
        gateway.origin,
        'query ($f: HouseholdFilter) { households(first: 1, filter: $f) { totalCount } }',
        { f: change.filters },
        token,
      );
      expect(await page.textContent('#households-title'), change.label).toContain(
        `共 ${expected.data!.households.totalCount} 户`,
      );
    }

    const sorted = timings.toSorted((a, b) => a - b);
    const at = (q: number) =>
      Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!);
    measured.filterChanges = timings.length;
    measured.filterLatencyP50Ms = at(0.5);
    measured.filterLatencyP95Ms = at(0.95);
    measured.filterLatencyMs = timings.map((t) => Math.round(t));
  });
});
