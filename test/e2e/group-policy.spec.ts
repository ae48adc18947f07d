import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, root, startServer, test, waitForPrompt, type LabServer } from './fixtures.js';
import { connectRpc } from './lab-rpc.js';

const OU = 'IPSec Test';
const OU_DN = 'OU=IPSec Test,DC=example,DC=test';
const GPO = 'IPSec Test Policy';
const POLICY = 'Lesson One AD';

/** A screenshot kept under test-results/e2e, and an axe scan: no serious or critical violations. */
async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(root, 'test-results', 'e2e', `${name}.png`) });
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `axe on ${name}`).toEqual([]);
}

const workspaceTab = (page: Page, name: string) => page.getByRole('tablist', { name: 'Workspace' }).getByRole('tab', { name, exact: true });

async function dialog(page: Page, heading: string | RegExp): Promise<Locator> {
  const d = page.getByRole('dialog', { name: heading });
  await expect(d).toBeVisible();
  return d;
}

const ok = (d: Locator) => d.getByRole('button', { name: 'OK' }).click();
const next = (d: Locator) => d.getByRole('button', { name: 'Next >' }).click();

let server: LabServer;
test.beforeEach(async () => {
  server = await startServer();
});
test.afterEach(async () => {
  await server.stop();
});

test('assigns an Active Directory policy through a GPO linked to a test OU, and SRV1 applies it', async ({ page, problems }) => {
  test.setTimeout(90_000);
  const rpc = await connectRpc(server.url);
  await page.goto(server.url);
  await waitForPrompt(page);

  // Group Policy: create the test OU under the domain, refusing an empty name first.
  await workspaceTab(page, 'Group Policy').click();
  const tree = page.getByRole('tree', { name: 'Group Policy Management' });
  await expect(tree.getByRole('treeitem', { name: 'example.test', exact: true })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: 'New Organizational Unit…' }).click();
  let d = await dialog(page, /Create in: DC=example,DC=test/);
  await d.getByLabel('Name').fill('  ');
  await ok(d);
  await expect(d.getByRole('alert')).toHaveText(/Type a name for the organizational unit/);
  await d.getByLabel('Name').fill(OU);
  await ok(d);
  await expect(d).toBeHidden();
  const ouItem = tree.getByRole('treeitem', { name: OU, exact: true });
  await expect(ouItem).toBeVisible();

  // A second OU of the same name is refused in words, and nothing changes.
  await page.getByRole('button', { name: 'New Organizational Unit…' }).click();
  d = await dialog(page, /Create in: DC=example,DC=test/);
  await d.getByLabel('Name').fill(OU.toLowerCase());
  await ok(d);
  await expect(d.getByRole('alert')).toHaveText(/already an organizational unit named "IPSec Test"/);
  await d.getByRole('button', { name: 'Cancel' }).click();
  expect((await rpc.api.labView({})).domains[0]?.ous.filter((o) => o.name.toLowerCase() === 'ipsec test')).toHaveLength(1);

  // Users and Computers: move SRV1 into the OU.
  await workspaceTab(page, 'Users and Computers').click();
  const accounts = page.getByRole('grid', { name: 'Computer accounts' });
  await page.getByRole('button', { name: 'Move…' }).click();
  await expect(page.getByRole('region', { name: 'Active Directory Users and Computers' }).getByRole('alert')).toHaveText('Select a computer in the list first.');
  await accounts.getByRole('row', { name: /^SRV1 / }).click();
  await expect(accounts.getByRole('row', { name: /^SRV1 / })).toContainText('Windows Server 2003');
  await page.getByRole('button', { name: 'Move…' }).click();
  d = await dialog(page, /Move SRV1 into container/);
  await d.getByLabel('Container').selectOption(OU_DN);
  await ok(d);
  await expect(d).toBeHidden();
  await expect.poll(async () => (await rpc.api.labView({})).hosts.find((h) => h.name === 'SRV1')?.ou).toBe(OU_DN);

  // Group Policy: a GPO created and linked to the OU, refusing a duplicate GPO name.
  await workspaceTab(page, 'Group Policy').click();
  await ouItem.click();
  await page.getByRole('button', { name: 'Create a GPO and Link It Here…' }).click();
  d = await dialog(page, /Create a GPO in example.test and link it to IPSec Test/);
  await d.getByLabel('Name').fill('default domain policy');
  await ok(d);
  await expect(d.getByRole('alert')).toHaveText(/already a Group Policy object named "Default Domain Policy"/);
  await d.getByLabel('Name').fill(GPO);
  await ok(d);
  await expect(d).toBeHidden();
  const links = page.getByRole('grid', { name: `Linked Group Policy Objects of ${OU}` });
  await expect(links.getByRole('row', { name: new RegExp(`^1 ${GPO} No Yes`) })).toBeVisible();
  // Nothing selected is refused in words; then Enforced, link enabled and Block Inheritance change and show.
  await page.getByRole('button', { name: 'Link an Existing GPO…' }).click();
  d = await dialog(page, /Link an existing GPO to IPSec Test/);
  await ok(d);
  await expect(d.getByRole('alert')).toHaveText('Select a Group Policy object to link.');
  await d.getByRole('button', { name: 'Cancel' }).click();
  const link = links.getByRole('row', { name: new RegExp(`^1 ${GPO}`) });
  await link.click();
  await page.getByRole('button', { name: 'Enforced' }).click();
  await expect(link).toContainText(`${GPO} YesYes`);
  await expect(page.getByRole('button', { name: 'Enforced' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Link Enabled' }).click();
  await expect(link).toContainText(`${GPO} YesNo`);
  await page.getByRole('button', { name: 'Link Enabled' }).click();
  await expect(link).toContainText(`${GPO} YesYes`);
  await page.getByRole('checkbox', { name: 'Block Inheritance' }).check();
  await expect(ouItem).toHaveAccessibleDescription('Block Inheritance');
  const ouView = (await rpc.api.labView({})).domains[0]?.ous.find((o) => o.dn === OU_DN);
  expect(ouView).toMatchObject({ blockInheritance: true, links: [{ gpo: GPO, enforced: true, enabled: true }] });
  await shot(page, 'gp-links');

  // Edit the GPO: create a policy in Active Directory with the wizard, then assign it in this GPO.
  await tree.getByRole('treeitem', { name: GPO, exact: true }).first().click();
  await expect(page.getByRole('heading', { name: `Edit: ${GPO}` })).toBeVisible();
  const adList = page.getByRole('grid', { name: 'IP Security Policies on Active Directory (example.test) of example.test' });
  await expect(adList).toBeVisible();
  await page.getByRole('button', { name: 'Create IP Security Policy…' }).click();
  await next(await dialog(page, /Welcome to the IP Security Policy Wizard/));
  const named = await dialog(page, /IP Security Policy Name/);
  await named.getByLabel('Name').fill(POLICY);
  await next(named);
  await next(await dialog(page, /Requests for Secure Communication/));
  await next(await dialog(page, /Default Response Rule Authentication Method/));
  await (await dialog(page, /Completing the IP Security Policy Wizard/)).getByRole('button', { name: 'Finish' }).click();
  // "Edit properties" was left ticked, so the new policy's Properties open, as in the MMC.
  const properties = await dialog(page, new RegExp(`${POLICY} Properties`));
  await properties.getByRole('button', { name: 'OK', exact: true }).click();
  await expect(properties).toBeHidden();
  const row = adList.getByRole('row', { name: new RegExp(POLICY) });
  await expect(row).toContainText('No');
  await row.click();
  await page.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(row).toContainText('Yes');
  expect((await rpc.api.labView({})).domains[0]?.gpos.find((g) => g.name === GPO)?.ipsecPolicy).toBe(POLICY);
  await shot(page, 'gp-gpo-editor');

  // Refresh SRV1's Group Policy from its computer account: the real command runs on SRV1.
  await workspaceTab(page, 'Users and Computers').click();
  await accounts.getByRole('row', { name: /^SRV1 / }).click();
  await page.getByRole('button', { name: 'Refresh Group Policy' }).click();
  const output = page.getByRole('region', { name: 'Group Policy refresh of SRV1' });
  await expect(output).toContainText('SRV1> gpupdate /target:computer');
  await expect(accounts.getByRole('row', { name: /^SRV1 / })).toContainText(`${POLICY} (from GPO ${GPO})`);
  await shot(page, 'gp-computers');

  // The Network view shows the policy in force and where it came from.
  await workspaceTab(page, 'Network').click();
  const srv1 = page.getByRole('tree', { name: 'Network' }).getByRole('treeitem', { name: 'SRV1', exact: true });
  await expect(srv1).toHaveAccessibleDescription(new RegExp(`IPSec policy ${POLICY} from GPO ${GPO}`));
  await shot(page, 'gp-network');
  await page.emulateMedia({ colorScheme: 'dark' });
  await workspaceTab(page, 'Group Policy').click();
  await shot(page, 'gp-dark');

  // A GPO created at the domain and deleted after confirming: its link goes with it.
  await tree.getByRole('treeitem', { name: 'example.test', exact: true }).click();
  await page.getByRole('button', { name: 'Create a GPO and Link It Here…' }).click();
  d = await dialog(page, /Create a GPO in example.test and link it to example.test/);
  await d.getByLabel('Name').fill('Scratch GPO');
  await ok(d);
  await tree.getByRole('treeitem', { name: 'Scratch GPO', exact: true }).first().click();
  await page.getByRole('button', { name: 'Delete GPO…' }).click();
  await ok(await dialog(page, /Delete Scratch GPO\?/));
  await expect(tree.getByRole('treeitem', { name: 'Scratch GPO', exact: true })).toHaveCount(0);
  expect((await rpc.api.labView({})).domains[0]?.links.map((l) => l.gpo)).toEqual(['Default Domain Policy']);

  rpc.close();
  expect(problems).toEqual([]);
});
