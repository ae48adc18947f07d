/** Where a redirected command's output lands: files of the host, written through Effects. */
import type { Effect } from '../effects.js';
import { PATH_ERRORS, writablePath } from '../model/files.js';
import type { Host } from '../model/host.js';
import { failed, type ShellResult } from './command.js';
import type { Redirection } from './redirect.js';

/** NUL is the device that swallows output, in any directory and with any extension. */
const isNul = (path: string) => /(^|[\\/])nul(\.[^\\/]*)?$/i.test(path);

interface Target {
  readonly redirection: Redirection;
  /** Where the file is stored; null for NUL. */
  readonly path: string | null;
}

function fileEffects(host: Host, targets: readonly Target[], body: string): Effect[] {
  const texts = new Map<string, { path: string; text: string }>();
  const output = [...targets].reverse().find((t) => t.redirection.handle === 1);
  for (const target of targets) {
    if (target.path === null) continue;
    const key = target.path.toLowerCase();
    const start = texts.get(key)?.text ?? (target.redirection.append ? (host.files[target.path] ?? '') : '');
    texts.set(key, { path: target.path, text: start + (target === output ? body : '') });
  }
  return [...texts.values()].map(({ path, text }) => ({ kind: 'host-file', host: host.name, path, text }));
}

/**
 * Runs a command whose output is redirected. cmd.exe opens every target first (a bad path
 * stops the line before the command runs), then the output goes to the last `>`; the screen
 * keeps only the blank line before the prompt.
 */
export function withRedirections(host: Host, redirections: readonly Redirection[], run: () => ShellResult): ShellResult {
  if (redirections.length === 0) return run();
  const targets: Target[] = [];
  for (const redirection of redirections) {
    const place = isNul(redirection.path) ? null : writablePath(host, redirection.path);
    if (place && !place.ok) return failed(PATH_ERRORS[place.error]);
    targets.push({ redirection, path: place ? place.path : null });
  }
  const result = run();
  const separated = result.output.endsWith('\n');
  const body = separated ? result.output.slice(0, -1) : result.output;
  const toFile = targets.some((t) => t.redirection.handle === 1);
  return {
    ...result,
    output: toFile ? (separated ? '\n' : '') : result.output,
    effects: [...fileEffects(host, targets, body), ...(result.effects ?? [])],
  };
}
