import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';

export const root = fileURLToPath(new URL('../..', import.meta.url));
const URL_LINE = /IPSec Lab is running at (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/;

export interface LabServer {
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts `ipsec-lab serve --port 0` and resolves once it prints its address. */
export function startServer(): Promise<LabServer> {
  const child = spawn(process.execPath, ['bin/ipsec-lab.js', 'serve', '--port', '0'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail('it printed no address within 20 s'), 20_000);
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`ipsec-lab serve did not start: ${why}\n${output}`));
    };
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = URL_LINE.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.stdout.off('data', read);
      resolve({ url: match[1], stop: () => stop(child) });
    };
    child.stdout.on('data', read);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => fail(error.message));
    child.on('exit', (code) => fail(`it exited with code ${code}`));
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** The terminal's visible rows as text (xterm's DOM renderer), trailing blanks trimmed. */
export async function screenLines(page: Page): Promise<string[]> {
  const rows = await page.locator('.xterm-rows > div').allTextContents();
  return rows.map((row) => row.replace(/\u00a0/g, ' ').trimEnd());
}

/** Waits until the terminal shows a command prompt (a row ending in `>`) on its last non-blank row. */
export async function waitForPrompt(page: Page): Promise<void> {
  await expect
    .poll(async () => (await screenLines(page)).filter((l) => l !== '').at(-1) ?? '', { timeout: 15_000 })
    .toMatch(/>$/);
}

/** Types a command line into the focused terminal and presses Enter. */
export async function typeLine(page: Page, line: string): Promise<void> {
  await page.locator('.xterm-helper-textarea').first().focus();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

export const test = base.extend<{ problems: string[] }, { labServer: LabServer }>({
  labServer: [
    async ({}, use) => {
      const server = await startServer();
      await use(server);
      await server.stop();
    },
    { scope: 'worker', timeout: 30_000 },
  ],
  /** Console errors and uncaught exceptions on the page (CSP violations show up here). */
  problems: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await use(problems);
  },
});

export { expect };
