import { join } from 'node:path';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect, root, startServer, test, waitForPrompt } from './fixtures.js';
import { connectRpc } from './lab-rpc.js';

/* The IP Security Monitor tab and the IKE timeline, driven as a student would. */

const PEERS = { SRV1: '192.168.1.20', SRV2: '192.168.1.10' } as const;

/** The commands that give a host a PSK policy securing ICMP with its peer (reference §2). */
function policyLines(host: keyof typeof PEERS, psk: string): string[] {
  return [
    'netsh ipsec static add policy name=P',
    `netsh ipsec static add filter filterlist=L srcaddr=me dstaddr=${PEERS[host]} protocol=ICMP`,
    'netsh ipsec static add filteraction name=A action=negotiate qmsecmethods="ESP[3DES,SHA1]"',
    `netsh ipsec static add rule name=R policy=P filterlist=L filteraction=A psk=${psk}`,
    'netsh ipsec static set policy name=P assign=yes',
  ];
}

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = join(root, 'test-results', 'e2e', `${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

const hostTab = (page: Page, host: string) => page.getByRole('tablist', { name: 'Workspace' }).getByRole('tab', { name: host, exact: true });

/** One host's console panel, its rows as text. */
function consoleOf(page: Page, host: string) {
  const panel = page.getByRole('tabpanel', { name: `${host} — Command Prompt` });
  const lines = async () => (await panel.locator('.xterm-rows > div').allTextContents()).map((l) => l.replace(/\u00a0/g, ' ').trimEnd());
  return {
    panel,
    lines,
    async prompt() {
      await expect.poll(async () => (await lines()).filter(Boolean).at(-1) ?? '', { timeout: 15_000 }).toMatch(/>$/);
    },
    /** Types a line into this host's terminal and waits for the next prompt. */
    async run(line: string) {
      await panel.locator('.xterm-helper-textarea').focus();
      await page.keyboard.type(line);
      await page.keyboard.press('Enter');
      // The echo may wrap: compare without the spaces and line breaks.
      const flat = (text: string) => text.replace(/\s/g, '');
      await expect.poll(async () => flat((await lines()).join(''))).toContain(flat(line));
      await this.prompt();
    },
  };
}

/** Opens a host's IP Security Monitor tab and returns its panel. */
async function openMonitor(page: Page, host: string): Promise<Locator> {
  await hostTab(page, host).click();
  await page.getByRole('tab', { name: `${host} — IP Security Monitor` }).click();
  const panel = page.getByRole('tabpanel', { name: `${host} — IP Security Monitor` });
  await expect(panel).toBeVisible();
  return panel;
}

const node = (panel: Locator, name: string) => panel.getByRole('treeitem', { name, exact: true });

test.describe('with the shared lab', () => {
  test.beforeEach(async ({ page, labServer }) => {
    await page.goto(labServer.url);
    await waitForPrompt(page);
  });

  test('SRV1’s monitor opens on Active Policy: none assigned', async ({ page, problems }) => {
    const panel = await openMonitor(page, 'SRV1');
    const tree = panel.getByRole('tree', { name: 'SRV1 IP Security Monitor' });
    await expect(node(tree, 'Active Policy')).toHaveAttribute('aria-selected', 'true');
    await expect(panel.getByRole('heading', { name: 'Active Policy' })).toBeVisible();
    await expect(panel).toContainText('No IPSec Policies Active');
    for (const name of ['Main Mode', 'Quick Mode']) await expect(node(tree, name)).toHaveAttribute('aria-expanded', 'true');
    await expect(node(node(tree, 'Main Mode'), 'IKE Policies')).toBeVisible();
    await expect(node(node(tree, 'Quick Mode'), 'Negotiation Policies')).toBeVisible();

    // The keyboard walks the tree; the details follow the selection.
    await node(tree, 'Active Policy').focus();
    await page.keyboard.press('ArrowDown'); // Main Mode
    await page.keyboard.press('ArrowDown'); // Generic Filters
    await expect(panel.getByRole('heading', { name: 'Main Mode › Generic Filters' })).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown'); // IKE Policies
    await expect(panel).toContainText('No IPSec Policies Active');
    await page.keyboard.press('ArrowDown'); // Statistics
    await expect(panel.getByRole('heading', { name: 'Main Mode › Statistics' })).toBeVisible();
    await expect(panel.getByRole('table', { name: 'IKE Main Mode Statistics' }).getByRole('row')).toHaveCount(24);
    expect(problems).toEqual([]);
  });

  test('W2K1 has no IP Security Monitor snap-in', async ({ page }, testInfo) => {
    const panel = await openMonitor(page, 'W2K1');
    await expect(panel.getByRole('heading', { name: 'IP Security Monitor is not available on Windows 2000' })).toBeVisible();
    await expect(panel).toContainText('netdiag /test:ipsec');
    await expect(panel).toContainText('ipsecmon');
    await expect(panel.getByRole('tree')).toHaveCount(0);
    await shot(page, testInfo, 'monitor-w2k1');
  });
});

test('matching PSK policies typed at two prompts: the monitor shows the policy, the SAs and the counters', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const server = await startServer();
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  try {
    await page.goto(server.url);
    const srv1 = consoleOf(page, 'SRV1');
    await srv1.prompt();

    const monitor = await openMonitor(page, 'SRV1');
    await expect(monitor).toContainText('No IPSec Policies Active');

    await hostTab(page, 'SRV1').click();
    for (const line of policyLines('SRV1', 'k')) await srv1.run(line);
    await hostTab(page, 'SRV2').click();
    const srv2 = consoleOf(page, 'SRV2');
    await srv2.prompt();
    for (const line of policyLines('SRV2', 'k')) await srv2.run(line);
    await hostTab(page, 'SRV1').click();
    await srv1.run('ping srv2');
    expect((await srv1.lines()).join('\n')).toMatch(/Negotiating IP Security\.\s+Reply from 192\.168\.1\.20/);

    await openMonitor(page, 'SRV1');
    const tree = monitor.getByRole('tree');
    await node(tree, 'Active Policy').click();
    const policy = monitor.getByRole('table', { name: 'Active Policy' });
    await expect(policy.getByRole('row', { name: /Policy Name/ })).toContainText('P');
    await expect(policy.getByRole('row', { name: /Policy Store/ })).toContainText('Local Store');

    await node(node(tree, 'Quick Mode'), 'Security Associations').click();
    const qmSas = monitor.getByRole('table', { name: 'Quick Mode › Security Associations' });
    await expect(qmSas.getByRole('columnheader')).toHaveText([
      'Filter Name', 'Me', 'Me Port', 'Peer', 'Peer Port', 'Tunnel Endpoint', 'Protocol', 'AH Integrity', 'ESP Confidentiality', 'ESP Integrity',
    ]);
    const sa = qmSas.getByRole('row').nth(1);
    await expect(sa.getByRole('cell')).toHaveText(['L', '192.168.1.10', 'Any', '192.168.1.20', 'Any', 'None', 'ICMP', 'None', '3DES', 'SHA1']);
    await shot(page, testInfo, 'monitor-qm-sas');

    await node(node(tree, 'Main Mode'), 'Security Associations').click();
    await expect(monitor.getByRole('table', { name: 'Main Mode › Security Associations' })).toContainText('Preshared Key');

    await node(node(tree, 'Main Mode'), 'Statistics').click();
    const stats = monitor.getByRole('table', { name: 'IKE Main Mode Statistics' });
    await expect(stats.getByRole('row', { name: /^IKE Main Mode\b/ }).getByRole('cell').first()).toHaveText('1');
    await expect(stats.getByRole('row', { name: /^Negotiation Failures\b/ }).getByRole('cell').first()).toHaveText('0');

    await monitor.getByRole('button', { name: 'Chart', exact: true }).click();
    await expect(monitor.getByRole('button', { name: 'Chart', exact: true })).toHaveAttribute('aria-pressed', 'true');
    const chart = monitor.getByRole('figure', { name: /Counters over simulated time/ });
    await expect(chart.locator('canvas')).toBeVisible();
    await expect(chart.getByRole('list', { name: 'Counters on the chart' }).getByRole('listitem')).toHaveCount(5);
    await expect.poll(() => drawnPixels(chart.locator('canvas'))).toBeGreaterThan(500);
    // A counter ticked in the list joins the chart; its × takes it off again.
    await stats.getByRole('checkbox', { name: 'Draw Total Acquire on the chart' }).check();
    await expect(chart.getByRole('listitem')).toHaveCount(6);
    await chart.getByRole('button', { name: 'Remove Total Acquire from the chart' }).click();
    await expect(chart.getByRole('listitem')).toHaveCount(5);
    await shot(page, testInfo, 'monitor-statistics-chart');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(page, testInfo, 'monitor-statistics-chart-dark');
    expect(problems).toEqual([]);
  } finally {
    await page.close();
    await server.stop();
  }
});

/** How many pixels of a canvas are not transparent: proof that uPlot drew something. */
function drawnPixels(canvas: Locator): Promise<number> {
  return canvas.evaluate((c: HTMLCanvasElement) => {
    const ctx = c.getContext('2d');
    if (!ctx) return 0;
    const { data } = ctx.getImageData(0, 0, c.width, c.height);
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) n++;
    return n;
  });
}

test('a preshared key mismatch: the IKE timeline shows where and why it failed', async ({ browser }, testInfo) => {
  test.setTimeout(60_000);
  const server = await startServer();
  const other = await connectRpc(server.url);
  const page = await browser.newPage();
  try {
    await page.goto(server.url);
    await waitForPrompt(page);
    for (const [host, psk] of [['SRV1', 'k'], ['SRV2', 'z']] as const) {
      for (const line of policyLines(host, psk)) await other.api.applyAction({ action: { type: 'command', host, line } });
    }

    // SRV2's statistics on screen while another client pings: they follow the lab by themselves.
    const monitor = await openMonitor(page, 'SRV2');
    await node(monitor, 'Statistics').first().click();
    const failures = monitor.getByRole('row', { name: /^Negotiation Failures\b/ }).getByRole('cell').first();
    await expect(failures).toHaveText('0');
    await other.api.applyAction({ action: { type: 'command', host: 'SRV1', line: 'ping -n 2 srv2' } });
    await expect(failures).toHaveText('1');
    await expect(monitor.getByRole('row', { name: /^Authentication Failures\b/ }).getByRole('cell').first()).toHaveText('1');

    await hostTab(page, 'Network').click();
    const picker = page.getByRole('form', { name: 'IKE timeline' });
    await picker.getByRole('combobox', { name: 'Traffic of' }).selectOption('SRV1');
    await picker.getByRole('combobox', { name: 'with' }).selectOption('SRV2');
    await picker.getByRole('button', { name: 'Show traffic' }).press('Enter');

    const traffic = page.getByRole('region', { name: 'Traffic between SRV1 and SRV2' });
    await expect(traffic).toBeVisible();
    const first = traffic.getByRole('listitem').filter({ hasText: 'Failed' }).first();
    await expect(first).toContainText('ICMP from SRV1 to SRV2 matched filter 1 of rule 1 (L), filter action A — negotiation failed, packet dropped.');
    const failure = first.getByRole('group', { name: /Main mode failed after message 5/ });
    await expect(failure).toContainText('SRV2 (responder) detected it — Invalid payload received (13843)');
    const points = failure.getByRole('table');
    await expect(points.getByRole('row', { name: /^SRV1/ })).toContainText(/initiator\s*Peer\s*Negotiation timed out \(13805\)/);
    await expect(points.getByRole('row', { name: /^SRV2/ })).toContainText(/responder\s*Me\s*Invalid payload received \(13843\)/);

    const mm = first.getByRole('list', { name: 'Main mode messages' });
    await expect(mm.getByRole('listitem').first()).toContainText('Main mode message 1, SRV1 to SRV2');
    await expect(mm.getByRole('listitem').first()).toContainText('3DES-SHA1-2 Preshared Key');
    await expect(mm.getByRole('listitem').nth(1)).toContainText('Chosen: ✓ 3DES-SHA1-2 Preshared Key');
    await expect(mm.getByRole('listitem').filter({ hasText: 'retransmit' }).first()).toContainText('message 5, SRV1 to SRV2');
    await expect(first.getByRole('list', { name: 'Quick mode messages' })).toHaveCount(0);
    await shot(page, testInfo, 'ike-timeline-failure');
    await mm.getByRole('listitem').nth(5).scrollIntoViewIfNeeded();
    await shot(page, testInfo, 'ike-timeline-messages');

    // The row folds with the keyboard, and Escape closes the panel.
    const toggle = first.getByRole('button', { name: /^\d\d:\d\d:\d\d Failed ICMP from SRV1/ });
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await toggle.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.press('Escape');
    await expect(traffic).toHaveCount(0);
    await expect(picker.getByRole('button', { name: 'Show traffic' })).toBeFocused();

    // Selecting two computers in the tree: the current one, then Ctrl+click on the other.
    const tree = page.getByRole('tree', { name: 'Network' });
    await tree.getByRole('treeitem', { name: 'SRV2', exact: true }).click();
    await tree.getByRole('treeitem', { name: 'SRV1', exact: true }).click({ modifiers: ['ControlOrMeta'] });
    await expect(page.getByRole('region', { name: 'Traffic between SRV2 and SRV1' })).toContainText('negotiation failed');
  } finally {
    other.close();
    await page.close();
    await server.stop();
  }
});
