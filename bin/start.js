#!/usr/bin/env node
// `npm start`: the desktop app when Electron's binary is present (fetching it once if not);
// otherwise one clear paragraph, then the same app in browser mode.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = join(root, 'node_modules', 'electron');

/** The Electron executable, or null when its binary has not been downloaded. */
function electronBinary() {
  try {
    const relative = readFileSync(join(electronDir, 'path.txt'), 'utf8').trim();
    const full = join(electronDir, 'dist', relative);
    return relative && existsSync(full) ? full : null;
  } catch {
    return null;
  }
}

/** Runs Electron's own downloader once; returns a one-line reason when it fails. */
function fetchElectron() {
  const installer = join(electronDir, 'install.js');
  if (!existsSync(installer)) return 'the electron package is not installed';
  console.log("Fetching Electron's binary (first run only)…");
  const result = spawnSync(process.execPath, [installer], {
    cwd: root,
    encoding: 'utf8',
    stdio: 'pipe',
    timeout: 60_000,
  });
  if (result.error) return result.error.code === 'ETIMEDOUT' ? 'the download timed out after 60 s' : result.error.message;
  if (result.status === 0) return null;
  const lines = `${result.stderr}\n${result.stdout}`.split('\n').map((l) => l.trim());
  return lines.find((l) => /error/i.test(l) && !l.startsWith('at ')) ?? `the downloader exited with code ${result.status}`;
}

/** Runs a child with the terminal, passes Ctrl+C and termination on, and exits as it exits. */
function run(command, args, env = process.env) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    console.error(`Could not start ${command}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

let electron = electronBinary();
let reason = null;
if (!electron) {
  reason = fetchElectron();
  electron = reason ? null : electronBinary();
  if (!electron && !reason) reason = 'the downloader finished but no binary appeared';
}

if (electron) {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  run(electron, [root], env);
} else {
  console.log(
    `Electron's binary could not be downloaded (${reason}). Electron fetches it from outside the npm ` +
      'registry (GitHub releases) the first time the app runs, and this machine could not get it; ' +
      `Node >= 22.12 is recommended for Electron's downloader (this is Node ${process.versions.node}). ` +
      'Starting the same app in browser mode instead: open the address below in your browser ' +
      '(`npm run serve` does this directly).\n',
  );
  run(process.execPath, [join(root, 'bin', 'ipsec-lab.js'), 'serve']);
}
