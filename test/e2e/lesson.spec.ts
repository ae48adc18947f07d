import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { test as base, type Locator, type Page } from '@playwright/test';
import { expect, root, startServer, type LabServer } from './fixtures.js';

/*
 * The lesson pane against a server of its own per test (opening a lesson replaces the lab),
 * with its own app-data folder so progress and imported packs never leak between runs.
 */
const test = base.extend<{ server: LabServer; problems: string[] }>({
  server: async ({}, use) => {
    const home = await mkdtemp(join(tmpdir(), 'ipsec-lab-lesson-e2e-'));
    const previous = process.env.IPSEC_LAB_HOME;
    process.env.IPSEC_LAB_HOME = home;
    let server: LabServer;
    try {
      server = await startServer();
    } finally {
      if (previous === undefined) delete process.env.IPSEC_LAB_HOME;
      else process.env.IPSEC_LAB_HOME = previous;
    }
    await use(server);
    await server.stop();
    await rm(home, { recursive: true, force: true });
  },
  problems: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await use(problems);
  },
});

const LESSON = 'Secure two servers with netsh and a preshared key';

const pane = (page: Page) => page.getByRole('region', { name: 'Lesson', exact: true });

/** Serious or critical axe violations inside the lesson pane, one line each. */
async function axeProblems(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include('#lesson-pane').analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.locator('#lesson-pane').evaluate((e) => (e.scrollTop = 0));
  await page.screenshot({ path: join(root, 'test-results', 'e2e', `${name}.png`) });
}

/** One host's Command Prompt: type a line into it and wait for the next prompt. */
function prompt(page: Page, host: string) {
  const panel = page.getByRole('tabpanel', { name: `${host} — Command Prompt` });
  const lines = async () => (await panel.locator('.xterm-rows > div').allTextContents()).map((l) => l.replace(/\u00a0/g, ' ').trimEnd());
  const ready = () => expect.poll(async () => (await lines()).filter((l) => l !== '').at(-1) ?? '', { timeout: 15_000 }).toMatch(/>$/);
  return {
    panel,
    ready,
    async type(line: string): Promise<void> {
      await panel.locator('.xterm-helper-textarea').focus();
      await page.keyboard.type(line);
      await page.keyboard.press('Enter');
      await ready();
    },
  };
}

const step = (scope: Locator, id: string) => scope.getByRole('list', { name: 'Steps' }).locator(`li[data-step="${id}"]`);

test('a practice lesson: steps turn complete as commands are typed, with hints, feedback, undo and a score', async ({ page, server, problems }) => {
  test.setTimeout(90_000); // six long command lines typed key by key, and three axe scans
  await page.goto(server.url);
  const lesson = pane(page);
  await expect(lesson.getByRole('heading', { name: 'Lessons' })).toBeVisible();
  const examples = lesson.getByRole('article', { name: 'Example lessons' });
  await expect(examples.getByRole('button', { name: `Practise: ${LESSON}` })).toBeVisible();
  await expect(lesson.getByRole('article', { name: /IPSec/ }).first()).toBeVisible();
  await shot(page, 'lesson-start-screen');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'lesson-start-screen-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  await examples.getByRole('button', { name: `Practise: ${LESSON}` }).click();
  await expect(lesson.getByRole('heading', { name: LESSON })).toBeVisible();
  await expect(lesson.getByRole('list', { name: 'Steps' }).getByRole('listitem')).toHaveCount(4);
  await expect(step(lesson, 'filter-list')).toContainText('Current step');
  await expect(lesson.getByRole('heading', { name: 'Step 1: A filter list for traffic with SRV2' })).toBeVisible();
  // The step's Markdown, rendered: **bold** becomes strong text.
  await expect(lesson.locator('.current strong', { hasText: 'SRV2 traffic' })).toBeVisible();

  // The lab is now the lesson's: DC1, SRV1 and SRV2, with SRV1's prompt open.
  const tabs = page.getByRole('tablist', { name: 'Workspace' }).getByRole('tab');
  for (const host of ['DC1', 'SRV1', 'SRV2']) await expect(tabs.filter({ hasText: new RegExp(`^\\s*${host}\\s*$`) })).toHaveCount(1);
  await expect(tabs.filter({ hasText: /^\s*WS1\s*$/ })).toHaveCount(0);
  const srv1 = prompt(page, 'SRV1');
  await srv1.ready();

  // The reference solution opens beside the work; its lines carry this student's address and key.
  await lesson.getByRole('button', { name: 'Show solution' }).click();
  const solution = (await lesson.getByLabel('Solution commands').textContent())?.split('\n') ?? [];
  expect(solution).toHaveLength(6);
  const commands = solution.map((line) => line.replace(/^SRV1> /, ''));
  await lesson.getByRole('button', { name: 'Hide solution' }).click();
  await expect(lesson.getByLabel('Solution commands')).toHaveCount(0);

  const [filterList, filter, filterAction, policy, rule, assign] = commands as [string, string, string, string, string, string];
  await srv1.type(filterList);
  await expect(lesson.getByRole('region', { name: 'Not yet' })).toContainText('needs a filter from me to SRV2');

  // A wrong filter gets the feedback written for that failure; undo takes it back.
  await srv1.type(filter.replace('mirrored=yes', 'mirrored=no'));
  await expect(lesson.getByRole('region', { name: 'Not yet' })).toContainText('Your filter is not mirrored');
  await expect(step(lesson, 'filter-list')).toContainText('Current step');
  await lesson.getByRole('button', { name: 'Undo last' }).click();
  await expect(lesson.getByRole('region', { name: 'Not yet' })).not.toContainText('Your filter is not mirrored');

  // The hint ladder.
  await lesson.getByRole('button', { name: 'Show a hint (1 left)' }).click();
  await expect(lesson.getByRole('region', { name: 'Hints' })).toContainText('A filter names a source, a destination');
  await expect(lesson.getByRole('region', { name: 'Hints' })).toContainText('No more hints for this step.');
  await shot(page, 'lesson-open');
  expect(await axeProblems(page), 'axe on the open lesson (light)').toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'lesson-open-dark');
  expect(await axeProblems(page), 'axe on the open lesson (dark)').toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });

  await srv1.type(filter);
  await expect(step(lesson, 'filter-list')).toContainText('Complete');
  await expect(step(lesson, 'filter-action')).toContainText('Current step');
  await expect(lesson.getByRole('progressbar', { name: 'Lesson progress' })).toHaveAttribute('aria-valuenow', '1');

  await srv1.type(filterAction);
  await expect(step(lesson, 'filter-action')).toContainText('Complete');
  await srv1.type(policy);
  await srv1.type(rule);
  await expect(step(lesson, 'policy')).toContainText('Complete');
  await srv1.type(assign);
  await expect(step(lesson, 'assign')).toContainText('Complete');
  await expect(lesson.getByRole('progressbar', { name: 'Lesson progress' })).toHaveAttribute('aria-valuenow', '4');
  await expect(lesson.getByText('Every step is complete.')).toBeVisible();

  await lesson.getByRole('button', { name: 'Finish lesson' }).click();
  const report = lesson.getByRole('region', { name: 'Score report' });
  await expect(report).toBeVisible();
  const table = report.getByRole('table', { name: 'Points by objective' });
  await expect(table.getByRole('row')).not.toHaveCount(1);
  const score = await report.locator('[data-score]').getAttribute('data-score');
  expect(score).toMatch(/^(\d+)\/\1$/); // practice hints are free: full marks
  await shot(page, 'lesson-report');
  expect(await axeProblems(page), 'axe on the score report').toEqual([]);

  const download = page.waitForEvent('download');
  await report.getByRole('button', { name: 'Export result' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('examples-02-secure-pair-result.json');
  const result = JSON.parse(await readFile(await file.path(), 'utf8')) as { lesson: string; pack: { id: string }; transcript: unknown[] };
  expect(result.lesson).toBe('02-secure-pair');
  expect(result.pack.id).toBe('examples');
  expect(result.transcript.length).toBeGreaterThan(6);

  // Back on the start screen the lesson is marked done.
  await lesson.getByRole('button', { name: '← Lessons' }).click();
  await expect(examples.getByRole('listitem').filter({ hasText: LESSON })).toContainText('Done');
  expect(await axeProblems(page), 'axe on the start screen with progress').toEqual([]);
  expect(problems).toEqual([]);
});

test('importing a pack from a bad path shows a clear error', async ({ page, server }) => {
  await page.goto(server.url);
  const lesson = pane(page);
  const field = lesson.getByLabel('Pack folder or .zip file');
  await field.fill('/no/such/pack-folder');
  await lesson.getByRole('button', { name: 'Import' }).click();
  const error = lesson.getByRole('alert');
  await expect(error).toContainText('/no/such/pack-folder');
  await expect(field).toHaveAttribute('aria-invalid', 'true');

  const empty = await mkdtemp(join(tmpdir(), 'ipsec-lab-not-a-pack-'));
  try {
    await field.fill(empty);
    await field.press('Enter');
    await expect(error).toContainText(empty);
    await expect(error).toContainText(/pack\.yaml|not a pack/);
  } finally {
    await rm(empty, { recursive: true, force: true });
  }
});

test('HTML in lesson Markdown is shown as text, never run', async ({ page, server, problems }) => {
  const dir = await mkdtemp(join(tmpdir(), 'ipsec-lab-unsafe-pack-'));
  try {
    await cp(join(root, 'lessons', 'examples'), dir, { recursive: true });
    const manifest = join(dir, 'pack.yaml');
    await writeFile(manifest, (await readFile(manifest, 'utf8')).replace('id: examples', 'id: unsafe-text').replace('title: Example lessons', 'title: Unsafe text'));
    const md = join(dir, 'lessons', '02-secure-pair', 'lesson.md');
    const hostile = '<script>window.__xss = 1</script> and <img src=x onerror="window.__xss = 2"> here.';
    await writeFile(md, (await readFile(md, 'utf8')).replace('## Filter list\n', `## Filter list\n\n${hostile}\n`));

    await page.goto(server.url);
    const lesson = pane(page);
    await lesson.getByLabel('Pack folder or .zip file').fill(dir);
    await lesson.getByRole('button', { name: 'Import' }).click();
    await expect(lesson.getByRole('status').filter({ hasText: 'Imported' })).toBeVisible();
    const pack = lesson.getByRole('article', { name: 'Unsafe text' });
    await pack.getByRole('button', { name: `Practise: ${LESSON}` }).click();

    const current = lesson.getByRole('region', { name: /^Step 1:/ });
    await expect(current).toContainText('<script>window.__xss = 1</script>');
    await expect(current).toContainText('<img src=x onerror="window.__xss = 2">');
    await expect(lesson.locator('img, script')).toHaveCount(0);
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    expect(problems).toEqual([]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('an exam shows its timer and the cost of a hint, and offers no solution', async ({ page, server, problems }) => {
  await page.goto(server.url);
  const lesson = pane(page);
  const core = lesson.getByRole('article', { name: 'IPSec on Windows Server 2003' });
  await expect(core.getByRole('button', { name: /^Practise: Final exam/ })).toHaveCount(0); // an exam lesson is always an exam
  await core.getByRole('button', { name: /^Exam: Final exam/ }).click();
  await expect(lesson.getByRole('heading', { name: /^Final exam/ })).toBeVisible();
  await expect(lesson.getByText('Exam', { exact: true })).toBeVisible();
  await expect(lesson.getByRole('timer', { name: 'Exam time left' })).toHaveText(/^(59:\d\d|1:00:00)$/);
  await expect(lesson.getByRole('button', { name: /^Show a hint \(costs 2 points\)$/ })).toBeVisible();
  await expect(lesson.getByRole('button', { name: 'Show solution' })).toHaveCount(0);
  await prompt(page, 'SRV1').ready(); // the exam's own lab, behind a fresh prompt

  // Finishing early asks first; the report then shows every objective.
  await lesson.getByRole('button', { name: 'Finish lesson' }).click();
  const dialog = page.getByRole('dialog', { name: 'Finish before every step is done?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Finish' }).click();
  const report = lesson.getByRole('region', { name: 'Score report' });
  await expect(report.locator('[data-score]')).toHaveAttribute('data-score', /^0\/\d+$/);
  await expect(report.getByRole('row', { name: /Build a policy to a specification/ })).toBeVisible();
  await shot(page, 'lesson-exam-report');
  expect(problems).toEqual([]);
});
