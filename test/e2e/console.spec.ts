import { join } from 'node:path';
import { expect, root, screenLines, startServer, test, typeLine, waitForPrompt } from './fixtures.js';

const TAB = 'SRV1 — Command Prompt';

test.beforeEach(async ({ page, labServer }) => {
  await page.goto(labServer.url);
  await expect(page.getByRole('tab', { name: TAB })).toBeVisible();
  await waitForPrompt(page);
});

test('shows the SRV1 command prompt tab, selected, with its terminal', async ({ page, problems }) => {
  const tab = page.getByRole('tab', { name: TAB });
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tablist', { name: 'Workspace' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'SRV1', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tablist', { name: 'SRV1 tools' })).toBeVisible();
  await expect(page.getByRole('tabpanel', { name: TAB }).locator('.xterm')).toBeVisible();
  expect(problems).toEqual([]);
});

test('hostname prints SRV1', async ({ page, problems }, testInfo) => {
  await typeLine(page, 'hostname');
  await expect.poll(async () => screenLines(page)).toContain('SRV1');
  await waitForPrompt(page);
  const shot = join(root, 'test-results', 'e2e', 'srv1-console.png');
  await page.screenshot({ path: shot });
  await testInfo.attach('srv1-console', { path: shot, contentType: 'image/png' });
  expect(problems).toEqual([]);
});

test('an unknown word gets cmd.exe’s message', async ({ page }) => {
  await typeLine(page, 'frobnicate');
  await expect(page.locator('.xterm-rows')).toContainText(
    "'frobnicate' is not recognized as an internal or external command,",
  );
  await expect(page.locator('.xterm-rows')).toContainText('operable program or batch file.');
});

test('the page has no require and no process', async ({ page }) => {
  const seen = await page.evaluate(() => [typeof require, typeof process]);
  expect(seen).toEqual(['undefined', 'undefined']);
});

test('resizing the window refits the terminal', async ({ page }) => {
  const pane = page.locator('.terminal[data-cols]');
  const size = async () => ({
    cols: Number(await pane.getAttribute('data-cols')),
    rows: Number(await pane.getAttribute('data-rows')),
    drawnRows: await page.locator('.xterm-rows > div').count(),
  });
  const before = await size();
  expect(before.cols).toBeGreaterThan(40);
  expect(before.drawnRows).toBe(before.rows);

  await page.setViewportSize({ width: 640, height: 420 });
  await expect.poll(async () => (await size()).cols).toBeLessThan(before.cols);
  const after = await size();
  expect(after.rows).toBeLessThan(before.rows);
  expect(after.drawnRows).toBe(after.rows);

  // The console still works at the new size.
  await typeLine(page, 'hostname');
  await expect.poll(async () => screenLines(page)).toContain('SRV1');
});

test('losing the lab service shows a calm banner, not a crash', async ({ browser }) => {
  const server = await startServer();
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(server.url);
    await waitForPrompt(page);
    await server.stop();
    await expect(page.getByRole('status')).toContainText('The connection to the lab service was lost');
    await expect(page.getByRole('tab', { name: TAB })).toBeVisible();
    expect(errors).toEqual([]);
  } finally {
    await page.close();
    await server.stop();
  }
});

test('an address without its token explains what to open', async ({ page, labServer }) => {
  await page.goto(labServer.url.replace(/#.*$/, ''));
  await expect(page.getByRole('status')).toContainText('#token=');
});

test('another host’s tab opens its own console on first view', async ({ page }) => {
  const hostTabs = page.getByRole('tablist', { name: 'Workspace' }).getByRole('tab');
  const other = hostTabs.filter({ hasText: /^\s*(DC1|SRV2|WS1|W2K1)\s*$/ }).first();
  test.skip((await other.count()) === 0, 'this lab has only one host');
  const host = ((await other.textContent()) ?? '').trim();
  await other.click();
  await expect(other).toHaveAttribute('aria-selected', 'true');
  const panel = page.getByRole('tabpanel', { name: `${host} — Command Prompt` });
  await expect(panel.locator('.xterm')).toBeVisible();
  const lines = async () =>
    (await panel.locator('.xterm-rows > div').allTextContents()).map((l) => l.replace(/\u00a0/g, ' ').trimEnd());
  await expect.poll(async () => (await lines()).filter(Boolean).at(-1) ?? '').toMatch(/>$/);
  await expect(panel.locator('.xterm-helper-textarea')).toBeFocused(); // a click on a host's tab puts the keyboard in its prompt
  await page.keyboard.type('hostname');
  await page.keyboard.press('Enter');
  await expect.poll(lines).toContain(host);

  // Back to SRV1 with the keyboard: its console is still there.
  await other.focus();
  const srv1 = page.getByRole('tab', { name: 'SRV1', exact: true });
  for (let i = 0; i < 8 && (await srv1.getAttribute('aria-selected')) !== 'true'; i++) await page.keyboard.press('ArrowLeft');
  await expect(srv1).toHaveAttribute('aria-selected', 'true');
  await expect(srv1).toBeFocused();
  await expect(page.getByRole('tabpanel', { name: TAB }).locator('.xterm')).toBeVisible();
});

test('exit closes the prompt; Enter opens a new one', async ({ page }) => {
  await page.keyboard.type('exit'); // the SRV1 terminal has the keyboard from the start
  await page.keyboard.press('Enter');
  await expect(page.locator('.xterm-rows')).toContainText('[Command Prompt closed — press Enter to open a new one]');
  await page.keyboard.press('Enter');
  await waitForPrompt(page);
  await expect(page.locator('.xterm-rows')).not.toContainText('Command Prompt closed');
  await typeLine(page, 'hostname');
  await expect.poll(async () => screenLines(page)).toContain('SRV1');
});
