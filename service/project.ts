import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding IPSec Lab's package.json, found from this file whether run from source or out/. */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && readPackageName(manifest) === 'ipsec-lab') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('IPSec Lab cannot find its own package.json.');
    dir = parent;
  }
}

function readPackageName(manifest: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name;
  } catch {
    return undefined;
  }
}

export function appVersion(): string {
  const manifest = JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

/** The command line that starts `ipsec-lab`, with Electron's own Node when running inside Electron. */
export function cliCommand(): { file: string; args: string[]; env: Record<string, string> } {
  const env: Record<string, string> = {};
  if (process.versions.electron) env.ELECTRON_RUN_AS_NODE = '1';
  return { file: process.execPath, args: [join(projectRoot(), 'bin', 'ipsec-lab.js')], env };
}
