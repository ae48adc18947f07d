import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { expect, root, startServer, test, waitForPrompt } from './fixtures.js';
import { connectRpc } from './lab-rpc.js';

/*
 * An axe-core scan of each main view — the console, the network view with the IKE timeline open,
 * and the IP Security Monitor — in light and dark, with a lab that has something to show.
 * No serious or critical violations; a screenshot of each view is kept.
 */

async function scan(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  await testInfo.attach(`axe-${name}.json`, { body: JSON.stringify(result.violations, null, 2), contentType: 'application/json' });
  const path = join(root, 'test-results', 'e2e', `view-${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(`view-${name}`, { path, contentType: 'image/png' });
  const summary = bad.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe on the ${name} view`).toEqual([]);
}

const POLICY = (peer: string, psk: string) => [
  'netsh ipsec static add policy name=P',
  `netsh ipsec static add filter filterlist=L srcaddr=me dstaddr=${peer} protocol=ICMP`,
  'netsh ipsec static add filteraction name=A action=negotiate qmsecmethods="ESP[3DES,SHA1]"',
  `netsh ipsec static add rule name=R policy=P filterlist=L filteraction=A psk=${psk}`,
  'netsh ipsec static set policy name=P assign=yes',
];

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no serious or critical axe violations in the main views (${colorScheme})`, async ({ browser }, testInfo) => {
    test.setTimeout(90_000);
    const server = await startServer();
    const other = await connectRpc(server.url);
    const context = await browser.newContext({ colorScheme }); // axe needs a page of its own context
    const page = await context.newPage();
    const tag = (view: string) => `${view}-${colorScheme}`;
    try {
      const run = (host: string, line: string) => other.api.applyAction({ action: { type: 'command', host, line } });
      for (const line of POLICY('192.168.1.20', 'k')) await run('SRV1', line);
      for (const line of POLICY('192.168.1.10', 'k')) await run('SRV2', line);
      await run('SRV1', 'ping -n 2 srv2');

      await page.goto(server.url);
      await waitForPrompt(page);
      await scan(page, testInfo, tag('console'));

      await page.getByRole('tab', { name: 'Network', exact: true }).click();
      await page.getByRole('form', { name: 'IKE timeline' }).getByRole('button', { name: 'Show traffic' }).click();
      const traffic = page.getByRole('region', { name: 'Traffic between SRV1 and SRV2' });
      await expect(traffic.getByRole('list', { name: 'Quick mode messages' })).toBeVisible();
      await traffic.getByText(/^Security log events/).first().click();
      await scan(page, testInfo, tag('network-timeline'));

      await page.getByRole('tab', { name: 'SRV1', exact: true }).click();
      await page.getByRole('tab', { name: 'SRV1 — IP Security Monitor' }).click();
      const monitor = page.getByRole('tabpanel', { name: 'SRV1 — IP Security Monitor' });
      await expect(monitor.getByRole('table', { name: 'Active Policy' })).toBeVisible();
      await scan(page, testInfo, tag('monitor-active-policy'));

      const tree = monitor.getByRole('tree');
      await tree.getByRole('treeitem', { name: 'Specific Filters' }).last().click();
      await expect(monitor.getByRole('table', { name: 'Quick Mode › Specific Filters' })).toBeVisible();
      await scan(page, testInfo, tag('monitor-qm-specific'));

      await tree.getByRole('treeitem', { name: 'Statistics' }).last().click();
      await monitor.getByRole('button', { name: 'Chart', exact: true }).click();
      await expect(monitor.locator('canvas').first()).toBeVisible();
      await scan(page, testInfo, tag('monitor-statistics'));

      await page.getByRole('tab', { name: 'W2K1', exact: true }).click();
      await page.getByRole('tab', { name: 'W2K1 — IP Security Monitor' }).click();
      await expect(page.getByRole('heading', { name: /not available on Windows 2000/ })).toBeVisible();
      await scan(page, testInfo, tag('monitor-w2k'));
    } finally {
      other.close();
      await context.close();
      await server.stop();
    }
  });
}
