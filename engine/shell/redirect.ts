/**
 * cmd.exe reads a line before any command sees it: outside double quotes `^` escapes the next
 * character, and `>` / `>>` (optionally `1>` / `2>`) send output to a file. What is left is
 * the command line proper. `echo hi > f.txt` writes "hi " — the space before `>` is the
 * command's.
 */
export interface Redirection {
  readonly path: string;
  readonly append: boolean;
  /** 1: the command's output; 2: its errors (which this emulation prints with the output). */
  readonly handle: 1 | 2;
}

export type SplitLine =
  | { readonly ok: true; readonly command: string; readonly redirections: readonly Redirection[] }
  | { readonly ok: false; readonly error: string };

const SYNTAX = 'The syntax of the command is incorrect.';

const TARGET = /\s*((?:"[^"]*"?|[^\s"<>]+)*)/y;

/** The file name after `>`: quoted parts, or up to white space or the next redirection. */
function readTarget(line: string, from: number): { path: string; end: number } {
  TARGET.lastIndex = from;
  const m = TARGET.exec(line);
  return { path: (m?.[1] ?? '').replace(/"/g, ''), end: TARGET.lastIndex };
}

/** A lone `1` or `2` just before `>` names the handle, as in `2>nul`. */
function handleBefore(command: string): { handle: 1 | 2; command: string } {
  const m = /(^|\s)([12])$/.exec(command);
  if (!m) return { handle: 1, command };
  return { handle: m[2] === '2' ? 2 : 1, command: command.slice(0, -1) };
}

/** The next character cmd.exe treats specially, from `from` on (quotes switch the others off). */
const SPECIAL = /["^>]/g;

export function splitRedirections(line: string): SplitLine {
  let command = '';
  const redirections: Redirection[] = [];
  let quoted = false;
  let i = 0;
  // Whole plain stretches are copied at once, so a megabyte line costs a few slices.
  while (i < line.length) {
    SPECIAL.lastIndex = i;
    const found = quoted ? line.indexOf('"', i) : (SPECIAL.exec(line)?.index ?? -1);
    const at = found < 0 ? line.length : found;
    command += line.slice(i, at);
    if (at >= line.length) break;
    const ch = line.charAt(at);
    if (ch === '"') {
      quoted = !quoted;
      command += ch;
      i = at + 1;
    } else if (ch === '^') {
      command += line.charAt(at + 1);
      i = at + 2;
    } else {
      const append = line.charAt(at + 1) === '>';
      const target = readTarget(line, at + (append ? 2 : 1));
      i = target.end;
      // `2>&1` joins the handles, and here they are joined already.
      if (target.path.startsWith('&')) continue;
      if (target.path === '') return { ok: false, error: SYNTAX };
      const before = handleBefore(command);
      command = before.command;
      redirections.push({ path: target.path, append, handle: before.handle });
    }
  }
  return { ok: true, command, redirections };
}
