import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Channel } from '../protocol/rpc.js';
import { JsonLineSocket, socketChannel } from '../transport/socket-channel.js';

/** The first line a console client sends, and the service's answer. */
interface Hello {
  readonly hello: 'ipsec-lab';
  readonly token: string;
}
type Answer = { readonly welcome: true } | { readonly refused: string };

const HANDSHAKE_MS = 5000;

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function tokensMatch(expected: string, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A private local address: a socket in a fresh 0700 folder, or a random named pipe on Windows. */
function privateAddress(): { path: string; cleanup: () => void } {
  if (process.platform === 'win32') {
    return { path: `\\\\.\\pipe\\ipsec-lab-${randomBytes(12).toString('hex')}`, cleanup: () => {} };
  }
  const dir = mkdtempSync(join(tmpdir(), 'ipsec-lab-'));
  return { path: join(dir, 'console.sock'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The local socket console clients attach to. Only a client holding this session's token gets
 * an RPC channel; anyone else gets one line saying why, and the connection is closed.
 */
export class ConsoleEndpoint {
  readonly token = newToken();
  private readonly sockets = new Set<Socket>();
  private constructor(
    readonly path: string,
    private readonly server: Server,
    private readonly cleanup: () => void,
  ) {}

  static async listen(onChannel: (channel: Channel) => void): Promise<ConsoleEndpoint> {
    const address = privateAddress();
    const server = createServer();
    const endpoint = new ConsoleEndpoint(address.path, server, address.cleanup);
    server.on('connection', (socket) => {
      endpoint.sockets.add(socket);
      socket.on('close', () => endpoint.sockets.delete(socket));
      endpoint.handshake(new JsonLineSocket(socket), onChannel);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(address.path, () => resolve());
    });
    return endpoint;
  }

  /** Stops listening and drops every attached console, which then says the lab has gone. */
  close(): void {
    for (const socket of this.sockets) socket.destroy();
    this.server.close();
    this.cleanup();
  }

  private handshake(lines: JsonLineSocket, onChannel: (channel: Channel) => void): void {
    const timer = setTimeout(() => refuse('no greeting was sent'), HANDSHAKE_MS);
    const refuse = (reason: string) => {
      clearTimeout(timer);
      lines.send({ refused: reason } satisfies Answer);
      lines.socket.end();
    };
    lines.onValue((value) => {
      const hello = value as Partial<Hello> | null;
      if (hello?.hello !== 'ipsec-lab') return refuse('this is not an IPSec Lab console client');
      if (!tokensMatch(this.token, hello.token)) return refuse('wrong token');
      clearTimeout(timer);
      lines.send({ welcome: true } satisfies Answer);
      onChannel(socketChannel(lines));
    });
  }
}

/** Client side: connects and greets; resolves with the channel or rejects with a one-line reason. */
export function attachToEndpoint(path: string, token: string): Promise<Channel> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(path);
    const lines = new JsonLineSocket(socket);
    socket.once('error', () => reject(new Error(`cannot reach the lab at ${path} (is IPSec Lab still running?)`)));
    socket.once('close', () => reject(new Error('the lab closed the connection before answering')));
    socket.once('connect', () => lines.send({ hello: 'ipsec-lab', token } satisfies Hello));
    lines.onValue((value) => {
      const answer = value as Partial<{ welcome: boolean; refused: string }> | null;
      if (answer?.welcome) resolve(socketChannel(lines));
      else reject(new Error(`the lab refused this console: ${answer?.refused ?? 'unexpected answer'}`));
    });
  });
}
