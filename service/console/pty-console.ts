import * as pty from '@lydell/node-pty';

/** The program a console runs inside its pseudo-terminal. */
export interface ConsoleProgram {
  readonly file: string;
  readonly args: readonly string[];
  readonly env: Record<string, string>;
}

export interface ConsoleSink {
  data(text: string): void;
  exit(exitCode: number): void;
}

/** Output is gathered this long before it is sent, so a flood becomes a few large messages. */
const BATCH_MS = 5;
const BATCH_MAX_CHARS = 64 * 1024;
/** Flow control as VS Code's terminal does it: pause the pty while this much is unrendered. */
const HIGH_WATER_CHARS = 100_000;
const LOW_WATER_CHARS = 5_000;

/**
 * One pseudo-terminal running one console program. The only module that touches node-pty:
 * output is batched, and the pty is paused until the UI acknowledges what it has rendered.
 */
export class PtyConsole {
  private readonly process: pty.IPty;
  private pending = '';
  private timer: ReturnType<typeof setTimeout> | null = null;
  private unacked = 0;
  private paused = false;
  private exited = false;

  constructor(program: ConsoleProgram, size: { cols: number; rows: number }, private readonly sink: ConsoleSink) {
    this.process = pty.spawn(program.file, [...program.args], {
      name: 'xterm-256color',
      cols: size.cols,
      rows: size.rows,
      env: program.env,
    });
    this.process.onData((text) => this.gather(text));
    this.process.onExit(({ exitCode }) => {
      this.exited = true;
      this.flush();
      sink.exit(exitCode);
    });
  }

  get pid(): number {
    return this.process.pid;
  }

  write(data: string): void {
    if (!this.exited) this.process.write(data);
  }

  resize(cols: number, rows: number): void {
    if (!this.exited) this.process.resize(cols, rows);
  }

  ack(chars: number): void {
    this.unacked = Math.max(0, this.unacked - chars);
    if (this.paused && this.unacked < LOW_WATER_CHARS) {
      this.paused = false;
      this.process.resume();
    }
  }

  kill(): void {
    if (this.timer) clearTimeout(this.timer);
    if (!this.exited) this.process.kill();
  }

  private gather(text: string): void {
    this.pending += text;
    if (this.pending.length >= BATCH_MAX_CHARS) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), BATCH_MS);
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending === '') return;
    const text = this.pending;
    this.pending = '';
    this.unacked += text.length;
    this.sink.data(text);
    if (!this.paused && !this.exited && this.unacked > HIGH_WATER_CHARS) {
      this.paused = true;
      this.process.pause();
    }
  }
}
