import * as pty from '@lydell/node-pty';
import xtermHeadless from '@xterm/headless';
import { join } from 'node:path';

const { Terminal } = xtermHeadless;

export const CLI = join(import.meta.dirname, '..', '..', 'bin', 'ipsec-lab.js');

/**
 * A real console program in a real pseudo-terminal, its output rendered by xterm's headless
 * terminal so tests read the screen a person would see.
 */
export class PtyScreen {
  readonly term = new Terminal({ cols: 100, rows: 30, allowProposedApi: true });
  readonly process: pty.IPty;
  exitCode: number | null = null;
  private readonly exited: Promise<number>;

  constructor(args: string[], env: Record<string, string> = {}) {
    this.process = pty.spawn(process.execPath, [CLI, ...args], {
      name: 'xterm-256color',
      cols: 100,
      rows: 30,
      env: { ...(process.env as Record<string, string>), ...env },
    });
    this.process.onData((d) => this.term.write(d));
    this.exited = new Promise((resolve) =>
      this.process.onExit(({ exitCode }) => {
        this.exitCode = exitCode;
        resolve(exitCode);
      }),
    );
  }

  /** The screen's lines, trailing blanks trimmed. */
  lines(): string[] {
    const buffer = this.term.buffer.active;
    const out: string[] = [];
    for (let i = 0; i < buffer.length; i++) out.push(buffer.getLine(i)?.translateToString(true) ?? '');
    while (out.length && out[out.length - 1] === '') out.pop();
    return out;
  }

  text(): string {
    return this.lines().join('\n');
  }

  type(keys: string): void {
    this.process.write(keys);
  }

  async waitFor(pattern: RegExp | string, timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    const test = (t: string) => (typeof pattern === 'string' ? t.includes(pattern) : pattern.test(t));
    while (Date.now() < deadline) {
      await new Promise<void>((r) => this.term.write('', r));
      const screen = this.text();
      if (test(screen)) return screen;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`Timed out waiting for ${String(pattern)}; screen was:\n${this.text()}`);
  }

  /** Resolves with the exit code once the process has ended and its last output is on screen. */
  async waitForExit(timeoutMs = 10_000): Promise<number> {
    const code = await Promise.race([
      this.exited,
      new Promise<number>((_, reject) => setTimeout(() => reject(new Error('process did not exit')), timeoutMs)),
    ]);
    // The pty can report the exit before its final output has been read: wait until it settles.
    let last = '';
    for (let quiet = 0; quiet < 4; ) {
      await new Promise((r) => setTimeout(r, 50));
      await new Promise<void>((r) => this.term.write('', r));
      const now = this.text();
      quiet = now === last ? quiet + 1 : 0;
      last = now;
    }
    return code;
  }

  kill(): void {
    if (this.exitCode === null) this.process.kill();
  }
}
