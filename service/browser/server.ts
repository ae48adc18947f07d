import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { join } from 'node:path';
import { WebSocketServer } from 'ws';
import type { LabService } from '../lab-service.js';
import { newToken, tokensMatch } from '../console/endpoint.js';
import { projectRoot } from '../project.js';
import { wsChannel } from '../transport/ws-channel.js';
import { readStatic } from './static-files.js';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self' ws://127.0.0.1:*",
  "img-src 'self' data:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

const HOST = '127.0.0.1';
const MAX_MESSAGE_BYTES = 1024 * 1024;

/**
 * Browser mode: the built renderer and the LabApi channel (a WebSocket) on 127.0.0.1 only.
 * The channel opens only for this run's token and for pages of this origin, so neither another
 * local user's page nor a DNS-rebinding site can drive the lab.
 */
export class BrowserServer {
  readonly token = newToken();
  private readonly http: Server;
  private readonly sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  private port = 0;

  constructor(
    private readonly service: LabService,
    private readonly root: string = join(projectRoot(), 'dist'),
  ) {
    this.http = createServer((req, res) => void this.serveFile(req, res));
    this.http.on('upgrade', (req, socket, head) => this.upgrade(req, socket, head));
    this.sockets.on('connection', (ws) => this.service.connect(wsChannel(ws)));
  }

  async listen(port = 0): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(port, HOST, () => resolve());
    });
    const address = this.http.address();
    this.port = typeof address === 'object' && address ? address.port : port;
    return this.url;
  }

  get url(): string {
    return `http://${HOST}:${this.port}/#token=${this.token}`;
  }

  close(): Promise<void> {
    for (const client of this.sockets.clients) client.terminate();
    this.sockets.close();
    this.http.closeAllConnections();
    return new Promise((resolve) => this.http.close(() => resolve()));
  }

  /** Only names this server answers to; anything else is a rebinding attempt. */
  private hostAllowed(req: IncomingMessage): boolean {
    return req.headers.host === `${HOST}:${this.port}` || req.headers.host === `localhost:${this.port}`;
  }

  private originAllowed(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    return origin === `http://${HOST}:${this.port}` || origin === `http://localhost:${this.port}`;
  }

  private async serveFile(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!this.hostAllowed(req)) return plain(res, 421, 'IPSec Lab answers only on 127.0.0.1.');
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Only GET is served here.');
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = await readStatic(this.root, path);
    if (!file && path === '/') {
      return plain(res, 503, 'The app is not built yet: run "npm run build", then start browser mode again.');
    }
    if (!file) return plain(res, 404, 'Not found.');
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': file.type, 'Content-Length': file.body.length });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://x');
    const refusal =
      url.pathname !== '/rpc'
        ? '404 Not Found'
        : !this.hostAllowed(req) || !this.originAllowed(req)
          ? '403 Forbidden'
          : !tokensMatch(this.token, url.searchParams.get('token'))
            ? '401 Unauthorized'
            : null;
    if (refusal) {
      socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    this.sockets.handleUpgrade(req, socket, head, (ws) => this.sockets.emit('connection', ws, req));
  }
}

function plain(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(`${message}\n`);
}
