import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Action } from '../../service/protocol/lab-api.js';
import { expect, root, screenLines, startServer, test, typeLine, waitForPrompt } from './fixtures.js';
import { connectRpc } from './lab-rpc.js';

const HOSTS = ['DC1', 'SRV1', 'SRV2', 'WS1', 'W2K1'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Opens the Network tab and returns its tree. */
async function openNetwork(page: Page) {
  await page.getByRole('tablist', { name: 'Workspace' }).getByRole('tab', { name: 'Network', exact: true }).click();
  const tree = page.getByRole('tree', { name: 'Network' });
  await expect(tree).toBeVisible();
  return tree;
}

const item = (scope: ReturnType<Page['getByRole']>, name: string) => scope.getByRole('treeitem', { name, exact: true });

const clock = (page: Page) => page.getByRole('timer', { name: 'Simulated time' });

/** The clock bar's text, `Mon 14 Mar 2005 09:05:00`, as ms since the epoch. */
async function shownTime(page: Page): Promise<number> {
  const text = (await clock(page).textContent())?.trim() ?? '';
  const m = /^(\w{3}) (\d{1,2}) (\w{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!m) throw new Error(`the clock shows ${JSON.stringify(text)}`);
  return Date.UTC(Number(m[4]), MONTHS.indexOf(m[3] ?? ''), Number(m[2]), Number(m[5]), Number(m[6]), Number(m[7]));
}

async function shot(page: Page, name: string, attach: (name: string, o: { path: string; contentType: string }) => Promise<void>) {
  const path = join(root, 'test-results', 'e2e', `${name}.png`);
  await page.screenshot({ path });
  await attach(name, { path, contentType: 'image/png' });
}

test.describe('with the shared lab', () => {
  test.beforeEach(async ({ page, labServer }) => {
    await page.goto(labServer.url);
    await waitForPrompt(page);
  });

  test('lists the five hosts of example.test, DC1 under Domain Controllers', async ({ page, problems }, testInfo) => {
    const tree = await openNetwork(page);
    const domain = item(tree, 'example.test');
    await expect(domain).toHaveAttribute('aria-level', '1');
    await expect(domain).toHaveAttribute('aria-expanded', 'true');
    for (const host of HOSTS) await expect(item(domain, host)).toBeVisible();

    const dcs = item(domain, 'Domain Controllers');
    await expect(item(dcs, 'DC1')).toBeVisible();
    await expect(item(dcs, 'SRV1')).toHaveCount(0);
    const computers = item(domain, 'Computers');
    for (const host of ['SRV1', 'SRV2', 'WS1', 'W2K1']) await expect(item(computers, host)).toBeVisible();

    await expect(item(domain, 'Default Domain Policy')).toHaveAccessibleDescription(/assigns no IPSec policy/);
    await expect(item(dcs, 'Default Domain Controllers Policy')).toBeVisible();
    await expect(item(computers, 'SRV1')).toHaveAccessibleDescription(
      /^Windows Server 2003, 192\.168\.1\.10, online, IPSEC Services (running|stopped), /,
    );
    await expect(item(computers, 'WS1')).toHaveAccessibleDescription(/^Windows XP, 192\.168\.1\.30, online/);
    await expect(page.getByRole('region', { name: 'Network' })).toContainText('5 computers · 1 domain');

    await shot(page, 'network-view', (n, o) => testInfo.attach(n, o));
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(page, 'network-view-dark', (n, o) => testInfo.attach(n, o));
    expect(problems).toEqual([]);
  });

  test('follows commands typed in a console: net stop policyagent on SRV1', async ({ page, problems }) => {
    await typeLine(page, 'net stop policyagent');
    await expect.poll(async () => (await screenLines(page)).join('\n')).toMatch(/IPSEC Services/);
    await waitForPrompt(page);

    const srv1 = item(await openNetwork(page), 'SRV1');
    await expect(srv1.locator('.services')).toHaveText('Stopped');
    await expect(srv1).toHaveAccessibleDescription(/IPSEC Services stopped/);

    // And back, while the view is open: the tree refreshes by itself.
    await page.getByRole('tab', { name: 'SRV1', exact: true }).click();
    await typeLine(page, 'net start policyagent');
    await waitForPrompt(page);
    await page.getByRole('tab', { name: 'Network', exact: true }).click();
    await expect(srv1.locator('.services')).toHaveText('Running');
    expect(problems).toEqual([]);
  });

  test('"+15 min" moves the clock by 15 minutes, "+1 min" by one', async ({ page }) => {
    const before = await shownTime(page);
    await page.getByRole('button', { name: /^\+15 min/ }).click();
    await expect.poll(() => shownTime(page)).toBe(before + 15 * 60_000);
    await page.getByRole('button', { name: /^\+1 min/ }).click();
    await expect.poll(() => shownTime(page)).toBe(before + 16 * 60_000);
  });

  test('the tree is reachable and navigable with the keyboard', async ({ page }) => {
    const networkTab = page.getByRole('tab', { name: 'Network', exact: true });
    await page.getByRole('tab', { name: 'SRV1', exact: true }).focus();
    await page.keyboard.press('Home');
    await expect(networkTab).toBeFocused();
    await expect(networkTab).toHaveAttribute('aria-selected', 'true');

    const tree = page.getByRole('tree', { name: 'Network' });
    const domain = item(tree, 'example.test');
    await page.keyboard.press('Tab');
    await expect(domain).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(item(tree, 'Default Domain Policy')).toBeFocused();

    await page.keyboard.press('End');
    await expect(item(tree, 'DC1')).toBeFocused();
    await expect(item(tree, 'DC1')).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowLeft'); // a leaf: to its parent
    const dcs = item(tree, 'Domain Controllers');
    await expect(dcs).toBeFocused();
    await page.keyboard.press('ArrowLeft'); // an open container: closes it
    await expect(dcs).toHaveAttribute('aria-expanded', 'false');
    await expect(item(tree, 'DC1')).toHaveCount(0);
    await page.keyboard.press('ArrowRight'); // opens it
    await expect(dcs).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('ArrowRight'); // enters it
    await expect(item(tree, 'Default Domain Controllers Policy')).toBeFocused();

    await page.keyboard.press('Home');
    await expect(domain).toBeFocused();
    await page.keyboard.press('w'); // type-ahead
    await expect(item(tree, 'W2K1')).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(item(tree, 'SRV2')).toBeFocused();

    // Tab leaves the tree and Shift+Tab comes back to the same item.
    await page.keyboard.press('Shift+Tab');
    await expect(networkTab).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(item(tree, 'SRV2')).toBeFocused();

    // Enter on a computer opens its command prompt, with the keyboard in it.
    await page.keyboard.press('Enter');
    await expect(page.getByRole('tab', { name: 'SRV2', exact: true })).toHaveAttribute('aria-selected', 'true');
    const panel = page.getByRole('tabpanel', { name: 'SRV2 — Command Prompt' });
    await expect(panel.locator('.xterm-helper-textarea')).toBeFocused();
  });

  test('the lesson pane collapses and opens again', async ({ page }) => {
    const toggle = page.getByRole('button', { name: 'Lesson pane' });
    const pane = page.getByRole('complementary', { name: 'Lesson and lab' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(pane).toContainText('Two servers in example.test');
    await toggle.click();
    await expect(pane).toBeHidden();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.press('Enter');
    await expect(pane).toBeVisible();
    await pane.getByRole('button', { name: /^WS1/ }).click();
    await expect(page.getByRole('tab', { name: 'WS1', exact: true })).toHaveAttribute('aria-selected', 'true');
  });
});

test('"Next Group Policy refresh" moves a fresh lab to 09:05:00', async ({ browser }) => {
  const server = await startServer();
  const page = await browser.newPage();
  try {
    await page.goto(server.url);
    await expect(clock(page)).toHaveText('Mon 14 Mar 2005 09:00:00');
    const next = page.getByRole('button', { name: 'Next Group Policy refresh' });
    await expect(next).toHaveAttribute('title', /^DC1 refreshes Group Policy at 09:05:00/);
    await next.click();
    await expect(clock(page)).toHaveText('Mon 14 Mar 2005 09:05:00');
    await expect(next).toHaveAttribute('aria-disabled', 'false');
    const dc1 = item(await openNetwork(page), 'DC1');
    await expect(dc1).toHaveAccessibleDescription(/Group Policy refreshed 09:05:00, next refresh 09:10:00/);
  } finally {
    await page.close();
    await server.stop();
  }
});

test('shows OUs, GPO links and their marks as another client changes the directory', async ({ browser }, testInfo) => {
  const server = await startServer();
  const other = await connectRpc(server.url);
  const page = await browser.newPage();
  const DN = 'DC=example,DC=test';
  const TEST_OU = `OU=IPSec Test,${DN}`;
  const WEB_OU = `OU=Web Servers,${TEST_OU}`;
  const directory = (change: Extract<Action, { type: 'directory' }>['change']): Action => ({ type: 'directory', domain: 'example.test', change });
  try {
    await page.goto(server.url);
    const tree = await openNetwork(page);
    await expect(item(item(tree, 'Computers'), 'SRV1')).toBeVisible();

    const actions: Action[] = [
      directory({ op: 'create-ou', name: 'IPSec Test', parent: DN }),
      directory({ op: 'create-ou', name: 'Web Servers', parent: TEST_OU }),
      directory({ op: 'create-gpo', name: 'IPSec Test Policy' }),
      directory({ op: 'link-gpo', gpo: 'IPSec Test Policy', container: TEST_OU }),
      directory({ op: 'set-link', gpo: 'IPSec Test Policy', container: TEST_OU, enforced: true }),
      directory({ op: 'link-gpo', gpo: 'Default Domain Policy', container: WEB_OU }),
      directory({ op: 'set-link', gpo: 'Default Domain Policy', container: WEB_OU, enabled: false }),
      directory({ op: 'block-inheritance', container: WEB_OU, block: true }),
      { type: 'move-computer', host: 'SRV1', ou: TEST_OU },
      { type: 'move-computer', host: 'SRV2', ou: WEB_OU },
      { type: 'command', host: 'SRV2', line: 'netsh ipsec static set policy name="Server (Request Security)" assign=y' },
      { type: 'power', host: 'WS1', online: false },
    ];
    for (const action of actions) await other.api.applyAction({ action });

    const testOu = item(tree, 'IPSec Test');
    await expect(item(testOu, 'SRV1')).toBeVisible();
    await expect(item(item(tree, 'Computers'), 'SRV1')).toHaveCount(0);
    await expect(item(testOu, 'IPSec Test Policy')).toHaveAccessibleDescription(/^Enforced\s*assigns no IPSec policy$/);
    const webOu = item(testOu, 'Web Servers');
    await expect(webOu).toHaveAttribute('aria-level', '3');
    await expect(webOu).toHaveAccessibleDescription(/Block Inheritance/);
    await expect(item(webOu, 'Default Domain Policy')).toHaveAccessibleDescription(/Link disabled/);
    const srv2 = item(webOu, 'SRV2');
    await expect(srv2).toHaveAccessibleDescription(/IPSec policy Server \(Request Security\) local/);
    await expect(srv2.locator('.policy')).toHaveText(/^\s*Server \(Request Security\)\s*local\s*$/);
    await expect(item(tree, 'WS1')).toHaveAccessibleDescription(/^Windows XP, 192\.168\.1\.30, offline,/);
    await expect(item(tree, 'WS1').locator('.state')).toHaveText('Offline');

    await item(tree, 'SRV2').click();
    await shot(page, 'network-view-directory', (n, o) => testInfo.attach(n, o));
  } finally {
    other.close();
    await page.close();
    await server.stop();
  }
});
