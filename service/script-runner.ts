import { readFile, stat, writeFile, rename } from 'node:fs/promises';
import { formatClock, parseScript, toPrintable, type Lab } from '../engine/index.js';
import { UserError } from './protocol/rpc.js';

const MAX_SCRIPT_BYTES = 4 * 1024 * 1024;

export async function readTextFile(path: string, what: string): Promise<string> {
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) throw new UserError(`cannot read the ${what} ${path}: no such file.`);
  if (info.size > MAX_SCRIPT_BYTES) throw new UserError(`the ${what} ${path} is larger than 4 MB.`);
  return readFile(path, 'utf8');
}

/** Writes beside the target, then renames, so a crash never leaves half a file. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, text, 'utf8');
  await rename(temp, path);
}

/**
 * Runs a lab script as `ipsec-lab run` does: each step's prompt, command and output printed as
 * one transcript. Returns the transcript text.
 */
export function runScript(lab: Lab, text: string, scriptName: string): string {
  const parsed = parseScript(text, lab.hosts());
  if (!parsed.ok) {
    throw new UserError(parsed.problems.map((p) => `${scriptName}:${p.line}: ${p.message}`).join('\n'));
  }
  let transcript = '';
  for (const { action, line } of parsed.steps) {
    if (action.type !== 'command') {
      const outcome = lab.apply(action);
      if (!outcome.ok) throw new UserError(`${scriptName}:${line}: ${outcome.error}`);
      transcript += `@${action.type} → ${formatClock(lab.world.clock)}\n\n`;
      continue;
    }
    const prompt = lab.prompt(action.host) ?? '';
    const outcome = lab.apply(action);
    if (!outcome.ok) throw new UserError(`${scriptName}:${line}: ${outcome.error}`);
    const host = lab.host(action.host)?.name ?? action.host;
    transcript += toPrintable(`[${host}] ${prompt}${action.line}\n${outcome.shell?.output ?? ''}`);
  }
  return transcript;
}
