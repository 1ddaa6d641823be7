// Signing a demo account in through a portal's own form, as a person does: the page at `url`, name, password, Enter.
import type { Page } from 'playwright-core';

export const DEMO_PASSWORD = 'hanjiang-demo-2020';

export async function signInAt(page: Page, url: string, username: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
}
