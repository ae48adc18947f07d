import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { _electron as electron } from '@playwright/test';
import { expect, root, screenLines, test, typeLine, waitForPrompt } from './fixtures.js';

/** Electron's executable, or null: it is downloaded on first run, from outside the npm registry. */
function electronBinary(): string | null {
  try {
    const dir = join(root, 'node_modules', 'electron');
    const file = join(dir, 'dist', readFileSync(join(dir, 'path.txt'), 'utf8').trim());
    return existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();

test('the desktop app opens SRV1’s command prompt', async () => {
  test.skip(
    !binary,
    "Electron's binary is not installed (it is fetched from outside the npm registry on first run; `npm start` tries once).",
  );
  const app = await electron.launch({
    executablePath: binary ?? '',
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), root],
    cwd: root,
  });
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('tab', { name: 'SRV1 — Command Prompt' })).toBeVisible();
    await waitForPrompt(page);
    await typeLine(page, 'hostname');
    await expect.poll(async () => screenLines(page)).toContain('SRV1');
    expect(await page.evaluate(() => [typeof require, typeof process])).toEqual(['undefined', 'undefined']);
  } finally {
    await app.close();
  }
});
