import { createInterface, type Interface } from 'node:readline';
import type { ShellOpening, ShellReply } from './protocol/lab-api.js';
import { RpcClient } from './protocol/endpoint.js';
import type { ShellHost } from './shell-host.js';
import { attachToEndpoint } from './console/endpoint.js';

/** Where a console client's lines go: an engine in this process, or a running app's LabService. */
export interface ShellBackend {
  open(host: string): Promise<ShellOpening>;
  run(host: string, line: string): Promise<ShellReply>;
  complete(host: string, line: string): Promise<string[]>;
  /** Called once if the backend goes away while the console is open. */
  onLost(listener: (message: string) => void): void;
}

export function localBackend(shells: ShellHost): ShellBackend {
  return {
    open: async (host) => shells.open(host),
    run: async (host, line) => shells.run(host, line),
    complete: async (host, line) => shells.complete(host, line),
    onLost: () => {},
  };
}

export async function remoteBackend(path: string, token: string): Promise<ShellBackend> {
  const client = new RpcClient(await attachToEndpoint(path, token));
  return {
    open: (host) => client.call('openShell', { host }),
    run: (host, line) => client.call('runShell', { host, line }),
    complete: (host, line) => client.call('completeShell', { host, line }),
    onLost: (listener) => void client.on('connectionLost', ({ message }) => listener(message)),
  };
}

const CLEAR_SCREEN = '\x1b[H\x1b[2J\x1b[3J';

/**
 * A host's command prompt in whatever terminal this process has: Node's readline gives line
 * editing, history on the arrow keys and tab completion; each line goes to the backend.
 * Resolves with the exit code when the console closes.
 */
export async function runConsole(backend: ShellBackend, hostName: string): Promise<number> {
  const out = process.stdout;
  const opening = await backend.open(hostName);
  const interactive = Boolean(process.stdin.isTTY);
  const rl = createInterface({
    input: process.stdin,
    output: out,
    terminal: interactive,
    historySize: 50,
    prompt: opening.prompt,
    completer: (line: string, done: (err: Error | null, result: [string[], string]) => void) => {
      const word = line.split(/\s+/).pop() ?? '';
      backend.complete(opening.host, line).then(
        (hits) => done(null, [hits, word]),
        () => done(null, [[], word]),
      );
    },
  });
  out.write(opening.banner);
  rl.prompt();
  return new Promise<number>((resolve) => {
    let code = 0;
    let open = true;
    rl.on('close', () => (open = false));
    backend.onLost((message) => {
      out.write(`\nipsec-lab: ${message}\n`);
      code = 1;
      rl.close();
    });
    rl.on('SIGINT', () => abandonLine(rl));
    const drained = serialLines(rl, async (line) => {
      if (!interactive) out.write(`${line}\n`);
      const reply = await backend.run(opening.host, line).catch((e: unknown) => lostReply(e, opening.prompt));
      if (reply.clear) out.write(CLEAR_SCREEN);
      out.write(reply.output);
      if (reply.exit) return rl.close();
      if (!open) return void out.write(reply.prompt);
      rl.setPrompt(reply.prompt);
      rl.prompt();
    });
    // Piped input ends before its last lines have run; answer them all before leaving.
    rl.on('close', () => void drained().then(() => resolve(code)));
  });
}

/** Ctrl+C at the prompt: cmd.exe shows ^C, forgets the line and prompts again. */
function abandonLine(rl: Interface): void {
  const state = rl as unknown as { line: string; cursor: number };
  process.stdout.write('^C\n');
  state.line = '';
  state.cursor = 0;
  rl.prompt();
}

function lostReply(error: unknown, prompt: string): ShellReply {
  const message = error instanceof Error ? error.message : String(error);
  return { output: `ipsec-lab: ${message}\n\n`, clear: false, exit: false, prompt };
}

/** Lines pasted in a burst are run one after another, in order, never interleaved. */
function serialLines(rl: Interface, handle: (line: string) => Promise<void>): () => Promise<void> {
  let queue = Promise.resolve();
  rl.on('line', (line) => {
    queue = queue.then(() => handle(line));
  });
  return () => queue;
}
