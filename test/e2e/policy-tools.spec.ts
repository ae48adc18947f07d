import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, root, startServer, test, waitForPrompt, type LabServer } from './fixtures.js';
import { connectRpc } from './lab-rpc.js';

const SRV1 = '192.168.1.10';
const SRV2 = '192.168.1.20';

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(root, 'test-results', 'e2e', `${name}.png`) });
}

/** SRV1's "IP Security Policies on Local Computer" tab, opened. */
async function openPolicies(page: Page): Promise<Locator> {
  await page.getByRole('tablist', { name: 'Workspace' }).getByRole('tab', { name: 'SRV1', exact: true }).click();
  await page.getByRole('tab', { name: 'SRV1 — IP Security Policies on Local Computer' }).click();
  const list = page.getByRole('grid', { name: 'IP Security Policies on Local Computer of SRV1' });
  await expect(list).toBeVisible();
  return list;
}

/** The one open dialog whose page heading is `heading`. */
async function dialog(page: Page, heading: string | RegExp): Promise<Locator> {
  const d = page.getByRole('dialog', { name: heading });
  await expect(d).toBeVisible();
  return d;
}

const next = (d: Locator) => d.getByRole('button', { name: 'Next >' }).click();
const finish = (d: Locator) => d.getByRole('button', { name: 'Finish' }).click();

async function createPolicy(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Create IP Security Policy…' }).click();
  await next(await dialog(page, /Welcome to the IP Security Policy Wizard/));
  const named = await dialog(page, /IP Security Policy Name/);
  await named.getByLabel('Name').fill(name);
  await named.getByLabel('Description').fill('Secures Telnet and file sharing between SRV1 and SRV2');
  await next(named);
  await next(await dialog(page, /Requests for Secure Communication/));
  await next(await dialog(page, /Default Response Rule Authentication Method/));
  await finish(await dialog(page, /Completing the IP Security Policy Wizard/));
}

async function addTcpFilter(page: Page, port: number, capture = false): Promise<void> {
  await (await dialog(page, /New IP Filter List/)).getByRole('button', { name: 'Add…' }).click();
  await next(await dialog(page, /Welcome to the IP Filter Wizard/));
  await next(await dialog(page, /IP Filter Description and Mirrored Property/));
  const source = await dialog(page, /IP Traffic Source/);
  await source.getByLabel('Source address').selectOption('host');
  await source.getByLabel('IP address', { exact: true }).fill(SRV1);
  await next(source);
  const destination = await dialog(page, /IP Traffic Destination/);
  await destination.getByLabel('Destination address').selectOption('host');
  await destination.getByLabel('IP address', { exact: true }).fill(SRV2);
  await next(destination);
  const protocol = await dialog(page, /IP Protocol Type and Port/);
  await protocol.getByLabel('Protocol type').selectOption('tcp');
  await protocol.getByLabel('To this port').fill(String(port));
  if (capture) await shot(page, 'policy-wizard-page');
  await next(protocol);
  await finish(await dialog(page, /Completing the IP Filter Wizard/));
}

let server: LabServer;
test.beforeEach(async () => {
  server = await startServer();
});
test.afterEach(async () => {
  await server.stop();
});

test('creates the lesson-one policy on SRV1 with the wizards, assigns it, and it is in force', async ({ page, problems }) => {
  test.setTimeout(90_000);
  await page.goto(server.url);
  await waitForPrompt(page);
  const list = await openPolicies(page);
  await expect(list.getByRole('row')).toHaveCount(4);
  await expect(list.getByRole('row', { name: /Client \(Respond Only\)/ })).toContainText('No');

  await createPolicy(page, 'Lesson One');
  const props = await dialog(page, /Lesson One Properties/);
  await props.getByRole('button', { name: 'Add…' }).click();

  await next(await dialog(page, /Welcome to the Create IP Security Rule Wizard/));
  await next(await dialog(page, /Tunnel Endpoint/));
  await next(await dialog(page, /Network Type/));
  await (await dialog(page, /IP Filter List$/)).getByRole('button', { name: 'Add…' }).click();
  const filterList = await dialog(page, /New IP Filter List/);
  await filterList.getByLabel('Name').fill('SRV1-SRV2 Telnet and File Sharing');
  await addTcpFilter(page, 23, true);
  await addTcpFilter(page, 445);
  await expect(filterList.getByRole('table', { name: 'IP Filters' })).toContainText(`${SRV1} (any port) ↔ ${SRV2} (port 445), TCP`);
  await filterList.getByRole('button', { name: 'OK', exact: true }).click();

  const listPage = await dialog(page, /IP Filter List$/);
  await expect(listPage.getByRole('radio', { name: /SRV1-SRV2 Telnet and File Sharing/ })).toBeChecked();
  await next(listPage);
  await (await dialog(page, /Filter Action$/)).getByRole('button', { name: 'Add…' }).click();
  await next(await dialog(page, /Welcome to the Filter Action Wizard/));
  const actionName = await dialog(page, /Filter Action Name/);
  await actionName.getByLabel('Name').fill('Require ESP 3DES');
  await next(actionName);
  await next(await dialog(page, /Filter Action General Options/));
  await next(await dialog(page, /Communicating with Computers that Do Not Support IPSec/));
  await next(await dialog(page, /IP Traffic Security/));
  await finish(await dialog(page, /Completing the IP Security Filter Action Wizard/));

  const actionPage = await dialog(page, /Filter Action$/);
  await expect(actionPage.getByRole('radio', { name: /Require ESP 3DES/ })).toBeChecked();
  await next(actionPage);
  const auth = await dialog(page, /Authentication Method$/);
  await auth.getByLabel(/preshared key/).check();
  await auth.getByLabel('Preshared key', { exact: true }).fill('lesson one');
  await next(auth);
  await finish(await dialog(page, /Completing the Security Rule Wizard/));

  const properties = await dialog(page, /Lesson One Properties/);
  const rules = properties.getByRole('table', { name: 'IP Security rules' });
  await expect(rules).toContainText('SRV1-SRV2 Telnet and File Sharing');
  await expect(rules).toContainText('Preshared Key');
  await shot(page, 'policy-properties');
  await properties.getByRole('button', { name: 'OK', exact: true }).click();
  await expect(properties).toBeHidden();

  await list.getByRole('row', { name: /Lesson One/ }).click();
  await page.getByRole('toolbar', { name: 'IP Security Policies actions' }).getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(list.getByRole('row', { name: /Lesson One/ })).toContainText('Yes');
  await shot(page, 'policy-list');

  // The world holds exactly what netsh would have made, and SRV1 enforces it.
  const rpc = await connectRpc(server.url);
  try {
    const view = await rpc.api.labView({});
    const srv1 = view.hosts.find((h) => h.name === 'SRV1');
    expect(srv1?.activePolicy).toMatchObject({ name: 'Lesson One', source: 'local' });
    const store = srv1?.localStore;
    const filters = store?.filterLists.find((l) => l.name === 'SRV1-SRV2 Telnet and File Sharing')?.filters;
    expect(filters?.map((f) => [f.srcaddr, f.dstaddr, f.protocol, f.dstport, f.mirrored])).toEqual([
      [{ kind: 'host', address: SRV1 }, { kind: 'host', address: SRV2 }, 6, 23, true],
      [{ kind: 'host', address: SRV1 }, { kind: 'host', address: SRV2 }, 6, 445, true],
    ]);
    expect(store?.filterActions.find((a) => a.name === 'Require ESP 3DES')?.qmsecmethods).toEqual([
      { ah: null, esp: { confidentiality: '3DES', integrity: 'SHA1' }, lifetimeKBytes: 100000, lifetimeSeconds: 3600 },
    ]);
    expect(store?.policies.find((p) => p.name === 'Lesson One')?.rules[0]?.authMethods).toEqual([{ kind: 'psk', key: 'lesson one' }]);
  } finally {
    rpc.close();
  }

  await page.getByRole('tablist', { name: 'Workspace' }).getByRole('tab', { name: 'Network', exact: true }).click();
  const srv1 = page.getByRole('tree', { name: 'Network' }).getByRole('treeitem', { name: 'SRV1', exact: true });
  await expect(srv1.locator('.policy-name')).toHaveText('Lesson One');
  expect(problems).toEqual([]);
});

test('each bad input gets its own message, by keyboard, and nothing is sent', async ({ page, problems }) => {
  test.setTimeout(60_000);
  await page.goto(server.url);
  await waitForPrompt(page);
  await openPolicies(page);

  // Duplicate and empty names, with Enter as the default button.
  await page.getByRole('button', { name: 'Create IP Security Policy…' }).click();
  await page.keyboard.press('Enter');
  const named = await dialog(page, /IP Security Policy Name/);
  await expect(named.getByLabel('Name')).toBeFocused();
  await named.getByLabel('Name').fill('Client (Respond Only)');
  await page.keyboard.press('Enter');
  await expect(named.getByRole('alert')).toHaveText('There is already a policy named "Client (Respond Only)". Type a different name.');
  await named.getByLabel('Name').fill('');
  await page.keyboard.press('Enter');
  await expect(named.getByRole('alert')).toHaveText('Type a name for the policy. The name cannot be empty.');
  await named.getByLabel('Name').fill('Checks');
  await page.keyboard.press('Enter');
  await dialog(page, /Requests for Secure Communication/);
  await page.keyboard.press('Enter');
  await dialog(page, /Default Response Rule Authentication Method/);
  await page.keyboard.press('Enter');
  await dialog(page, /Completing the IP Security Policy Wizard/);
  await page.keyboard.press('Enter');

  // A bad address and a port without TCP or UDP, in the IP Filter wizard.
  await (await dialog(page, /Checks Properties/)).getByRole('button', { name: 'Add…' }).click();
  await next(await dialog(page, /Welcome to the Create IP Security Rule Wizard/));
  await next(await dialog(page, /Tunnel Endpoint/));
  await next(await dialog(page, /Network Type/));
  await (await dialog(page, /IP Filter List$/)).getByRole('button', { name: 'Add…' }).click();
  await (await dialog(page, /New IP Filter List/)).getByRole('button', { name: 'Add…' }).click();
  await next(await dialog(page, /Welcome to the IP Filter Wizard/));
  await next(await dialog(page, /IP Filter Description and Mirrored Property/));
  const source = await dialog(page, /IP Traffic Source/);
  await source.getByLabel('Source address').selectOption('subnet');
  await source.getByLabel('IP address', { exact: true }).fill('192.168.1.300');
  await next(source);
  await expect(source.getByRole('alert')).toContainText('"192.168.1.300" is not a valid IP address.');
  await source.getByLabel('IP address', { exact: true }).fill('192.168.1.0');
  await source.getByLabel('Subnet mask').fill('255.0.255.0');
  await next(source);
  await expect(source.getByRole('alert')).toContainText('"255.0.255.0" is not a valid subnet mask.');
  await source.getByLabel('Subnet mask').fill('255.255.255.0');
  await next(source);
  await next(await dialog(page, /IP Traffic Destination/));
  const protocol = await dialog(page, /IP Protocol Type and Port/);
  await protocol.getByLabel('Protocol type').selectOption('icmp');
  await protocol.getByLabel('To this port').fill('23');
  await next(protocol);
  await expect(protocol.getByRole('alert')).toHaveText(
    'Ports can be set only for TCP or UDP. Choose TCP or UDP as the protocol, or leave both ports empty (any port).',
  );
  await shot(page, 'policy-wizard-validation');

  // Escape closes only the top dialog, one at a time.
  await page.keyboard.press('Escape');
  await dialog(page, /New IP Filter List/);
  await page.keyboard.press('Escape');
  await dialog(page, /IP Filter List$/);
  const rpc = await connectRpc(server.url);
  try {
    const store = (await rpc.api.labView({})).hosts.find((h) => h.name === 'SRV1')?.localStore;
    expect(store?.filterLists.map((l) => l.name)).toEqual(['All ICMP Traffic', 'All IP Traffic']);
    expect(store?.policies.map((p) => p.name)).toContain('Checks');
  } finally {
    rpc.close();
  }
  expect(problems).toEqual([]);
});
