import { builtInLab, Lab } from '../../engine/index.js';

export function twoHosts(): Lab {
  const spec = builtInLab('two-hosts');
  if (!spec) throw new Error('two-hosts lab missing');
  return new Lab(spec);
}

/** One line typed at a host's console: what it printed. */
export function type(lab: Lab, host: string, line: string): string {
  const outcome = lab.apply({ type: 'command', host, line });
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.shell?.output ?? '';
}

/**
 * Lines typed at one host's console, rendered as the screen shows them: the prompt, the
 * line, then what it printed — the same form `ipsec-lab run` prints.
 */
export function transcript(lab: Lab, host: string, lines: readonly string[]): string {
  let screen = '';
  for (const line of lines) {
    screen += `${lab.prompt(host) ?? ''}${line}\n`;
    screen += type(lab, host, line);
  }
  return screen;
}

export const CMD = 'C:\\Documents and Settings\\Administrator>';
